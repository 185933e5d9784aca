package com.bank.callcenter.scoring;

import com.bank.callcenter.config.CallCenterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each RM achieved in a period, measured by set-based SQL over the records (never from live
 * counters): customers developed and the asset increment from the dated customer snapshots, key
 * products from the sales extract, penetration from the penetration extract, effective calls and SMS
 * by {@link ContactCounting}. Runs in the caller's transaction.
 */
@ApplicationScoped
public class Measures {

    /** Tier rank, higher is better: MASS < LONG_TAIL < MID_HIGH < WEALTH < PRIVATE_BANKING. */
    static final String TIER_RANK = "case %s when 'MASS' then 0 when 'LONG_TAIL' then 1 when 'MID_HIGH' then 2"
            + " when 'WEALTH' then 3 when 'PRIVATE_BANKING' then 4 end";

    /**
     * Per customer of an RM's book (?3: one RM, or null for all): the newest snapshot before the
     * period (?1 = its first day) and the newest on or before its end (?2); customers without the
     * latter did not exist yet and are left out. One pass over the snapshots, hashed per customer:
     * the newest row is the max of [as_of as YYYYMMDD, tier, aum as text], whose first element decides
     * (one snapshot per customer and day), so no sort of every snapshot and no join back to them.
     */
    static final String BOOK_MOVES = """
            with newest as (
              select c.manager_id, c.customer_id,
                     max(array[to_char(s.as_of, 'YYYYMMDD'), s.tier, cast(s.aum as text)])
                       filter (where s.as_of < ?1) as at_start,
                     max(array[to_char(s.as_of, 'YYYYMMDD'), s.tier, cast(s.aum as text)]) as at_end
              from customer c join customer_snapshot s on s.customer_id = c.customer_id
              where c.manager_id is not null and (cast(?3 as text) is null or c.manager_id = ?3) and s.as_of <= ?2
              group by c.customer_id),
            moves as (
              select manager_id, customer_id, at_start[2] as start_tier, cast(at_start[3] as numeric(18, 2)) as start_aum,
                     at_end[2] as end_tier, cast(at_end[3] as numeric(18, 2)) as end_aum
              from newest)
            select manager_id, customer_id, start_tier, start_aum, end_tier, end_aum,
                   start_tier is null or %s > %s as developed
            from moves"""
            .formatted(TIER_RANK.formatted("end_tier"), TIER_RANK.formatted("start_tier"));

    private final EntityManager em;
    private final ContactCounting counting;
    private final ScoringConfig config;
    private final CallCenterConfig callcenter;

    public Measures(EntityManager em, ContactCounting counting, ScoringConfig config, CallCenterConfig callcenter) {
        this.em = em;
        this.counting = counting;
        this.config = config;
        this.callcenter = callcenter;
    }

    /** staff id → indicator → measured, for the quantitative indicators, over [first, end]. */
    public Map<String, Map<Indicator, BigDecimal>> of(LocalDate first, LocalDate end) {
        return of(first, end, null);
    }

    /** The same for one RM ({@code staffId}), or for every RM when it is null. */
    public Map<String, Map<Indicator, BigDecimal>> of(LocalDate first, LocalDate end, String staffId) {
        Map<String, Map<Indicator, BigDecimal>> measured = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> moves = em.createNativeQuery("select manager_id, count(*) filter (where developed),"
                        + " sum(end_aum - coalesce(start_aum, 0)) from (" + BOOK_MOVES + ") m group by manager_id")
                .setParameter(1, Date.valueOf(first)).setParameter(2, Date.valueOf(end)).setParameter(3, staffId)
                .getResultList();
        for (Object[] row : moves) {
            Map<Indicator, BigDecimal> rm = of(measured, (String) row[0]);
            rm.put(Indicator.CUSTOMER_DEVELOPMENT, BigDecimal.valueOf(((Number) row[1]).longValue()));
            rm.put(Indicator.ASSET_INCREMENT, (BigDecimal) row[2]);
        }
        count(measured, Indicator.KEY_PRODUCTS, """
                select staff_id, count(*) from sale
                where sold_on between ?1 and ?2 and (product_code in (?3) or product_type in (?3))
                  and (cast(?4 as text) is null or staff_id = ?4)
                group by staff_id""", first, end, staffId, true);
        count(measured, Indicator.PENETRATION, """
                select c.manager_id, count(distinct p.customer_id) from penetration p
                join customer c on c.customer_id = p.customer_id
                where p.acquired_on between ?1 and ?2 and c.manager_id is not null
                  and (cast(?3 as text) is null or c.manager_id = ?3)
                group by c.manager_id""", first, end, staffId, false);
        ZoneId zone = callcenter.zone();
        java.time.Instant from = first.atStartOfDay(zone).toInstant();
        java.time.Instant to = end.plusDays(1).atStartOfDay(zone).toInstant();
        counting.effectiveCalls(from, to, staffId).forEach((rm, n) -> of(measured, rm).put(Indicator.CALLS, BigDecimal.valueOf(n)));
        counting.countedSms(from, to, staffId).forEach((rm, n) -> of(measured, rm).put(Indicator.SMS, BigDecimal.valueOf(n)));
        return measured;
    }

    private void count(Map<String, Map<Indicator, BigDecimal>> measured, Indicator indicator, String statement,
                       LocalDate first, LocalDate end, String staffId, boolean keyProducts) {
        jakarta.persistence.Query query = em.createNativeQuery(statement)
                .setParameter(1, Date.valueOf(first)).setParameter(2, Date.valueOf(end));
        if (keyProducts) {
            query.setParameter(3, config.keyProducts()).setParameter(4, staffId);
        } else {
            query.setParameter(3, staffId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        rows.forEach(row -> of(measured, (String) row[0]).put(indicator, BigDecimal.valueOf(((Number) row[1]).longValue())));
    }

    private static Map<Indicator, BigDecimal> of(Map<String, Map<Indicator, BigDecimal>> measured, String staffId) {
        return measured.computeIfAbsent(staffId, k -> new EnumMap<>(Indicator.class));
    }
}
