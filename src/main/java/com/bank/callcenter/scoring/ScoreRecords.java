package com.bank.callcenter.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The records behind one RM's score: what was counted and, for calls and SMS, what was not and why. */
@ApplicationScoped
public class ScoreRecords {

    /** One customer's AUM at the start and the end of the period (start 0 without a snapshot before it). */
    public record AssetMove(String customerId, BigDecimal start, BigDecimal end) {
    }

    /** The records behind one row, as GET /api/scores/{period}/{staffId} shows them, keyed by indicator code. */
    public record Records(CountedRecords calls, CountedRecords sms, List<String> sales,
                          List<String> developedCustomers, List<String> penetrationCustomers, List<AssetMove> assets) {

        public Map<String, Object> byIndicator() {
            Map<String, Object> records = new LinkedHashMap<>();
            records.put(Indicator.CUSTOMER_DEVELOPMENT.name(), developedCustomers);
            records.put(Indicator.ASSET_INCREMENT.name(), assets);
            records.put(Indicator.KEY_PRODUCTS.name(), sales);
            records.put(Indicator.PENETRATION.name(), penetrationCustomers);
            records.put(Indicator.CALLS.name(), counted(calls, "callId"));
            records.put(Indicator.SMS.name(), counted(sms, "smsId"));
            return records;
        }

        private static Map<String, Object> counted(CountedRecords records, String idName) {
            Map<String, Object> counted = new LinkedHashMap<>();
            counted.put("counted", records.counted());
            counted.put("notCounted", records.notCounted().stream()
                    .map(n -> Map.of(idName, n.id(), "rule", n.rule())).toList());
            return counted;
        }
    }

    private final EntityManager em;
    private final ContactCounting counting;
    private final ScoringConfig config;

    public ScoreRecords(EntityManager em, ContactCounting counting, ScoringConfig config) {
        this.em = em;
        this.counting = counting;
        this.config = config;
    }

    /** Runs in the caller's transaction. */
    public Records of(String staffId, PeriodScores.Bounds bounds) {
        Date first = Date.valueOf(bounds.first());
        Date end = Date.valueOf(bounds.end());
        @SuppressWarnings("unchecked")
        List<Object[]> moves = em.createNativeQuery("select customer_id, coalesce(start_aum, 0), end_aum, developed from ("
                        + Measures.BOOK_MOVES + ") m order by customer_id")
                .setParameter(1, first).setParameter(2, end).setParameter(3, staffId).getResultList();
        @SuppressWarnings("unchecked")
        List<String> sales = em.createNativeQuery("""
                        select sale_id from sale where staff_id = ?4 and sold_on between ?1 and ?2
                          and (product_code in (?3) or product_type in (?3)) order by sold_on, sale_id""")
                .setParameter(1, first).setParameter(2, end).setParameter(3, config.keyProducts())
                .setParameter(4, staffId).getResultList();
        @SuppressWarnings("unchecked")
        List<String> penetration = em.createNativeQuery("""
                        select distinct p.customer_id from penetration p join customer c on c.customer_id = p.customer_id
                        where p.acquired_on between ?1 and ?2 and c.manager_id = ?3 order by p.customer_id""")
                .setParameter(1, first).setParameter(2, end).setParameter(3, staffId).getResultList();
        return new Records(counting.callRecords(staffId, bounds.from(), bounds.to()),
                counting.smsRecords(staffId, bounds.from(), bounds.to()), sales,
                moves.stream().filter(m -> Boolean.TRUE.equals(m[3])).map(m -> (String) m[0]).toList(), penetration,
                moves.stream().map(m -> new AssetMove((String) m[0], (BigDecimal) m[1], (BigDecimal) m[2])).toList());
    }
}
