package com.bank.callcenter.calls;

import com.bank.callcenter.common.ClusterLock;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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

    /** Customer id → call id in; the customers whose lock was taken out. */
    public Set<String> acquireAll(Map<String, UUID> calls, Duration ttl) {
        Map<String, String> tokens = new HashMap<>();
        calls.forEach((customerId, callId) -> tokens.put(PREFIX + customerId, callId.toString()));
        Set<String> customers = new HashSet<>();
        locks.tryAcquireAll(tokens, ttl).forEach(key -> customers.add(key.substring(PREFIX.length())));
        return customers;
    }

    /** Customer id → call id: each lock released if that call still holds it. */
    public void releaseAll(Map<String, UUID> calls) {
        Map<String, String> tokens = new HashMap<>();
        calls.forEach((customerId, callId) -> tokens.put(PREFIX + customerId, callId.toString()));
        locks.releaseAll(tokens);
    }

    public void release(String customerId, UUID callId) {
        locks.release(PREFIX + customerId, callId.toString());
    }
}
