package com.bank.callcenter.telephony.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.bank.callcenter.telephony.sim.CallScenario.Leg;
import com.bank.callcenter.telephony.sim.SimulatedCall.Step;

/**
 * The robot dialplan's {@code Queue(${TEAM_QUEUE},,,,300)} for a customer who pressed 1, as Asterisk 22 played it
 * (queue-handoff.txt): with a free member, the caller joins, the member's phone rings and answers, both are
 * bridged until the customer hangs up; with none free (no member, all paused or on a call) Queue() returns at
 * once with QUEUESTATUS JOINEMPTY and the robot says goodbye, without any Queue or Agent event. The member's
 * phone answers after the ring time and the customer hangs up after the talk time of the options.
 */
final class QueueHandoff {

    private static final String QUEUE_APPLICATION = "Queue";
    /** Queue()'s arguments after the name in the robot dialplan: a 300 s timeout. */
    private static final String QUEUE_ARGUMENTS = ",,,,300";
    /** The dialplan priority of the Queue() line in callcenter-robot. */
    private static final int QUEUE_PRIORITY = 15;
    private static final String JOINEMPTY = "JOINEMPTY";
    /** Not recorded: app_queue's result when the queue does not exist. */
    private static final String UNKNOWN_QUEUE = "UNKNOWN";
    private static final String MUSIC_CLASS = "default";
    private static final String COMPLETED_BY_CALLER = "caller";
    private static final int MS_PER_SECOND = 1000;

    private final CallScenario scenario;
    private final SimulatedCall call;
    private final CallEngine engine;
    private final SimulatedPbxOptions options;
    private final Leg customer;
    private final String queueName;
    private long joinedAtMs;
    private long calledAtMs;
    private long connectedAtMs;

    QueueHandoff(CallScenario scenario, Leg customer, String queueName) {
        this.scenario = scenario;
        this.call = scenario.call();
        this.engine = call.engine();
        this.options = engine.options();
        this.customer = customer;
        this.queueName = queueName;
    }

    /** Runs on the call's timeline when the digit arrives: picks the member and plans what follows. */
    void enter() {
        ChannelSnapshot near = customer.near();
        near.dialplan(near.context(), near.exten(), QUEUE_PRIORITY);
        near.application(QUEUE_APPLICATION, queueName + QUEUE_ARGUMENTS);
        Optional<SimulatedQueue> queue = engine.queues().queue(queueName);
        if (queue.isEmpty()) {
            notQueued(UNKNOWN_QUEUE);
            return;
        }
        Optional<QueueMember> member = queue.get().nextFree(m -> engine.deviceInUse(m.memberInterface()));
        if (member.isEmpty()) {
            notQueued(JOINEMPTY);
            return;
        }
        Leg rm = scenario.newLeg(member.get().memberInterface(), near.linkedid(), near.context(), null);
        // taken now, so that a second caller pressing 1 at the same moment does not ring the same RM
        member.get().ringing(rm.near());
        planRinging(queue.get(), member.get(), rm);
    }

    private void notQueued(String status) {
        call.phase(0, CallScenario.lane(scenario.varSet(customer.near(), "QUEUESTATUS", status)));
        // the goodbye prompt, as long as the robot's own prompt
        scenario.planRobotHangsUp(customer, options.promptTimeMs(), true);
    }

    private void planRinging(SimulatedQueue queue, QueueMember member, Leg rm) {
        ChannelSnapshot near = customer.near();
        ChannelSnapshot rmNear = rm.near();
        ChannelSnapshot rmFar = rm.far();
        // the RM leg's own CDR is the customer leg's: DestinationChannel = the RM leg
        rmNear.recordsCdr(false);
        for (ChannelSnapshot channel : rm.far() == null ? List.of(rmNear) : List.of(rmNear, rmFar)) {
            channel.callerId(near.callerIdNum(), near.callerIdName());
            channel.connectedLine(near.callerIdNum(), near.callerIdName());
        }
        List<Step> calling = new ArrayList<>();
        calling.add(CallScenario.mutate(() -> joinedAtMs = engine.clock().nowMs(), null));
        calling.add(() -> {
            int position = queue.join(near, joinedAtMs);
            return QueueEvents.caller("QueueCallerJoin", near, queueName, position, position);
        });
        calling.add(() -> QueueEvents.musicOnHold("MusicOnHoldStart", near, MUSIC_CLASS));
        calling.add(scenario.newchannel(rmNear));
        if (rmFar != null) {
            calling.add(scenario.newchannel(rmFar));
            calling.add(() -> AmiEvents.localBridge(rmNear, rmFar));
        }
        calling.add(CallScenario.mutate(() -> calledAtMs = engine.clock().nowMs(),
                () -> QueueEvents.agent("AgentCalled", near, rmNear, queueName, member.state())));
        calling.add(() -> AmiEvents.dialBegin(near, rmNear, member.memberInterface()));
        call.phase(0, calling);

        long ringTime = options.ringTimeMs();
        long progress = Math.round(ringTime * CallScenario.PROGRESS_SHARE);
        call.phase(progress,
                CallScenario.lane(scenario.newstate(rmNear, ChannelState.RINGING),
                        () -> AmiEvents.dialState(near, rmNear, "RINGING")),
                CallScenario.lane(() -> QueueEvents.member("QueueMemberStatus", queueName, member.state())));
        call.phase(ringTime - progress,
                rmFar == null ? List.of() : CallScenario.lane(scenario.newstate(rmFar, ChannelState.UP)),
                CallScenario.lane(scenario.newstate(rmNear, ChannelState.UP)));
        planConnected(queue, member, rm);
    }

    private void planConnected(SimulatedQueue queue, QueueMember member, Leg rm) {
        ChannelSnapshot near = customer.near();
        ChannelSnapshot rmNear = rm.near();
        SimulatedBridge bridge = new SimulatedBridge(scenario.bridgeId());
        List<Step> customerLane = new ArrayList<>();
        customerLane.add(() -> AmiEvents.dialEnd(near, rmNear, "ANSWER"));
        customerLane.add(() -> QueueEvents.musicOnHold("MusicOnHoldStop", near, null));
        customerLane.addAll(memberVariables(near, member));
        customerLane.add(() -> {
            int count = queue.leave(near);
            return QueueEvents.caller("QueueCallerLeave", near, queueName, 1, count);
        });
        customerLane.add(() -> {
            connectedAtMs = engine.clock().nowMs();
            long holdSeconds = (connectedAtMs - joinedAtMs) / MS_PER_SECOND;
            queue.answered(holdSeconds);
            member.connected();
            call.bridge(bridge);
            return QueueEvents.agent("AgentConnect", near, rmNear, queueName, member.state(),
                    "HoldTime", holdSeconds, "RingTime", (connectedAtMs - calledAtMs) / MS_PER_SECOND);
        });
        customerLane.add(() -> AmiEvents.bridge("BridgeCreate", bridge, null));
        customerLane.add(CallScenario.mutate(() -> bridge.enter(rmNear),
                () -> AmiEvents.bridge("BridgeEnter", bridge, rmNear)));
        customerLane.add(CallScenario.mutate(() -> bridge.enter(near),
                () -> AmiEvents.bridge("BridgeEnter", bridge, near)));
        call.phase(0, customerLane, memberVariables(rmNear, member));
        planCustomerHangsUp(queue, member, rm, bridge);
    }

    /** setinterfacevar / setqueuevar: who answered, on both legs. */
    private List<Step> memberVariables(ChannelSnapshot channel, QueueMember member) {
        QueueMember.State state = member.state();
        return CallScenario.lane(
                scenario.varSet(channel, "MEMBERINTERFACE", state.memberInterface()),
                scenario.varSet(channel, "MEMBERNAME", state.memberName()),
                scenario.varSet(channel, "QUEUENAME", queueName));
    }

    private Step queueNameVariable(ChannelSnapshot channel) {
        return scenario.varSet(channel, "QUEUENAME", queueName);
    }

    /** The customer hangs up after the talk time (Reason caller); then the RM leg ends and the member is free. */
    private void planCustomerHangsUp(SimulatedQueue queue, QueueMember member, Leg rm, SimulatedBridge bridge) {
        ChannelSnapshot near = customer.near();
        ChannelSnapshot far = customer.far();
        ChannelSnapshot rmNear = rm.near();
        ChannelSnapshot rmFar = rm.far();
        List<Step> farLane = far == null ? List.of() : CallScenario.lane(
                // the customer's phone hangs up: the far end's dialplan ran Hangup()
                CallScenario.mutate(() -> far.application("Hangup", ""),
                        () -> AmiEvents.softHangupRequest(far, HangupCause.NORMAL_CLEARING.code())),
                scenario.hangup(far, HangupCause.NORMAL_CLEARING),
                scenario.cdr(far, null));
        List<Step> nearLane = CallScenario.lane(
                () -> AmiEvents.hangupRequest(near, HangupCause.NORMAL_CLEARING.code()),
                () -> {
                    long talkSeconds = (engine.clock().nowMs() - connectedAtMs) / MS_PER_SECOND;
                    queue.completed(talkSeconds);
                    return QueueEvents.agent("AgentComplete", near, rmNear, queueName, member.state(),
                            "HoldTime", (connectedAtMs - joinedAtMs) / MS_PER_SECOND, "TalkTime", talkSeconds,
                            "Reason", COMPLETED_BY_CALLER);
                },
                CallScenario.mutate(() -> bridge.leave(near), () -> AmiEvents.bridge("BridgeLeave", bridge, near)),
                // setqueuevar: the queue's figures once the call completed, and again as Queue() returns
                queueNameVariable(near),
                scenario.cdr(near, rmNear),
                queueNameVariable(near),
                scenario.hangup(near, HangupCause.NORMAL_CLEARING));
        call.phase(options.talkTimeMs(), farLane, nearLane);

        List<Step> rmFarLane = rmFar == null ? List.of() : CallScenario.lane(
                () -> AmiEvents.hangupRequest(rmFar, HangupCause.NORMAL_CLEARING.code()),
                () -> AmiEvents.softHangupRequest(rmFar, HangupCause.NORMAL_CLEARING.code()),
                scenario.cdr(rmFar, null),
                scenario.hangup(rmFar, HangupCause.NORMAL_CLEARING));
        call.phase(0, CallScenario.lane(
                        CallScenario.mutate(() -> bridge.leave(rmNear),
                                () -> AmiEvents.bridge("BridgeLeave", bridge, rmNear)),
                        () -> AmiEvents.bridge("BridgeDestroy", bridge, null),
                        scenario.hangup(rmNear, HangupCause.NORMAL_CLEARING)),
                rmFarLane);
        call.phase(0, CallScenario.lane(CallScenario.mutate(() -> member.completed(engine.clock().nowSeconds()),
                () -> QueueEvents.member("QueueMemberStatus", queueName, member.state()))));
    }
}
