package com.bank.callcenter.robot;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.UUID;

/**
 * The robot dialer's calls-per-second, held across ticks, kicks and service instances: before each
 * Originate the sender reserves a slot in a per-campaign sliding-window log of the slots granted
 * (Redis sorted set; a Lua script trims it to the window, counts and adds atomically). A slot is
 * granted only while fewer than the limit were granted within the window, so no window of that length
 * ever holds more Originates than the limit. While Redis is out of reach the same log is kept in
 * PostgreSQL under a per-campaign advisory lock. Times are the wall clock (not the business clock):
 * pacing is about real seconds on the carrier's trunk.
 */
@ApplicationScoped
public class OriginateRateLimiter {

    static final String SLOTS_PREFIX = "callcenter:robot-originates:";
    private static final Logger LOG = Logger.getLogger(OriginateRateLimiter.class);

    /** KEYS[1] the slots; ARGV now, window (ms), limit, a unique member. Returns 0 if granted, else ms to wait. */
    private static final String RESERVE = """
            local now = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            redis.call('zremrangebyscore', KEYS[1], '-inf', now - window)
            local count = redis.call('zcard', KEYS[1])
            if count < tonumber(ARGV[3]) then
                redis.call('zadd', KEYS[1], now, ARGV[4])
                redis.call('pexpire', KEYS[1], window)
                return 0
            end
            local oldest = redis.call('zrange', KEYS[1], 0, 0, 'WITHSCORES')
            return math.max(1, tonumber(oldest[2]) + window - now)""";

    private final RedisDataSource redis;
    private final EntityManager em;

    public OriginateRateLimiter(RedisDataSource redis, EntityManager em) {
        this.redis = redis;
        this.em = em;
    }

    /** One Originate slot of the campaign now: 0 when granted, else how long (ms) until one may be free. */
    public long reserve(String campaignId, int limit, Duration window) {
        try {
            return redis.execute("EVAL", RESERVE, "1", SLOTS_PREFIX + campaignId,
                    String.valueOf(System.currentTimeMillis()), String.valueOf(window.toMillis()),
                    String.valueOf(limit), UUID.randomUUID().toString()).toLong();
        } catch (RuntimeException e) {
            LOG.debugf("robot originate slots: Redis out of reach (%s); reserving in PostgreSQL", e.getMessage());
            return QuarkusTransaction.requiringNew().call(() -> reserveInDatabase(campaignId, limit, window));
        }
    }

    private long reserveInDatabase(String campaignId, int limit, Duration window) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('robot-originate-slots:' || ?1))")
                .setParameter(1, campaignId).getSingleResult();
        String windowStart = "clock_timestamp() - make_interval(secs => ?2 / 1000.0)";
        em.createNativeQuery("delete from robot_originate_slot where campaign_id = ?1 and granted_at <= " + windowStart)
                .setParameter(1, campaignId).setParameter(2, window.toMillis()).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("select count(*), ceil(extract(epoch from min(granted_at) - ("
                        + windowStart + ")) * 1000) from robot_originate_slot where campaign_id = ?1")
                .setParameter(1, campaignId).setParameter(2, window.toMillis()).getSingleResult();
        if (((Number) row[0]).longValue() < limit) {
            em.createNativeQuery("insert into robot_originate_slot (campaign_id, granted_at) values (?1, clock_timestamp())")
                    .setParameter(1, campaignId).executeUpdate();
            return 0;
        }
        return Math.max(1, ((Number) row[1]).longValue());
    }
}
