package com.bank.callcenter.calls;

import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.config.CallCenterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * What every contact attempt respects, checked at the moment of the attempt: the do-not-call list,
 * the calling window and the frequency cap (DOMAIN.md compliance defaults).
 */
@ApplicationScoped
public class ContactRules {

    private final EntityManager em;
    private final CallCenterConfig callcenter;

    public ContactRules(EntityManager em, CallCenterConfig callcenter) {
        this.em = em;
        this.callcenter = callcenter;
    }

    /** Throws a 409 problem naming the rule (do-not-call, outside-calling-window, frequency-cap). */
    public void checkMayContact(String customerId, String mobile, Instant now) {
        check(customerId, mobile, now, callcenter.campaigns().defaults().frequencyCapDays(), null);
    }

    /**
     * The same checks for a dialer's attempt at a list entry: the campaign's own cap, and its own
     * earlier attempts on that list (retries) do not count toward it.
     */
    public void checkMayContact(String customerId, String mobile, Instant now, int capDays, long exceptListId) {
        check(customerId, mobile, now, capDays, exceptListId);
    }

    private void check(String customerId, String mobile, Instant now, int days, Long exceptListId) {
        Number dnc = (Number) em.createNativeQuery("select count(*) from do_not_call where mobile = ?1"
                        + " and (expires_at is null or expires_at > ?2)")
                .setParameter(1, mobile).setParameter(2, Timestamp.from(now)).getSingleResult();
        if (dnc.longValue() > 0) {
            throw ProblemException.conflict("do-not-call", "the customer is on the do-not-call list");
        }
        if (!insideCallingWindow(now)) {
            throw ProblemException.conflict("outside-calling-window", "customers are called " + describeWindow());
        }
        Number recent = (Number) em.createNativeQuery("select count(*) from contact_attempt where customer_id = ?1"
                        + " and marketing and created_at > ?2 and (list_id is null or list_id <> ?3)")
                .setParameter(1, customerId).setParameter(2, Timestamp.from(now.minus(Duration.ofDays(days))))
                .setParameter(3, exceptListId == null ? -1L : exceptListId)
                .getSingleResult();
        if (recent.longValue() > 0) {
            throw ProblemException.conflict("frequency-cap", "the customer was contacted within the last " + days + " days");
        }
    }

    /** The bank's calling window (callcenter.campaigns.defaults.window-*), read in callcenter.zone. */
    public boolean insideCallingWindow(Instant now) {
        CallCenterConfig.Campaigns.Defaults window = callcenter.campaigns().defaults();
        ZonedDateTime local = now.atZone(callcenter.zone());
        LocalTime time = local.toLocalTime();
        return window.workingDays().contains(local.getDayOfWeek()) && !time.isBefore(window.windowStart())
                && time.isBefore(window.windowEnd());
    }

    /** "09:00–20:00 (Asia/Shanghai) on [MONDAY, …]" */
    public String describeWindow() {
        CallCenterConfig.Campaigns.Defaults window = callcenter.campaigns().defaults();
        return window.windowStart() + "–" + window.windowEnd() + " (" + callcenter.zone() + ") on "
                + new java.util.TreeSet<>(window.workingDays());
    }
}
