package com.bank.callcenter.sms;

import com.bank.callcenter.campaigns.CampaignDefinition;
import com.bank.callcenter.campaigns.CampaignPolicies;
import com.bank.callcenter.campaigns.CampaignStateChanged;
import com.bank.callcenter.campaigns.ChannelCampaigns;
import com.bank.callcenter.campaigns.Channel;
import com.bank.callcenter.contacts.ContactRules;
import com.bank.callcenter.lists.ListEntries;
import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.common.RateWindow;
import com.bank.callcenter.telephony.Pbx;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends the SMS of ACTIVE SMS campaigns, like the robot dialer dials (without a call to wait for):
 * every tick, per campaign, it claims up to the rate's budget of due PENDING entries of the
 * campaign's newest list ({@code for update skip locked}, under a row lock of the campaign), and
 * for each, at that moment, the SMS service checks do-not-call / calling window / frequency cap,
 * renders the campaign's template and records the SMS (with the entry, in one transaction) before
 * its one MessageSend. Asterisk's answer settles the entry: DONE (SENT), or on a refusal PENDING
 * again for a new SMS while the campaign's contactPolicy.retries.FAILED allows, else DONE (FAILED).
 * While the AMI link is down nothing is claimed; an SMS that could not leave puts its entry back.
 */
@ApplicationScoped
public class SmsCampaignSender {

    private static final Logger LOG = Logger.getLogger(SmsCampaignSender.class);
    /** The contactPolicy.retries key of a MessageSend Asterisk refused (or never answered). */
    public static final String FAILED_OUTCOME = "FAILED";
    /** list_entry.last_outcome of an SMS Asterisk never answered within stale-after. */
    static final String UNKNOWN_OUTCOME = "UNKNOWN";

    private final EntityManager em;
    private final ChannelCampaigns campaigns;
    private final Pbx pbx;
    private final SmsService sms;
    private final SmsCampaignTemplate template;
    private final ContactRules rules;
    private final ListEntries entries;
    private final CampaignPolicies policies;
    private final SmsConfig config;
    private final Clock clock;

    public SmsCampaignSender(EntityManager em, Pbx pbx, SmsService sms, SmsCampaignTemplate template, ContactRules rules,
                             ListEntries entries, CampaignPolicies policies, SmsConfig config, Clock clock) {
        this.em = em;
        this.campaigns = new ChannelCampaigns(em, Channel.SMS);
        this.pbx = pbx;
        this.sms = sms;
        this.template = template;
        this.rules = rules;
        this.entries = entries;
        this.policies = policies;
        this.config = config;
        this.clock = clock;
    }

    /** One entry taken by this tick, with what its SMS needs from the campaign. */
    record Claimed(String campaignId, long listId, String customerId, CampaignDefinition definition) {
    }

    /** What became of one claimed entry. */
    private enum Sent { SENT, NOT_NOW, LINK_DOWN }

    @Scheduled(identity = "sms-campaign-sender", every = "{callcenter.sms.campaigns.tick}",
            delayed = "{callcenter.scheduler.start-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        campaigns.scheduled(config.campaigns().enabled(), this::tick);
    }

    /** POST /api/campaigns/{id}/start of an SMS campaign: send at once rather than at the next tick. */
    void started(@Observes(during = TransactionPhase.AFTER_SUCCESS) CampaignStateChanged changed) {
        campaigns.started(changed, config.campaigns().enabled(), this::tick);
    }

    /** Every ACTIVE SMS campaign; returns how many SMS were handed to the PBX. */
    public int tick() {
        return tick(null);
    }

    /** Only these campaigns (null = all); returns how many SMS were handed to the PBX. */
    public int tick(Collection<String> only) {
        sweep();
        int sent = 0;
        for (String campaignId : campaigns.active(only)) {
            sent += send(campaignId);
        }
        return sent;
    }

    /** Claims and sends what the campaign's rate allows now. */
    int send(String campaignId) {
        Instant now = clock.instant();
        if (!rules.insideCallingWindow(now) || pbx.availableServer().isEmpty()) {
            return 0; // nothing is claimed: sending resumes by itself in the window / when the link is back
        }
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> claim(campaignId, now));
        int sent = 0;
        for (int i = 0; i < claimed.size(); i++) {
            Claimed entry = claimed.get(i);
            Sent result;
            try {
                result = sendOne(entry);
            } catch (RuntimeException e) {
                LOG.errorf(e, "SMS campaign %s: %s of list %d not sent", campaignId, entry.customerId(), entry.listId());
                release(entry);
                continue;
            }
            if (result == Sent.SENT) {
                sent++;
            } else if (result == Sent.LINK_DOWN) {
                claimed.subList(i + 1, claimed.size()).forEach(this::release);
                break;
            }
        }
        return sent;
    }

    private List<Claimed> claim(String campaignId, Instant now) {
        Optional<String> locked = campaigns.lockActive(campaignId);
        if (locked.isEmpty()) {
            return List.of(); // paused, ended, or another tick is working on it right now
        }
        CampaignDefinition definition = policies.read(locked.get());
        if (!policies.insideSchedule(definition.schedule(), now) || !sendable(campaignId, definition)) {
            return List.of();
        }
        Optional<Long> list = entries.newestList(campaignId);
        if (list.isEmpty()) {
            return List.of();
        }
        RateWindow rate = new RateWindow(config.campaigns().perSecond());
        long recent = ((Number) em.createNativeQuery("select count(*) from sms_message where campaign_id = ?1"
                        + " and created_at > ?2 and created_at <= ?3")
                .setParameter(1, campaignId).setParameter(2, Timestamp.from(now.minus(rate.window())))
                .setParameter(3, Timestamp.from(now)).getSingleResult()).longValue();
        long unrecorded = entries.claimedWithoutAttempt(list.get());
        long budget = rate.perWindow() - recent - unrecorded;
        if (budget <= 0) {
            return List.of();
        }
        return entries.claimDue(list.get(), now, (int) budget).stream()
                .map(claim -> new Claimed(campaignId, claim.listId(), claim.customerId(), definition)).toList();
    }

    /** A campaign without a usable template sends nothing (the diagnostics say why); its entries stay as they are. */
    private boolean sendable(String campaignId, CampaignDefinition definition) {
        Optional<String> problem = template.problem(definition);
        problem.ifPresent(why -> LOG.warnf("SMS campaign %s sends nothing: %s", campaignId, why));
        return problem.isEmpty();
    }

    /** Checks and records the entry's SMS at this moment (rules refused = the entry is skipped), then sends it. */
    private Sent sendOne(Claimed entry) {
        QueuedSms queued;
        try {
            queued = QuarkusTransaction.requiringNew().call(() -> {
                QueuedSms recorded = sms.queueForCampaign(new SmsService.CampaignSms(entry.customerId(),
                        entry.campaignId(), entry.listId(), policies.frequencyCapDays(entry.definition()),
                        entry.definition().sms().template()));
                entries.smsRecorded(entry.listId(), entry.customerId(), recorded.smsId());
                return recorded;
            });
        } catch (ProblemException e) {
            if (SmsService.PBX_UNAVAILABLE.equals(e.code())) {
                release(entry);
                return Sent.LINK_DOWN;
            }
            if (ContactRules.OUTSIDE_CALLING_WINDOW.equals(e.code()) || ContactRules.OPT_OUTS_UNAVAILABLE.equals(e.code())) {
                release(entry);
                return Sent.NOT_NOW;
            }
            skip(entry, e.code());
            return Sent.NOT_NOW;
        }
        try {
            sms.transmit(queued).thenAccept(delivery -> settle(entry, delivery));
        } catch (ProblemException e) {
            putBack(entry, queued.smsId()); // the link went down in between: nothing was sent
            return Sent.LINK_DOWN;
        }
        return Sent.SENT;
    }

    /** Asterisk answered (or the SMS never left): settles the entry whose latest SMS this is. */
    private void settle(Claimed entry, SmsDelivery delivery) {
        try {
            if (delivery.outcome() == SmsDelivery.Outcome.NOT_SENT) {
                putBack(entry, delivery.smsId());
            } else {
                QuarkusTransaction.requiringNew().run(() -> settle(entry.listId(), entry.customerId(),
                        delivery.smsId(), delivery.outcome() == SmsDelivery.Outcome.SENT ? "SENT" : FAILED_OUTCOME,
                        entry.definition()));
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "SMS %s: its list entry could not be settled (the next tick's sweep will)", delivery.smsId());
        }
    }

    /** DONE with the outcome, or PENDING for a new SMS later when the campaign retries FAILED and attempts remain. */
    private void settle(long listId, String customerId, UUID smsId, String outcome, CampaignDefinition definition) {
        Optional<CampaignDefinition.Retry> retry = FAILED_OUTCOME.equals(outcome)
                ? policies.ownRetry(definition, FAILED_OUTCOME) : Optional.empty();
        Instant retryAt = retry.map(r -> clock.instant().plus(Duration.ofMinutes(r.afterMinutes()))).orElse(null);
        entries.settleSms(listId, customerId, smsId, outcome, retryAt, retry.map(CampaignDefinition.Retry::maxAttempts)
                .orElse(0));
    }

    /** The SMS never left: the entry is due again at once, and the attempt does not count. */
    private void putBack(Claimed entry, UUID smsId) {
        QuarkusTransaction.requiringNew().run(() -> entries.giveBack(entry.listId(), entry.customerId(), smsId));
    }

    private void skip(Claimed entry, String reason) {
        QuarkusTransaction.requiringNew().run(() -> entries.skip(entry.listId(), List.of(entry.customerId()), reason));
    }

    /** Back to PENDING, due now; only while no SMS was recorded for the claim. */
    private void release(Claimed entry) {
        QuarkusTransaction.requiringNew().run(() -> entries.release(entry.listId(), List.of(entry.customerId()), null));
    }

    /**
     * What an instance that died mid-tick left behind, after stale-after: claims with no SMS go back
     * to PENDING; an SMS whose answer was recorded but whose entry was not settled is settled now; an
     * SMS Asterisk never answered is settled DONE as UNKNOWN (never re-sent: it may have gone out).
     */
    void sweep() {
        Instant staleBefore = clock.instant().minus(config.campaigns().staleAfter());
        QuarkusTransaction.requiringNew().run(() -> {
            entries.releaseStaleClaims(Channel.SMS, staleBefore);
            for (ListEntries.StaleSms stale : entries.staleSms(staleBefore)) {
                String outcome = "QUEUED".equals(stale.smsState()) ? UNKNOWN_OUTCOME
                        : "SENT".equals(stale.smsState()) ? "SENT" : FAILED_OUTCOME;
                settle(stale.listId(), stale.customerId(), stale.smsId(), outcome,
                        policies.read(stale.campaignDefinition()));
            }
        });
    }

    @PreDestroy
    void stop() {
        campaigns.close();
    }
}
