package com.bank.callcenter.calls;

import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.campaigns.Channel;
import com.bank.callcenter.contacts.ContactAttempt;
import com.bank.callcenter.contacts.ContactAttempts;
import com.bank.callcenter.contacts.ContactRules;
import com.bank.callcenter.customers.BookAccess;
import com.bank.callcenter.security.CurrentUser;
import com.bank.callcenter.staff.Staff;
import com.bank.callcenter.telephony.DialplanContract;
import com.bank.callcenter.telephony.Pbx;
import com.bank.callcenter.telephony.Pbx.OriginateCommand;
import com.bank.callcenter.telephony.PbxUnavailableException;
import com.bank.callcenter.telephony.TelephonyConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response.Status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Places calls through the PBX and reads them back. */
@ApplicationScoped
public class CallService {

    private final EntityManager em;
    private final Pbx pbx;
    private final CallTracker tracker;
    private final DialingLock lock;
    private final ContactRules rules;
    private final ContactAttempts attempts;
    private final BookAccess book;
    private final TelephonyConfig config;
    private final Clock clock;
    private final Instance<AgentCallTargets> targets;
    private final Event<AgentCallPlaced> placed;

    /** A call for a callback that came from no list: no list's own attempts are excepted from the cap. */
    private static final long NO_LIST = -1L;

    public CallService(EntityManager em, Pbx pbx, CallTracker tracker, DialingLock lock, ContactRules rules, ContactAttempts attempts, BookAccess book,
                       TelephonyConfig config, Clock clock, Instance<AgentCallTargets> targets, Event<AgentCallPlaced> placed) {
        this.targets = targets;
        this.placed = placed;
        this.em = em;
        this.pbx = pbx;
        this.tracker = tracker;
        this.lock = lock;
        this.rules = rules;
        this.attempts = attempts;
        this.book = book;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Click-to-call, agent first: the RM's phone rings, then the dialplan dials the customer. The
     * customer's number goes to the PBX only, never back to the RM. Returns the call id.
     */
    public UUID placeAgentCall(String customerId, CurrentUser user) {
        return placeAgentCall(customerId, null, null, staffIdOf(user));
    }

    /** The same for a list entry or callback the RM holds at the desk (both null: the RM's own call). */
    public UUID placeAgentCall(String customerId, Long entryId, Long callbackId, CurrentUser user) {
        return placeAgentCall(customerId, entryId, callbackId, staffIdOf(user));
    }

    /** The same on behalf of an RM (progressive dialing: the service dials the RM's claimed entry). */
    public UUID placeAgentCall(String customerId, Long entryId, Long callbackId, String staffId) {
        String mobile = book.reachable(customerId, staffId).mobile();
        String extension = Staff.findByStaffId(staffId).map(s -> s.extension).filter(e -> e != null && !e.isBlank())
                .orElseThrow(() -> ProblemException.conflict("no-extension", "your staff record has no phone extension"));
        Optional<AgentCallTargets.AgentCallTarget> target = entryId == null && callbackId == null ? Optional.empty()
                : Optional.of(QuarkusTransaction.requiringNew().call(
                        () -> targets.get().resolve(staffId, customerId, entryId, callbackId)));
        String server = pbx.availableServer().orElseThrow(CallService::pbxUnavailable);

        UUID callId = UUID.randomUUID();
        if (!lock.acquire(customerId, callId, config.dialingLockTtl())) {
            throw ProblemException.conflict("customer-busy", "the customer is being called right now");
        }
        String recording = config.recordingFile().replace("{callId}", callId.toString());
        try {
            Instant now = clock.instant();
            QuarkusTransaction.requiringNew().run(() -> {
                if (target.isPresent()) {
                    AgentCallTargets.AgentCallTarget t = target.get();
                    rules.checkMayContact(customerId, mobile, now, t.frequencyCapDays(),
                            t.listId() == null ? NO_LIST : t.listId());
                } else {
                    rules.checkMayContact(customerId, mobile, now);
                }
                record(callId, customerId, staffId, server, now, target.orElse(null));
                target.ifPresent(t -> targets.get().placed(t, callId));
            });
        } catch (RuntimeException e) {
            lock.release(customerId, callId);
            throw e;
        }

        tracker.follow(callId, server, customerId, recording);
        QuarkusTransaction.requiringNew().run(() -> CallAttempt.<CallAttempt>findById(callId).dialing(clock.instant()));
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(DialplanContract.CALL_ID, callId.toString());
        variables.put(DialplanContract.CUSTOMER_DIAL, config.dial().customer().replace("{number}", mobile));
        variables.put(DialplanContract.CALLER_ID, config.callerId());
        variables.put(DialplanContract.RECORDING, recording);
        OriginateCommand command = new OriginateCommand(callId.toString(),
                config.dial().agent().replace("{extension}", extension), DialplanContract.AGENT_FIRST_CONTEXT,
                DialplanContract.START_EXTENSION, config.callerId(), config.ami().agentRingTimeout().toMillis(), variables);
        try {
            // told before the PBX can answer, so that the desk hears of the start before the end
            placed.fire(new AgentCallPlaced(staffId, callId, customerId));
            pbx.originate(server, command, message -> tracker.refused(callId, message));
            tracker.sent(command, clock.instant());
        } catch (PbxUnavailableException e) {
            tracker.notSent(callId, "not sent: " + e.getMessage());
            throw pbxUnavailable();
        }
        return callId;
    }

    /**
     * Hangs up an RM's call in progress (the channel the service originated: the RM's phone, or the
     * customer of a robot call handed to them); its end arrives as events like any hang-up.
     */
    public void hangUp(UUID callId, CurrentUser user) {
        String staffId = staffIdOf(user);
        CallAttempt call = Optional.ofNullable(CallAttempt.<CallAttempt>findById(callId))
                .orElseThrow(() -> ProblemException.notFound("call", callId));
        if (!staffId.equals(call.staffId)) {
            throw ProblemException.forbidden("an RM hangs up only their own calls");
        }
        if (call.state.isFinal()) {
            throw ProblemException.conflict("call-ended", "the call has ended");
        }
        if (call.channel == null || call.amiServer == null) {
            throw ProblemException.conflict("not-connected", "the call has no channel yet; try again in a moment");
        }
        try {
            pbx.hangup(call.amiServer, call.channel);
        } catch (PbxUnavailableException e) {
            throw pbxUnavailable();
        }
    }

    /** A call as its owner or a supervisor may see it. */
    public CallView view(UUID callId, CurrentUser user) {
        CallAttempt call = Optional.ofNullable(CallAttempt.<CallAttempt>findById(callId))
                .orElseThrow(() -> ProblemException.notFound("call", callId));
        if (user.isOnlyRemoteManager() && !user.staffId().map(s -> s.equals(call.staffId)).orElse(false)) {
            throw ProblemException.forbidden("an RM sees only their own calls");
        }
        return CallView.of(call);
    }


    private static String staffIdOf(CurrentUser user) {
        return user.staffId()
                .orElseThrow(() -> ProblemException.forbidden("only a remote manager with a staff record places calls"));
    }

    /** The contact attempt and the call record share one id (the CALL_ID). */
    private void record(UUID callId, String customerId, String staffId, String server, Instant now,
                        AgentCallTargets.AgentCallTarget target) {
        attempts.record(target == null
                ? ContactAttempt.byManager(callId, customerId, Channel.AGENT_CALL, true, staffId, now)
                : new ContactAttempt(callId, customerId, target.campaignId(), target.listId(), Channel.AGENT_CALL, true,
                        staffId, now));
        CallAttempt call = new CallAttempt();
        call.id = callId;
        call.customerId = customerId;
        call.staffId = staffId;
        if (target != null) {
            call.campaignId = target.campaignId();
            call.entryId = target.entryId();
            call.callbackId = target.callbackId();
        }
        call.kind = CallKind.AGENT_CALL;
        call.state = CallState.QUEUED;
        call.amiServer = server;
        call.follower = tracker.followerId();
        call.actionId = callId.toString();
        call.queuedAt = now;
        call.persist();
    }

    private static ProblemException pbxUnavailable() {
        return new ProblemException(Status.SERVICE_UNAVAILABLE, "pbx-unavailable",
                "the telephone system is unreachable; try again shortly");
    }
}
