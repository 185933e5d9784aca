package com.bank.callcenter.telephony.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The actions a logged-in client may send, answered as Asterisk 22 answers them. */
final class AmiActions {

    private static final String CORE_SHOW_VERSION = "core show version";
    private static final String CORE_STOP_NOW = "core stop now";

    private final CallEngine engine;
    private final AmiSession session;
    private final QueueActions queueActions;

    AmiActions(CallEngine engine, AmiSession session) {
        this.engine = engine;
        this.session = session;
        this.queueActions = new QueueActions(engine, session);
    }

    void handle(String action, AmiMessage message, String actionId) {
        if (queueActions.handle(action, message, actionId)) {
            return;
        }
        switch (action.toLowerCase(Locale.ROOT)) {
            case "ping" -> session.sendResponse(AmiResponses.response("Success", actionId)
                    .add("Ping", "Pong")
                    .add("Timestamp", timestamp()));
            case "coresettings" -> session.sendResponse(coreSettings(actionId));
            case "command" -> command(message.getOrDefault("Command", ""), actionId);
            case "events" -> events(message.get("EventMask"), actionId);
            case "originate" -> originate(message, actionId);
            case "messagesend" -> session.sendResponse(MessageSendRule.reply(engine, message, actionId));
            case "hangup" -> hangup(message, actionId);
            case "coreshowchannels" -> coreShowChannels(actionId);
            case "status" -> status(message.get("Channel"), actionId);
            case "getvar" -> getvar(message, actionId);
            case "dbget" -> dbGet(message, actionId);
            case "dbput" -> dbPut(message, actionId);
            case "dbdel" -> dbDel(message, actionId);
            default -> session.sendResponse(AmiResponses.error(actionId, "Invalid/unknown command: " + action
                    + ". Use Action: ListCommands to show available commands."));
        }
    }

    /** Seconds and microseconds, as Asterisk prints {@code Timestamp}. */
    private static String timestamp() {
        Instant now = Instant.now();
        return String.format(Locale.ROOT, "%d.%06d", now.getEpochSecond(), now.getNano() / 1000);
    }

    private AmiMessage coreSettings(String actionId) {
        SimulatedPbxOptions options = engine.options();
        return AmiResponses.response("Success", actionId)
                .add("AMIversion", options.amiVersion())
                .add("AsteriskVersion", options.asteriskVersion())
                .add("SystemName", "")
                .add("CoreMaxCalls", 0)
                .add("CoreMaxLoadAvg", "0.000000")
                .add("CoreRunUser", "")
                .add("CoreRunGroup", "")
                .add("CoreMaxFilehandles", 0)
                .add("CoreRealTimeEnabled", "No")
                .add("CoreCDRenabled", "Yes")
                .add("CoreHTTPenabled", "No")
                .add("SoundsSearchCustomDir", "No");
    }

    private void command(String command, String actionId) {
        String normalized = command.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        AmiMessage response = AmiResponses.success(actionId, "Command output follows");
        if (normalized.equals(CORE_SHOW_VERSION)) {
            session.sendResponse(response.add("Output", "Asterisk " + engine.options().asteriskVersion()
                    + " built by simulator @ sim-pbx on a x86_64 running Linux"));
        } else if (normalized.equals(CORE_STOP_NOW)) {
            session.sendResponse(response.add("Output", ""));
            Thread stopper = new Thread(() -> session.pbx().coreStopNow(), "sim-pbx-core-stop");
            stopper.setDaemon(true);
            stopper.start();
        } else {
            session.sendResponse(response.add("Output", "No such command '" + command
                    + "' (type 'core show help " + command + "' for other possible commands)"));
        }
    }

    private void events(String eventMask, String actionId) {
        int mask = EventMask.parse(eventMask == null ? "off" : eventMask);
        session.setEventMask(mask);
        session.sendResponse(AmiResponses.response("Success", actionId).add("Events", mask == 0 ? "Off" : "On"));
    }

    private void originate(AmiMessage message, String actionId) {
        OriginateRequest request = OriginateRequest.parse(message);
        if (request.channel() == null || request.channel().isBlank()) {
            session.sendResponse(AmiResponses.error(actionId, "Channel not specified"));
            return;
        }
        if (request.technology() == null) {
            session.sendResponse(AmiResponses.error(actionId, "Invalid channel"));
            return;
        }
        boolean knownTechnology = engine.options().channelTechnologies().contains(request.technology());
        if (!request.async() && !knownTechnology) {
            session.sendResponse(AmiResponses.error(actionId, "Originate failed"));
            return;
        }
        if (request.async()) {
            session.sendResponse(AmiResponses.success(actionId, "Originate successfully queued"));
        }
        engine.originate(request, session);
    }

    private void hangup(AmiMessage message, String actionId) {
        String cause = message.get("Cause");
        HangupCause hangupCause = HangupCause.NORMAL_CLEARING;
        if (cause != null && cause.trim().matches("\\d+")) {
            hangupCause = HangupCause.ofCode(Integer.parseInt(cause.trim()));
        }
        String channel = message.get("Channel");
        if (engine.channel(channel).isEmpty()) {
            session.sendResponse(AmiResponses.error(actionId, "No such channel"));
            return;
        }
        // Asterisk answers first; the hang-up events follow.
        session.sendResponse(AmiResponses.success(actionId, "Channel Hungup"));
        engine.hangup(channel, hangupCause);
    }

    private void coreShowChannels(String actionId) {
        List<ChannelSnapshot> live = engine.liveChannels();
        List<AmiMessage> reply = new ArrayList<>();
        reply.add(AmiResponses.response("Success", actionId).add("EventList", "start")
                .add("Message", "Channels will follow"));
        long now = engine.clock().nowMs();
        for (ChannelSnapshot channel : live) {
            AmiMessage item = AmiMessage.of("Event", "CoreShowChannel");
            if (actionId != null) {
                item.add("ActionID", actionId);
            }
            channel.appendTo(item)
                    .add("Application", channel.application())
                    .add("ApplicationData", channel.applicationData())
                    .add("Duration", duration(now - channel.createdAtMs()))
                    .add("BridgeId", channel.bridgeId());
            reply.add(item);
        }
        AmiMessage complete = AmiMessage.of("Event", "CoreShowChannelsComplete");
        if (actionId != null) {
            complete.add("ActionID", actionId);
        }
        reply.add(complete.add("EventList", "Complete").add("ListItems", live.size()));
        session.sendAll(reply);
    }

    private void status(String channelName, String actionId) {
        List<ChannelSnapshot> selected;
        if (channelName == null || channelName.isBlank()) {
            selected = engine.liveChannels();
        } else {
            Optional<ChannelSnapshot> channel = engine.channel(channelName);
            if (channel.isEmpty()) {
                session.sendResponse(AmiResponses.error(actionId, "No such channel"));
                return;
            }
            selected = List.of(channel.get());
        }
        List<AmiMessage> reply = new ArrayList<>();
        reply.add(AmiResponses.response("Success", actionId).add("EventList", "start")
                .add("Message", "Channel status will follow"));
        long now = engine.clock().nowMs();
        for (ChannelSnapshot channel : selected) {
            AmiMessage item = channel.appendTo(AmiMessage.of("Event", "Status").add("Privilege", "Call"))
                    .add("Type", channel.type())
                    .add("DNID", "")
                    .add("EffectiveConnectedLineNum", ChannelSnapshot.orUnknown(channel.connectedLineNum()))
                    .add("EffectiveConnectedLineName", ChannelSnapshot.UNKNOWN)
                    .add("TimeToHangup", 0)
                    .add("BridgeID", channel.bridgeId())
                    .add("Application", channel.application())
                    .add("Data", channel.applicationData())
                    .add("Nativeformats", "(slin)")
                    .add("Readformat", "slin")
                    .add("Readtrans", "")
                    .add("Writeformat", "slin")
                    .add("Writetrans", "")
                    .add("Callgroup", 0)
                    .add("Pickupgroup", 0)
                    .add("Seconds", (now - channel.createdAtMs()) / 1000);
            if (actionId != null) {
                item.add("ActionID", actionId);
            }
            reply.add(item);
        }
        AmiMessage complete = AmiMessage.of("Event", "StatusComplete");
        if (actionId != null) {
            complete.add("ActionID", actionId);
        }
        reply.add(complete.add("EventList", "Complete").add("ListItems", selected.size())
                .add("Items", selected.size()));
        session.sendAll(reply);
    }

    private void getvar(AmiMessage message, String actionId) {
        String variable = message.get("Variable");
        if (variable == null || variable.isBlank()) {
            session.sendResponse(AmiResponses.error(actionId, "No variable specified"));
            return;
        }
        String channelName = message.get("Channel");
        String value = "";
        if (channelName != null && !channelName.isBlank()) {
            Optional<ChannelSnapshot> channel = engine.channel(channelName);
            if (channel.isEmpty()) {
                session.sendResponse(AmiResponses.error(actionId, "No such channel"));
                return;
            }
            String found = channel.get().variable(variable);
            value = found == null ? "" : found;
        }
        session.sendResponse(AmiResponses.response("Success", actionId).add("Variable", variable).add("Value", value));
    }

    /** As Asterisk 22: a list (DBGetResponse, DBGetComplete) when the key exists, else an error. */
    private void dbGet(AmiMessage message, String actionId) {
        if (!hasFamilyAndKey(message, actionId, ".")) {
            return;
        }
        String family = message.get("Family");
        String key = message.get("Key");
        Optional<String> value = engine.dbGet(family, key);
        if (value.isEmpty()) {
            session.sendResponse(AmiResponses.error(actionId, "Database entry not found"));
            return;
        }
        List<AmiMessage> reply = new ArrayList<>();
        reply.add(AmiResponses.response("Success", actionId).add("EventList", "start")
                .add("Message", "Result will follow"));
        // manager.c appends the ActionID after Val here (astman_append), unlike the list's other messages
        AmiMessage item = AmiMessage.of("Event", "DBGetResponse").add("Family", family).add("Key", key)
                .add("Val", value.get());
        if (actionId != null) {
            item.add("ActionID", actionId);
        }
        reply.add(item);
        AmiMessage complete = AmiMessage.of("Event", "DBGetComplete");
        if (actionId != null) {
            complete.add("ActionID", actionId);
        }
        reply.add(complete.add("EventList", "Complete").add("ListItems", 1));
        session.sendAll(reply);
    }

    private void dbPut(AmiMessage message, String actionId) {
        if (!hasFamilyAndKey(message, actionId, "")) {
            return;
        }
        engine.dbPut(message.get("Family"), message.get("Key"), message.getOrDefault("Val", ""));
        session.sendResponse(AmiResponses.success(actionId, "Updated database successfully"));
    }

    private void dbDel(AmiMessage message, String actionId) {
        if (!hasFamilyAndKey(message, actionId, ".")) {
            return;
        }
        if (engine.dbDel(message.get("Family"), message.get("Key"))) {
            session.sendResponse(AmiResponses.success(actionId, "Key deleted successfully"));
        } else {
            session.sendResponse(AmiResponses.error(actionId, "Database entry not deleted"));
        }
    }

    /**
     * Answers Asterisk's error when Family or Key is missing; {@code end} is how manager.c ends the
     * message for that action (DBGet and DBDel with a full stop, DBPut without).
     */
    private boolean hasFamilyAndKey(AmiMessage message, String actionId, String end) {
        for (String field : List.of("Family", "Key")) {
            String value = message.get(field);
            if (value == null || value.isEmpty()) {
                session.sendResponse(AmiResponses.error(actionId, "No " + field.toLowerCase(Locale.ROOT)
                        + " specified" + end));
                return false;
            }
        }
        return true;
    }

    private static String duration(long millis) {
        long seconds = Math.max(0, millis / 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }
}
