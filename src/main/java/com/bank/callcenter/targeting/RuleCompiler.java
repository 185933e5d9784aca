package com.bank.callcenter.targeting;

import com.bank.callcenter.campaigns.rule.Rule;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.customers.Tier;
import com.bank.callcenter.targeting.churn.ChurnModel;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a rule into one SQL condition over customer {@code c} at a date, and a reason expression
 * that says, per customer, which conditions picked them (in the bank's language).
 */
@ApplicationScoped
public class RuleCompiler {

    private static final String TIER_RANK = "array_position(array["
            + Arrays.stream(Tier.values()).map(t -> "'" + t.name() + "'").collect(Collectors.joining(",")) + "], %s)";
    private static final String PRODUCT_NAME = """
            case %s when 'TIME_DEPOSIT' then '定期存款' when 'WEALTH' then '理财' when 'FUND' then '基金'
                    when 'INSURANCE' then '保险' when 'PRECIOUS_METAL' then '贵金属' else '活期存款' end""";
    private static final String MONEY = "to_char(%s, 'FM999,999,999,990.00') || '元'";
    private static final String REASON_SEPARATOR = "；";

    /**
     * The compiled rule: joins to add after {@code from customer c}, the WHERE condition and the
     * per-customer reason.
     */
    public record Compiled(Sql joins, Sql condition, Sql reason) {
    }

    /** Joins a rule needs, each once, with its own alias. */
    private static final class Joins {
        private final List<Sql> joins = new ArrayList<>();
        private boolean churn;

        String add(String aliasPrefix, Sql joinWithAliasPlaceholder) {
            String alias = aliasPrefix + joins.size();
            joins.add(new Sql(joinWithAliasPlaceholder.text().replace("{alias}", alias),
                    joinWithAliasPlaceholder.parameters()));
            return alias;
        }

        Sql sql() {
            return Sql.join("\n", joins);
        }
    }

    private record Leaf(Sql condition, Sql reason) {
    }

    /** A leaf's reason, and whether its condition holds for every customer the rule picks. */
    private record Reason(Leaf leaf, boolean alwaysTrue) {
    }

    private final ChurnModel churn;
    private final String zone;

    public RuleCompiler(ChurnModel churn, CallCenterConfig config) {
        this.churn = churn;
        this.zone = config.zone().getId();
    }

    public Compiled compile(Rule rule, LocalDate asOf) {
        List<Reason> reasons = new ArrayList<>();
        Joins joins = new Joins();
        Sql condition = condition(rule, asOf, reasons, true, true, joins);
        // A condition every picked customer meets needs no re-check in the reason.
        List<Sql> parts = reasons.stream()
                .map(r -> r.alwaysTrue() ? r.leaf().reason()
                        : r.leaf().condition().wrap("case when %s then ").then(r.leaf().reason()).then(Sql.of(" end")))
                .toList();
        Sql reason = parts.isEmpty() ? Sql.of("''")
                : Sql.join(", ", parts).wrap("concat_ws('" + REASON_SEPARATOR + "', %s)");
        return new Compiled(joins.sql(), condition, reason);
    }

    private Sql condition(Rule rule, LocalDate asOf, List<Reason> reasons, boolean positive, boolean alwaysTrue,
                          Joins joins) {
        if (rule instanceof Rule.All all) {
            return Sql.join(" and ", all.rules().stream()
                    .map(r -> condition(r, asOf, reasons, positive, alwaysTrue, joins).wrap("(%s)")).toList());
        }
        if (rule instanceof Rule.Any any) {
            return Sql.join(" or ", any.rules().stream()
                    .map(r -> condition(r, asOf, reasons, positive, false, joins).wrap("(%s)")).toList());
        }
        if (rule instanceof Rule.Not not) {
            return condition(not.rule(), asOf, reasons, false, false, joins).wrap("not coalesce((%s), false)");
        }
        Leaf leaf = leaf(rule, asOf, joins);
        if (positive) {
            reasons.add(new Reason(leaf, alwaysTrue));
        }
        return leaf.condition();
    }

    private Leaf leaf(Rule rule, LocalDate asOf, Joins joins) {
        if (rule instanceof Rule.TierIn tier) {
            return new Leaf(
                    Sql.of("c.tier = any(?)", (Object) tier.tiers().stream().map(Enum::name).toArray(String[]::new)),
                    Sql.of("'等级 ' || c.tier"));
        }
        if (rule instanceof Rule.AumRange aum) {
            return new Leaf(aumCondition(aum), Sql.of("'资产 ' || " + MONEY.formatted("c.aum")));
        }
        if (rule instanceof Rule.BranchIn branch) {
            return new Leaf(Sql.of("c.branch_id = any(?)", (Object) branch.branches().toArray(String[]::new)),
                    Sql.of("'网点 ' || c.branch_id"));
        }
        if (rule instanceof Rule.Manager manager) {
            return new Leaf(managerCondition(manager), Sql.of(
                    "case when c.manager_id is null then '未分配客户经理' else '客户经理 ' || c.manager_id end"));
        }
        if (rule instanceof Rule.Payroll payroll) {
            return new Leaf(Sql.of("c.payroll = ?", payroll.payroll()),
                    Sql.of(payroll.payroll() ? "'代发工资客户'" : "'非代发客户'"));
        }
        if (rule instanceof Rule.Holding holding) {
            return holdingLeaf(holding, asOf, joins);
        }
        if (rule instanceof Rule.Outflow outflow) {
            return outflowLeaf(outflow, asOf, joins);
        }
        if (rule instanceof Rule.TierChange change) {
            return tierChangeLeaf(change, asOf, joins);
        }
        if (rule instanceof Rule.DaysSinceLastContact contact) {
            return new Leaf(Sql.of("""
                    not exists (select 1 from contact_attempt a where a.customer_id = c.customer_id and a.sent
                                and a.created_at >= (?::date - ?)::timestamp at time zone ?)""",
                    asOf, contact.min(), zone), Sql.of("'" + contact.min() + "天以上未联系'"));
        }
        if (rule instanceof Rule.ChurnScore score) {
            if (!joins.churn) {
                joins.add("churn", churn.join(asOf));
                joins.churn = true;
            }
            Sql value = churn.score(asOf);
            return new Leaf(value.wrap("(%s) >= ?").then(Sql.of("", score.min())),
                    value.wrap("'流失风险评分 ' || (%s)"));
        }
        throw new IllegalStateException("no SQL for " + rule);
    }

    private static Sql aumCondition(Rule.AumRange aum) {
        List<Sql> bounds = new ArrayList<>();
        if (aum.min() != null) {
            bounds.add(Sql.of("c.aum >= ?", aum.min()));
        }
        if (aum.max() != null) {
            bounds.add(Sql.of("c.aum <= ?", aum.max()));
        }
        if (aum.below() != null) {
            bounds.add(Sql.of("c.aum < ?", aum.below()));
        }
        return Sql.join(" and ", bounds);
    }

    private static Sql managerCondition(Rule.Manager manager) {
        List<Sql> parts = new ArrayList<>();
        if (manager.assigned() != null) {
            parts.add(Sql.of(manager.assigned() ? "c.manager_id is not null" : "c.manager_id is null"));
        }
        if (manager.ids() != null) {
            parts.add(Sql.of("c.manager_id = any(?)", (Object) manager.ids().toArray(String[]::new)));
        }
        return Sql.join(" and ", parts);
    }

    /** The matching holdings of any customer, as a WHERE over alias h. */
    private static Sql holdingMatch(Rule.Holding holding, LocalDate asOf) {
        List<Sql> parts = new ArrayList<>();
        parts.add(Sql.of("true"));
        if (holding.types() != null) {
            parts.add(Sql.of("h.product_type = any(?)", (Object) holding.types().toArray(String[]::new)));
        }
        if (holding.minAmount() != null) {
            parts.add(Sql.of("h.amount >= ?", holding.minAmount()));
        }
        if (holding.maturesWithinDays() != null) {
            parts.add(Sql.of("h.maturity_date between ?::date + ? and ?::date + ?",
                    asOf, holding.maturesWithinDays().from(), asOf, holding.maturesWithinDays().to()));
        }
        return Sql.join(" and ", parts);
    }

    /**
     * Driven from the matching holdings: one pass over them (an index range for a maturity window)
     * keeps each customer's first holding, which is the reason; joined to c, not looked up per
     * customer. In a plain "all" the planner turns the left join into an inner one. The customers
     * are sorted by byte ("C"): the same groups as the database's collation (a deterministic one),
     * but memcmp and abbreviated keys instead of strcoll for ~200,000 rows of a maturity window.
     */
    private static Leaf holdingLeaf(Rule.Holding holding, LocalDate asOf, Joins joins) {
        String first = "select distinct on (h.customer_id collate \"C\") h.customer_id, " + PRODUCT_NAME.formatted("h.product_type")
                + " || coalesce(' ' || to_char(h.maturity_date, 'YYYY-MM-DD') || '到期', '') || ' ' || "
                + MONEY.formatted("h.amount") + " as reason from holding h where ";
        String alias = joins.add("held", Sql.of(" left join (" + first).then(holdingMatch(holding, asOf)).then(Sql.of("""
                
                 order by h.customer_id collate "C", h.maturity_date nulls last, h.amount desc, h.holding_id) {alias}
                        on {alias}.customer_id = c.customer_id""")));
        return new Leaf(Sql.of(alias + ".customer_id is not null"), Sql.of(alias + ".reason"));
    }

    /** The outflows in the window summed per customer in one pass over the window, joined to c. */
    private Leaf outflowLeaf(Rule.Outflow outflow, LocalDate asOf, Joins joins) {
        String alias = joins.add("outflow", Sql.of("""
                 left join (select t.customer_id, sum(t.amount) as amount from transfer t
                            where t.direction = 'OUT'""" + (outflow.sameNameOnly() ? " and t.same_name" : "") + """
                
                              and t.occurred_at >= (?::date - ?)::timestamp at time zone ?
                              and t.occurred_at < (?::date + 1)::timestamp at time zone ?
                            group by t.customer_id) {alias}
                        on {alias}.customer_id = c.customer_id""",
                asOf, outflow.withinDays() - 1, zone, asOf, zone));
        Sql total = Sql.of("coalesce(" + alias + ".amount, 0)");
        String kind = outflow.sameNameOnly() ? "同名跨行转出" : "转出";
        return new Leaf(total.then(Sql.of(" >= ?", outflow.minAmount())),
                total.wrap("'近" + outflow.withinDays() + "天" + kind + " ' || " + MONEY.formatted("%s")));
    }

    private static Leaf tierChangeLeaf(Rule.TierChange change, LocalDate asOf, Joins joins) {
        LocalDate since = change.since().resolve(asOf);
        String alias = joins.add("tier_then", Sql.of("""
                 left join (select customer_id, tier from customer_snapshot
                            where as_of = (select max(as_of) from customer_snapshot where as_of <= ?)) {alias}
                        on {alias}.customer_id = c.customer_id""", since));
        String comparison = change.direction() == Rule.TierChange.Direction.DOWN ? ">" : "<";
        Sql condition = Sql.of(TIER_RANK.formatted("c.tier") + " " + comparison + " "
                + TIER_RANK.formatted(alias + ".tier"));
        String verb = change.direction() == Rule.TierChange.Direction.DOWN ? "降为" : "升为";
        Sql reason = Sql.of("'等级由 ' || " + alias + ".tier || ' " + verb + " ' || c.tier || '（自 " + since + "）'");
        return new Leaf(condition, reason);
    }
}
