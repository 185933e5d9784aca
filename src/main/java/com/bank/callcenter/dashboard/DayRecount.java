package com.bank.callcenter.dashboard;

import com.bank.callcenter.calls.CallKind;
import com.bank.callcenter.calls.CallRecordsChanged;
import com.bank.callcenter.calls.CallState;
import com.bank.callcenter.common.SqlValues;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.scoring.ContactCounting;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A day as PostgreSQL has it: the counters recounted by set-based SQL with the desk's and the score's own
 * definitions (for GET /api/dashboard/check), and the day's call and SMS records (for a rebuild of the
 * live counters).
 */
@ApplicationScoped
public class DayRecount {

    /** One SMS record of the day. */
    record SmsRecord(UUID smsId, String staffId, String customerId, String state) {
    }

    private final EntityManager em;
    private final ContactCounting counting;
    private final CallCenterConfig callcenter;

    public DayRecount(EntityManager em, ContactCounting counting, CallCenterConfig callcenter) {
        this.em = em;
        this.counting = counting;
        this.callcenter = callcenter;
    }

    Instant start(LocalDate day) {
        return day.atStartOfDay(callcenter.zone()).toInstant();
    }

    Instant end(LocalDate day) {
        return day.plusDays(1).atStartOfDay(callcenter.zone()).toInstant();
    }

    /** The day's counters (fields of {@link CounterFields}), zeros left out. */
    Map<String, Long> counters(LocalDate day) {
        Instant from = start(day);
        Instant to = end(day);
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counters = new HashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> perRmHour = em.createNativeQuery("""
                            select c.staff_id, cast(extract(hour from c.queued_at at time zone ?1) as int),
                                   count(*) filter (where a.sent and c.kind = 'AGENT_CALL'),
                                   count(*) filter (where c.answer_at is not null),
                                   coalesce(sum(c.talk_seconds) filter (where c.answer_at is not null), 0)
                            from call_attempt c join contact_attempt a on a.id = c.id
                            where c.staff_id is not null and c.queued_at >= ?2 and c.queued_at < ?3
                            group by 1, 2""")
                    .setParameter(1, callcenter.zone().getId()).setParameter(2, Timestamp.from(from))
                    .setParameter(3, Timestamp.from(to)).getResultList();
            for (Object[] row : perRmHour) {
                String rm = (String) row[0];
                int hour = ((Number) row[1]).intValue();
                add(counters, CounterFields.rm(rm, CounterFields.DIALLED), ((Number) row[2]).longValue());
                add(counters, CounterFields.rmHour(rm, CounterFields.DIALLED, hour), ((Number) row[2]).longValue());
                add(counters, CounterFields.rm(rm, CounterFields.ANSWERED), ((Number) row[3]).longValue());
                add(counters, CounterFields.rmHour(rm, CounterFields.ANSWERED, hour), ((Number) row[3]).longValue());
                add(counters, CounterFields.rm(rm, CounterFields.TALK_SECONDS), ((Number) row[4]).longValue());
            }
            counting.effectiveCalls(from, to).forEach((rm, n) -> add(counters, CounterFields.rm(rm, CounterFields.EFFECTIVE), n));
            counting.countedSms(from, to).forEach((rm, n) -> add(counters, CounterFields.rm(rm, CounterFields.SMS), n));
            Object[] robot = (Object[]) em.createNativeQuery("""
                            select count(*) filter (where trim(robot_choice) = '1'),
                                   count(*) filter (where trim(robot_choice) = '2'),
                                   count(*) filter (where trim(robot_choice) = '9'),
                                   count(*) filter (where answer_at is not null and coalesce(trim(robot_choice), '') = ''
                                                    and state not in %s)
                            from call_attempt
                            where kind = 'ROBOT_CALL' and queued_at >= ?1 and queued_at < ?2"""
                            .formatted(CallState.IN_FLIGHT_SQL))
                    .setParameter(1, Timestamp.from(from)).setParameter(2, Timestamp.from(to)).getSingleResult();
            add(counters, CounterFields.robot(CounterFields.PRESSED_1), ((Number) robot[0]).longValue());
            add(counters, CounterFields.robot(CounterFields.PRESSED_2), ((Number) robot[1]).longValue());
            add(counters, CounterFields.robot(CounterFields.PRESSED_9), ((Number) robot[2]).longValue());
            add(counters, CounterFields.robot(CounterFields.NO_INPUT), ((Number) robot[3]).longValue());
            return counters;
        });
    }

    private static void add(Map<String, Long> counters, String field, long n) {
        if (n != 0) {
            counters.merge(field, n, Long::sum);
        }
    }

    /** Every call record queued that day, as the call-record writer tells them. */
    void calls(LocalDate day, Consumer<CallRecordsChanged.Record> each) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select c.id, c.kind, c.staff_id, c.customer_id, c.queued_at, c.state, c.answer_at, c.talk_seconds,
                               c.handed_off_at, c.robot_choice, coalesce(a.sent, false)
                        from call_attempt c left join contact_attempt a on a.id = c.id
                        where c.queued_at >= ?1 and c.queued_at < ?2""")
                .setParameter(1, Timestamp.from(start(day))).setParameter(2, Timestamp.from(end(day))).getResultList());
        for (Object[] r : rows) {
            each.accept(new CallRecordsChanged.Record((UUID) r[0], CallKind.valueOf((String) r[1]), (String) r[2],
                    (String) r[3], SqlValues.instant(r[4]), CallState.valueOf((String) r[5]), SqlValues.instant(r[6]),
                    r[7] == null ? null : ((Number) r[7]).intValue(), SqlValues.instant(r[8]), (String) r[9],
                    Boolean.TRUE.equals(r[10])));
        }
    }

    /** Every SMS record created that day. */
    List<SmsRecord> sms(LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select id, staff_id, customer_id, state from sms_message where created_at >= ?1 and created_at < ?2")
                .setParameter(1, Timestamp.from(start(day))).setParameter(2, Timestamp.from(end(day))).getResultList());
        return rows.stream().map(r -> new SmsRecord((UUID) r[0], (String) r[1], (String) r[2], (String) r[3])).toList();
    }

    /** Calls in progress now: call id → staff id (empty for a robot call no RM took yet). */
    Map<String, String> callsInProgress() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id, staff_id from call_attempt where state in " + CallState.IN_FLIGHT_SQL).getResultList());
        Map<String, String> live = new HashMap<>();
        rows.forEach(r -> live.put(r[0].toString(), r[1] == null ? "" : (String) r[1]));
        return live;
    }
}
