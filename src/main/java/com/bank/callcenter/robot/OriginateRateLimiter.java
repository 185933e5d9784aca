package com.bank.callcenter.robot;

import com.bank.callcenter.common.SqlValues;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The robot dialer's calls-per-second, held across ticks, kicks and service instances: before sending,
 * the sender reserves slots in a per-campaign sliding-window log of the slots granted (Redis sorted
 * set; a Lua script trims it to the window, counts and adds atomically). Slots are granted only while
 * fewer than the limit were granted within the window, so no window of that length ever holds more
 * grants than the limit. With its next call the sender moves the slots it used to their send times,
 * so a slow grant or a late send never squeezes more into a window; what is left (a slot of another
 * instance between its grant and its next call, the way to the PBX) is covered by the rate margin that
 * lengthens the window (a grant's calls go out within half of it). While Redis is out of reach the same log is kept in
 * PostgreSQL under a per-campaign advisory lock. Times are the wall clock (not the business clock):
 * pacing is about real seconds on the carrier's trunk.
 */
@ApplicationScoped
public class OriginateRateLimiter {

    static final String SLOTS_PREFIX = "callcenter:robot-originates:";
    private static final Logger LOG = Logger.getLogger(OriginateRateLimiter.class);

    /**
     * KEYS[1] the slots; ARGV now, window (ms), limit, how many asked, the new slots' prefix, then pairs of
     * (slot, send time) of slots sent since the last call. Moves those to their send times, then grants
     * min(asked, limit − slots in the window), all at now; returns {granted, ms until a slot may be free}.
     */
    private static final String RESERVE = """
            local now = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            for i = 6, #ARGV, 2 do
                redis.call('zadd', KEYS[1], 'XX', ARGV[i + 1], ARGV[i])
            end
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

    /** Slots granted now (0 to the number asked; named {@link #slot}), or none and how long until one may be free. */
    public record Grant(int slots, long waitMillis, String slotPrefix) {
        /** The i-th slot (1 to {@link #slots}). */
        public String slot(int i) {
            return slotPrefix + i;
        }
    }

    private final RedisDataSource redis;
    private final EntityManager em;

    public OriginateRateLimiter(RedisDataSource redis, EntityManager em) {
        this.redis = redis;
        this.em = em;
    }

    /**
     * Up to {@code asked} Originate slots of the campaign, granted now. {@code sentAt}: slots granted
     * earlier and sent since, with their send times (wall clock, ms), which replace their grant times in
     * the log — so a slow grant or a late send cannot squeeze more into a window than the limit.
     */
    public Grant reserve(String campaignId, int limit, Duration window, int asked, Map<String, Long> sentAt) {
        long now = System.currentTimeMillis();
        String prefix = UUID.randomUUID() + ":";
        try {
            List<String> args = new ArrayList<>(List.of("EVAL", RESERVE, "1", SLOTS_PREFIX + campaignId,
                    String.valueOf(now), String.valueOf(window.toMillis()), String.valueOf(limit),
                    String.valueOf(asked), prefix));
            sentAt.forEach((slot, at) -> {
                args.add(slot);
                args.add(String.valueOf(at));
            });
            Response reply = redis.execute(args.get(0), args.subList(1, args.size()).toArray(String[]::new));
            return new Grant(reply.get(0).toInteger(), reply.get(1).toLong(), prefix);
        } catch (RuntimeException e) {
            LOG.debugf("robot originate slots: Redis out of reach (%s); reserving in PostgreSQL", e.getMessage());
            return QuarkusTransaction.requiringNew().call(() -> reserveInDatabase(campaignId, limit, window, asked,
                    sentAt, prefix));
        }
    }

    private Grant reserveInDatabase(String campaignId, int limit, Duration window, int asked, Map<String, Long> sentAt,
                                    String prefix) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('robot-originate-slots:' || ?1))")
                .setParameter(1, campaignId).getSingleResult();
        // the time of the grant is now, under the lock: not before the failed Redis call or the wait for the lock
        long now = System.currentTimeMillis();
        sentAt.forEach((slot, at) -> em.createNativeQuery("update robot_originate_slot set slot_at = ?3"
                        + " where campaign_id = ?1 and slot_id = ?2")
                .setParameter(1, campaignId).setParameter(2, slot).setParameter(3, Timestamp.from(Instant.ofEpochMilli(at)))
                .executeUpdate());
        Timestamp windowStart = Timestamp.from(Instant.ofEpochMilli(now - window.toMillis()));
        em.createNativeQuery("delete from robot_originate_slot where campaign_id = ?1 and slot_at <= ?2")
                .setParameter(1, campaignId).setParameter(2, windowStart).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("select count(*), min(slot_at) from robot_originate_slot"
                        + " where campaign_id = ?1").setParameter(1, campaignId).getSingleResult();
        int granted = (int) Math.min(asked, limit - ((Number) row[0]).longValue());
        if (granted > 0) {
            em.createNativeQuery("insert into robot_originate_slot (campaign_id, slot_id, slot_at)"
                            + " select ?1, ?2 || i, ?3 from generate_series(1, ?4) i")
                    .setParameter(1, campaignId).setParameter(2, prefix)
                    .setParameter(3, Timestamp.from(Instant.ofEpochMilli(now))).setParameter(4, granted).executeUpdate();
            return new Grant(granted, 0, prefix);
        }
        long oldest = SqlValues.instant(row[1]).toEpochMilli();
        return new Grant(0, Math.max(1, oldest + window.toMillis() - now), prefix);
    }
}
