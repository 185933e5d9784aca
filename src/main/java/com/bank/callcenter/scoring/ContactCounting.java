package com.bank.callcenter.scoring;

import com.bank.callcenter.config.CallCenterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The honest count of an RM's calls and SMS, by set-based SQL over the records. A call counts when
 * the RM placed it (click-to-call, desk, progressive — not a robot call, not a hand-off from the
 * robot's queue), it was answered, its talk lasted at least callcenter.scoring.effective-call-seconds,
 * and no earlier counted call reached the same customer that day (callcenter.zone). An SMS counts
 * when the RM sent it (campaign and robot SMS carry no RM), the gateway accepted it (SENT), and no
 * earlier counted SMS went to the same customer that day. So a 3 s call, ten calls to one customer
 * or an SMS sent twice are not units of work. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class ContactCounting {

    public static final String NOT_PLACED_BY_RM = "not-placed-by-rm";
    public static final String NOT_ANSWERED = "not-answered";
    public static final String TOO_SHORT = "too-short";
    public static final String REPEAT_SAME_DAY = "repeat-same-day";
    public static final String NOT_ACCEPTED = "not-accepted";

    /** Each call of the RMs in the period with the rule that leaves it out (null: counted). ?1 zone, ?2 from, ?3 to, ?4 seconds, ?5 staff or null. */
    static final String CALLS = """
            with judged as (
              select id, staff_id, customer_id, queued_at,
                     case when kind <> 'AGENT_CALL' or handed_off_at is not null then '%s'
                          when answer_at is null then '%s'
                          when coalesce(talk_seconds, 0) < ?4 then '%s' end as excluded,
                     cast(queued_at at time zone ?1 as date) as day
              from call_attempt
              where staff_id is not null and queued_at >= ?2 and queued_at < ?3
                and (cast(?5 as text) is null or staff_id = ?5))
            select id, staff_id, queued_at as at, coalesce(excluded,
                     case when row_number() over (partition by staff_id, customer_id, day, excluded is null
                                                  order by queued_at, id) > 1 then '%s' end) as rule
            from judged""".formatted(NOT_PLACED_BY_RM, NOT_ANSWERED, TOO_SHORT, REPEAT_SAME_DAY);

    /** The same for SMS: ?1 zone, ?2 from, ?3 to, ?4 staff or null. */
    private static final String SMS = """
            with judged as (
              select id, staff_id, customer_id, created_at,
                     case when state <> 'SENT' then '%s' end as excluded,
                     cast(created_at at time zone ?1 as date) as day
              from sms_message
              where staff_id is not null and created_at >= ?2 and created_at < ?3
                and (cast(?4 as text) is null or staff_id = ?4))
            select id, staff_id, created_at as at, coalesce(excluded,
                     case when row_number() over (partition by staff_id, customer_id, day, excluded is null
                                                  order by created_at, id) > 1 then '%s' end) as rule
            from judged""".formatted(NOT_ACCEPTED, REPEAT_SAME_DAY);

    private final EntityManager em;
    private final ScoringConfig config;
    private final CallCenterConfig callcenter;

    public ContactCounting(EntityManager em, ScoringConfig config, CallCenterConfig callcenter) {
        this.em = em;
        this.config = config;
        this.callcenter = callcenter;
    }

    /*
     * The counts per RM: one per distinct (RM, customer, day) among the records no other rule leaves out, which
     * is exactly the number of records CALLS / SMS leave with rule null (the first of each such group), without
     * numbering every record of the period in a sort. Same parameters as CALLS / SMS.
     */
    static final String CALLS_PER_RM = """
            select staff_id, count(*) from (
              select distinct staff_id, customer_id, cast(queued_at at time zone ?1 as date)
              from call_attempt
              where staff_id is not null and queued_at >= ?2 and queued_at < ?3
                and (cast(?5 as text) is null or staff_id = ?5)
                and kind = 'AGENT_CALL' and handed_off_at is null and answer_at is not null
                and coalesce(talk_seconds, 0) >= ?4) counted
            group by staff_id""";
    static final String SMS_PER_RM = """
            select staff_id, count(*) from (
              select distinct staff_id, customer_id, cast(created_at at time zone ?1 as date)
              from sms_message
              where staff_id is not null and created_at >= ?2 and created_at < ?3
                and (cast(?4 as text) is null or staff_id = ?4)
                and state = 'SENT') counted
            group by staff_id""";

    /** Effective calls per RM placed in [from, to). */
    public Map<String, Long> effectiveCalls(Instant from, Instant to) {
        return effectiveCalls(from, to, null);
    }

    /** Effective calls per RM, or of one RM ({@code staffId}; null: every RM), placed in [from, to). */
    public Map<String, Long> effectiveCalls(Instant from, Instant to, String staffId) {
        return countsPerRm(CALLS_PER_RM, staffId, from, to, true);
    }

    /** The RM's effective calls placed in [from, to). */
    public long effectiveCalls(String staffId, Instant from, Instant to) {
        return effectiveCalls(from, to, staffId).getOrDefault(staffId, 0L);
    }

    /** Counted SMS per RM sent in [from, to). */
    public Map<String, Long> countedSms(Instant from, Instant to) {
        return countedSms(from, to, null);
    }

    /** Counted SMS per RM, or of one RM ({@code staffId}; null: every RM), sent in [from, to). */
    public Map<String, Long> countedSms(Instant from, Instant to, String staffId) {
        return countsPerRm(SMS_PER_RM, staffId, from, to, false);
    }

    /** The RM's counted SMS sent in [from, to). */
    public long countedSms(String staffId, Instant from, Instant to) {
        return countedSms(from, to, staffId).getOrDefault(staffId, 0L);
    }

    /** The RM's calls placed in [from, to), counted or not and why, in the order they were placed. */
    public CountedRecords callRecords(String staffId, Instant from, Instant to) {
        return records("select id, rule from (" + CALLS + ") c order by at, id", staffId, from, to, true);
    }

    /** The RM's SMS sent in [from, to), counted or not and why. */
    public CountedRecords smsRecords(String staffId, Instant from, Instant to) {
        return records("select id, rule from (" + SMS + ") s order by at, id", staffId, from, to, false);
    }

    private Map<String, Long> countsPerRm(String statement, String staffId, Instant from, Instant to, boolean calls) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(statement, staffId, from, to, calls).getResultList();
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    private CountedRecords records(String statement, String staffId, Instant from, Instant to, boolean calls) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(statement, staffId, from, to, calls).getResultList();
        List<UUID> counted = new ArrayList<>();
        List<CountedRecords.NotCounted> notCounted = new ArrayList<>();
        for (Object[] row : rows) {
            if (row[1] == null) {
                counted.add((UUID) row[0]);
            } else {
                notCounted.add(new CountedRecords.NotCounted((UUID) row[0], (String) row[1]));
            }
        }
        return new CountedRecords(counted, notCounted);
    }

    private jakarta.persistence.Query bind(String statement, String staffId, Instant from, Instant to, boolean calls) {
        jakarta.persistence.Query query = em.createNativeQuery(statement)
                .setParameter(1, callcenter.zone().getId())
                .setParameter(2, Timestamp.from(from))
                .setParameter(3, Timestamp.from(to));
        if (calls) {
            return query.setParameter(4, config.effectiveCallSeconds()).setParameter(5, staffId);
        }
        return query.setParameter(4, staffId);
    }
}
