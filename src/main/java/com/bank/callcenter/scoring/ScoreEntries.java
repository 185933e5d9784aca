package com.bank.callcenter.scoring;

import com.bank.callcenter.audit.AuditEntry;
import com.bank.callcenter.common.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What supervisors enter for a period: targets per RM, the qualitative points (within 150 % of their
 * base), and closing the period, which keeps its scores as they are and refuses later entries
 * (409 period-closed). Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class ScoreEntries {

    public static final String PERIOD_CLOSED = "period-closed";
    private static final TypeReference<List<ScoreRow>> ROWS = new TypeReference<>() {
    };

    /** The targets an API client sends or reads, any subset when sent. */
    public record TargetValues(BigDecimal customerDevelopment, BigDecimal assetIncrement, BigDecimal keyProducts,
                               BigDecimal penetration, BigDecimal calls, BigDecimal sms) {

        Map<Indicator, BigDecimal> byIndicator() {
            Map<Indicator, BigDecimal> values = new LinkedHashMap<>();
            values.put(Indicator.CUSTOMER_DEVELOPMENT, customerDevelopment);
            values.put(Indicator.ASSET_INCREMENT, assetIncrement);
            values.put(Indicator.KEY_PRODUCTS, keyProducts);
            values.put(Indicator.PENETRATION, penetration);
            values.put(Indicator.CALLS, calls);
            values.put(Indicator.SMS, sms);
            return values;
        }

        static TargetValues of(Map<Indicator, BigDecimal> values) {
            return new TargetValues(values.get(Indicator.CUSTOMER_DEVELOPMENT), values.get(Indicator.ASSET_INCREMENT),
                    values.get(Indicator.KEY_PRODUCTS), values.get(Indicator.PENETRATION), values.get(Indicator.CALLS),
                    values.get(Indicator.SMS));
        }
    }

    /** Qualitative points a supervisor enters. */
    public record Qualitative(BigDecimal training, BigDecimal dailyManagement) {
    }

    private final EntityManager em;
    private final PeriodScores scores;
    private final ScoreRecords records;
    private final ObjectMapper json;
    private final Clock clock;

    public ScoreEntries(EntityManager em, PeriodScores scores, ScoreRecords records, ObjectMapper json, Clock clock) {
        this.em = em;
        this.scores = scores;
        this.records = records;
        this.json = json;
        this.clock = clock;
    }

    /** Sets the given targets (each > 0, else 400); the others keep theirs. Returns them with the defaults filled in. */
    public TargetValues putTargets(YearMonth period, String staffId, TargetValues values, String by) {
        refuseIfClosed(period);
        requireRm(staffId);
        Map<Indicator, BigDecimal> given = values.byIndicator();
        given.forEach((indicator, value) -> {
            if (value != null && value.signum() <= 0) {
                throw ProblemException.badRequest("invalid-target", indicator.name() + " must be greater than 0");
            }
        });
        em.createNativeQuery("""
                        insert into score_target (period, staff_id, customer_development, asset_increment, key_products,
                          penetration, calls, sms, updated_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        on conflict (period, staff_id) do update set
                          customer_development = coalesce(excluded.customer_development, score_target.customer_development),
                          asset_increment = coalesce(excluded.asset_increment, score_target.asset_increment),
                          key_products = coalesce(excluded.key_products, score_target.key_products),
                          penetration = coalesce(excluded.penetration, score_target.penetration),
                          calls = coalesce(excluded.calls, score_target.calls),
                          sms = coalesce(excluded.sms, score_target.sms),
                          updated_by = excluded.updated_by, updated_at = now()""")
                .setParameter(1, period.toString()).setParameter(2, staffId)
                .setParameter(3, values.customerDevelopment()).setParameter(4, values.assetIncrement())
                .setParameter(5, values.keyProducts()).setParameter(6, values.penetration())
                .setParameter(7, values.calls()).setParameter(8, values.sms()).setParameter(9, by).executeUpdate();
        AuditEntry.record(by, "SET_TARGETS", staffId + " " + period);
        return targets(period, staffId);
    }

    /** The RM's targets for the period, the defaults filled in. */
    public TargetValues targets(YearMonth period, String staffId) {
        requireRm(staffId);
        return TargetValues.of(new EnumMap<>(scores.targetsOf(period, staffId)));
    }

    /** Training in [0, 150], daily management in [0, 75] (150 % of their base); else 400. */
    public Qualitative putQualitative(YearMonth period, String staffId, Qualitative points, String by) {
        refuseIfClosed(period);
        requireRm(staffId);
        check(Indicator.TRAINING, points.training());
        check(Indicator.DAILY_MANAGEMENT, points.dailyManagement());
        em.createNativeQuery("""
                        insert into score_qualitative (period, staff_id, training, daily_management, updated_by)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (period, staff_id) do update set
                          training = coalesce(excluded.training, score_qualitative.training),
                          daily_management = coalesce(excluded.daily_management, score_qualitative.daily_management),
                          updated_by = excluded.updated_by, updated_at = now()""")
                .setParameter(1, period.toString()).setParameter(2, staffId).setParameter(3, points.training())
                .setParameter(4, points.dailyManagement()).setParameter(5, by).executeUpdate();
        AuditEntry.record(by, "SET_QUALITATIVE", staffId + " " + period);
        return points;
    }

    /** Freezes the period: its rows and the records behind them, as they are now, are kept and served from then on. */
    public List<ScoreRow> close(YearMonth period, String by) {
        refuseIfClosed(period);
        List<ScoreRow> rows = scores.rows(period).stream().map(ScoreEntries::closed).toList();
        em.createNativeQuery("insert into score_period (period, closed_at, closed_by, rows)"
                        + " values (?1, ?2, ?3, cast(?4 as jsonb))")
                .setParameter(1, period.toString()).setParameter(2, Timestamp.from(clock.instant()))
                .setParameter(3, by).setParameter(4, asJson(rows)).executeUpdate();
        PeriodScores.Bounds bounds = scores.bounds(period);
        for (ScoreRow row : rows) {
            em.createNativeQuery("insert into score_period_record (period, staff_id, records)"
                            + " values (?1, ?2, cast(?3 as jsonb))")
                    .setParameter(1, period.toString()).setParameter(2, row.staffId())
                    .setParameter(3, asJson(records.of(row.staffId(), bounds))).executeUpdate();
        }
        AuditEntry.record(by, "CLOSE_PERIOD", period.toString());
        return rows;
    }

    /** The records behind the RM's row as they were when the period was closed; empty while it is open. */
    public Optional<ScoreRecords.Records> closedRecords(YearMonth period, String staffId) {
        @SuppressWarnings("unchecked")
        List<Object> kept = em.createNativeQuery(
                        "select cast(records as text) from score_period_record where period = ?1 and staff_id = ?2")
                .setParameter(1, period.toString()).setParameter(2, staffId).getResultList();
        return kept.stream().findFirst().map(text -> {
            try {
                return json.readValue(text.toString(), ScoreRecords.Records.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the closed records of " + staffId + " in " + period + " are not readable", e);
            }
        });
    }

    private String asJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows kept when the period was closed; empty while it is open. */
    public Optional<List<ScoreRow>> closedRows(YearMonth period) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select cast(rows as text) from score_period where period = ?1")
                .setParameter(1, period.toString()).getResultList();
        return rows.stream().findFirst().map(text -> {
            try {
                return json.readValue(text.toString(), ROWS);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the closed scores of " + period + " are not readable", e);
            }
        });
    }

    private static ScoreRow closed(ScoreRow row) {
        return new ScoreRow(row.staffId(), row.name(), row.branchId(), row.period(), row.quantitative(),
                row.qualitative(), row.deduction(), row.total(), true, row.standard(), row.indicators());
    }

    private void refuseIfClosed(YearMonth period) {
        if (closedRows(period).isPresent()) {
            throw ProblemException.conflict(PERIOD_CLOSED, "the period " + period + " is closed");
        }
    }

    private void requireRm(String staffId) {
        long rms = ((Number) em.createNativeQuery("select count(*) from staff where staff_id = ?1"
                + " and role = 'REMOTE_MANAGER'").setParameter(1, staffId).getSingleResult()).longValue();
        if (rms == 0) {
            throw ProblemException.notFound("remote manager", staffId);
        }
    }

    private static void check(Indicator indicator, BigDecimal points) {
        if (points != null && (points.signum() < 0 || points.compareTo(indicator.cap()) > 0)) {
            throw ProblemException.badRequest("invalid-points", indicator.name() + " must be within [0, "
                    + indicator.cap().stripTrailingZeros().toPlainString() + "]");
        }
    }
}
