package com.bank.callcenter.funnels;

import com.bank.callcenter.campaigns.CampaignService;
import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.lists.ListEntries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The campaign funnel (listed → attempted → reached → outcomes) read from the lists, calls and SMS
 * in three set-based statements; see {@link CampaignFunnel} for what each figure counts. Days are
 * the bank's ({@code callcenter.zone}): a window [from, to] runs from from's midnight to the
 * midnight after to.
 */
@ApplicationScoped
public class CampaignFunnels {

    /** The bounds of an open window: before any list or call, and after any. */
    private static final LocalDate OPEN_FROM = LocalDate.of(1970, 1, 1);
    private static final LocalDate OPEN_TO = LocalDate.of(9999, 12, 30);

    /** Customers with a sent attempt, and those reached, over the campaign's calls and SMS of the window. */
    private static final String ATTEMPTED_AND_REACHED = """
            with attempts as (
              select c.customer_id, a.sent, c.state in ('ANSWERED', 'COMPLETED') as reached
              from call_attempt c join contact_attempt a on a.id = c.id
              where c.campaign_id = ?1 and c.queued_at >= ?2 and c.queued_at < ?3
              union all
              select s.customer_id, a.sent, s.state = 'SENT'
              from sms_message s join contact_attempt a on a.id = s.id
              where s.campaign_id = ?1 and s.created_at >= ?2 and s.created_at < ?3)
            select count(distinct customer_id) filter (where sent),
                   count(distinct customer_id) filter (where sent and reached)
            from attempts""";

    /** Each call gives up to three keys (robot choice, outcome, disposition), each SMS one. */
    private static final String OUTCOMES = """
            select k, count(*) from (
              select v.k from call_attempt c
              cross join lateral (values
                (case when c.kind = 'ROBOT_CALL' and c.state = 'COMPLETED' then
                   case when coalesce(trim(c.robot_choice), '') = '' then 'robot.noInput'
                        else 'robot.pressed' || trim(c.robot_choice) end end),
                ('call.' || coalesce(c.outcome, case when c.state = 'UNKNOWN' then 'UNKNOWN' end)),
                ('disposition.' || c.disposition)) v(k)
              where c.campaign_id = ?1 and c.queued_at >= ?2 and c.queued_at < ?3
              union all
              select 'sms.' || s.state from sms_message s
              where s.campaign_id = ?1 and s.created_at >= ?2 and s.created_at < ?3) o
            where k is not null
            group by k order by k""";

    private final EntityManager em;
    private final ListEntries entries;
    private final CampaignService campaigns;
    private final CallCenterConfig config;

    public CampaignFunnels(EntityManager em, ListEntries entries, CampaignService campaigns, CallCenterConfig config) {
        this.em = em;
        this.entries = entries;
        this.campaigns = campaigns;
        this.config = config;
    }

    /**
     * The funnel of the campaign over [from, to] (YYYY-MM-DD, each may be null or blank: open); 400 for
     * a bad date or from after to, 404 for an unknown campaign.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CampaignFunnel of(String campaignId, String fromText, String toText) {
        LocalDate from = day("from", fromText);
        LocalDate to = day("to", toText);
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.badRequest("bad-window", "from (" + from + ") must not be after to (" + to + ")");
        }
        campaigns.find(campaignId).orElseThrow(() -> ProblemException.notFound("campaign", campaignId));
        LocalDate first = from == null ? OPEN_FROM : from;
        LocalDate last = to == null ? OPEN_TO : to;
        Timestamp start = Timestamp.from(first.atStartOfDay(config.zone()).toInstant());
        Timestamp end = Timestamp.from(last.plusDays(1).atStartOfDay(config.zone()).toInstant());

        Object[] people = (Object[]) em.createNativeQuery(ATTEMPTED_AND_REACHED)
                .setParameter(1, campaignId).setParameter(2, start).setParameter(3, end).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(OUTCOMES)
                .setParameter(1, campaignId).setParameter(2, start).setParameter(3, end).getResultList();
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (Object[] row : rows) {
            outcomes.put((String) row[0], ((Number) row[1]).longValue());
        }
        return new CampaignFunnel(campaignId, from, to, entries.listedBetween(campaignId, first, last),
                ((Number) people[0]).longValue(), ((Number) people[1]).longValue(), outcomes);
    }

    private static LocalDate day(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "bad-date",
                    name + " must be a date YYYY-MM-DD: " + text, Map.of("field", name));
        }
    }
}
