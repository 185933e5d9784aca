package com.bank.callcenter.targeting;

import com.bank.callcenter.campaigns.CampaignDefinition;
import com.bank.callcenter.campaigns.CampaignsConfig;
import com.bank.callcenter.campaigns.Channel;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.targeting.churn.ChurnModel;
import com.bank.callcenter.campaigns.rule.Rule;
import com.bank.callcenter.campaigns.rule.RuleParser;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;

/**
 * The SQL of a list: the campaign's rule over the customer book, its order, and the standing
 * exclusions, as the common table expressions "candidates" and "flagged" (one row per matching
 * customer with the first exclusion that removes it, or null).
 */
@ApplicationScoped
public class ListSql {

    private final RuleParser parser = new RuleParser();
    private final RuleCompiler compiler;
    private final ChurnModel churn;
    private final CallCenterConfig.Lists settings;
    private final int defaultFrequencyCapDays;
    private final String zone;

    public ListSql(RuleCompiler compiler, ChurnModel churn, CallCenterConfig config, CampaignsConfig campaigns) {
        this.compiler = compiler;
        this.churn = churn;
        this.settings = config.lists();
        this.defaultFrequencyCapDays = campaigns.defaults().frequencyCapDays();
        this.zone = config.zone().getId();
    }

    /**
     * {@code with candidates as (…), flagged as (…), ranked as (…)} — callers append what they
     * select from "ranked": customer_id, manager_id, reason, excluded_by, and rank (1 = first
     * among the customers not excluded). The window partitions by excluded_by itself, not by
     * "excluded_by is null": the sort then carries the computed exclusion up to the window, where
     * the test would have evaluated the exclusions' sub-queries a second time per candidate.
     */
    public Sql flagged(CampaignDefinition campaign, LocalDate asOf) {
        Rule rule = parser.parse(campaign.rule(), "rule");
        RuleCompiler.Compiled compiled = compiler.compile(rule, asOf);
        CampaignDefinition.Order order = campaign.order() == null
                ? new CampaignDefinition.Order(CampaignDefinition.Order.OrderBy.CUSTOMER_ID, null) : campaign.order();
        Sql joins = compiled.joins();
        if (order.by() == CampaignDefinition.Order.OrderBy.CHURN_SCORE && !joins.text().contains("churn_base")) {
            joins = joins.then(Sql.of("\n")).then(churn.join(asOf));
        }
        if (order.by() == CampaignDefinition.Order.OrderBy.OUTFLOW_AMOUNT) {
            joins = joins.then(Sql.of("\n")).then(orderOutflowJoin(asOf));
        }
        Sql candidates = Sql.of("with candidates as (select c.customer_id, c.manager_id, c.status, c.mobile, ")
                .then(compiled.reason()).then(Sql.of(" as reason, "))
                .then(orderKey(order, asOf)).then(Sql.of(" as order_key from customer c "))
                .then(joins).then(Sql.of(" where ")).then(compiled.condition()).then(Sql.of(")"));
        int capDays = campaign.contactPolicy() != null && campaign.contactPolicy().frequencyCapDays() != null
                ? campaign.contactPolicy().frequencyCapDays() : defaultFrequencyCapDays;
        Sql flagged = Sql.of("""
                , flagged as (
                  select k.*, case
                    when k.status <> 'ACTIVE' then 'closed'
                    when k.mobile is null then 'noMobile'
                    when exists (select 1 from do_not_call d where d.mobile = k.mobile
                                 and (d.expires_at is null or d.expires_at > (?::date)::timestamp at time zone ?)) then 'doNotCall'
                    when exists (select 1 from complaint p where p.customer_id = k.customer_id and p.closed_at is null)
                         then 'openComplaint'
                    when exists (select 1 from contact_attempt a where a.customer_id = k.customer_id and a.marketing and a.sent
                                 and a.created_at >= (?::date - ?)::timestamp at time zone ?
                                 and a.created_at < (?::date + 1)::timestamp at time zone ?) then 'frequencyCap'
                    when ? and k.manager_id is null then 'noManager'
                  end as excluded_by
                  from candidates k)
                , ranked as (
                  select f.*, row_number() over (partition by f.excluded_by
                                                 order by f.order_key %s nulls last, f.customer_id) as rank
                  from flagged f)
                """.formatted(order.direction() == CampaignDefinition.Order.Direction.DESC ? "desc" : "asc"),
                asOf, zone, asOf, capDays, zone, asOf, zone, campaign.channel() == Channel.AGENT_CALL);
        return candidates.then(flagged);
    }

    /** The same-name outflows of the order's window summed per customer in one pass, as order_outflow. */
    private Sql orderOutflowJoin(LocalDate asOf) {
        return Sql.of("""
                 left join (select t.customer_id, sum(t.amount) as amount from transfer t
                            where t.direction = 'OUT' and t.same_name
                              and t.occurred_at >= (?::date - ?)::timestamp at time zone ?
                              and t.occurred_at < (?::date + 1)::timestamp at time zone ?
                            group by t.customer_id) order_outflow
                        on order_outflow.customer_id = c.customer_id""",
                asOf, settings.outflowOrderDays() - 1, zone, asOf, zone);
    }

    private Sql orderKey(CampaignDefinition.Order order, LocalDate asOf) {
        switch (order.by()) {
            case MATURITY_DATE:
                return Sql.of("(select min(h.maturity_date) from holding h where h.customer_id = c.customer_id "
                        + "and h.maturity_date >= ?)", asOf);
            case AUM:
                return Sql.of("c.aum");
            case OUTFLOW_AMOUNT:
                return Sql.of("coalesce(order_outflow.amount, 0)");
            case CHURN_SCORE:
                return churn.score(asOf);
            default:
                return Sql.of("null::text");
        }
    }
}
