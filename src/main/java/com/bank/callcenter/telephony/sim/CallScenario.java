package com.bank.callcenter.telephony.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.bank.callcenter.telephony.sim.SimulatedCall.Step;

/**
 * Plans the phases of one Originate from its outcome, following what Asterisk 22 did in the
 * transcripts: a Local channel pair (;1 originated, ;2 the far end running the carrier dialplan),
 * DialBegin/DialEnd of the Originate's own dial, OriginateResponse, then the robot menu, the
 * click-to-call bridge or plain talk, hang-ups and CDRs.
 */
final class CallScenario {

    /** Share of the ring time after which the far end signals ringing. */
    static final double PROGRESS_SHARE = 0.25;
    private static final int DTMF_DURATION_MS = 100;
    private static final String ROBOT_READ_DATA = "CHOICE,custom/robot-menu,1,,1,4";
    private static final String CHOICE_VARIABLE = "CHOICE";
    private static final String READSTATUS_VARIABLE = "READSTATUS";
    private static final String HANGUP_EXTENSION = "h";
    /** The robot menu's choice that goes to the team queue. */
    private static final char TEAM_DIGIT = '1';

    /** A dialled destination: the originated channel and, for Local channels, its far end (;2). */
    record Leg(ChannelSnapshot near, ChannelSnapshot far, String dialString, String number) {
    }

    private final SimulatedCall call;
    private final CallEngine engine;
    private final SimulatedPbxOptions options;
    private final OriginateRequest request;

    CallScenario(SimulatedCall call) {
        this.call = call;
        this.engine = call.engine();
        this.options = engine.options();
        this.request = call.request();
    }

    SimulatedCall call() {
        return call;
    }

    void plan() {
        String technology = request.technology();
        if (technology == null || !options.channelTechnologies().contains(technology)) {
            call.phase(0, lane(() -> {
                call.reportOriginateFailure(0);
                return null;
            }));
            return;
        }
        boolean clickToCall = request.context().equals(options.clickToCallContext());
        Leg leg = newLeg(request.channel(), null, request.context(), null);
        Outcome outcome = clickToCall ? agentOutcome(leg) : options.outcomeRule().outcomeFor(leg.number(), call.random());

        planDial(leg, outcome);
        if (!outcome.answers()) {
            return;
        }
        if (clickToCall) {
            planClickToCall(leg);
        } else if (request.context().equals(options.robotContext())) {
            planRobotMenu(leg, outcome);
        } else {
            planTalkThenHangup(leg);
        }
    }

    /** The agent's phone either answers or, like any dialled phone, is busy, unreachable or not answered. */
    private Outcome agentOutcome(Leg agent) {
        Outcome outcome = options.agentOutcomeRule().outcomeFor(agent.number(), call.random());
        return outcome.answers() ? Outcome.ANSWER : outcome;
    }

    /** Channel creation, the Originate's dial, ringing, and the answer or failure. */
    private void planDial(Leg leg, Outcome outcome) {
        ChannelSnapshot near = leg.near();
        ChannelSnapshot far = leg.far();
        List<Step> creation = new ArrayList<>();
        creation.add(newchannel(near));
        if (far != null) {
            creation.add(newchannel(far));
        }
        request.variables().forEach((name, value) -> creation.add(varSet(near, name, value)));
        if (!request.callerIdNum().isEmpty()) {
            creation.add(mutate(() -> near.callerId(request.callerIdNum(), request.callerIdName()),
                    () -> AmiEvents.newCallerid(near)));
            creation.add(mutate(() -> near.connectedLine(request.callerIdNum(), request.callerIdName()),
                    () -> AmiEvents.newConnectedLine(near)));
        }
        if (far != null) {
            request.variables().forEach((name, value) -> creation.add(varSet(far, name, value)));
            if (!request.callerIdNum().isEmpty()) {
                creation.add(mutate(() -> {
                    far.callerId(request.callerIdNum(), request.callerIdName());
                    far.connectedLine(request.callerIdNum(), request.callerIdName());
                }, () -> AmiEvents.newCallerid(far)));
                creation.add(() -> AmiEvents.newConnectedLine(far));
            }
            creation.add(() -> AmiEvents.localBridge(near, far));
        }
        creation.add(() -> AmiEvents.dialBegin(null, near, leg.dialString()));
        call.phase(0, creation);

        long ringTime = options.ringTimeMs();
        boolean rings = outcome == Outcome.ANSWER || outcome == Outcome.NO_INPUT || outcome == Outcome.NO_ANSWER;
        long progress = rings ? Math.round(ringTime * PROGRESS_SHARE) : 0;
        if (rings) {
            call.phase(progress, lane(
                    newstate(near, ChannelState.RINGING),
                    () -> AmiEvents.dialState(null, near, "RINGING")));
        }
        switch (outcome) {
            case BUSY, CONGESTION -> planRefused(leg, outcome, ringTime);
            case NO_ANSWER -> planNotAnswered(leg, Math.max(0, request.timeoutMs() - progress));
            default -> planAnswered(leg, ringTime - progress);
        }
    }

    private void planRefused(Leg leg, Outcome outcome, long delay) {
        ChannelSnapshot near = leg.near();
        ChannelSnapshot far = leg.far();
        List<Step> nearLane = lane(() -> AmiEvents.dialEnd(null, near, outcome.dialStatus()),
                hangup(near, far == null ? outcome.farEndCause() : HangupCause.UNKNOWN));
        if (far == null) {
            call.phase(delay, nearLane, originateFailure(outcome));
            return;
        }
        call.phase(delay, lane(newstate(far, ChannelState.BUSY)));
        call.phase(0, nearLane, lane(
                        () -> AmiEvents.hangupRequest(far, HangupCause.UNKNOWN.code()),
                        () -> AmiEvents.softHangupRequest(far, HangupCause.NORMAL_CLEARING.code()),
                        hangup(far, outcome.farEndCause())),
                originateFailure(outcome));
    }

    private void planNotAnswered(Leg leg, long delay) {
        ChannelSnapshot near = leg.near();
        ChannelSnapshot far = leg.far();
        HangupCause cause = HangupCause.NO_ANSWER;
        List<Step> farLane = far == null ? List.of() : lane(
                () -> AmiEvents.hangupRequest(far, cause.code()),
                () -> AmiEvents.softHangupRequest(far, HangupCause.NORMAL_CLEARING.code()),
                hangup(far, cause));
        call.phase(delay, farLane, lane(hangup(near, cause)), originateFailure(Outcome.NO_ANSWER));
    }

    private void planAnswered(Leg leg, long delay) {
        ChannelSnapshot near = leg.near();
        ChannelSnapshot far = leg.far();
        List<Step> farLane = far == null ? List.of() : lane(
                mutate(() -> far.application("Answer", ""), null), newstate(far, ChannelState.UP));
        call.phase(delay, farLane,
                lane(newstate(near, ChannelState.UP),
                        () -> AmiEvents.dialEnd(null, near, "ANSWER"),
                        mutate(() -> near.dialplan(request.context(), request.exten(), request.priority()), null)),
                lane(() -> {
                    call.reportOriginateSuccess(near);
                    return null;
                }));
    }

    /** Robot menu: Read() a digit, raise the choice as a UserEvent, hang up; or the customer hangs up first. */
    private void planRobotMenu(Leg leg, Outcome outcome) {
        ChannelSnapshot near = leg.near();
        ChannelSnapshot far = leg.far();
        call.phase(0, lane(mutate(() -> {
            near.priority(2);
            near.application("Read", ROBOT_READ_DATA);
            if (far != null) {
                far.application("Wait", String.valueOf(options.talkTimeMs() / 1000));
            }
        }, null)));
        Character digit = outcome.digit();
        if (digit == null) {
            long listening = outcome == Outcome.NO_INPUT ? options.promptTimeMs() / 2 : options.talkTimeMs();
            List<Step> beforeNearHangup = new ArrayList<>(List.of(
                    varSet(near, CHOICE_VARIABLE, ""),
                    varSet(near, READSTATUS_VARIABLE, "HANGUP")));
            if (options.robotNoInputReport()) {
                beforeNearHangup.add(() -> noInputReport(near));
            }
            planCustomerHangsUp(leg, listening, beforeNearHangup);
            return;
        }
        String choice = String.valueOf(digit);
        List<Step> menu = new ArrayList<>(List.of(
                () -> AmiEvents.dtmfBegin(near, digit),
                () -> AmiEvents.dtmfEnd(near, digit, DTMF_DURATION_MS),
                varSet(near, CHOICE_VARIABLE, choice),
                varSet(near, READSTATUS_VARIABLE, "OK"),
                // the dialplan's Set(DB(<family>/${CALL_ID})=${CHOICE}) right after Read: the choice outlives the follower
                mutate(() -> storeChoice(near, choice), null),
                mutate(() -> near.priority(3), () -> AmiEvents.userEvent(near, options.robotUserEvent(),
                        "CallId", valueOr(near.variable(options.callIdVariable())), "Choice", choice))));
        String teamQueue = options.teamQueueVariable() == null ? null
                : request.variables().get(options.teamQueueVariable());
        if (digit == TEAM_DIGIT && teamQueue != null) {
            // Queue(${TEAM_QUEUE},,,,300): who takes the call is decided when the digit arrives, not now
            menu.add(mutate(() -> new QueueHandoff(this, leg, teamQueue).enter(), null));
            call.phase(options.promptTimeMs(), menu);
            return;
        }
        call.phase(options.promptTimeMs(), menu);
        planRobotHangsUp(leg, 0, false);
    }

    /**
     * The robot dialplan's Hangup() after {@code delay} (a goodbye prompt): both halves of the customer leg end.
     * After a Queue() that returned at once, Asterisk 22 sent each channel's Cdr before its Hangup.
     */
    void planRobotHangsUp(Leg leg, long delay, boolean cdrBeforeHangup) {
        ChannelSnapshot near = leg.near();
        ChannelSnapshot far = leg.far();
        call.phase(delay, lane(mutate(() -> {
            near.priority(near.priority() + 1);
            near.application("Hangup", "");
        }, () -> AmiEvents.softHangupRequest(near, HangupCause.NORMAL_CLEARING.code()))));
        List<Step> farLane = far == null ? List.of() : lane(
                () -> AmiEvents.hangupRequest(far, HangupCause.NORMAL_CLEARING.code()),
                () -> AmiEvents.softHangupRequest(far, HangupCause.NORMAL_CLEARING.code()),
                cdrBeforeHangup ? cdr(far, null) : hangup(far, HangupCause.NORMAL_CLEARING),
                cdrBeforeHangup ? hangup(far, HangupCause.NORMAL_CLEARING) : cdr(far, null));
        List<Step> nearLane = cdrBeforeHangup
                ? lane(cdr(near, null), hangup(near, HangupCause.NORMAL_CLEARING))
                : lane(hangup(near, HangupCause.NORMAL_CLEARING), cdr(near, null));
        call.phase(0, nearLane, farLane);
    }

    /** AstDB write of the robot dialplan: the choice under the call's CALL_ID (none without a CALL_ID). */
    private void storeChoice(ChannelSnapshot near, String choice) {
        String callId = near.variable(options.callIdVariable());
        if (callId != null && !callId.isEmpty() && options.robotChoiceDbFamily() != null) {
            engine.dbPut(options.robotChoiceDbFamily(), callId, choice);
        }
    }

    /** The robot dialplan's {@code h} extension: the choice UserEvent with an empty Choice. */
    private AmiEvent noInputReport(ChannelSnapshot near) {
        String exten = near.exten();
        int priority = near.priority();
        near.dialplan(request.context(), HANGUP_EXTENSION, 1);
        AmiEvent report = AmiEvents.userEvent(near, options.robotUserEvent(),
                "CallId", valueOr(near.variable(options.callIdVariable())), "Choice", "");
        near.dialplan(request.context(), exten, priority);
        return report;
    }

    private void planTalkThenHangup(Leg leg) {
        planCustomerHangsUp(leg, options.talkTimeMs(), List.of());
    }

    /** The far end hangs up after {@code delay}; the originated channel follows. */
    private void planCustomerHangsUp(Leg leg, long delay, List<Step> beforeNearHangup) {
        ChannelSnapshot near = leg.near();
        ChannelSnapshot far = leg.far();
        List<Step> nearLane = new ArrayList<>();
        nearLane.add(() -> AmiEvents.hangupRequest(near, HangupCause.NORMAL_CLEARING.code()));
        nearLane.addAll(beforeNearHangup);
        nearLane.add(() -> AmiEvents.softHangupRequest(near, HangupCause.NORMAL_CLEARING.code()));
        nearLane.add(hangup(near, HangupCause.NORMAL_CLEARING));
        List<Step> farLane = far == null ? List.of() : lane(
                cdr(far, null),
                () -> AmiEvents.softHangupRequest(far, HangupCause.NORMAL_CLEARING.code()),
                hangup(far, HangupCause.NORMAL_CLEARING));
        call.phase(delay, farLane, nearLane, lane(cdr(near, null)));
    }

    /** Agent answered: Dial() the customer from the agent's channel, bridge on answer, talk, hang up. */
    private void planClickToCall(Leg agent) {
        ChannelSnapshot agentNear = agent.near();
        ChannelSnapshot agentFar = agent.far();
        String customerDial = options.clickToCallDialVariable() == null ? null
                : request.variables().get(options.clickToCallDialVariable());
        String number;
        String dialTarget;
        if (customerDial != null && customerDial.indexOf('/') > 0) {
            dialTarget = customerDial;
            String resource = customerDial.substring(customerDial.indexOf('/') + 1);
            number = resource.contains("@") ? resource.substring(0, resource.indexOf('@')) : resource;
        } else {
            number = request.exten();
            dialTarget = options.clickToCallDialTemplate().replace(SimulatedPbxOptions.NUMBER_PLACEHOLDER, number);
        }
        Leg customer = newLeg(dialTarget, agentNear.linkedid(), null, number);
        ChannelSnapshot near = customer.near();
        ChannelSnapshot far = customer.far();
        Outcome outcome = options.outcomeRule().outcomeFor(number, call.random());
        String agentNumber = valueOr(request.callerIdNum());
        near.recordsCdr(false);

        List<Step> creation = new ArrayList<>();
        creation.add(mutate(() -> agentNear.application("Dial",
                dialTarget + "," + options.clickToCallDialTimeoutMs() / 1000), null));
        creation.add(newchannel(near));
        if (far != null) {
            creation.add(newchannel(far));
        }
        creation.add(mutate(() -> near.callerId(number, ""), () -> AmiEvents.newCallerid(near)));
        creation.add(mutate(() -> near.connectedLine(agentNumber, ""), () -> AmiEvents.newConnectedLine(near)));
        if (far != null) {
            creation.add(mutate(() -> far.callerId(agentNumber, ""), () -> AmiEvents.newCallerid(far)));
            creation.add(mutate(() -> far.connectedLine(number, ""), () -> AmiEvents.newConnectedLine(far)));
            creation.add(() -> AmiEvents.localBridge(near, far));
        }
        creation.add(() -> AmiEvents.dialBegin(agentNear, near, customer.dialString()));
        call.phase(0, creation);

        long ringTime = options.ringTimeMs();
        long progress = Math.round(ringTime * PROGRESS_SHARE);
        call.phase(progress, lane(newstate(near, ChannelState.RINGING),
                () -> AmiEvents.dialState(agentNear, near, "RINGING")));

        if (outcome.answers()) {
            SimulatedBridge bridge = new SimulatedBridge(bridgeId());
            call.bridge(bridge);
            call.phase(ringTime - progress,
                    far == null ? List.of() : lane(newstate(far, ChannelState.UP)),
                    lane(newstate(near, ChannelState.UP)));
            call.phase(0, lane(
                    () -> AmiEvents.dialEnd(agentNear, near, "ANSWER"),
                    () -> AmiEvents.bridge("BridgeCreate", bridge, null),
                    mutate(() -> {
                        near.exten("");
                        bridge.enter(near);
                    }, () -> AmiEvents.bridge("BridgeEnter", bridge, near)),
                    mutate(() -> bridge.enter(agentNear), () -> AmiEvents.bridge("BridgeEnter", bridge, agentNear))));
            call.phase(options.talkTimeMs(),
                    far == null ? List.of() : lane(
                            cdr(far, null),
                            () -> AmiEvents.softHangupRequest(far, HangupCause.NORMAL_CLEARING.code()),
                            hangup(far, HangupCause.NORMAL_CLEARING)),
                    lane(() -> AmiEvents.hangupRequest(near, HangupCause.NORMAL_CLEARING.code()),
                            mutate(() -> bridge.leave(near), () -> AmiEvents.bridge("BridgeLeave", bridge, near)),
                            hangup(near, HangupCause.NORMAL_CLEARING)));
            call.phase(0,
                    lane(mutate(() -> bridge.leave(agentNear), () -> AmiEvents.bridge("BridgeLeave", bridge, agentNear)),
                            () -> AmiEvents.bridge("BridgeDestroy", bridge, null),
                            () -> AmiEvents.softHangupRequest(agentNear, HangupCause.NORMAL_CLEARING.code()),
                            hangup(agentNear, HangupCause.NORMAL_CLEARING)),
                    lane(cdr(agentNear, near)),
                    agentFarHangup(agentFar));
            return;
        }

        long delay = outcome == Outcome.NO_ANSWER ? options.clickToCallDialTimeoutMs() - progress : ringTime - progress;
        HangupCause nearCause = outcome == Outcome.NO_ANSWER || far == null ? outcome.farEndCause() : HangupCause.UNKNOWN;
        List<Step> farLane = new ArrayList<>();
        if (far != null) {
            if (outcome != Outcome.NO_ANSWER) {
                farLane.add(newstate(far, ChannelState.BUSY));
            }
            farLane.add(() -> AmiEvents.hangupRequest(far,
                    outcome == Outcome.NO_ANSWER ? HangupCause.NO_ANSWER.code() : HangupCause.UNKNOWN.code()));
            farLane.add(() -> AmiEvents.softHangupRequest(far, HangupCause.NORMAL_CLEARING.code()));
            farLane.add(hangup(far, outcome.farEndCause()));
        }
        call.phase(delay, farLane, lane(
                () -> AmiEvents.dialEnd(agentNear, near, outcome.dialStatus()),
                hangup(near, nearCause)));
        call.phase(0,
                lane(() -> AmiEvents.softHangupRequest(agentNear, HangupCause.NORMAL_CLEARING.code()),
                        hangup(agentNear, HangupCause.NORMAL_CLEARING)),
                lane(cdr(agentNear, near)),
                agentFarHangup(agentFar));
    }

    private List<Step> agentFarHangup(ChannelSnapshot agentFar) {
        if (agentFar == null) {
            return List.of();
        }
        return lane(() -> AmiEvents.hangupRequest(agentFar, HangupCause.NORMAL_CLEARING.code()),
                () -> AmiEvents.softHangupRequest(agentFar, HangupCause.NORMAL_CLEARING.code()),
                hangup(agentFar, HangupCause.NORMAL_CLEARING),
                cdr(agentFar, null));
    }

    private List<Step> originateFailure(Outcome outcome) {
        return lane(() -> {
            call.reportOriginateFailure(outcome.originateReason());
            return null;
        });
    }

    /**
     * Names the channels Asterisk would create for {@code target}: a Local pair
     * {@code Local/<exten>@<context>-0000000n;1/;2}, or one {@code <tech>/<endpoint>-0000000n}.
     */
    Leg newLeg(String target, String linkedid, String originContext, String numberOverride) {
        int slash = target.indexOf('/');
        String technology = target.substring(0, slash);
        String resource = target.substring(slash + 1);
        int at = resource.indexOf('@');
        String number = at < 0 ? resource : resource.substring(0, at);
        String where = at < 0 ? null : resource.substring(at + 1);
        if (technology.equals("Local")) {
            String base = "Local/" + resource + "-" + engine.nextChannelSuffix(technology);
            String context = where == null ? "default" : where;
            ChannelSnapshot near = engine.newChannelSnapshot(call, base + ";1", technology, linkedid,
                    ChannelState.DOWN, context, number);
            ChannelSnapshot far = engine.newChannelSnapshot(call, base + ";2", technology, near.linkedid(),
                    ChannelState.RING, context, number);
            far.application("Wait", "");
            near.application("AppDial2", "(Outgoing Line)");
            return new Leg(near, far, resource, number);
        }
        String endpoint = where == null ? number : where;
        String name = technology + "/" + endpoint + "-" + engine.nextChannelSuffix(technology);
        ChannelSnapshot near = engine.newChannelSnapshot(call, name, technology, linkedid, ChannelState.DOWN,
                originContext == null ? "" : originContext, numberOverride == null ? number : numberOverride);
        near.application("AppDial2", "(Outgoing Line)");
        return new Leg(near, null, resource, number);
    }

    String bridgeId() {
        return new UUID(call.random().nextLong(), call.random().nextLong()).toString();
    }

    Step newchannel(ChannelSnapshot channel) {
        return () -> {
            channel.bornAt(engine.clock().nowMs());
            engine.register(channel);
            return AmiEvents.newchannel(channel);
        };
    }

    Step newstate(ChannelSnapshot channel, ChannelState state) {
        return () -> {
            channel.state(state);
            if (state == ChannelState.UP) {
                channel.answeredAt(engine.clock().nowMs());
            }
            return AmiEvents.newstate(channel);
        };
    }

    Step varSet(ChannelSnapshot channel, String name, String value) {
        return () -> {
            channel.variable(name, value);
            return AmiEvents.varSet(channel, name, value);
        };
    }

    Step hangup(ChannelSnapshot channel, HangupCause cause) {
        return () -> {
            channel.hungUp(true);
            engine.unregister(channel);
            return AmiEvents.hangup(channel, cause);
        };
    }

    Step cdr(ChannelSnapshot channel, ChannelSnapshot destination) {
        return () -> channel.recordsCdr() && channel.answeredAtMs() > 0
                ? AmiEvents.cdr(channel, destination, engine.clock().nowMs())
                : null;
    }

    /** A state change, then (optionally) the event that shows it. */
    static Step mutate(Runnable change, java.util.function.Supplier<AmiEvent> event) {
        return () -> {
            change.run();
            return event == null ? null : event.get();
        };
    }

    @SafeVarargs
    static List<Step> lane(Step... steps) {
        return List.of(steps);
    }

    private static String valueOr(String value) {
        return value == null ? "" : value;
    }
}
