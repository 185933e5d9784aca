package com.bank.callcenter.calls;

import com.bank.callcenter.telephony.DialplanContract;
import com.bank.callcenter.telephony.Pbx.LiveChannel;
import com.bank.callcenter.telephony.PbxEvent;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What each AMI event means for a call record. The event was already tied to the call (by ActionID,
 * the CALL_ID channel variable or a Uniqueid/Linkedid learned from those); here only the legs matter:
 * the originated leg (the RM's phone for agent-first, the customer for a robot call) and, for
 * agent-first, the customer leg the dialplan's Dial() creates. Moves the state machine cannot make
 * are ignored, so a late or reordered event never rolls a call back.
 */
final class CallEventRules {

    private static final String UNKNOWN_UNIQUEID = "<unknown>";
    private static final String LOCAL_FAR_END_SUFFIX = ";2";
    private static final int CHANNEL_STATE_RINGING = 5;
    private static final int CHANNEL_STATE_UP = 6;

    private CallEventRules() {
    }

    /** What is remembered about a call between its events (besides its record). */
    static final class Memory {
        /** The recording file asked for (RECORDING); kept on the record once the customer answered. */
        final String recording;

        Memory(String recording) {
            this.recording = recording;
        }

        /** The largest BillableSeconds of the call's answered CDRs, once one arrived. */
        Integer cdrTalkSeconds;
    }

    private static final java.util.Set<String> READ = java.util.Set.of("OriginateResponse", "DialBegin", "DialState",
            "Newstate", "DialEnd", "BridgeEnter", "Hangup", "Cdr", "RobotChoice");

    /**
     * Whether the event is kept with its call: the ones {@link #apply} reads (of the VarSets, CALL_ID's).
     * Asterisk's many other VarSets and channel events tie channels to a call but are not kept; what the
     * call was given is kept once, as the Originate the service sent.
     */
    static boolean kept(PbxEvent event) {
        return READ.contains(event.name())
                || "VarSet".equals(event.name()) && DialplanContract.CALL_ID.equals(event.get("Variable"));
    }

    static void apply(CallAttempt call, PbxEvent event, Memory memory) {
        switch (event.name()) {
            case "OriginateResponse":
                originateResponse(call, event, memory);
                break;
            case "VarSet":
                if (DialplanContract.CALL_ID.equals(event.get("Variable"))) {
                    learnOriginatedLeg(call, event.get("Channel"), event.get("Uniqueid"), event.get("Linkedid"), false);
                }
                break;
            case "DialBegin":
                if (call.kind == CallKind.AGENT_CALL && isCaller(call, event)) {
                    learnCustomerLeg(call, event);
                }
                break;
            case "DialState":
                if ("RINGING".equals(event.get("DialStatus")) && dialsTheCustomer(call, event)) {
                    call.ringing(event.receivedAt());
                }
                break;
            case "Newstate":
                if (isCustomerLeg(call, event.get("Uniqueid"))) {
                    Integer state = event.getInt("ChannelState");
                    if (Objects.equals(state, CHANNEL_STATE_RINGING)) {
                        call.ringing(event.receivedAt());
                    } else if (Objects.equals(state, CHANNEL_STATE_UP)) {
                        call.answered(event.receivedAt(), memory.recording);
                    }
                }
                break;
            case "DialEnd":
                dialEnd(call, event, memory);
                break;
            case "BridgeEnter":
                if (isCustomerLeg(call, event.get("Uniqueid"))) {
                    call.answered(event.receivedAt(), memory.recording);
                }
                break;
            case "Hangup":
                hangup(call, event, memory);
                break;
            case "Cdr":
                cdr(call, event, memory);
                break;
            case "RobotChoice":
                call.robotChoice = event.get("Choice");
                break;
            default:
                break;
        }
    }

    private static void originateResponse(CallAttempt call, PbxEvent event, Memory memory) {
        String uniqueId = event.get("Uniqueid");
        if (uniqueId != null && !UNKNOWN_UNIQUEID.equals(uniqueId)) {
            learnOriginatedLeg(call, event.get("Channel"), uniqueId, null, true);
        }
        boolean success = "Success".equalsIgnoreCase(event.get("Response"));
        if (call.kind == CallKind.AGENT_CALL) {
            // the RM's phone answered (Reason 4) — the customer is dialled next — or it did not
            if (!success) {
                call.failed(CallOutcome.AGENT_UNAVAILABLE, event.receivedAt());
            }
            return;
        }
        if (success) {
            call.answered(event.receivedAt(), memory.recording);
        } else {
            call.failed(CallOutcome.ofOriginateReason(event.getInt("Reason")), event.receivedAt());
        }
    }

    private static void dialEnd(CallAttempt call, PbxEvent event, Memory memory) {
        String status = event.get("DialStatus");
        boolean answered = "ANSWER".equals(status);
        if (event.get("Uniqueid") == null) {
            // the Originate's own dial of the originated leg
            if (!Objects.equals(event.get("DestUniqueid"), call.uniqueId) && call.uniqueId != null) {
                return;
            }
            if (call.kind == CallKind.ROBOT_CALL) {
                if (answered) {
                    call.answered(event.receivedAt(), memory.recording);
                } else {
                    call.failed(CallOutcome.ofDialStatus(status), event.receivedAt());
                }
            } else if (!answered) {
                call.failed(CallOutcome.AGENT_UNAVAILABLE, event.receivedAt());
            }
            return;
        }
        if (call.kind != CallKind.AGENT_CALL || !isCaller(call, event)) {
            return;
        }
        learnCustomerLeg(call, event);
        if (answered) {
            call.answered(event.receivedAt(), memory.recording);
        } else {
            call.failed(CallOutcome.ofDialStatus(status), event.receivedAt());
        }
    }

    private static void hangup(CallAttempt call, PbxEvent event, Memory memory) {
        String uniqueId = event.get("Uniqueid");
        boolean customerLeg = isCustomerLeg(call, uniqueId);
        boolean originatedLeg = uniqueId != null && uniqueId.equals(call.uniqueId);
        if (customerLeg || (originatedLeg && call.customerUniqueId == null)) {
            call.hangupCause = event.getInt("Cause");
            call.hangupCauseText = event.get("Cause-txt");
        }
        if (!customerLeg && !originatedLeg) {
            return;
        }
        if (call.state == CallState.ANSWERED) {
            if (memory.cdrTalkSeconds != null) {
                call.talkSeconds = memory.cdrTalkSeconds; // a CDR that came before the answer was seen
            }
            call.completed(event.receivedAt());
            return;
        }
        if (!originatedLeg || call.state.isFinal()) {
            return;
        }
        // the originated leg ended before any answer and before a DialEnd said why
        if (call.kind == CallKind.ROBOT_CALL) {
            call.failed(CallOutcome.ofHangupCause(event.getInt("Cause")), event.receivedAt());
        } else {
            call.failed(call.customerUniqueId == null ? CallOutcome.AGENT_UNAVAILABLE : CallOutcome.CANCELLED,
                    event.receivedAt());
        }
    }

    private static void cdr(CallAttempt call, PbxEvent event, Memory memory) {
        Integer billable = event.getInt("BillableSeconds");
        if (!"ANSWERED".equals(event.get("Disposition")) || billable == null) {
            return;
        }
        memory.cdrTalkSeconds = memory.cdrTalkSeconds == null ? billable : Math.max(memory.cdrTalkSeconds, billable);
        if (call.answerAt != null) {
            call.talkSeconds = memory.cdrTalkSeconds;
        }
    }

    /**
     * A call found up on reconciliation (adopted, or after a reconnect) whose record lacks its legs — the
     * follower that stopped stored none of its events — takes them from its live channels, so its later
     * Hangup and Cdr apply. The originated channel is the one whose Linkedid is its own Uniqueid (of a
     * Local pair, the {@code ;1} half); for agent-first the customer leg is another channel of that Linkedid,
     * not the {@code ;2} half of the RM's Local channel. Legs the record already has are kept.
     */
    static void learnLegs(CallAttempt call, List<LiveChannel> channels) {
        LiveChannel originated = originatedOf(call, channels);
        if (originated == null) {
            return;
        }
        if (call.uniqueId == null) {
            call.uniqueId = originated.uniqueId();
            call.channel = originated.channel();
        }
        if (call.linkedId == null && originated.linkedId() != null) {
            call.linkedId = originated.linkedId();
        }
        if (call.kind != CallKind.AGENT_CALL || call.customerUniqueId != null) {
            return;
        }
        String rmFarEnd = farEndOf(originated.channel());
        String linkedId = originated.linkedId();
        channels.stream()
                .filter(c -> c.uniqueId() != null && !c.uniqueId().equals(originated.uniqueId()))
                .filter(c -> linkedId != null && linkedId.equals(c.linkedId()))
                .filter(c -> c.channel() == null || !c.channel().equals(rmFarEnd))
                .min(Comparator.comparing((LiveChannel c) -> isFarEnd(c.channel())))
                .ifPresent(customer -> {
                    call.customerUniqueId = customer.uniqueId();
                    call.customerChannel = customer.channel();
                });
    }

    /** The record's own originated channel; for a record without one, the channel whose Linkedid is its own Uniqueid. */
    private static LiveChannel originatedOf(CallAttempt call, List<LiveChannel> channels) {
        if (call.uniqueId != null) {
            return channels.stream().filter(c -> call.uniqueId.equals(c.uniqueId())).findFirst().orElse(null);
        }
        for (LiveChannel channel : channels) {
            if (channel.uniqueId() != null && channel.uniqueId().equals(channel.linkedId())) {
                return channel;
            }
        }
        return channels.stream().filter(c -> c.uniqueId() != null && !isFarEnd(c.channel()))
                .findFirst().orElse(null);
    }

    private static boolean isFarEnd(String channel) {
        return channel != null && channel.endsWith(LOCAL_FAR_END_SUFFIX);
    }

    /** {@code Local/x@ctx-0001;1} → {@code Local/x@ctx-0001;2}; null for a channel that is no Local near end. */
    private static String farEndOf(String channel) {
        return channel != null && channel.endsWith(";1")
                ? channel.substring(0, channel.length() - 2) + LOCAL_FAR_END_SUFFIX : null;
    }

    private static void learnOriginatedLeg(CallAttempt call, String channel, String uniqueId, String linkedId,
                                           boolean authoritative) {
        if (uniqueId == null) {
            return;
        }
        boolean farEnd = channel != null && channel.endsWith(LOCAL_FAR_END_SUFFIX);
        boolean replaceFarEnd = call.channel != null && call.channel.endsWith(LOCAL_FAR_END_SUFFIX) && !farEnd;
        if (authoritative || call.uniqueId == null && !farEnd || replaceFarEnd) {
            call.uniqueId = uniqueId;
            call.channel = channel;
        }
        if (call.linkedId == null && linkedId != null) {
            call.linkedId = linkedId;
        }
    }

    private static void learnCustomerLeg(CallAttempt call, PbxEvent event) {
        if (call.customerUniqueId == null && event.get("DestUniqueid") != null) {
            call.customerUniqueId = event.get("DestUniqueid");
            call.customerChannel = event.get("DestChannel");
        }
    }

    /** Agent-first: the event's caller is the RM's leg. */
    private static boolean isCaller(CallAttempt call, PbxEvent event) {
        String caller = event.get("Uniqueid");
        return caller != null && (caller.equals(call.uniqueId) || call.uniqueId == null);
    }

    private static boolean dialsTheCustomer(CallAttempt call, PbxEvent event) {
        if (call.kind == CallKind.AGENT_CALL) {
            return event.get("Uniqueid") != null && isCaller(call, event);
        }
        return event.get("Uniqueid") == null && Objects.equals(event.get("DestUniqueid"), call.uniqueId);
    }

    private static boolean isCustomerLeg(CallAttempt call, String uniqueId) {
        if (uniqueId == null) {
            return false;
        }
        return call.kind == CallKind.ROBOT_CALL ? uniqueId.equals(call.uniqueId) : uniqueId.equals(call.customerUniqueId);
    }
}
