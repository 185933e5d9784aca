package com.bank.callcenter.desk;

import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.lists.ListEntries;
import com.bank.callcenter.scoring.ContactCounting;
import com.bank.callcenter.scoring.ScoringConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * GET /api/agent/today: the RM's day so far. Dialled = calls that reached the PBX; answered = those
 * answered (hand-offs from the robot's team queue included); effective and sms are counted by the
 * score's own rules ({@link ContactCounting}), against the score's daily standard.
 */
@ApplicationScoped
public class TodayCounters {

    /** The counters, and the standard the effective calls are held against. */
    public record Today(long dialled, long answered, long effective, long talkSeconds, long sms, int effectiveStandard,
                        long queueLength) {
    }

    private final EntityManager em;
    private final DeskQueue queue;
    private final ListEntries entries;
    private final ContactCounting counting;
    private final ScoringConfig scoring;
    private final CallCenterConfig callcenter;
    private final Clock clock;

    public TodayCounters(EntityManager em, DeskQueue queue, ListEntries entries, ContactCounting counting,
                         ScoringConfig scoring, CallCenterConfig callcenter, Clock clock) {
        this.counting = counting;
        this.scoring = scoring;
        this.queue = queue;
        this.entries = entries;
        this.em = em;
        this.callcenter = callcenter;
        this.clock = clock;
    }

    /** The RM's day so far, with the live queue's length (PostgreSQL's count of due entries while Redis is away). */
    public Today of(String staffId) {
        long queueLength = queueLength(staffId);
        return QuarkusTransaction.requiringNew().call(() -> counted(staffId, queueLength));
    }

    private long queueLength(String staffId) {
        Instant now = clock.instant();
        try {
            return queue.length(staffId, now);
        } catch (RuntimeException e) {
            return QuarkusTransaction.requiringNew().call(() -> entries.dueCountForDesk(staffId, now));
        }
    }

    private Today counted(String staffId, long queueLength) {
        ZonedDateTime start = LocalDate.now(clock.withZone(callcenter.zone())).atStartOfDay(callcenter.zone());
        Instant from = start.toInstant();
        Instant to = start.plusDays(1).toInstant();
        Object[] calls = (Object[]) em.createNativeQuery("""
                        select count(*) filter (where a.sent and c.kind = 'AGENT_CALL'),
                               count(*) filter (where c.answer_at is not null),
                               coalesce(sum(c.talk_seconds) filter (where c.answer_at is not null), 0)
                        from call_attempt c join contact_attempt a on a.id = c.id
                        where c.staff_id = ?1 and c.queued_at >= ?2 and c.queued_at < ?3""")
                .setParameter(1, staffId).setParameter(2, Timestamp.from(from)).setParameter(3, Timestamp.from(to))
                .getSingleResult();
        return new Today(((Number) calls[0]).longValue(), ((Number) calls[1]).longValue(),
                counting.effectiveCalls(staffId, from, to), ((Number) calls[2]).longValue(),
                counting.countedSms(staffId, from, to), scoring.effectiveCallsPerWorkingDay(), queueLength);
    }
}
