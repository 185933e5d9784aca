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
            AmiEventTranslator.channel(f, e.getChannel(), e.getUniqueId(), e.getLinkedId());
            AmiEventTranslator.dest(f, e.getDestChannel(), e.getDestUniqueId(), e.getDestLinkedId());
            member(f, e.getQueue(), e.getInterface(), e.getMemberName());
            return "AgentCalled";
        }
        if (event instanceof AgentConnectEvent e) {
            AmiEventTranslator.channel(f, e.getChannel(), e.getUniqueId(), e.getLinkedId());
            AmiEventTranslator.dest(f, e.getDestChannel(), e.getDestUniqueId(), e.getDestLinkedId());
            member(f, e.getQueue(), e.getInterface(), e.getMemberName());
            AmiEventTranslator.put(f, "HoldTime", e.getHoldTime());
            AmiEventTranslator.put(f, "RingTime", e.getRingtime());
            return "AgentConnect";
        }
        if (event instanceof AgentCompleteEvent e) {
            AmiEventTranslator.channel(f, e.getChannel(), e.getUniqueId(), e.getLinkedId());
            AmiEventTranslator.dest(f, e.getDestChannel(), e.getDestUniqueId(), e.getDestLinkedId());
            member(f, e.getQueue(), e.getInterface(), e.getMemberName());
            AmiEventTranslator.put(f, "HoldTime", e.getHoldTime());
            AmiEventTranslator.put(f, "TalkTime", e.getTalkTime());
            AmiEventTranslator.put(f, "Reason", e.getReason());
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
        AmiEventTranslator.channel(f, e.getChannel(), e.getUniqueId(), linkedId);
        AmiEventTranslator.put(f, "Queue", e.getQueue());
        AmiEventTranslator.put(f, "Position", position);
        AmiEventTranslator.put(f, "Count", e.getCount());
    }

    private static void queueMember(Map<String, String> f, String queue, String memberName, String memberInterface,
                                    String stateInterface, Boolean paused, String pausedReason, Integer status,
                                    Object callsTaken, Object inCall) {
        AmiEventTranslator.put(f, "Queue", queue);
        AmiEventTranslator.put(f, "MemberName", memberName);
        AmiEventTranslator.put(f, "Interface", memberInterface);
        AmiEventTranslator.put(f, "StateInterface", stateInterface);
        AmiEventTranslator.put(f, "Paused", paused == null ? null : paused ? PAUSED : NOT_PAUSED);
        f.put("PausedReason", pausedReason == null ? "" : pausedReason);
        AmiEventTranslator.put(f, "Status", status);
        AmiEventTranslator.put(f, "CallsTaken", callsTaken);
        AmiEventTranslator.put(f, "InCall", inCall);
    }

    private static void member(Map<String, String> f, String queue, String memberInterface, String memberName) {
        AmiEventTranslator.put(f, "Queue", queue);
        AmiEventTranslator.put(f, "Interface", memberInterface);
        AmiEventTranslator.put(f, "MemberName", memberName);
    }


    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }

}
