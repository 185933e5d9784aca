package com.bank.callcenter.telephony.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Builds events with the names, fields and field order a real Asterisk 22.9.0 sent (see the transcripts). */
final class AmiEvents {

    private static final DateTimeFormatter CDR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private AmiEvents() {
    }

    static AmiEvent channelEvent(String name, EventClass eventClass, ChannelSnapshot channel) {
        return AmiEvent.of(eventClass, channel.appendTo(AmiMessage.event(name, eventClass)));
    }

    static AmiEvent newchannel(ChannelSnapshot channel) {
        return channelEvent("Newchannel", EventClass.CALL, channel);
    }

    static AmiEvent newstate(ChannelSnapshot channel) {
        return channelEvent("Newstate", EventClass.CALL, channel);
    }

    static AmiEvent newConnectedLine(ChannelSnapshot channel) {
        return channelEvent("NewConnectedLine", EventClass.CALL, channel);
    }

    static AmiEvent newCallerid(ChannelSnapshot channel) {
        AmiMessage message = channel.appendTo(AmiMessage.event("NewCallerid", EventClass.CALL));
        return AmiEvent.of(EventClass.CALL, message.add("CID-CallingPres", "0 (Presentation Allowed, Not Screened)"));
    }

    static AmiEvent varSet(ChannelSnapshot channel, String variable, String value) {
        AmiMessage message = channel.appendTo(AmiMessage.event("VarSet", EventClass.DIALPLAN));
        return AmiEvent.of(EventClass.DIALPLAN, message.add("Variable", variable).add("Value", value));
    }

    static AmiEvent localBridge(ChannelSnapshot one, ChannelSnapshot two) {
        AmiMessage message = AmiMessage.event("LocalBridge", EventClass.CALL);
        one.appendTo(message, "LocalOne");
        two.appendTo(message, "LocalTwo");
        return AmiEvent.of(EventClass.CALL, message.add("Context", one.context()).add("Exten", one.exten())
                .add("LocalOptimization", "Yes"));
    }

    /** DialBegin of an Originate has no caller block; a dialplan Dial() has one. */
    static AmiEvent dialBegin(ChannelSnapshot caller, ChannelSnapshot dest, String dialString) {
        return AmiEvent.of(EventClass.CALL, dialBlocks("DialBegin", caller, dest).add("DialString", dialString));
    }

    static AmiEvent dialState(ChannelSnapshot caller, ChannelSnapshot dest, String dialStatus) {
        return AmiEvent.of(EventClass.CALL, dialBlocks("DialState", caller, dest).add("DialStatus", dialStatus));
    }

    static AmiEvent dialEnd(ChannelSnapshot caller, ChannelSnapshot dest, String dialStatus) {
        return AmiEvent.of(EventClass.CALL, dialBlocks("DialEnd", caller, dest).add("DialStatus", dialStatus));
    }

    private static AmiMessage dialBlocks(String name, ChannelSnapshot caller, ChannelSnapshot dest) {
        AmiMessage message = AmiMessage.event(name, EventClass.CALL);
        if (caller != null) {
            caller.appendTo(message);
        }
        return dest.appendTo(message, "Dest");
    }

    static AmiEvent hangupRequest(ChannelSnapshot channel, int cause) {
        return AmiEvent.of(EventClass.CALL,
                channel.appendTo(AmiMessage.event("HangupRequest", EventClass.CALL)).add("Cause", cause));
    }

    static AmiEvent softHangupRequest(ChannelSnapshot channel, int cause) {
        return AmiEvent.of(EventClass.CALL,
                channel.appendTo(AmiMessage.event("SoftHangupRequest", EventClass.CALL)).add("Cause", cause));
    }

    static AmiEvent hangup(ChannelSnapshot channel, HangupCause cause) {
        AmiMessage message = channel.appendTo(AmiMessage.event("Hangup", EventClass.CALL));
        return AmiEvent.of(EventClass.CALL, message.add("Cause", cause.code()).add("Cause-txt", cause.text()));
    }

    static AmiEvent dtmfBegin(ChannelSnapshot channel, char digit) {
        AmiMessage message = channel.appendTo(AmiMessage.event("DTMFBegin", EventClass.DTMF));
        return AmiEvent.of(EventClass.DTMF, message.add("Digit", digit).add("Direction", "Received"));
    }

    static AmiEvent dtmfEnd(ChannelSnapshot channel, char digit, int durationMs) {
        AmiMessage message = channel.appendTo(AmiMessage.event("DTMFEnd", EventClass.DTMF));
        return AmiEvent.of(EventClass.DTMF,
                message.add("Digit", digit).add("DurationMs", durationMs).add("Direction", "Received"));
    }

    /** {@code UserEvent(Name,Key: value,...)}: the snapshot, then {@code UserEvent: Name}, then the fields. */
    static AmiEvent userEvent(ChannelSnapshot channel, String userEvent, String... keysAndValues) {
        AmiMessage message = channel.appendTo(AmiMessage.event("UserEvent", EventClass.USER)).add("UserEvent", userEvent);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            message.add(keysAndValues[i], keysAndValues[i + 1]);
        }
        return AmiEvent.of(EventClass.USER, message);
    }

    static AmiEvent originateResponse(OriginateRequest request, boolean success, int reason, String channel,
            String uniqueid) {
        AmiMessage message = AmiMessage.event("OriginateResponse", EventClass.CALL);
        if (request.actionId() != null) {
            message.add("ActionID", request.actionId());
        }
        message.add("Response", success ? "Success" : "Failure")
                .add("Channel", channel)
                .add("Context", request.context())
                .add("Exten", request.exten())
                .add("Reason", reason)
                .add("Uniqueid", uniqueid)
                .add("CallerIDNum", ChannelSnapshot.orUnknown(request.callerIdNum()))
                .add("CallerIDName", ChannelSnapshot.orUnknown(request.callerIdName()));
        return AmiEvent.of(EventClass.CALL, message);
    }

    static AmiEvent bridge(String name, SimulatedBridge bridge, ChannelSnapshot channel) {
        AmiMessage message = AmiMessage.event(name, EventClass.CALL)
                .add("BridgeUniqueid", bridge.id())
                .add("BridgeType", "basic")
                .add("BridgeTechnology", "simple_bridge")
                .add("BridgeCreator", ChannelSnapshot.UNKNOWN)
                .add("BridgeName", ChannelSnapshot.UNKNOWN)
                .add("BridgeNumChannels", bridge.size())
                .add("BridgeVideoSourceMode", "none");
        if (channel != null) {
            channel.appendTo(message);
        }
        return AmiEvent.of(EventClass.CALL, message);
    }

    static AmiEvent cdr(ChannelSnapshot channel, ChannelSnapshot destination, long endMs) {
        long start = channel.createdAtMs();
        long answer = channel.answeredAtMs();
        boolean answered = answer > 0;
        String source = channel.callerIdNum();
        AmiMessage message = AmiMessage.event("Cdr", EventClass.CDR)
                .add("AccountCode", "")
                .add("Source", source)
                .add("Destination", channel.exten())
                .add("DestinationContext", channel.context())
                .add("CallerID", "\"" + channel.callerIdName() + "\" <" + source + ">")
                .add("Channel", channel.name())
                .add("DestinationChannel", destination == null ? "" : destination.name())
                .add("LastApplication", channel.application())
                .add("LastData", channel.applicationData())
                .add("StartTime", CDR_TIME.format(Instant.ofEpochMilli(start)))
                .add("AnswerTime", answered ? CDR_TIME.format(Instant.ofEpochMilli(answer)) : "")
                .add("EndTime", CDR_TIME.format(Instant.ofEpochMilli(endMs)))
                .add("Duration", (endMs - start) / 1000)
                .add("BillableSeconds", answered ? (endMs - answer) / 1000 : 0)
                .add("Disposition", answered ? "ANSWERED" : "NO ANSWER")
                .add("AMAFlags", "DOCUMENTATION")
                .add("UniqueID", channel.uniqueid())
                .add("UserField", "");
        return AmiEvent.of(EventClass.CDR, message);
    }

    static AmiEvent fullyBooted(long uptimeSeconds) {
        return AmiEvent.of(EventClass.SYSTEM, AmiMessage.event("FullyBooted", EventClass.SYSTEM)
                .add("Uptime", uptimeSeconds)
                .add("LastReload", uptimeSeconds)
                .add("Status", "Fully Booted"));
    }

    static AmiEvent shutdown() {
        return AmiEvent.of(EventClass.SYSTEM, AmiMessage.event("Shutdown", EventClass.SYSTEM)
                .add("Shutdown", "Cleanly")
                .add("Restart", "False"));
    }
}
