package com.bank.callcenter.security;

import com.bank.callcenter.config.CallCenterConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Failed logins per user name, in Redis so that every instance counts the same failures: a sorted set
 * of failure times (the service's clock, ms), trimmed to the window and expiring with it. A name with
 * {@code max-failures} failures inside the window is locked until the oldest of them leaves it.
 * While Redis is out of reach the instance counts on its own ({@link LocalLoginFailures}): logins go
 * on, still throttled, rather than the whole service locking everyone out.
 */
@ApplicationScoped
public class LoginThrottle {

    static final String FAILURES_PREFIX = "callcenter:login-failures:";
    static final String AUDITED_PREFIX = "callcenter:login-audited:";
    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);

    /** KEYS[1] the failures; ARGV now, window, max (ms, ms, count). Returns ms until unlocked, 0 if not locked. */
    private static final String LOCKED_FOR = """
            redis.call('zremrangebyscore', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
            local count = redis.call('zcard', KEYS[1])
            local max = tonumber(ARGV[3])
            if count < max then
                return 0
            end
            local deciding = redis.call('zrange', KEYS[1], count - max, count - max, 'WITHSCORES')
            return math.max(1, tonumber(deciding[2]) + tonumber(ARGV[2]) - tonumber(ARGV[1]))""";

    /** KEYS[1] the failures; ARGV now, window, a unique member. Returns the failures inside the window. */
    private static final String RECORD_FAILURE = """
            redis.call('zremrangebyscore', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
            redis.call('zadd', KEYS[1], ARGV[1], ARGV[3])
            redis.call('pexpire', KEYS[1], ARGV[2])
            return redis.call('zcard', KEYS[1])""";

    private final RedisDataSource redis;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final LocalLoginFailures local;

    public LoginThrottle(RedisDataSource redis, Clock clock, CallCenterConfig config) {
        this.redis = redis;
        this.clock = clock;
        this.maxFailures = config.security().login().maxFailures();
        this.window = config.security().login().failureWindow();
        this.local = new LocalLoginFailures(maxFailures, window);
    }

    /** How long the name stays locked; empty when it may try a password. */
    public Optional<Duration> lockedFor(String username) {
        Optional<Duration> here = local.lockedFor(username, clock.millis());
        Optional<Response> millis = reachable(() -> redis.execute("EVAL", LOCKED_FOR, "1", FAILURES_PREFIX + username,
                now(), String.valueOf(window.toMillis()), String.valueOf(maxFailures)));
        long wait = millis.map(Response::toLong).orElse(0L);
        return wait > 0 ? Optional.of(Duration.ofMillis(wait)) : here;
    }

    /** Counts a wrong password; true when this failure locks the name. */
    public boolean recordFailure(String username) {
        Optional<Response> count = reachable(() -> redis.execute("EVAL", RECORD_FAILURE, "1", FAILURES_PREFIX + username,
                now(), String.valueOf(window.toMillis()), UUID.randomUUID().toString()));
        if (count.isEmpty()) {
            return local.recordFailure(username, clock.millis());
        }
        return count.get().toLong() == maxFailures;
    }

    /** True once per window and user name: HTTP Basic logs in on every request, the audit needs it once. */
    public boolean firstSuccessInWindow(String username) {
        try {
            return redis.execute("SET", AUDITED_PREFIX + username, now(), "NX", "PX",
                    String.valueOf(window.toMillis())) != null;
        } catch (RuntimeException e) {
            return local.firstSuccessInWindow(username, clock.millis());
        }
    }

    private String now() {
        return String.valueOf(clock.millis());
    }

    /** The answer, or empty when Redis is out of reach (the local count stands in). */
    private static Optional<Response> reachable(Supplier<Response> command) {
        try {
            return Optional.of(command.get());
        } catch (RuntimeException e) {
            LOG.debugf("login throttle: Redis out of reach (%s); counting on this instance", e.getMessage());
            return Optional.empty();
        }
    }
}
