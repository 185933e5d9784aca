package com.bank.callcenter.contacts;

import com.bank.callcenter.campaigns.CampaignsConfig;
import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.calendar.WorkingDays;
import com.bank.callcenter.config.CallCenterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What every contact attempt respects, checked at the moment of the attempt: the do-not-call list,
 * the calling window and the frequency cap (DOMAIN.md compliance defaults).
 */
@ApplicationScoped
public class ContactRules {

    public static final String DO_NOT_CALL = "do-not-call";
    public static final String OUTSIDE_CALLING_WINDOW = "outside-calling-window";
    public static final String FREQUENCY_CAP = "frequency-cap";
    /** Redis (the pending opt-outs) is out of reach: nobody is contacted unchecked; try again shortly. */
    public static final String OPT_OUTS_UNAVAILABLE = "opt-outs-unavailable";

    private final EntityManager em;
    private final CallCenterConfig callcenter;
    private final CampaignsConfig campaigns;
    private final PendingOptOuts pendingOptOuts;
    private final WorkingDays workingDays;

    public ContactRules(EntityManager em, CallCenterConfig callcenter, CampaignsConfig campaigns,
                        PendingOptOuts pendingOptOuts, WorkingDays workingDays) {
        this.workingDays = workingDays;
        this.em = em;
        this.pendingOptOuts = pendingOptOuts;
        this.callcenter = callcenter;
        this.campaigns = campaigns;
    }

    /** Throws a 409 problem naming the rule (do-not-call, outside-calling-window, frequency-cap). */
    public void checkMayContact(String customerId, String mobile, Instant now) {
        check(customerId, mobile, now, campaigns.defaults().frequencyCapDays(), null);
    }

    /**
     * The same checks for a dialer's attempt at a list entry: the campaign's own cap, and its own
     * earlier attempts on that list (retries) do not count toward it.
     */
    public void checkMayContact(String customerId, String mobile, Instant now, int capDays, long exceptListId) {
        check(customerId, mobile, now, capDays, exceptListId);
    }

    private void check(String customerId, String mobile, Instant now, int days, Long exceptListId) {
        String refused = refusals(Map.of(customerId, mobile), now, days, exceptListId).get(customerId);
        if (refused != null) {
            throw problem(refused, days);
        }
    }

    /**
     * The same checks for many customers at once (a dialer's batch), in two statements: customer id →
     * mobile in, customer id → the rule that refuses it out (do-not-call, outside-calling-window,
     * frequency-cap — the first that applies, in that order); customers that may be contacted are absent.
     * Do-not-call includes the opt-outs still on their way to do_not_call ({@link PendingOptOuts}).
     *
     * @throws ProblemException 503 opt-outs-unavailable when the pending opt-outs cannot be read
     */
    public Map<String, String> refusals(Map<String, String> mobiles, Instant now, int capDays, Long exceptListId) {
        if (mobiles.isEmpty()) {
            return Map.of();
        }
        Set<String> doNotCall = doNotCallAmong(mobiles.values(), now);
        boolean inside = insideCallingWindow(now);
        @SuppressWarnings("unchecked")
        Set<String> recentlyContacted = new HashSet<>(em.createNativeQuery("select distinct customer_id"
                        + " from contact_attempt where customer_id in (?1) and marketing and sent and created_at > ?2"
                        + " and (list_id is null or list_id <> ?3)")
                .setParameter(1, new ArrayList<>(mobiles.keySet()))
                .setParameter(2, Timestamp.from(now.minus(Duration.ofDays(capDays))))
                .setParameter(3, exceptListId == null ? -1L : exceptListId)
                .getResultList());
        Map<String, String> refused = new HashMap<>();
        mobiles.forEach((customerId, mobile) -> {
            if (doNotCall.contains(mobile)) {
                refused.put(customerId, DO_NOT_CALL);
            } else if (!inside) {
                refused.put(customerId, OUTSIDE_CALLING_WINDOW);
            } else if (recentlyContacted.contains(customerId)) {
                refused.put(customerId, FREQUENCY_CAP);
            }
        });
        return refused;
    }

    /**
     * The mobiles among these that must not be called now: on do_not_call (not expired) or opted out
     * and still on their way there ({@link PendingOptOuts}).
     *
     * @throws ProblemException 503 opt-outs-unavailable when the pending opt-outs cannot be read
     */
    public Set<String> doNotCallAmong(java.util.Collection<String> mobiles, Instant now) {
        if (mobiles.isEmpty()) {
            return Set.of();
        }
        // one statement text whatever the number of mobiles (an in-list is parsed afresh for every size); mobiles
        // are digits (MobileNumbers), never a comma
        @SuppressWarnings("unchecked")
        Set<String> doNotCall = new HashSet<>(em.createNativeQuery("select mobile from do_not_call"
                        + " where mobile = any(string_to_array(?1, ',')) and (expires_at is null or expires_at > ?2)")
                .setParameter(1, String.join(",", new HashSet<>(mobiles)))
                .setParameter(2, Timestamp.from(now)).getResultList());
        doNotCall.addAll(pendingAmong(mobiles));
        return doNotCall;
    }

    private Set<String> pendingAmong(java.util.Collection<String> mobiles) {
        try {
            return pendingOptOuts.among(mobiles);
        } catch (RuntimeException e) {
            throw new ProblemException(jakarta.ws.rs.core.Response.Status.SERVICE_UNAVAILABLE, OPT_OUTS_UNAVAILABLE,
                    "the pending opt-outs (Redis) cannot be read; try again shortly: " + e.getMessage());
        }
    }

    private ProblemException problem(String code, int days) {
        switch (code) {
            case DO_NOT_CALL:
                return ProblemException.conflict(code, "the customer is on the do-not-call list");
            case OUTSIDE_CALLING_WINDOW:
                return ProblemException.conflict(code, "customers are called " + describeWindow());
            default:
                return ProblemException.conflict(code, "the customer was contacted within the last " + days + " days");
        }
    }

    /**
     * The bank's calling window (callcenter.campaigns.defaults.window-*), read in callcenter.zone, on
     * working days of the calendar (never on a holiday; on an extra working day too).
     */
    public boolean insideCallingWindow(Instant now) {
        CampaignsConfig.Defaults window = campaigns.defaults();
        ZonedDateTime local = now.atZone(callcenter.zone());
        LocalTime time = local.toLocalTime();
        return workingDays.isWorkingDay(local.toLocalDate(), window.workingDays()) && !time.isBefore(window.windowStart())
                && time.isBefore(window.windowEnd());
    }

    /** "09:00–20:00 (Asia/Shanghai) on [MONDAY, …]" */
    public String describeWindow() {
        CampaignsConfig.Defaults window = campaigns.defaults();
        return window.windowStart() + "–" + window.windowEnd() + " (" + callcenter.zone() + ") on "
                + new java.util.TreeSet<>(window.workingDays()) + ", not on holidays";
    }
}
