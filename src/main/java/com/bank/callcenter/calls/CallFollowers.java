package com.bank.callcenter.calls;

import com.bank.callcenter.telephony.TelephonyConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * Which service instance follows a call: each instance has an id, written on the calls it places
 * (call_attempt.follower), and keeps a heartbeat key in Redis while it runs. A call whose follower's
 * heartbeat is gone has lost its follower and may be adopted by another instance.
 */
@ApplicationScoped
public class CallFollowers {

    private static final Logger LOG = Logger.getLogger(CallFollowers.class);
    private static final String PREFIX = "callcenter:call-follower:";
    private static final int MISSED_BEATS_BEFORE_GONE = 3;

    private final String self = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private final ValueCommands<String, String> values;
    private final KeyCommands<String> keys;
    private final TelephonyConfig config;

    public CallFollowers(RedisDataSource redis, TelephonyConfig config) {
        this.values = redis.value(String.class, String.class);
        this.keys = redis.key(String.class);
        this.config = config;
    }

    /** This instance's id. */
    public String self() {
        return self;
    }

    /** True while {@code follower}'s heartbeat is in Redis (always for this instance). */
    public boolean isAlive(String follower) {
        return self.equals(follower) || keys.exists(PREFIX + follower);
    }

    void start(@Observes StartupEvent event) {
        beat();
    }

    // the start-up observer beats first, on the main thread: a scheduler thread creating the Redis
    // client while the main thread does (Quarkus's own start-up observer) fails the start with a CME
    @Scheduled(every = "{telephony.follower-heartbeat}", delayed = "{callcenter.scheduler.start-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void beat() {
        try {
            values.psetex(PREFIX + self, config.followerHeartbeat().toMillis() * MISSED_BEATS_BEFORE_GONE, "alive");
        } catch (RuntimeException e) {
            LOG.warnf("call follower heartbeat not written (%s)", e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        try {
            keys.del(PREFIX + self);
        } catch (RuntimeException e) {
            LOG.debugf("call follower heartbeat not removed (%s); it expires by itself", e.getMessage());
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "instance";
        }
    }
}
