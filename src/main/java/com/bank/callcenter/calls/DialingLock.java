package com.bank.callcenter.calls;

import com.bank.callcenter.common.ClusterLock;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.UUID;

/**
 * A customer is dialled by one call at a time, across all instances: a {@link ClusterLock} on
 * {@code callcenter:dialing:<customerId>} held by the call's id, released (only by that call)
 * when the call ends.
 */
@ApplicationScoped
public class DialingLock {

    private static final String PREFIX = "callcenter:dialing:";

    private final ClusterLock locks;

    public DialingLock(ClusterLock locks) {
        this.locks = locks;
    }

    public boolean acquire(String customerId, UUID callId, Duration ttl) {
        return locks.tryAcquire(PREFIX + customerId, callId.toString(), ttl);
    }

    public void release(String customerId, UUID callId) {
        locks.release(PREFIX + customerId, callId.toString());
    }
}
