package com.bank.callcenter.calls;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.UUID;

/**
 * A customer is dialled by one call at a time, across all instances:
 * {@code SET callcenter:dialing:<customerId> <callId> NX PX <ttl>}, released (only by its own call) when the call ends.
 */
@ApplicationScoped
public class DialingLock {

    private static final String PREFIX = "callcenter:dialing:";
    private static final String RELEASE_IF_OWNER =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final RedisDataSource redis;

    public DialingLock(RedisDataSource redis) {
        this.redis = redis;
    }

    public boolean acquire(String customerId, UUID callId, Duration ttl) {
        Response reply = redis.execute("SET", PREFIX + customerId, callId.toString(), "NX", "PX",
                String.valueOf(ttl.toMillis()));
        return reply != null && "OK".equals(reply.toString());
    }

    public void release(String customerId, UUID callId) {
        redis.execute("EVAL", RELEASE_IF_OWNER, "1", PREFIX + customerId, callId.toString());
    }
}
