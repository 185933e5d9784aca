package com.bank.callcenter.robot;

import com.bank.callcenter.calls.CallAttempt;
import com.bank.callcenter.calls.CallKind;
import com.bank.callcenter.calls.CallState;
import com.bank.callcenter.calls.CallTracker;
import com.bank.callcenter.calls.ContactRules;
import com.bank.callcenter.calls.DialingLock;
import com.bank.callcenter.campaigns.CampaignDefinition;
import com.bank.callcenter.campaigns.CampaignState;
import com.bank.callcenter.campaigns.CampaignStateChanged;
import com.bank.callcenter.campaigns.Channel;
import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.customers.MobileNumbers;
import com.bank.callcenter.telephony.DialplanContract;
import com.bank.callcenter.telephony.Pbx;
import com.bank.callcenter.telephony.Pbx.OriginateCommand;
import com.bank.callcenter.telephony.PbxUnavailableException;
import com.bank.callcenter.telephony.TelephonyConfig;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The robot dialer (VICIdial-style pacing, without agents): every tick, per ACTIVE ROBOT_CALL
 * campaign, room = concurrency − entries in flight; it claims up to min(room, calls-per-second
 * budget) due PENDING entries of the campaign's newest list ({@code for update skip locked}, under
 * a row lock of the campaign so two ticks or instances never exceed the concurrency nor take the
 * same entry), checks do-not-call / calling window / frequency cap at that moment, takes the
 * customer's dialing lock, writes the contact and call attempt and originates into the robot
 * context. Finished calls are settled on the next tick: DONE with their result, or PENDING again
 * with the retry's due time while the campaign's retry policy allows another attempt.
 */
@ApplicationScoped
public class RobotDialer {

    private static final Logger LOG = Logger.getLogger(RobotDialer.class);
    /** A claim never followed by a call (the instance died in between) is released after this long. */
    private static final Duration STALE_CLAIM = Duration.ofMinutes(5);

    private final EntityManager em;
    private final Pbx pbx;
    private final CallTracker tracker;
    private final DialingLock lock;
    private final ContactRules rules;
    private final TelephonyConfig telephony;
    private final RobotDialerConfig config;
    private final RobotSettings settings;
    private final Clock clock;
    private final ExecutorService kick = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "robot-dialer-kick");
        thread.setDaemon(true);
        return thread;
    });

    public RobotDialer(EntityManager em, Pbx pbx, CallTracker tracker, DialingLock lock, ContactRules rules,
                       TelephonyConfig telephony, RobotDialerConfig config, RobotSettings settings, Clock clock) {
        this.em = em;
        this.pbx = pbx;
        this.tracker = tracker;
        this.lock = lock;
        this.rules = rules;
        this.telephony = telephony;
        this.config = config;
        this.settings = settings;
        this.clock = clock;
    }

    /** One entry taken by this tick. */
    record Claimed(String campaignId, long listId, String customerId, int attempts, RobotSettings.Settings settings) {
    }

    @Scheduled(identity = "robot-dialer", every = "{callcenter.robot.tick}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.enabled()) {
            return;
        }
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warnf(e, "robot dialer tick failed");
        }
    }

    /** POST /api/campaigns/{id}/start of a robot campaign: dial at once rather than at the next tick. */
    void started(@Observes(during = TransactionPhase.AFTER_SUCCESS) CampaignStateChanged changed) {
        if (config.enabled() && changed.channel() == Channel.ROBOT_CALL && changed.state() == CampaignState.ACTIVE) {
            kick.submit(() -> {
                try {
                    tick(List.of(changed.campaignId()));
                } catch (RuntimeException e) {
                    LOG.warnf(e, "robot dialer: first tick of %s failed", changed.campaignId());
                }
            });
        }
    }

    /** Every ACTIVE robot campaign; returns how many calls were originated. */
    public int tick() {
        return tick(null);
    }

    /** Only these campaigns (null = all); returns how many calls were originated. */
    public int tick(Collection<String> only) {
        settle(only);
        int placed = 0;
        for (String campaignId : activeRobotCampaigns(only)) {
            placed += dial(campaignId);
        }
        return placed;
    }

    private List<String> activeRobotCampaigns(Collection<String> only) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> ids = em.createNativeQuery("select id from campaign where state = 'ACTIVE'"
                    + " and channel = 'ROBOT_CALL' order by priority, id").getResultList();
            return only == null ? ids : ids.stream().filter(only::contains).toList();
        });
    }

    /** Claims and dials what the campaign has room for now. */
    int dial(String campaignId) {
        Instant now = clock.instant();
        if (!rules.insideCallingWindow(now)) {
            return 0;
        }
        Optional<String> server = pbx.availableServer();
        if (server.isEmpty()) {
            return 0;
        }
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> claim(campaignId, now));
        int placed = 0;
        for (Claimed entry : claimed) {
            try {
                if (dialOne(entry, server.get())) {
                    placed++;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "robot dialer: %s of list %d not dialled", entry.customerId(), entry.listId());
                release(entry, null);
            }
        }
        return placed;
    }

    private List<Claimed> claim(String campaignId, Instant now) {
        @SuppressWarnings("unchecked")
        List<String> locked = em.createNativeQuery("select cast(definition as text) from campaign where id = ?1"
                        + " and state = 'ACTIVE' and channel = 'ROBOT_CALL' for no key update skip locked")
                .setParameter(1, campaignId).getResultList();
        if (locked.isEmpty()) {
            return List.of(); // paused, ended, or another tick is working on it right now
        }
        RobotSettings.Settings campaign = settings.of(locked.get(0));
        if (!settings.insideSchedule(campaign, now)) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Number> lists = em.createNativeQuery("select id from target_list where campaign_id = ?1"
                + " order by as_of desc, id desc limit 1").setParameter(1, campaignId).getResultList();
        if (lists.isEmpty()) {
            return List.of();
        }
        long listId = lists.get(0).longValue();
        long inFlight = ((Number) em.createNativeQuery("select count(*) from list_entry e join target_list t"
                + " on t.id = e.list_id where t.campaign_id = ?1 and e.state = 'IN_PROGRESS'")
                .setParameter(1, campaignId).getSingleResult()).longValue();
        long room = campaign.concurrency() - inFlight;
        if (room <= 0) {
            return List.of();
        }
        long recent = ((Number) em.createNativeQuery("select count(*) from call_attempt where campaign_id = ?1"
                        + " and kind = 'ROBOT_CALL' and queued_at > ?2 and queued_at <= ?3")
                .setParameter(1, campaignId).setParameter(2, Timestamp.from(now.minus(campaign.rateWindow())))
                .setParameter(3, Timestamp.from(now)).getSingleResult()).longValue();
        long budget = Math.min(room, campaign.callsPerWindow() - recent);
        if (budget <= 0) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        update list_entry e set state = 'IN_PROGRESS', claimed_at = ?2, last_call_id = null
                        where (e.list_id, e.customer_id) in (
                          select p.list_id, p.customer_id from list_entry p
                          where p.list_id = ?1 and p.state = 'PENDING'
                            and (p.next_attempt_at is null or p.next_attempt_at <= ?2)
                          order by p.priority, p.customer_id
                          limit ?3
                          for update skip locked)
                        returning e.customer_id, e.attempts""")
                .setParameter(1, listId).setParameter(2, Timestamp.from(now)).setParameter(3, (int) budget)
                .getResultList();
        List<Claimed> claimed = new ArrayList<>();
        for (Object[] row : rows) {
            claimed.add(new Claimed(campaignId, listId, (String) row[0], ((Number) row[1]).intValue(), campaign));
        }
        return claimed;
    }

    /** Checks the entry at the moment of dialing, then records and originates its call. */
    private boolean dialOne(Claimed entry, String server) {
        Instant now = clock.instant();
        String[] mobile = new String[1];
        String excluded = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> raw = em.createNativeQuery("select mobile from customer where customer_id = ?1")
                    .setParameter(1, entry.customerId()).getResultList();
            Optional<String> valid = raw.isEmpty() || raw.get(0) == null ? Optional.empty()
                    : MobileNumbers.normalise(raw.get(0));
            if (valid.isEmpty()) {
                return "no-valid-mobile";
            }
            mobile[0] = valid.get();
            try {
                rules.checkMayContact(entry.customerId(), mobile[0], now, entry.settings().frequencyCapDays(),
                        entry.listId());
                return null;
            } catch (ProblemException e) {
                return e.code();
            }
        });
        if ("outside-calling-window".equals(excluded)) {
            release(entry, null);
            return false;
        }
        if (excluded != null) {
            skip(entry, excluded);
            return false;
        }
        UUID callId = UUID.randomUUID();
        if (!lock.acquire(entry.customerId(), callId, telephony.dialingLockTtl())) {
            release(entry, now.plus(config.busyCustomerDelay())); // another call has the customer right now
            return false;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> record(entry, callId, server, now));
        } catch (RuntimeException e) {
            lock.release(entry.customerId(), callId);
            throw e;
        }
        tracker.follow(callId, server, entry.customerId(), null);
        QuarkusTransaction.requiringNew().run(() -> CallAttempt.<CallAttempt>findById(callId).dialing(clock.instant()));
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(DialplanContract.CALL_ID, callId.toString());
        variables.put(DialplanContract.PROMPT, entry.settings().prompt());
        variables.put(DialplanContract.TEAM_QUEUE, entry.settings().teamQueue());
        variables.put(DialplanContract.CALLER_ID, telephony.callerId());
        OriginateCommand command = new OriginateCommand(callId.toString(),
                telephony.dial().customer().replace("{number}", mobile[0]), DialplanContract.ROBOT_CONTEXT,
                DialplanContract.START_EXTENSION, telephony.callerId(), config.ringTimeout().toMillis(), variables);
        try {
            pbx.originate(server, command, message -> tracker.refused(callId, message));
        } catch (PbxUnavailableException e) {
            tracker.notSent(callId, "not sent: " + e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            update list_entry set state = 'PENDING', attempts = greatest(attempts - 1, 0),
                              last_call_id = null where list_id = ?1 and customer_id = ?2 and last_call_id = ?3""")
                    .setParameter(1, entry.listId()).setParameter(2, entry.customerId()).setParameter(3, callId)
                    .executeUpdate());
            return false;
        }
        return true;
    }

    private void record(Claimed entry, UUID callId, String server, Instant now) {
        em.createNativeQuery("insert into contact_attempt (id, customer_id, campaign_id, list_id, channel, marketing,"
                        + " created_at) values (?1, ?2, ?3, ?4, 'ROBOT_CALL', true, ?5)")
                .setParameter(1, callId).setParameter(2, entry.customerId()).setParameter(3, entry.campaignId())
                .setParameter(4, entry.listId()).setParameter(5, Timestamp.from(now)).executeUpdate();
        CallAttempt call = new CallAttempt();
        call.id = callId;
        call.customerId = entry.customerId();
        call.campaignId = entry.campaignId();
        call.kind = CallKind.ROBOT_CALL;
        call.state = CallState.QUEUED;
        call.amiServer = server;
        call.actionId = callId.toString();
        call.queuedAt = now;
        call.persist();
        em.flush();
        em.createNativeQuery("update list_entry set attempts = attempts + 1, last_call_id = ?3, next_attempt_at = null"
                        + " where list_id = ?1 and customer_id = ?2")
                .setParameter(1, entry.listId()).setParameter(2, entry.customerId()).setParameter(3, callId)
                .executeUpdate();
    }

    private void skip(Claimed entry, String reason) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update list_entry set state = 'SKIPPED',"
                        + " skip_reason = ?3 where list_id = ?1 and customer_id = ?2")
                .setParameter(1, entry.listId()).setParameter(2, entry.customerId()).setParameter(3, reason)
                .executeUpdate());
    }

    /** Back to PENDING (due now, or at {@code dueAt}); only while no call was recorded for the claim. */
    private void release(Claimed entry, Instant dueAt) {
        Timestamp due = Timestamp.from(dueAt == null ? Instant.EPOCH : dueAt);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update list_entry set state = 'PENDING',"
                        + " next_attempt_at = case when ?3 > timestamptz 'epoch' then ?3 end"
                        + " where list_id = ?1 and customer_id = ?2 and state = 'IN_PROGRESS' and last_call_id is null")
                .setParameter(1, entry.listId()).setParameter(2, entry.customerId()).setParameter(3, due)
                .executeUpdate());
    }

    /** Entries whose call has finished: DONE with the result, or PENDING for a retry the policy allows. */
    void settle(Collection<String> only) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select e.list_id, e.customer_id, e.attempts, c.state, c.outcome, c.robot_choice, t.campaign_id,
                           c.end_at
                    from list_entry e
                    join call_attempt c on c.id = e.last_call_id
                    join target_list t on t.id = e.list_id
                    where e.state = 'IN_PROGRESS' and c.state in ('COMPLETED', 'FAILED', 'UNKNOWN')
                    for update of e skip locked""").getResultList();
            Map<String, RobotSettings.Settings> byCampaign = new HashMap<>();
            for (Object[] row : rows) {
                String campaignId = (String) row[6];
                if (only != null && !only.contains(campaignId)) {
                    continue;
                }
                RobotSettings.Settings campaign = byCampaign.computeIfAbsent(campaignId, id -> settings.of(
                        (String) em.createNativeQuery("select cast(definition as text) from campaign where id = ?1")
                                .setParameter(1, id).getSingleResult()));
                long listId = ((Number) row[0]).longValue();
                String customerId = (String) row[1];
                int attempts = ((Number) row[2]).intValue();
                CallState state = CallState.valueOf((String) row[3]);
                String outcome = (String) row[4];
                String result = result(state, outcome, (String) row[5]);
                Optional<CampaignDefinition.Retry> retry = state == CallState.FAILED && outcome != null
                        ? settings.retryFor(campaign, outcome) : Optional.empty();
                if (retry.isPresent() && attempts < retry.get().maxAttempts()) {
                    Instant ended = row[7] == null ? now : toInstant(row[7]);
                    Instant due = ended.plus(Duration.ofMinutes(retry.get().afterMinutes()));
                    em.createNativeQuery("update list_entry set state = 'PENDING', last_outcome = ?3,"
                                    + " next_attempt_at = ?4 where list_id = ?1 and customer_id = ?2")
                            .setParameter(1, listId).setParameter(2, customerId).setParameter(3, result)
                            .setParameter(4, Timestamp.from(due)).executeUpdate();
                } else {
                    em.createNativeQuery("update list_entry set state = 'DONE', last_outcome = ?3, next_attempt_at = null"
                                    + " where list_id = ?1 and customer_id = ?2")
                            .setParameter(1, listId).setParameter(2, customerId).setParameter(3, result)
                            .executeUpdate();
                }
            }
            // a claim with neither a call nor an SMS recorded (SMS entries are the SMS campaign sender's to settle)
            em.createNativeQuery("update list_entry set state = 'PENDING' where state = 'IN_PROGRESS'"
                            + " and last_call_id is null and last_sms_id is null and claimed_at < ?1")
                    .setParameter(1, Timestamp.from(now.minus(STALE_CLAIM))).executeUpdate();
        });
    }

    /** PRESSED_1 / PRESSED_2 / PRESSED_9 / NO_INPUT for an answered robot call, else the call's outcome. */
    static String result(CallState state, String outcome, String choice) {
        if (state == CallState.COMPLETED) {
            if (choice == null || choice.isBlank()) {
                return "NO_INPUT";
            }
            return "PRESSED_" + choice.trim();
        }
        if (state == CallState.UNKNOWN) {
            return "UNKNOWN";
        }
        return outcome == null ? "FAILED" : outcome;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof java.time.OffsetDateTime) {
            return ((java.time.OffsetDateTime) value).toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    @PreDestroy
    void stop() {
        kick.shutdownNow();
    }
}
