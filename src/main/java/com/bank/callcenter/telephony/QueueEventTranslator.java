package com.bank.callcenter.telephony;

import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;

import java.util.Map;

/**
 * app_queue's events → the fields of a {@link PbxEvent}, with their AMI names: Agent* and QueueCaller* are
 * raised on the customer's channel (Agent* add the RM leg as Dest*), QueueMember* name no channel.
 */
final class QueueEventTranslator {

    private static final String PAUSED = "1";
    private static final String NOT_PAUSED = "0";

    private QueueEventTranslator() {
    }

    /** The event's AMI name after filling {@code f}, or null when it is no queue event. */
    static String translate(ManagerEvent event, Map<String, String> f) {
        if (event instanceof AgentCalledEvent e) {
            channel(f, e.getChannel(), e.getUniqueId(), e.getLinkedId());
            dest(f, e.getDestChannel(), e.getDestUniqueId(), e.getDestLinkedId());
            member(f, e.getQueue(), e.getInterface(), e.getMemberName());
            return "AgentCalled";
        }
        if (event instanceof AgentConnectEvent e) {
            channel(f, e.getChannel(), e.getUniqueId(), e.getLinkedId());
            dest(f, e.getDestChannel(), e.getDestUniqueId(), e.getDestLinkedId());
            member(f, e.getQueue(), e.getInterface(), e.getMemberName());
            put(f, "HoldTime", e.getHoldTime());
            put(f, "RingTime", e.getRingtime());
            return "AgentConnect";
        }
        if (event instanceof AgentCompleteEvent e) {
            channel(f, e.getChannel(), e.getUniqueId(), e.getLinkedId());
            dest(f, e.getDestChannel(), e.getDestUniqueId(), e.getDestLinkedId());
            member(f, e.getQueue(), e.getInterface(), e.getMemberName());
            put(f, "HoldTime", e.getHoldTime());
            put(f, "TalkTime", e.getTalkTime());
            put(f, "Reason", e.getReason());
            return "AgentComplete";
        }
        if (event instanceof QueueCallerJoinEvent e) {
            caller(f, e, e.getLinkedId(), e.getPosition());
            return "QueueCallerJoin";
        }
        if (event instanceof QueueCallerLeaveEvent e) {
            caller(f, e, e.getLinkedId(), e.getPosition());
            return "QueueCallerLeave";
        }
        if (event instanceof QueueCallerAbandonEvent e) {
            caller(f, e, e.getLinkedId(), e.getPosition());
            return "QueueCallerAbandon";
        }
        return translateMember(event, f);
    }

    private static String translateMember(ManagerEvent event, Map<String, String> f) {
        if (event instanceof QueueMemberAddedEvent e) {
            queueMember(f, e.getQueue(), e.getMemberName(), e.getInterface(), e.getStateinterface(), e.getPaused(),
                    e.getPausedReason(), e.getStatus(), e.getCallsTaken(), e.getInCall());
            return "QueueMemberAdded";
        }
        if (event instanceof QueueMemberPauseEvent e) {
            // both setters answer to "pausedreason" and "incall": whichever asterisk-java called holds the value
            queueMember(f, e.getQueue(), e.getMemberName(), e.getInterface(), e.getStateInterface(), e.getPaused(),
                    firstNonNull(e.getPausedreason(), e.getPausedReason()), e.getStatus(), e.getCallsTaken(),
                    firstNonNull(e.getIncall(), e.getInCall()));
            return "QueueMemberPause";
        }
        if (event instanceof QueueMemberRemovedEvent e) {
            queueMember(f, e.getQueue(), e.getMemberName(), e.getInterface(), e.getStateinterface(), e.getPaused(),
                    e.getPausedReason(), e.getStatus(), e.getCallstaken(), e.getInCall());
            return "QueueMemberRemoved";
        }
        if (event instanceof QueueMemberStatusEvent e) {
            queueMember(f, e.getQueue(), e.getMemberName(), e.getInterface(), e.getStateinterface(), e.getPaused(),
                    e.getPausedreason(), e.getStatus(), e.getCallsTaken(), e.getIncall());
            return "QueueMemberStatus";
        }
        return null;
    }

    private static void caller(Map<String, String> f, QueueEvent e, String linkedId, Integer position) {
        channel(f, e.getChannel(), e.getUniqueId(), linkedId);
        put(f, "Queue", e.getQueue());
        put(f, "Position", position);
        put(f, "Count", e.getCount());
    }

    private static void queueMember(Map<String, String> f, String queue, String memberName, String memberInterface,
                                    String stateInterface, Boolean paused, String pausedReason, Integer status,
                                    Object callsTaken, Object inCall) {
        put(f, "Queue", queue);
        put(f, "MemberName", memberName);
        put(f, "Interface", memberInterface);
        put(f, "StateInterface", stateInterface);
        put(f, "Paused", paused == null ? null : paused ? PAUSED : NOT_PAUSED);
        f.put("PausedReason", pausedReason == null ? "" : pausedReason);
        put(f, "Status", status);
        put(f, "CallsTaken", callsTaken);
        put(f, "InCall", inCall);
    }

    private static void member(Map<String, String> f, String queue, String memberInterface, String memberName) {
        put(f, "Queue", queue);
        put(f, "Interface", memberInterface);
        put(f, "MemberName", memberName);
    }

    private static void channel(Map<String, String> f, String channel, String uniqueId, String linkedId) {
        put(f, "Channel", channel);
        put(f, "Uniqueid", uniqueId);
        put(f, "Linkedid", linkedId);
    }

    private static void dest(Map<String, String> f, String channel, String uniqueId, String linkedId) {
        put(f, "DestChannel", channel);
        put(f, "DestUniqueid", uniqueId);
        put(f, "DestLinkedid", linkedId);
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }

    private static void put(Map<String, String> f, String key, Object value) {
        if (value != null) {
            f.put(key, value.toString());
        }
    }
}
