package com.bank.callcenter.targeting.churn;

import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.targeting.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A transparent churn score (0–100) for customer {@code c} at a date: the weighted mean of four
 * factors, each between 0 and 1, each readable on its own so every score can be explained.
 */
@ApplicationScoped
public class ChurnModel {

    private static final int SCALE = 100;

    /** One factor: its name, weight and the SQL that computes it for customer c. */
    public record Factor(String name, String description, int weight, Sql value) {
    }

    private final CallCenterConfig.Churn settings;
    private final String zone;

    public ChurnModel(CallCenterConfig config) {
        this.settings = config.churn();
        this.zone = config.zone().getId();
    }

    public List<Factor> factors(LocalDate asOf) {
        int lookback = settings.lookbackDays();
        List<Factor> factors = new ArrayList<>();
        factors.add(new Factor("aumDecline", "AUM fall since " + lookback + " days earlier (share of the earlier AUM)",
                settings.weightAumDecline(), Sql.of("""
                coalesce(least(1, greatest(0, (churn_base.aum - c.aum) / nullif(churn_base.aum, 0))), 0)""")));
        factors.add(new Factor("sameNameOutflow", "same-name outflows to other banks in " + lookback
                + " days, as a share of AUM", settings.weightSameNameOutflow(), Sql.of("""
                least(1, coalesce(churn_outflow.amount, 0) / greatest(c.aum, 1))""")));
        factors.add(new Factor("maturedNotRenewed", "a time deposit or wealth product matured in " + lookback
                + " days and was not renewed", settings.weightMaturedNotRenewed(), Sql.of("""
                case when churn_matured.customer_id is not null then 1 else 0 end""")));
        factors.add(new Factor("noRecentContact", "days since the last contact, over " + settings.contactGapDays(),
                settings.weightNoRecentContact(), Sql.of("""
                coalesce(least(1, extract(epoch from ((?::date + 1)::timestamp at time zone ? - churn_contact.last_sent))
                         / 86400.0 / ?), 1)""", asOf, zone, settings.contactGapDays())));
        return factors;
    }

    /**
     * What the factors read besides customer c, each computed once for the customers it concerns and
     * joined (hash joins, not a lookup per customer — a per-customer sum over the outflow window
     * scanned every outflow of the window for each customer): {@code churn_base}, the AUM at the
     * latest snapshot {@code lookbackDays} before the date; {@code churn_outflow}, the same-name
     * outflows in the window; {@code churn_matured}, the customers whose time deposit or wealth
     * product matured in the window; {@code churn_contact}, each customer's last contact.
     */
    public Sql join(LocalDate asOf) {
        int lookback = settings.lookbackDays();
        return Sql.of("""
                 left join (select customer_id, aum from customer_snapshot
                            where as_of = (select max(as_of) from customer_snapshot where as_of <= ?::date - ?)) churn_base
                        on churn_base.customer_id = c.customer_id
                 left join (select t.customer_id, sum(t.amount) as amount from transfer t
                            where t.direction = 'OUT' and t.same_name
                              and t.occurred_at >= (?::date - ?)::timestamp at time zone ?
                              and t.occurred_at < (?::date + 1)::timestamp at time zone ?
                            group by t.customer_id) churn_outflow
                        on churn_outflow.customer_id = c.customer_id
                 left join (select distinct h.customer_id from holding h
                            where h.product_type in ('TIME_DEPOSIT', 'WEALTH')
                              and h.maturity_date >= ?::date - ? and h.maturity_date < ?::date) churn_matured
                        on churn_matured.customer_id = c.customer_id
                 left join (select a.customer_id, max(a.created_at) as last_sent from contact_attempt a
                            where a.sent group by a.customer_id) churn_contact
                        on churn_contact.customer_id = c.customer_id""",
                asOf, lookback, asOf, lookback, zone, asOf, zone, asOf, lookback, asOf);
    }

    /** The score of customer c as one SQL expression, rounded to one decimal; needs {@link #join}. */
    public Sql score(LocalDate asOf) {
        List<Factor> factors = factors(asOf);
        int totalWeight = factors.stream().mapToInt(Factor::weight).sum();
        List<Sql> weighted = factors.stream().map(f -> f.value().wrap(f.weight() + " * (%s)")).toList();
        return Sql.join(" + ", weighted).wrap("round((" + SCALE + " * (%s) / " + Math.max(1, totalWeight) + ")::numeric, 1)");
    }
}
