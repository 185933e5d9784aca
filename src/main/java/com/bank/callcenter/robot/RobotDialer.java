package com.bank.callcenter.robot;

import com.bank.callcenter.calls.CallAttempt;
import com.bank.callcenter.calls.CallKind;
import com.bank.callcenter.calls.CallState;
import com.bank.callcenter.calls.CallTracker;
import com.bank.callcenter.calls.ContactRules;
import com.bank.callcenter.calls.DialingLock;
import com.bank.callcenter.campaigns.CampaignDefinition;
import com.bank.callcenter.campaigns.CampaignStateChanged;
import com.bank.callcenter.campaigns.ChannelCampaigns;
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
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;

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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

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
    private static final String NO_VALID_MOBILE = "no-valid-mobile";

    private final EntityManager em;
    private final ChannelCampaigns campaigns;
    private final Pbx pbx;
    private final CallTracker tracker;
    private final DialingLock lock;
    private final ContactRules rules;
    private final TelephonyConfig telephony;
    private final RobotDialerConfig config;
    private final RobotSettings settings;
    private final Clock clock;

    public RobotDialer(EntityManager em, Pbx pbx, CallTracker tracker, DialingLock lock, ContactRules rules,
                       TelephonyConfig telephony, RobotDialerConfig config, RobotSettings settings, Clock clock) {
        this.em = em;
        this.campaigns = new ChannelCampaigns(em, Channel.ROBOT_CALL);
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
        campaigns.scheduled(config.enabled(), this::tick);
    }

    /** POST /api/campaigns/{id}/start of a robot campaign: dial at once rather than at the next tick. */
    void started(@Observes(during = TransactionPhase.AFTER_SUCCESS) CampaignStateChanged changed) {
        campaigns.started(changed, config.enabled(), this::tick);
    }

    /** Every ACTIVE robot campaign; returns how many calls were originated. */
    public int tick() {
        return tick(null);
    }

    /** Only these campaigns (null = all); returns how many calls were originated. */
    public int tick(Collection<String> only) {
        long started = System.nanoTime();
        settle(only);
        long settled = System.nanoTime();
        int placed = 0;
        for (String campaignId : campaigns.active(only)) {
            placed += dial(campaignId);
        }
        LOG.debugf("robot dialer tick: settle %d ms, dial %d ms", millisSince(started, settled),
                millisSince(settled, System.nanoTime()));
        return placed;
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
        long claiming = System.nanoTime();
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> claim(campaignId, now));
        LOG.debugf("robot dialer: claim %d ms", millisSince(claiming, System.nanoTime()));
        if (claimed.isEmpty()) {
            return 0;
        }
        try {
            return dialAll(claimed, server.get());
        } catch (ProblemException e) {
            // e.g. Redis out of reach: the entries go back and the next tick tries again
            LOG.warnf("robot dialer: %d entries of %s not dialled now: %s", claimed.size(), campaignId, e.getMessage());
            release(claimed, null);
            return 0;
        } catch (RuntimeException e) {
            LOG.errorf(e, "robot dialer: %d entries of %s not dialled", claimed.size(), campaignId);
            release(claimed, null);
            return 0;
        }
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
        Optional<Long> list = campaigns.newestList(campaignId);
        if (list.isEmpty()) {
            return List.of();
        }
        long listId = list.get();
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

    /**
     * Checks the claimed entries at the moment of dialing (one statement per rule for the batch), takes
     * the customers' dialing locks (one round trip), records the calls (one transaction), then sends
     * one Originate per call.
     */
    private int dialAll(List<Claimed> claimed, String server) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Claimed first = claimed.get(0);
        Map<String, Claimed> byCustomer = new LinkedHashMap<>();
        claimed.forEach(entry -> byCustomer.put(entry.customerId(), entry));
        Map<String, String> mobiles = new LinkedHashMap<>();
        Map<String, String> refused = QuarkusTransaction.requiringNew().call(() -> screen(byCustomer.keySet(),
                first, now, mobiles));
        Map<String, List<Claimed>> skipped = new HashMap<>();
        List<Claimed> later = new ArrayList<>();
        Map<String, UUID> calls = new LinkedHashMap<>();
        for (Claimed entry : claimed) {
            String reason = refused.get(entry.customerId());
            if (ContactRules.OUTSIDE_CALLING_WINDOW.equals(reason)) {
                later.add(entry);
            } else if (reason != null) {
                skipped.computeIfAbsent(reason, k -> new ArrayList<>()).add(entry);
            } else {
                calls.put(entry.customerId(), UUID.randomUUID());
            }
        }
        skipped.forEach((reason, entries) -> skip(entries, reason));
        release(later, null);
        long screened = System.nanoTime();
        Set<String> locked = lock.acquireAll(calls, telephony.dialingLockTtl());
        long lockedAt = System.nanoTime();
        List<Claimed> busy = calls.keySet().stream().filter(c -> !locked.contains(c)).map(byCustomer::get).toList();
        release(busy, now.plus(config.busyCustomerDelay())); // another call has these customers right now
        calls.keySet().retainAll(locked);
        if (calls.isEmpty()) {
            return 0;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> record(first, calls, server, now));
        } catch (RuntimeException e) {
            lock.releaseAll(calls);
            throw e;
        }
        long recorded = System.nanoTime();
        int placed = 0;
        for (Map.Entry<String, UUID> call : calls.entrySet()) {
            if (originate(byCustomer.get(call.getKey()), call.getValue(), mobiles.get(call.getKey()), server)) {
                placed++;
            }
        }
        LOG.debugf("robot dialer: %d claimed, %d placed; screen %d ms, locks %d ms, record %d ms, originate %d ms",
                claimed.size(), placed, millisSince(started, screened), millisSince(screened, lockedAt),
                millisSince(lockedAt, recorded), millisSince(recorded, System.nanoTime()));
        return placed;
    }

    /** The mobiles of the customers (into {@code mobiles}) and the rule that refuses each refused one. */
    private Map<String, String> screen(Collection<String> customerIds, Claimed first, Instant now,
                                       Map<String, String> mobiles) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select customer_id, mobile from customer where customer_id in (?1)")
                .setParameter(1, new ArrayList<>(customerIds)).getResultList();
        Map<String, String> refused = new HashMap<>();
        Map<String, String> found = new HashMap<>();
        rows.forEach(row -> found.put((String) row[0], (String) row[1]));
        for (String customerId : customerIds) {
            String raw = found.get(customerId);
            Optional<String> valid = raw == null ? Optional.empty() : MobileNumbers.normalise(raw);
            if (valid.isEmpty()) {
                refused.put(customerId, NO_VALID_MOBILE);
            } else {
                mobiles.put(customerId, valid.get());
            }
        }
        refused.putAll(rules.refusals(mobiles, now, first.settings().frequencyCapDays(), first.listId()));
        return refused;
    }

    /** Tracks and originates one recorded call; false when it could not be sent (the entry goes back). */
    private boolean originate(Claimed entry, UUID callId, String mobile, String server) {
        tracker.follow(callId, server, entry.customerId(), null);
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(DialplanContract.CALL_ID, callId.toString());
        variables.put(DialplanContract.PROMPT, entry.settings().prompt());
        variables.put(DialplanContract.TEAM_QUEUE, entry.settings().teamQueue());
        variables.put(DialplanContract.CALLER_ID, telephony.callerId());
        OriginateCommand command = new OriginateCommand(callId.toString(),
                telephony.dial().customer().replace("{number}", mobile), DialplanContract.ROBOT_CONTEXT,
                DialplanContract.START_EXTENSION, telephony.callerId(), config.ringTimeout().toMillis(), variables);
        try {
            pbx.originate(server, command, message -> tracker.refused(callId, message));
            tracker.sent(command, clock.instant());
            return true;
        } catch (PbxUnavailableException e) {
            tracker.notSent(callId, "not sent: " + e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            update list_entry set state = 'PENDING', attempts = greatest(attempts - 1, 0),
                              last_call_id = null where list_id = ?1 and customer_id = ?2 and last_call_id = ?3""")
                    .setParameter(1, entry.listId()).setParameter(2, entry.customerId()).setParameter(3, callId)
                    .executeUpdate());
            return false;
        }
    }

    /** The contact attempts, the call records (DIALING: the Originate follows the commit) and the entries, batched. */
    private void record(Claimed first, Map<String, UUID> calls, String server, Instant now) {
        Timestamp at = Timestamp.from(now);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement contact = connection.prepareStatement("insert into contact_attempt (id, customer_id,"
                    + " campaign_id, list_id, channel, marketing, created_at) values (?, ?, ?, ?, 'ROBOT_CALL', true, ?)")) {
                for (Map.Entry<String, UUID> call : calls.entrySet()) {
                    contact.setObject(1, call.getValue());
                    contact.setString(2, call.getKey());
                    contact.setString(3, first.campaignId());
                    contact.setLong(4, first.listId());
                    contact.setTimestamp(5, at);
                    contact.addBatch();
                }
                contact.executeBatch();
            }
        });
        for (Map.Entry<String, UUID> call : calls.entrySet()) {
            CallAttempt attempt = new CallAttempt();
            attempt.id = call.getValue();
            attempt.customerId = call.getKey();
            attempt.campaignId = first.campaignId();
            attempt.kind = CallKind.ROBOT_CALL;
            attempt.state = CallState.QUEUED;
            attempt.amiServer = server;
            attempt.follower = tracker.followerId();
            attempt.actionId = call.getValue().toString();
            attempt.queuedAt = now;
            attempt.dialing(now);
            attempt.persist();
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement entry = connection.prepareStatement("update list_entry set attempts = attempts + 1,"
                    + " last_call_id = ?, next_attempt_at = null where list_id = ? and customer_id = ?")) {
                for (Map.Entry<String, UUID> call : calls.entrySet()) {
                    entry.setObject(1, call.getValue());
                    entry.setLong(2, first.listId());
                    entry.setString(3, call.getKey());
                    entry.addBatch();
                }
                entry.executeBatch();
            }
        });
    }

    private void skip(List<Claimed> entries, String reason) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update list_entry set state = 'SKIPPED',"
                        + " skip_reason = ?3 where list_id = ?1 and customer_id in (?2)")
                .setParameter(1, entries.get(0).listId())
                .setParameter(2, entries.stream().map(Claimed::customerId).toList()).setParameter(3, reason)
                .executeUpdate());
    }

    /** Back to PENDING (due now, or at {@code dueAt}); only while no call was recorded for the claim. */
    private void release(List<Claimed> entries, Instant dueAt) {
        if (entries.isEmpty()) {
            return;
        }
        Timestamp due = Timestamp.from(dueAt == null ? Instant.EPOCH : dueAt);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update list_entry set state = 'PENDING',"
                        + " next_attempt_at = case when cast(?3 as timestamptz) > timestamptz 'epoch'"
                        + " then cast(?3 as timestamptz) end"
                        + " where list_id = ?1 and customer_id in (?2) and state = 'IN_PROGRESS' and last_call_id is null")
                .setParameter(1, entries.get(0).listId())
                .setParameter(2, entries.stream().map(Claimed::customerId).toList()).setParameter(3, due)
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
            List<Settled> settled = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                String campaignId = (String) row[6];
                if (only != null && !only.contains(campaignId)) {
                    continue;
                }
                RobotSettings.Settings campaign = byCampaign.computeIfAbsent(campaignId, id -> settings.of(
                        (String) em.createNativeQuery("select cast(definition as text) from campaign where id = ?1")
                                .setParameter(1, id).getSingleResult()));
                int attempts = ((Number) row[2]).intValue();
                CallState state = CallState.valueOf((String) row[3]);
                String outcome = (String) row[4];
                String result = result(state, outcome, (String) row[5]);
                Optional<CampaignDefinition.Retry> retry = state == CallState.FAILED && outcome != null
                        ? settings.retryFor(campaign, outcome) : Optional.empty();
                Instant due = null;
                if (retry.isPresent() && attempts < retry.get().maxAttempts()) {
                    Instant ended = row[7] == null ? now : toInstant(row[7]);
                    due = ended.plus(Duration.ofMinutes(retry.get().afterMinutes()));
                }
                settled.add(new Settled(((Number) row[0]).longValue(), (String) row[1], result, due));
            }
            writeSettled(settled);
            // a claim with neither a call nor an SMS recorded (SMS entries are the SMS campaign sender's to settle)
            em.createNativeQuery("update list_entry set state = 'PENDING' where state = 'IN_PROGRESS'"
                            + " and last_call_id is null and last_sms_id is null and claimed_at < ?1")
                    .setParameter(1, Timestamp.from(now.minus(STALE_CLAIM))).executeUpdate();
        });
    }

    /** A finished entry: DONE with its result, or PENDING again when {@code retryAt} is set. */
    private record Settled(long listId, String customerId, String result, Instant retryAt) {
    }

    private void writeSettled(List<Settled> settled) {
        if (settled.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("update list_entry set"
                    + " state = case when ? then 'PENDING' else 'DONE' end, last_outcome = ?, next_attempt_at = ?"
                    + " where list_id = ? and customer_id = ?")) {
                for (Settled entry : settled) {
                    update.setBoolean(1, entry.retryAt() != null);
                    update.setString(2, entry.result());
                    update.setTimestamp(3, entry.retryAt() == null ? null : Timestamp.from(entry.retryAt()));
                    update.setLong(4, entry.listId());
                    update.setString(5, entry.customerId());
                    update.addBatch();
                }
                update.executeBatch();
            }
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

    private static long millisSince(long fromNanos, long toNanos) {
        return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
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
        campaigns.close();
    }
}
