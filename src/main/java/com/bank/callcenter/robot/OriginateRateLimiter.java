package com.bank.callcenter.robot;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.UUID;

/**
 * The robot dialer's calls-per-second, held across ticks, kicks and service instances: before sending,
 * the sender reserves slots in a per-campaign sliding-window log of the slots granted (Redis sorted
 * set; a Lua script trims it to the window, counts and adds atomically). Slots are granted only while
 * fewer than the limit were granted within the window, so no window of that length ever holds more
 * grants than the limit; the sender sends a grant's calls within a small part of the rate margin
 * that lengthens the window, so no second of the PBX's holds more Originates than the limit. While Redis is out of reach the same log is kept in
 * PostgreSQL under a per-campaign advisory lock. Times are the wall clock (not the business clock):
 * pacing is about real seconds on the carrier's trunk.
 */
@ApplicationScoped
public class OriginateRateLimiter {

    static final String SLOTS_PREFIX = "callcenter:robot-originates:";
    private static final Logger LOG = Logger.getLogger(OriginateRateLimiter.class);

    /**
     * KEYS[1] the slots; ARGV now, window (ms), limit, how many asked, a unique prefix. Grants min(asked,
     * limit − slots in the window), all at now; returns {granted, ms until a slot may be free when none}.
     */
    private static final String RESERVE = """
            local now = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            redis.call('zremrangebyscore', KEYS[1], '-inf', now - window)
            local count = redis.call('zcard', KEYS[1])
            local granted = math.min(tonumber(ARGV[4]), tonumber(ARGV[3]) - count)
            if granted > 0 then
                for i = 1, granted do
                    redis.call('zadd', KEYS[1], now, ARGV[5] .. i)
                end
                redis.call('pexpire', KEYS[1], window)
                return {granted, 0}
            end
            local oldest = redis.call('zrange', KEYS[1], 0, 0, 'WITHSCORES')
            return {0, math.max(1, tonumber(oldest[2]) + window - now)}""";

    /** Slots granted now (0 to the number asked), or none and how long until one may be free. */
    public record Grant(int slots, long waitMillis) {
    }

    private final RedisDataSource redis;
    private final EntityManager em;

    public OriginateRateLimiter(RedisDataSource redis, EntityManager em) {
        this.redis = redis;
        this.em = em;
    }

    /** Up to {@code asked} Originate slots of the campaign, granted now. */
    public Grant reserve(String campaignId, int limit, Duration window, int asked) {
        try {
            Response reply = redis.execute("EVAL", RESERVE, "1", SLOTS_PREFIX + campaignId,
                    String.valueOf(System.currentTimeMillis()), String.valueOf(window.toMillis()),
                    String.valueOf(limit), String.valueOf(asked), UUID.randomUUID() + ":");
            return new Grant(reply.get(0).toInteger(), reply.get(1).toLong());
        } catch (RuntimeException e) {
            LOG.debugf("robot originate slots: Redis out of reach (%s); reserving in PostgreSQL", e.getMessage());
            return QuarkusTransaction.requiringNew().call(() -> reserveInDatabase(campaignId, limit, window, asked));
        }
    }

    private Grant reserveInDatabase(String campaignId, int limit, Duration window, int asked) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('robot-originate-slots:' || ?1))")
                .setParameter(1, campaignId).getSingleResult();
        String windowStart = "clock_timestamp() - make_interval(secs => ?2 / 1000.0)";
        em.createNativeQuery("delete from robot_originate_slot where campaign_id = ?1 and granted_at <= " + windowStart)
                .setParameter(1, campaignId).setParameter(2, window.toMillis()).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("select count(*), ceil(extract(epoch from min(granted_at) - ("
                        + windowStart + ")) * 1000) from robot_originate_slot where campaign_id = ?1")
                .setParameter(1, campaignId).setParameter(2, window.toMillis()).getSingleResult();
        int granted = (int) Math.min(asked, limit - ((Number) row[0]).longValue());
        if (granted > 0) {
            em.createNativeQuery("insert into robot_originate_slot (campaign_id, granted_at)"
                            + " select ?1, clock_timestamp() from generate_series(1, ?2)")
                    .setParameter(1, campaignId).setParameter(2, granted).executeUpdate();
            return new Grant(granted, 0);
        }
        return new Grant(0, Math.max(1, ((Number) row[1]).longValue()));
    }
}
