package com.bank.callcenter.common;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;

import io.vertx.mutiny.redis.client.Response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

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

    /** KEYS = the locks, ARGV = their tokens, then the ttl in ms; returns the keys taken. */
    private static final String ACQUIRE_ALL = """
            local taken = {}
            local ttl = ARGV[#KEYS + 1]
            for i, key in ipairs(KEYS) do
                if redis.call('set', key, ARGV[i], 'NX', 'PX', ttl) then
                    table.insert(taken, key)
                end
            end
            return taken""";

    private static final String RELEASE_ALL = """
            local released = 0
            for i, key in ipairs(KEYS) do
                if redis.call('get', key) == ARGV[i] then
                    released = released + redis.call('del', key)
                end
            end
            return released""";

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
        return reachable(() -> values.setAndChanged(key, token, new SetArgs().nx().px(ttl)));
    }

    /**
     * Many locks in one round trip (a dialer's batch), each taken only if free: key → token in, the
     * keys taken out. One script, so the keys must live on one Redis node (no cluster slots).
     */
    public Set<String> tryAcquireAll(Map<String, String> tokens, Duration ttl) {
        if (tokens.isEmpty()) {
            return Set.of();
        }
        List<String> args = new ArrayList<>(2 * tokens.size() + 3);
        args.add(ACQUIRE_ALL);
        args.add(String.valueOf(tokens.size()));
        List<String> keys = new ArrayList<>(tokens.keySet());
        args.addAll(keys);
        keys.forEach(key -> args.add(tokens.get(key)));
        args.add(String.valueOf(ttl.toMillis()));
        Response taken = reachable(() -> redis.execute("EVAL", args.toArray(new String[0])));
        Set<String> result = new HashSet<>();
        if (taken != null) {
            taken.forEach(key -> result.add(key.toString()));
        }
        return result;
    }

    /** Releases each lock whose token still holds it, in one round trip. */
    public void releaseAll(Map<String, String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(2 * tokens.size() + 2);
        args.add(RELEASE_ALL);
        args.add(String.valueOf(tokens.size()));
        List<String> keys = new ArrayList<>(tokens.keySet());
        args.addAll(keys);
        keys.forEach(key -> args.add(tokens.get(key)));
        reachable(() -> redis.execute("EVAL", args.toArray(new String[0])));
    }

    /** Releases the lock only if {@code token} still holds it. */
    public void release(String key, String token) {
        reachable(() -> redis.execute("EVAL", RELEASE, "1", key, token));
    }

    /**
     * Runs a Redis command; Redis out of reach is a 503 problem (work that needs a lock waits and is
     * tried again), never an unexplained error.
     */
    private static <T> T reachable(Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            throw new ProblemException(Status.SERVICE_UNAVAILABLE, "locks-unavailable",
                    "the lock service (Redis) is unreachable; try again shortly: " + e.getMessage());
        }
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
