package com.bank.callcenter.calls;

import com.bank.callcenter.telephony.TelephonyConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * No call is left open: one still in flight after the dialing-lock TTL (no call lasts that long)
 * lost its follower — e.g. the instance that placed it stopped — and becomes UNKNOWN with that reason.
 */
@ApplicationScoped
public class AbandonedCalls {

    private final EntityManager em;
    private final TelephonyConfig config;
    private final Clock clock;

    public AbandonedCalls(EntityManager em, TelephonyConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "5m", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        close(config.dialingLockTtl());
    }

    /** Closes the calls queued longer than {@code age} ago that are not final; returns how many. */
    @Transactional
    public int close(Duration age) {
        Instant now = clock.instant();
        return em.createNativeQuery("update call_attempt set state = 'UNKNOWN', end_at = ?1, version = version + 1,"
                        + " reason = ?2 where state in " + CallState.IN_FLIGHT_SQL + " and queued_at < ?3")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, "not followed to its end: no final event within " + age
                        + " (the service instance that placed it stopped?)")
                .setParameter(3, Timestamp.from(now.minus(age)))
                .executeUpdate();
    }
}
