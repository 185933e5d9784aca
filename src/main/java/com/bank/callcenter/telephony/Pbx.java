package com.bank.callcenter.telephony;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The PBX as the service needs it: originate, hang up, send an SMS, and events in. One or more
 * servers, each with its own link. Every {@link PbxListener} call and every completion of the
 * returned stages happens on that server's own single event thread, in the order Asterisk sent
 * them, never on the AMI library's reader or dispatch thread.
 */
public interface Pbx {

    /** Names of the configured servers (host:port). */
    List<String> servers();

    boolean isUp(String server);

    /** A server whose link is up, for a new call; empty while none is reachable. */
    Optional<String> availableServer();

    /**
     * Sends an asynchronous Originate (Async: true) exactly once. Its outcome arrives as events (an
     * {@code OriginateResponse} with {@code ActionID} = {@link OriginateCommand#actionId()}); an Originate
     * the PBX refuses outright calls {@code onRefused} with Asterisk's message.
     *
     * @throws PbxUnavailableException when the link is down: nothing was sent
     */
    void originate(String server, OriginateCommand command, java.util.function.Consumer<String> onRefused);

    CompletionStage<Boolean> hangup(String server, String channel);


    /**
     * MessageSend of one SMS, sent exactly once; completes with what Asterisk answered (Response and
     * Message). A body an AMI line cannot carry (CR, LF, other control characters) goes as Base64Body.
     *
     * @throws PbxUnavailableException (or completes with it) when the link is down: nothing was sent
     */
    CompletionStage<MessageSendResult> sendMessage(String server, OutboundMessage message);

    /** The channels up now (CoreShowChannels). */
    CompletionStage<List<LiveChannel>> liveChannels(String server);

    /** Getvar on a channel; empty when the channel or variable does not exist. */
    CompletionStage<Optional<String>> getVar(String server, String channel, String variable);

    /** DBGet from AstDB; empty when the entry does not exist ("Database entry not found"). */
    CompletionStage<Optional<String>> dbGet(String server, String family, String key);

    /** DBDel from AstDB; false when Asterisk deleted nothing (no such entry). */
    CompletionStage<Boolean> dbDel(String server, String family, String key);

    /**
     * QueueAdd of a dynamic member (Interface, MemberName, Paused). Completes with Asterisk's answer:
     * accepted ("Added interface to queue"), or not with its message ("Unable to add interface: Already
     * there", "Unable to add interface to queue: No such queue").
     *
     * @throws PbxUnavailableException (or completes with it) when the link is down: nothing was sent
     */
    CompletionStage<ActionResult> queueAdd(String server, QueueMemberSpec member);

    /** QueuePause of a member (Paused true with an optional Reason, or false); "Interface not found" when not a member. */
    CompletionStage<ActionResult> queuePause(String server, String queue, String memberInterface, boolean paused,
                                             String reason);

    /** QueueRemove of a member; "Unable to remove interface: Not there" when not a member. */
    CompletionStage<ActionResult> queueRemove(String server, String queue, String memberInterface);

    /** QueueStatus of one queue: its members as Asterisk reports them (QueueMember Name / Location). */
    CompletionStage<List<QueueMemberState>> queueStatus(String server, String queue);

    void addListener(PbxListener listener);

    /** A member to add to an app_queue queue: Interface = the RM's dial string, MemberName = the staff id. */
    record QueueMemberSpec(String queue, String memberInterface, String memberName, boolean paused) {
    }

    /** One member as QueueStatus lists it; {@code status} is Asterisk's device state (1 = not in use, 2 = in use). */
    record QueueMemberState(String queue, String name, String location, boolean paused, String pausedReason,
                            int status, boolean inCall) {
    }

    /** Asterisk's answer to an action: accepted = "Success", with its Message either way. */
    record ActionResult(boolean accepted, String message) {
    }

    /** What an Originate asks for: the first leg, where it goes in the dialplan, and the channel variables. */
    record OriginateCommand(String actionId, String channel, String context, String exten, String callerId,
                            long timeoutMs, Map<String, String> variables) {
    }

    /** A MessageSend: To (the destination), From (absent = the endpoint's own), the UTF-8 body, Variable lines. */
    record OutboundMessage(String to, String from, String body, Map<String, String> variables) {

        public OutboundMessage {
            variables = variables == null ? Map.of() : Map.copyOf(variables);
        }

        /** False when the body holds a character an AMI header line cannot carry. */
        public static boolean fitsOnAmiLine(String body) {
            return body.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        }
    }

    /** Asterisk's answer to a MessageSend: accepted = "Success" ("Message successfully sent"). */
    record MessageSendResult(boolean accepted, String response, String message) {
    }

    /** One channel from CoreShowChannels; {@code state} is Asterisk's ChannelState number. */
    record LiveChannel(String channel, String uniqueId, String linkedId, int state) {

        /** Asterisk's channel state "Up" (AST_STATE_UP): the line is answered. */
        public static final int STATE_UP = 6;

        /** CoreShowChannels gave no ChannelState. */
        public static final int STATE_UNKNOWN = -1;

        public boolean isUp() {
            return state == STATE_UP;
        }
    }
}
