package com.bank.callcenter.common;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A lock shared by every instance of the service, in Redis: SET key token NX PX ttl to take it,
 * and a compare-and-delete script to release it, so an instance never releases a lock that
 * expired and was taken by another.
 */
@ApplicationScoped
public class ClusterLock {

    private static final String RELEASE = """
            if redis.call('get', KEYS[1]) == ARGV[1] then
                return redis.call('del', KEYS[1])
            end
            return 0""";

    private final RedisDataSource redis;
    private final ValueCommands<String, String> values;

    public ClusterLock(RedisDataSource redis) {
        this.redis = redis;
        this.values = redis.value(String.class, String.class);
    }

    /** The lock if it was free; empty when another holder has it. */
    public Optional<Held> tryAcquire(String key, Duration ttl) {
        String token = UUID.randomUUID().toString();
        return tryAcquire(key, token, ttl) ? Optional.of(new Held(key, token)) : Optional.empty();
    }

    /**
     * For a lock released later, elsewhere (e.g. when a call ends on another thread): the holder
     * names itself with {@code token} and releases with {@link #release(String, String)}.
     */
    public boolean tryAcquire(String key, String token, Duration ttl) {
        return values.setAndChanged(key, token, new SetArgs().nx().px(ttl));
    }

    /** Releases the lock only if {@code token} still holds it. */
    public void release(String key, String token) {
        redis.execute("EVAL", RELEASE, "1", key, token);
    }

    /** A lock this instance holds; closing it releases it. */
    public final class Held implements AutoCloseable {

        private final String key;
        private final String token;

        private Held(String key, String token) {
            this.key = key;
            this.token = token;
        }

        @Override
        public void close() {
            release(key, token);
        }
    }
}
