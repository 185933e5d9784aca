package com.bank.callcenter.scoring;

import com.bank.callcenter.calendar.WorkingDays;
import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.config.CallCenterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 850/150 score of every active RM for one month (YYYY-MM), computed from the records:
 * measured values ({@link Measures}), targets (a supervisor's, else the defaults: calls = the
 * standard S, SMS = callcenter.scoring.sms-per-working-day × W), each indicator's method, points
 * HALF_UP to 2 decimals and capped at 150 % of base, the deduction for a shortfall of effective calls
 * (outside the 0 floor) and the total. Runs in the caller's transaction.
 */
@ApplicationScoped
public class PeriodScores {

    private static final int CENTS = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final EntityManager em;
    private final Measures measures;
    private final WorkingDays workingDays;
    private final ScoringConfig config;
    private final CallCenterConfig callcenter;
    private final Clock clock;

    public PeriodScores(EntityManager em, Measures measures, WorkingDays workingDays, ScoringConfig config,
                        CallCenterConfig callcenter, Clock clock) {
        this.em = em;
        this.measures = measures;
        this.workingDays = workingDays;
        this.config = config;
        this.callcenter = callcenter;
        this.clock = clock;
    }

    /** An RM who is scored: active staff with the REMOTE_MANAGER role. */
    private record Rm(String staffId, String name, String branchId) {
    }

    public static YearMonth period(String text) {
        try {
            return YearMonth.parse(text == null ? "" : text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-period", "period must be YYYY-MM, e.g. 2026-11");
        }
    }

    /** What a period covers: its first day, its last day or today (the current period), and those as instants. */
    public record Bounds(LocalDate first, LocalDate end, java.time.Instant from, java.time.Instant to) {
    }

    public Bounds bounds(YearMonth period) {
        LocalDate first = period.atDay(1);
        LocalDate today = LocalDate.now(clock.withZone(callcenter.zone()));
        LocalDate end = period.atEndOfMonth().isBefore(today) ? period.atEndOfMonth() : today;
        return new Bounds(first, end, first.atStartOfDay(callcenter.zone()).toInstant(),
                end.plusDays(1).atStartOfDay(callcenter.zone()).toInstant());
    }

    /** Every active RM's row, by staff id. */
    public List<ScoreRow> rows(YearMonth period) {
        return rows(period, null);
    }

    /**
     * One active RM's row. Measured for that RM alone unless an indicator is scored against the peers
     * (STANDARD_DEVIATION needs every peer's value).
     */
    public Optional<ScoreRow> row(YearMonth period, String staffId) {
        boolean needsPeers = methods().containsValue(ScoringMethod.STANDARD_DEVIATION);
        return rows(period, needsPeers ? null : staffId).stream().filter(row -> row.staffId().equals(staffId))
                .findFirst();
    }

    /** The rows of every active RM, or of {@code onlyStaffId} alone (measured for that RM only). */
    private List<ScoreRow> rows(YearMonth period, String onlyStaffId) {
        Bounds bounds = bounds(period);
        LocalDate first = bounds.first();
        LocalDate end = bounds.end();
        int w = end.isBefore(first) ? 0 : workingDays.between(first, end);
        long standard = (long) config.effectiveCallsPerWorkingDay() * w;

        List<Rm> rms = rms().stream().filter(rm -> onlyStaffId == null || rm.staffId().equals(onlyStaffId)).toList();
        if (rms.isEmpty()) {
            return List.of();
        }
        Map<String, Map<Indicator, BigDecimal>> measured = end.isBefore(first) ? Map.of()
                : measures.of(first, end, onlyStaffId);
        Targets targets = targets(period, standard, w);
        Map<String, Map<Indicator, BigDecimal>> entered = entered(period);
        Map<Indicator, ScoringMethod> methods = methods();
        Map<String, PeerStatistics> peerStatistics = new HashMap<>();

        List<ScoreRow> rows = new ArrayList<>(rms.size());
        for (Rm rm : rms) {
            Map<Indicator, BigDecimal> mine = measured.getOrDefault(rm.staffId(), Map.of());
            List<ScoreRow.IndicatorScore> indicators = new ArrayList<>();
            BigDecimal quantitative = BigDecimal.ZERO.setScale(CENTS);
            BigDecimal qualitative = BigDecimal.ZERO.setScale(CENTS);
            for (Indicator indicator : Indicator.values()) {
                if (indicator.qualitative()) {
                    BigDecimal points = entered.getOrDefault(rm.staffId(), Map.of())
                            .getOrDefault(indicator, BigDecimal.ZERO).setScale(CENTS, RoundingMode.HALF_UP);
                    indicators.add(new ScoreRow.IndicatorScore(indicator, ScoringMethod.ENTERED, indicator.base(), points,
                            null, points));
                    qualitative = qualitative.add(points);
                    continue;
                }
                BigDecimal value = mine.getOrDefault(indicator, BigDecimal.ZERO);
                BigDecimal target = targets.of(rm.staffId()).get(indicator);
                ScoringMethod method = methods.get(indicator);
                BigDecimal points = method == ScoringMethod.STANDARD_DEVIATION
                        ? peerStatistics.computeIfAbsent(peerGroupOf(rm) + "/" + indicator,
                                key -> PeerStatistics.of(peers(rm, rms, measured, indicator)))
                                .points(indicator, value, config.k())
                        : ratioPoints(indicator, value, target);
                indicators.add(new ScoreRow.IndicatorScore(indicator, method, indicator.base(), value, target, points));
                quantitative = quantitative.add(points);
            }
            long effective = mine.getOrDefault(Indicator.CALLS, BigDecimal.ZERO).longValue();
            BigDecimal deduction = deduction(effective, standard);
            rows.add(new ScoreRow(rm.staffId(), rm.name(), rm.branchId(), period.toString(), quantitative, qualitative,
                    deduction, quantitative.add(qualitative).subtract(deduction), false,
                    new ScoreRow.Standard(w, effective, Math.max(0, standard - effective)), indicators));
        }
        return rows;
    }

    /** The RM's targets for the period: theirs where a supervisor set them, the defaults for the rest. */
    public Map<Indicator, BigDecimal> targetsOf(YearMonth period, String staffId) {
        Bounds bounds = bounds(period);
        int w = bounds.end().isBefore(bounds.first()) ? 0 : workingDays.between(bounds.first(), bounds.end());
        return targets(period, (long) config.effectiveCallsPerWorkingDay() * w, w).of(staffId);
    }

    /** clamp(base × measured / target, 0, 1.5 × base), HALF_UP to 2 decimals; no target → 0. */
    static BigDecimal ratioPoints(Indicator indicator, BigDecimal measured, BigDecimal target) {
        if (target == null || target.signum() <= 0) {
            return BigDecimal.ZERO.setScale(CENTS);
        }
        BigDecimal raw = indicator.base().multiply(measured).divide(target, PRECISION);
        return clamp(indicator, raw);
    }

    /** clamp(base × (1 + k × (measured − μ) / σ), 0, 1.5 × base) over the peers (population σ); σ = 0 → base. */
    static BigDecimal deviationPoints(Indicator indicator, BigDecimal measured, List<BigDecimal> peers, BigDecimal k) {
        return PeerStatistics.of(peers).points(indicator, measured, k);
    }

    /** μ and σ² of a peer group's measured values (population), computed once per group and indicator. */
    record PeerStatistics(int n, BigDecimal mean, BigDecimal variance) {

        static PeerStatistics of(List<BigDecimal> peers) {
            if (peers.isEmpty()) {
                return new PeerStatistics(0, BigDecimal.ZERO, BigDecimal.ZERO);
            }
            BigDecimal n = BigDecimal.valueOf(peers.size());
            BigDecimal mean = peers.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, PRECISION);
            BigDecimal variance = peers.stream().map(v -> v.subtract(mean).pow(2))
                    .reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, PRECISION);
            return new PeerStatistics(peers.size(), mean, variance);
        }

        BigDecimal points(Indicator indicator, BigDecimal measured, BigDecimal k) {
            if (n == 0 || variance.signum() == 0) {
                return indicator.base().setScale(CENTS);
            }
            BigDecimal sigma = variance.sqrt(PRECISION);
            BigDecimal raw = indicator.base().multiply(BigDecimal.ONE.add(k.multiply(measured.subtract(mean))
                    .divide(sigma, PRECISION)));
            return clamp(indicator, raw);
        }
    }

    /** 0 when E ≥ S, else min(max-deduction, 100 × (S − E) / S), HALF_UP to 2 decimals. */
    BigDecimal deduction(long effective, long standard) {
        return deduction(effective, standard, config.maxDeduction());
    }

    static BigDecimal deduction(long effective, long standard, int maxDeduction) {
        if (standard <= 0 || effective >= standard) {
            return BigDecimal.ZERO.setScale(CENTS);
        }
        BigDecimal raw = HUNDRED.multiply(BigDecimal.valueOf(standard - effective))
                .divide(BigDecimal.valueOf(standard), PRECISION);
        return raw.min(BigDecimal.valueOf(maxDeduction)).setScale(CENTS, RoundingMode.HALF_UP);
    }

    private static BigDecimal clamp(Indicator indicator, BigDecimal raw) {
        BigDecimal bounded = raw.max(BigDecimal.ZERO).min(indicator.cap());
        return bounded.setScale(CENTS, RoundingMode.HALF_UP);
    }

    /** The RM's peer group: everybody, or the RM's branch. */
    private String peerGroupOf(Rm rm) {
        return config.peerGroup() == ScoringConfig.PeerGroup.ALL ? "" : rm.branchId();
    }

    /** The measured values of the RM's peer group (every RM scored, or those of the RM's branch). */
    private List<BigDecimal> peers(Rm rm, List<Rm> rms, Map<String, Map<Indicator, BigDecimal>> measured,
                                   Indicator indicator) {
        return rms.stream()
                .filter(peer -> peerGroupOf(peer).equals(peerGroupOf(rm)))
                .map(peer -> measured.getOrDefault(peer.staffId(), Map.of()).getOrDefault(indicator, BigDecimal.ZERO))
                .toList();
    }

    private Map<Indicator, ScoringMethod> methods() {
        Map<Indicator, ScoringMethod> methods = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            ScoringConfig.IndicatorSettings settings = config.indicators().get(indicator.kebab());
            methods.put(indicator, settings == null ? ScoringMethod.TARGET_RATIO : settings.method());
        }
        return methods;
    }

    private List<Rm> rms() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select staff_id, name, branch_id from staff"
                + " where role = 'REMOTE_MANAGER' and active order by staff_id").getResultList();
        return rows.stream().map(r -> new Rm((String) r[0], (String) r[1], (String) r[2])).toList();
    }

    /** Per RM: the supervisor's targets, else the defaults. */
    private Targets targets(YearMonth period, long standard, int w) {
        Map<Indicator, BigDecimal> defaults = new EnumMap<>(Indicator.class);
        defaults.put(Indicator.CUSTOMER_DEVELOPMENT, config.targets().customerDevelopment());
        defaults.put(Indicator.ASSET_INCREMENT, config.targets().assetIncrement());
        defaults.put(Indicator.KEY_PRODUCTS, config.targets().keyProducts());
        defaults.put(Indicator.PENETRATION, config.targets().penetration());
        defaults.put(Indicator.CALLS, BigDecimal.valueOf(standard));
        defaults.put(Indicator.SMS, BigDecimal.valueOf((long) config.smsPerWorkingDay() * w));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select staff_id, customer_development, asset_increment, key_products,"
                + " penetration, calls, sms from score_target where period = ?1").setParameter(1, period.toString())
                .getResultList();
        Map<String, Map<Indicator, BigDecimal>> own = new HashMap<>();
        for (Object[] r : rows) {
            Map<Indicator, BigDecimal> mine = new EnumMap<>(defaults);
            Indicator[] order = {Indicator.CUSTOMER_DEVELOPMENT, Indicator.ASSET_INCREMENT, Indicator.KEY_PRODUCTS,
                    Indicator.PENETRATION, Indicator.CALLS, Indicator.SMS};
            for (int i = 0; i < order.length; i++) {
                if (r[i + 1] != null) {
                    mine.put(order[i], (BigDecimal) r[i + 1]);
                }
            }
            own.put((String) r[0], mine);
        }
        return new Targets(own, defaults);
    }

    private Map<String, Map<Indicator, BigDecimal>> entered(YearMonth period) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select staff_id, training, daily_management from score_qualitative"
                + " where period = ?1").setParameter(1, period.toString()).getResultList();
        Map<String, Map<Indicator, BigDecimal>> entered = new HashMap<>();
        for (Object[] r : rows) {
            Map<Indicator, BigDecimal> mine = new EnumMap<>(Indicator.class);
            if (r[1] != null) {
                mine.put(Indicator.TRAINING, (BigDecimal) r[1]);
            }
            if (r[2] != null) {
                mine.put(Indicator.DAILY_MANAGEMENT, (BigDecimal) r[2]);
            }
            entered.put((String) r[0], mine);
        }
        return entered;
    }

    /** The period's targets: the RMs' own where a supervisor set them, the defaults for the rest. */
    private record Targets(Map<String, Map<Indicator, BigDecimal>> own, Map<Indicator, BigDecimal> defaults) {

        Map<Indicator, BigDecimal> of(String staffId) {
            return own.getOrDefault(staffId, defaults);
        }
    }
}
