package com.bank.callcenter.telephony.sim;

import java.util.Locale;

/** app_queue's events and QueueStatus list items, with the fields and field order Asterisk 22.9.0 sent (queue-handoff.txt). */
final class QueueEvents {

    private static final String MEMBERSHIP = "dynamic";
    private static final int PENALTY = 0;
    private static final int RINGINUSE = 0;
    private static final int WRAPUPTIME = 0;
    private static final int MAX_CALLERS = 0;
    private static final int WEIGHT = 0;
    private static final int ENTRY_PRIORITY = 0;
    /** QueueEntry prints an empty caller id name as {@code unknown}, without the brackets of the channel block. */
    private static final String ENTRY_UNKNOWN = "unknown";

    private QueueEvents() {
    }

    /** QueueMemberAdded, QueueMemberPause, QueueMemberRemoved, QueueMemberStatus. */
    static AmiEvent member(String name, String queue, QueueMember.State m) {
        AmiMessage message = AmiMessage.event(name, EventClass.AGENT)
                .add("Queue", queue)
                .add("MemberName", m.memberName())
                .add("Interface", m.memberInterface());
        memberFields(message, m).add("Ringinuse", RINGINUSE).add("Wrapuptime", WRAPUPTIME);
        return AmiEvent.of(EventClass.AGENT, message);
    }

    private static AmiMessage memberFields(AmiMessage message, QueueMember.State m) {
        return message.add("StateInterface", m.stateInterface())
                .add("Membership", MEMBERSHIP)
                .add("Penalty", PENALTY)
                .add("CallsTaken", m.callsTaken())
                .add("LastCall", m.lastCall())
                .add("LastPause", m.lastPause())
                .add("LoginTime", m.loginTime())
                .add("InCall", m.inCall() ? 1 : 0)
                .add("Status", m.status())
                .add("Paused", m.paused() ? 1 : 0)
                .add("PausedReason", m.pausedReason());
    }

    /** QueueStatus list items carry no Privilege line and end with the ActionID. */
    static AmiMessage params(SimulatedQueue.Params p, String actionId) {
        AmiMessage message = AmiMessage.of("Event", "QueueParams")
                .add("Queue", p.name())
                .add("Max", MAX_CALLERS)
                .add("Strategy", SimulatedQueue.STRATEGY)
                .add("Calls", p.calls())
                .add("Holdtime", p.holdTime())
                .add("TalkTime", p.talkTime())
                .add("Completed", p.completed())
                .add("Abandoned", p.abandoned())
                .add("ServiceLevel", SimulatedQueue.SERVICE_LEVEL_SECONDS)
                .add("ServicelevelPerf", percent(p.serviceLevelPerf()))
                .add("ServicelevelPerf2", percent(p.serviceLevelPerf()))
                .add("Weight", WEIGHT);
        return withActionId(message, actionId);
    }

    /** A member as QueueStatus lists it: named by Name and Location, no Ringinuse. */
    static AmiMessage statusMember(String queue, QueueMember.State m, String actionId) {
        AmiMessage message = AmiMessage.of("Event", "QueueMember")
                .add("Queue", queue)
                .add("Name", m.memberName())
                .add("Location", m.memberInterface());
        memberFields(message, m).add("Wrapuptime", WRAPUPTIME);
        return withActionId(message, actionId);
    }

    static AmiMessage entry(String queue, int position, ChannelSnapshot caller, long waitSeconds, String actionId) {
        AmiMessage message = AmiMessage.of("Event", "QueueEntry")
                .add("Queue", queue)
                .add("Position", position)
                .add("Channel", caller.name())
                .add("Uniqueid", caller.uniqueid())
                .add("CallerIDNum", entryText(caller.callerIdNum()))
                .add("CallerIDName", entryText(caller.callerIdName()))
                .add("ConnectedLineNum", entryText(caller.connectedLineNum()))
                .add("ConnectedLineName", ENTRY_UNKNOWN)
                .add("Wait", waitSeconds)
                .add("Priority", ENTRY_PRIORITY);
        return withActionId(message, actionId);
    }

    /** QueueStatusComplete: the ActionID first, then ListItems = every item of the list. */
    static AmiMessage complete(int items, String actionId) {
        AmiMessage message = AmiMessage.of("Event", "QueueStatusComplete");
        if (actionId != null) {
            message.add("ActionID", actionId);
        }
        return message.add("EventList", "Complete").add("ListItems", items);
    }

    /** QueueCallerJoin / QueueCallerLeave: the caller's channel, Queue, Position, Count. */
    static AmiEvent caller(String name, ChannelSnapshot caller, String queue, int position, int count) {
        AmiMessage message = caller.appendTo(AmiMessage.event(name, EventClass.AGENT))
                .add("Queue", queue).add("Position", position).add("Count", count);
        return AmiEvent.of(EventClass.AGENT, message);
    }

    /** AgentCalled / AgentConnect / AgentComplete: the caller, the RM leg as Dest*, the member; {@code extra} follows. */
    static AmiEvent agent(String name, ChannelSnapshot caller, ChannelSnapshot rmLeg, String queue,
                          QueueMember.State member, Object... extra) {
        AmiMessage message = caller.appendTo(AmiMessage.event(name, EventClass.AGENT));
        rmLeg.appendTo(message, "Dest")
                .add("Queue", queue)
                .add("Interface", member.memberInterface())
                .add("MemberName", member.memberName());
        for (int i = 0; i + 1 < extra.length; i += 2) {
            message.add(String.valueOf(extra[i]), extra[i + 1]);
        }
        return AmiEvent.of(EventClass.AGENT, message);
    }

    static AmiEvent musicOnHold(String name, ChannelSnapshot channel, String mohClass) {
        AmiMessage message = channel.appendTo(AmiMessage.event(name, EventClass.CALL));
        if (mohClass != null) {
            message.add("Class", mohClass);
        }
        return AmiEvent.of(EventClass.CALL, message);
    }

    private static String entryText(String value) {
        return value == null || value.isEmpty() ? ENTRY_UNKNOWN : value;
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static AmiMessage withActionId(AmiMessage message, String actionId) {
        return actionId == null ? message : message.add("ActionID", actionId);
    }
}
