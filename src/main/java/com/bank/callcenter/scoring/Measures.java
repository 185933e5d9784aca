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
     * latter did not exist yet and are left out. The two dates per customer are found by hashing
     * (max per customer), then their rows are joined back: no sort of every snapshot by customer.
     */
    static final String BOOK_MOVES = """
            with book as (
              select customer_id, manager_id from customer
              where manager_id is not null and (cast(?3 as text) is null or manager_id = ?3)),
            newest as (
              select s.customer_id, max(s.as_of) filter (where s.as_of < ?1) as start_on, max(s.as_of) as end_on
              from customer_snapshot s join book b on b.customer_id = s.customer_id
              where s.as_of <= ?2 group by s.customer_id)
            select b.manager_id, b.customer_id, st.tier as start_tier, st.aum as start_aum, en.tier as end_tier,
                   en.aum as end_aum,
                   st.customer_id is null or %s > %s as developed
            from book b join newest n on n.customer_id = b.customer_id
            join customer_snapshot en on en.customer_id = n.customer_id and en.as_of = n.end_on
            left join customer_snapshot st on st.customer_id = n.customer_id and st.as_of = n.start_on"""
            .formatted(TIER_RANK.formatted("en.tier"), TIER_RANK.formatted("st.tier"));

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
        Map<String, Map<Indicator, BigDecimal>> measured = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> moves = em.createNativeQuery("select manager_id, count(*) filter (where developed),"
                        + " sum(end_aum - coalesce(start_aum, 0)) from (" + BOOK_MOVES + ") m group by manager_id")
                .setParameter(1, Date.valueOf(first)).setParameter(2, Date.valueOf(end)).setParameter(3, null)
                .getResultList();
        for (Object[] row : moves) {
            Map<Indicator, BigDecimal> rm = of(measured, (String) row[0]);
            rm.put(Indicator.CUSTOMER_DEVELOPMENT, BigDecimal.valueOf(((Number) row[1]).longValue()));
            rm.put(Indicator.ASSET_INCREMENT, (BigDecimal) row[2]);
        }
        count(measured, Indicator.KEY_PRODUCTS, """
                select staff_id, count(*) from sale
                where sold_on between ?1 and ?2 and (product_code in (?3) or product_type in (?3))
                group by staff_id""", first, end, true);
        count(measured, Indicator.PENETRATION, """
                select c.manager_id, count(distinct p.customer_id) from penetration p
                join customer c on c.customer_id = p.customer_id
                where p.acquired_on between ?1 and ?2 and c.manager_id is not null
                group by c.manager_id""", first, end, false);
        ZoneId zone = callcenter.zone();
        java.time.Instant from = first.atStartOfDay(zone).toInstant();
        java.time.Instant to = end.plusDays(1).atStartOfDay(zone).toInstant();
        counting.effectiveCalls(from, to).forEach((rm, n) -> of(measured, rm).put(Indicator.CALLS, BigDecimal.valueOf(n)));
        counting.countedSms(from, to).forEach((rm, n) -> of(measured, rm).put(Indicator.SMS, BigDecimal.valueOf(n)));
        return measured;
    }

    private void count(Map<String, Map<Indicator, BigDecimal>> measured, Indicator indicator, String statement,
                       LocalDate first, LocalDate end, boolean keyProducts) {
        jakarta.persistence.Query query = em.createNativeQuery(statement)
                .setParameter(1, Date.valueOf(first)).setParameter(2, Date.valueOf(end));
        if (keyProducts) {
            query.setParameter(3, config.keyProducts());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        rows.forEach(row -> of(measured, (String) row[0]).put(indicator, BigDecimal.valueOf(((Number) row[1]).longValue())));
    }

    private static Map<Indicator, BigDecimal> of(Map<String, Map<Indicator, BigDecimal>> measured, String staffId) {
        return measured.computeIfAbsent(staffId, k -> new EnumMap<>(Indicator.class));
    }
}
