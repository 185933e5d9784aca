package com.bank.callcenter.telephony.sim;

import java.util.Locale;

/**
 * MessageSend as Asterisk answers it: {@code Destination} or else {@code To} names
 * {@code <tech>:<endpoint>[/uri]}; a known PJSIP endpoint is accepted ("handed to the tech", not delivered).
 */
final class MessageSendRule {

    private static final String PJSIP_SCHEME = "pjsip:";

    private MessageSendRule() {
    }

    static AmiMessage reply(CallEngine engine, AmiMessage action, String actionId) {
        AmiMessage reply = reply(engine.options(), engine.refusedMessageDestinations(), action, actionId);
        if ("Success".equals(reply.firstValue())) {
            engine.messageSent(SimulatedMessage.of(action));
        }
        return reply;
    }

    static AmiMessage reply(SimulatedPbxOptions options, AmiMessage action, String actionId) {
        return reply(options, java.util.Set.of(), action, actionId);
    }

    /**
     * As {@link #reply(SimulatedPbxOptions, AmiMessage, String)}; a destination containing one of
     * {@code refused} fails like an unknown endpoint ("Message failed to send.").
     */
    static AmiMessage reply(SimulatedPbxOptions options, java.util.Set<String> refused, AmiMessage action,
                            String actionId) {
        String destination = action.get("Destination");
        if (destination == null || destination.isBlank()) {
            destination = action.get("To");
        }
        if (destination == null || destination.isBlank()) {
            return AmiResponses.error(actionId, "No destination specified");
        }
        if (!destination.toLowerCase(Locale.ROOT).startsWith(PJSIP_SCHEME)) {
            return AmiResponses.error(actionId, "Message technology not found.");
        }
        String endpoint = endpointOf(destination.substring(PJSIP_SCHEME.length()));
        if (!options.messageEndpoints().contains(endpoint) || refused.stream().anyMatch(destination::contains)) {
            return AmiResponses.error(actionId, "Message failed to send.");
        }
        return AmiResponses.success(actionId, "Message successfully sent");
    }

    /** {@code sms-gw/sip:x@host} and {@code sms-gw} name endpoint sms-gw; {@code 1380@sms-gw} too. */
    static String endpointOf(String pjsipTarget) {
        int slash = pjsipTarget.indexOf('/');
        String head = slash < 0 ? pjsipTarget : pjsipTarget.substring(0, slash);
        int at = head.indexOf('@');
        return at < 0 ? head : head.substring(at + 1);
    }
}
