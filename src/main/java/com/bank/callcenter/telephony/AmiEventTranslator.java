package com.bank.callcenter.telephony;

import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.CdrEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DialStateEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.VarSetEvent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * asterisk-java's typed events → {@link PbxEvent}, for the events the call state machine and the team
 * queue read (the queue's in {@link QueueEventTranslator}); everything else is not handed on. Field names are those on the AMI wire.
 */
final class AmiEventTranslator {

    /** asterisk-java prefixes ActionIDs with its own id and '#'. */
    private static final char INTERNAL_ACTION_ID_SEPARATOR = '#';

    private AmiEventTranslator() {
    }

    static PbxEvent translate(String server, ManagerEvent event, Instant receivedAt) {
        Map<String, String> f = new LinkedHashMap<>();
        String name;
        if (event instanceof OriginateResponseEvent) {
            OriginateResponseEvent e = (OriginateResponseEvent) event;
            name = "OriginateResponse";
            put(f, "ActionID", stripInternalActionId(e.getActionId()));
            put(f, "Response", e.getResponse());
            put(f, "Reason", e.getReason());
            put(f, "Channel", e.getChannel());
            put(f, "Uniqueid", e.getUniqueId());
        } else if (event instanceof VarSetEvent) {
            VarSetEvent e = (VarSetEvent) event;
            name = "VarSet";
            channel(f, e.getChannel(), e.getUniqueId(), e.getLinkedId());
            put(f, "Variable", e.getVariable());
            put(f, "Value", e.getValue());
        } else if (event instanceof NewChannelEvent) {
            NewChannelEvent e = (NewChannelEvent) event;
            name = "Newchannel";
            channel(f, e.getChannel(), e.getUniqueId(), e.getLinkedid());
            put(f, "ChannelState", e.getChannelState());
        } else if (event instanceof NewStateEvent) {
            NewStateEvent e = (NewStateEvent) event;
            name = "Newstate";
            channel(f, e.getChannel(), e.getUniqueId(), e.getLinkedId());
            put(f, "ChannelState", e.getChannelState());
        } else if (event instanceof DialEndEvent) {
            DialEndEvent e = (DialEndEvent) event;
            name = "DialEnd";
            channel(f, e.getChannel(), e.getUniqueId(), e.getLinkedId());
            dest(f, e.getDestChannel(), e.getDestUniqueId(), e.getDestLinkedId());
            put(f, "DialStatus", e.getDialStatus());
        } else if (event instanceof DialBeginEvent) {
            DialBeginEvent e = (DialBeginEvent) event;
            name = "DialBegin";
            channel(f, e.getChannel(), e.getUniqueId(), e.getLinkedId());
            dest(f, e.getDestChannel(), e.getDestUniqueId(), e.getDestLinkedId());
        } else if (event instanceof DialStateEvent) {
            DialStateEvent e = (DialStateEvent) event;
            name = "DialState";
            channel(f, e.getChannel(), e.getUniqueId(), e.getLinkedId());
            dest(f, e.getDestChannel(), e.getDestUniqueId(), e.getDestLinkedId());
            put(f, "DialStatus", e.getDialStatus());
        } else if (event instanceof BridgeEnterEvent) {
            BridgeEnterEvent e = (BridgeEnterEvent) event;
            name = "BridgeEnter";
            channel(f, e.getChannel(), e.getUniqueId(), e.getLinkedId());
            put(f, "BridgeUniqueid", e.getBridgeUniqueId());
        } else if (event instanceof HangupEvent) {
            HangupEvent e = (HangupEvent) event;
            name = "Hangup";
            channel(f, e.getChannel(), e.getUniqueId(), e.getLinkedId());
            put(f, "Cause", e.getCause());
            put(f, "Cause-txt", e.getCauseTxt());
        } else if (event instanceof CdrEvent) {
            CdrEvent e = (CdrEvent) event;
            name = "Cdr";
            put(f, "Channel", e.getChannel());
            put(f, "DestinationChannel", e.getDestinationChannel());
            put(f, "Uniqueid", e.getUniqueId());
            put(f, "Disposition", e.getDisposition());
            put(f, "Duration", e.getDuration());
            put(f, "BillableSeconds", e.getBillableSeconds());
            put(f, "StartTime", e.getStartTime());
            put(f, "AnswerTime", e.getAnswerTime());
            put(f, "EndTime", e.getEndTime());
        } else if (event instanceof RobotChoiceEvent) {
            RobotChoiceEvent e = (RobotChoiceEvent) event;
            name = "RobotChoice";
            channel(f, e.getChannel(), e.getUniqueId(), null);
            put(f, "CallId", e.getCallId());
            put(f, "Choice", e.getChoice() == null ? "" : e.getChoice());
        } else if (event instanceof SmsInEvent) {
            SmsInEvent e = (SmsInEvent) event;
            name = DialplanContract.SMS_IN_EVENT;
            channel(f, e.getChannel(), e.getUniqueId(), null);
            put(f, "From", e.getFrom() == null ? "" : e.getFrom());
            put(f, "Body", e.getBody() == null ? "" : e.getBody());
        } else {
            name = QueueEventTranslator.translate(event, f);
            if (name == null) {
                return null;
            }
        }
        return new PbxEvent(server, name, Map.copyOf(f), receivedAt);
    }

    static String stripInternalActionId(String actionId) {
        if (actionId == null) {
            return null;
        }
        int separator = actionId.indexOf(INTERNAL_ACTION_ID_SEPARATOR);
        return separator < 0 ? actionId : actionId.substring(separator + 1);
    }

    static void channel(Map<String, String> f, String channel, String uniqueId, String linkedId) {
        put(f, "Channel", channel);
        put(f, "Uniqueid", uniqueId);
        put(f, "Linkedid", linkedId);
    }

    static void dest(Map<String, String> f, String channel, String uniqueId, String linkedId) {
        put(f, "DestChannel", channel);
        put(f, "DestUniqueid", uniqueId);
        put(f, "DestLinkedid", linkedId);
    }

    static void put(Map<String, String> f, String key, Object value) {
        if (value != null) {
            f.put(key, value.toString());
        }
    }
}
