package com.bank.callcenter.robot;

import com.bank.callcenter.calls.CallAttempt;
import com.bank.callcenter.calls.CallKind;
import com.bank.callcenter.calls.CallState;
import com.bank.callcenter.calls.CallTracker;
import com.bank.callcenter.contacts.ContactAttempt;
import com.bank.callcenter.contacts.ContactAttempts;
import com.bank.callcenter.contacts.ContactRules;
import com.bank.callcenter.lists.ListEntries;
import com.bank.callcenter.calls.DialingLock;
import com.bank.callcenter.campaigns.CampaignDefinition;
import com.bank.callcenter.campaigns.CampaignState;
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
import org.jboss.logging.Logger;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The robot dialer (VICIdial-style pacing, without agents): every tick, per ACTIVE ROBOT_CALL
 * campaign, room = concurrency − entries in flight (claimed, waiting to be sent, or in a call); it
 * claims up to min(room, {@code claim-ahead-windows} rate windows of calls − those still waiting to
 * be sent here) due PENDING entries of the campaign's newest list ({@code for update skip locked},
 * under a row lock of the campaign so two ticks or instances never exceed the concurrency nor take
 * the same entry), checks do-not-call / calling window / frequency cap at that moment, takes the
 * customer's dialing lock, writes the contact and call attempt and hands the calls to the
 * {@link OriginatePacer}, which originates them into the robot context off the tick, evenly spread,
 * each only with a slot of the cluster-wide {@link OriginateRateLimiter}: calls-per-second holds in
 * every window. A call is settled as soon as its record is final (and by every tick, for calls
 * another instance followed): DONE with its result, or PENDING again with the retry's due time while
 * the campaign's retry policy allows another attempt.
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
    private final ListEntries entries;
    private final ContactAttempts attempts;
    private final TelephonyConfig telephony;
    private final RobotDialerConfig config;
    private final RobotSettings settings;
    private final Clock clock;
    private final DialledRobotCalls dialled;
    private final OriginatePacer pacer;
    /** Settles finished calls at once, off the call-record writer's thread; one run queued at most. */
    private final ExecutorService settler = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "robot-settle");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean settleQueued = new AtomicBoolean();

    public RobotDialer(EntityManager em, Pbx pbx, CallTracker tracker, DialingLock lock, ContactRules rules,
                       ListEntries entries, ContactAttempts attempts,
                       TelephonyConfig telephony, RobotDialerConfig config, RobotSettings settings, Clock clock,
                       DialledRobotCalls dialled, OriginateRateLimiter limiter) {
        this.dialled = dialled;
        this.pacer = new OriginatePacer(limiter, this::checkAtSend);
        this.em = em;
        this.campaigns = new ChannelCampaigns(em, Channel.ROBOT_CALL);
        this.pbx = pbx;
        this.tracker = tracker;
        this.lock = lock;
        this.rules = rules;
        this.entries = entries;
        this.attempts = attempts;
        this.telephony = telephony;
        this.config = config;
        this.settings = settings;
        this.clock = clock;
        tracker.onFinal(this::settleSoon);
    }

    /**
     * Some calls' records became final: when one of them is a robot call of this instance, settle now
     * and (when the dialer runs on its own) claim for the lines just freed, rather than leave them idle
     * until the next tick. Claims are safe beside a tick (the campaign's row lock) and the rate is the
     * slot log's business.
     */
    private void settleSoon(Set<UUID> callIds) {
        if (callIds.stream().noneMatch(id -> dialled.find(id).isPresent())) {
            return;
        }
        if (settleQueued.compareAndSet(false, true)) {
            settler.execute(() -> {
                settleQueued.set(false);
                try {
                    settle(null);
                    if (config.enabled()) {
                        campaigns.active(null).forEach(this::dial);
                    }
                } catch (RuntimeException e) {
                    LOG.warnf(e, "robot dialer: settling or refilling finished calls' lines failed; the next tick"
                            + " tries again");
                }
            });
        }
    }

    /** One entry taken by this tick. */
    record Claimed(String campaignId, long listId, String customerId, int attempts, RobotSettings.Settings settings) {
    }

    @Scheduled(identity = "robot-dialer", every = "{callcenter.robot.tick}",
            delayed = "{callcenter.scheduler.start-delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        campaigns.scheduled(config.enabled(), this::tick);
    }

    /** POST /api/campaigns/{id}/start of a robot campaign: dial at once rather than at the next tick. */
    void started(@Observes(during = TransactionPhase.AFTER_SUCCESS) CampaignStateChanged changed) {
        campaigns.started(changed, config.enabled(), this::tick);
    }

    /**
     * Paused or ended: the calls recorded here and still waiting to be sent are not sent, their
     * entries go back (off the request's thread: each is a few small transactions).
     */
    void stopped(@Observes(during = TransactionPhase.AFTER_SUCCESS) CampaignStateChanged changed) {
        if (changed.channel() == Channel.ROBOT_CALL && changed.state() != CampaignState.ACTIVE) {
            settler.execute(() -> pacer.cancel(changed.campaignId(), campaignNot(changed.state())));
        }
    }

    private static String campaignNot(CampaignState state) {
        return "campaign " + state.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A recorded, followed call waiting in the pacer. */
    private final class RobotCall implements OriginatePacer.Call {
        final Claimed entry;
        final UUID callId;
        final String mobile;
        final String server;

        RobotCall(Claimed entry, UUID callId, String mobile, String server) {
            this.entry = entry;
            this.callId = callId;
            this.mobile = mobile;
            this.server = server;
        }

        @Override
        public void send() {
            originate(entry, callId, mobile, server);
        }

        @Override
        public void drop(String why) {
            notSent(entry, callId, why);
        }
    }

    /**
     * The checks of the claim, repeated as the calls go out (up to {@code claim-ahead-windows} later):
     * the campaign still ACTIVE and inside its hours, the bank's calling window, and no do-not-call
     * since. The frequency cap is not repeated: these calls' own attempts are already recorded.
     */
    private OriginatePacer.Verdict checkAtSend(String campaignId, List<OriginatePacer.Call> calls) {
        Instant now = clock.instant();
        List<RobotCall> robotCalls = calls.stream().map(RobotCall.class::cast).toList();
        if (!rules.insideCallingWindow(now)) {
            return OriginatePacer.Verdict.stop(ContactRules.OUTSIDE_CALLING_WINDOW);
        }
        if (!settings.insideSchedule(robotCalls.get(0).entry.settings(), now)) {
            return OriginatePacer.Verdict.stop("outside the campaign's schedule");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<CampaignState> state = campaigns.stateOf(campaignId);
            if (state.isEmpty() || state.get() != CampaignState.ACTIVE) {
                return OriginatePacer.Verdict.stop(campaignNot(state.orElse(CampaignState.ENDED)));
            }
            Set<String> doNotCall = rules.doNotCallAmong(robotCalls.stream().map(call -> call.mobile).toList(), now);
            Map<OriginatePacer.Call, String> refused = new HashMap<>();
            robotCalls.stream().filter(call -> doNotCall.contains(call.mobile))
                    .forEach(call -> refused.put(call, ContactRules.DO_NOT_CALL));
            return OriginatePacer.Verdict.refuse(refused);
        });
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
        Optional<String> locked = campaigns.lockActive(campaignId);
        if (locked.isEmpty()) {
            return List.of();
        }
        RobotSettings.Settings campaign = settings.of(locked.get());
        if (!settings.insideSchedule(campaign, now)) {
            return List.of();
        }
        Optional<Long> list = entries.newestList(campaignId);
        if (list.isEmpty()) {
            return List.of();
        }
        long room = campaign.concurrency() - entries.inProgress(campaignId);
        if (room <= 0) {
            return List.of();
        }
        // what is claimed now is sent over the next windows by the pacer, which holds the rate itself
        long ahead = (long) campaign.callsPerWindow() * config.claimAheadWindows() - pacer.waiting(campaignId);
        long budget = Math.min(room, ahead);
        if (budget <= 0) {
            return List.of();
        }
        return entries.claimDue(list.get(), now, (int) budget).stream()
                .map(claim -> new Claimed(campaignId, claim.listId(), claim.customerId(), claim.attempts(), campaign))
                .toList();
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
        List<OriginatePacer.Call> sends = new ArrayList<>(calls.size());
        for (Map.Entry<String, UUID> call : calls.entrySet()) {
            Claimed entry = byCustomer.get(call.getKey());
            UUID callId = call.getValue();
            String mobile = mobiles.get(call.getKey());
            tracker.follow(callId, server, entry.customerId(), null);
            dialled.dialled(callId, new DialledRobotCalls.Dialled(entry.customerId(), entry.campaignId(), mobile));
            sends.add(new RobotCall(entry, callId, mobile, server));
        }
        pacer.submit(first.campaignId(), rate(first.settings()), sends);
        LOG.debugf("robot dialer: %d claimed, %d queued to send; screen %d ms, locks %d ms, record %d ms",
                claimed.size(), sends.size(), millisSince(started, screened), millisSince(screened, lockedAt),
                millisSince(lockedAt, recorded));
        return sends.size();
    }

    /** The campaign's calls per window, the window lengthened by the margin that covers grant-to-wire delays. */
    private OriginatePacer.Rate rate(RobotSettings.Settings campaign) {
        return new OriginatePacer.Rate(campaign.callsPerWindow(), campaign.rateWindow().plus(config.rateMargin()),
                config.rateMargin(), config.sendCheckAge());
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

    /** Originates one recorded, followed call; false when it could not be sent (the entry goes back). */
    private boolean originate(Claimed entry, UUID callId, String mobile, String server) {
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
            notSent(entry, callId, e.getMessage());
            return false;
        }
    }

    /**
     * The recorded call never left: the entry is due again at once and its record says so — in this order, for
     * once the record is final its entry would be settled (DONE) as soon as the writer commits it.
     */
    private void notSent(Claimed entry, UUID callId, String why) {
        try {
            QuarkusTransaction.requiringNew().run(() -> entries.giveBack(entry.listId(), entry.customerId(), callId));
        } finally {
            tracker.notSent(callId, "not sent: " + why);
        }
    }

    /** The contact attempts, the call records (DIALING: the Originate follows the commit) and the entries, batched. */
    private void record(Claimed first, Map<String, UUID> calls, String server, Instant now) {
        attempts.recordAll(calls.entrySet().stream().map(call -> ContactAttempt.ofCampaign(call.getValue(),
                call.getKey(), first.campaignId(), first.listId(), Channel.ROBOT_CALL, now)).toList());
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
        entries.callsPlaced(first.listId(), calls);
    }

    private void skip(List<Claimed> claimed, String reason) {
        QuarkusTransaction.requiringNew().run(() -> entries.skip(claimed.get(0).listId(),
                claimed.stream().map(Claimed::customerId).toList(), reason));
    }

    /** Back to PENDING (due now, or at {@code dueAt}); only while no call was recorded for the claim. */
    private void release(List<Claimed> claimed, Instant dueAt) {
        if (claimed.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> entries.release(claimed.get(0).listId(),
                claimed.stream().map(Claimed::customerId).toList(), dueAt));
    }

    /** Entries whose call has finished: DONE with the result, or PENDING for a retry the policy allows. */
    void settle(Collection<String> only) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, RobotSettings.Settings> byCampaign = new HashMap<>();
            List<ListEntries.Settlement> settled = new ArrayList<>();
            for (ListEntries.FinishedCall call : entries.finishedCalls(Channel.ROBOT_CALL)) {
                if (only != null && !only.contains(call.campaignId())) {
                    continue;
                }
                RobotSettings.Settings campaign = byCampaign.computeIfAbsent(call.campaignId(), id -> settings.of(
                        (String) em.createNativeQuery("select cast(definition as text) from campaign where id = ?1")
                                .setParameter(1, id).getSingleResult()));
                CallState state = CallState.valueOf(call.callState());
                String outcome = call.outcome();
                Optional<CampaignDefinition.Retry> retry = state == CallState.FAILED && outcome != null
                        ? settings.retryFor(campaign, outcome) : Optional.empty();
                Instant due = null;
                if (retry.isPresent() && call.attempts() < retry.get().maxAttempts()) {
                    Instant ended = call.endedAt() == null ? now : call.endedAt();
                    due = ended.plus(Duration.ofMinutes(retry.get().afterMinutes()));
                }
                settled.add(new ListEntries.Settlement(call.listId(), call.customerId(),
                        result(state, outcome, call.robotChoice()), due));
            }
            entries.settle(settled);
            entries.releaseStaleClaims(Channel.ROBOT_CALL, now.minus(STALE_CLAIM));
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

    @PreDestroy
    void stop() {
        campaigns.close();
        pacer.close();
        settler.shutdownNow();
    }
}
