package com.bank.callcenter.telephony.sim;

/** Responses: {@code Response}, then {@code ActionID} (echoed verbatim, only if sent), then the rest. */
final class AmiResponses {

    private AmiResponses() {
    }

    static AmiMessage response(String response, String actionId) {
        AmiMessage message = AmiMessage.of("Response", response);
        if (actionId != null) {
            message.add("ActionID", actionId);
        }
        return message;
    }

    static AmiMessage success(String actionId, String text) {
        return response("Success", actionId).add("Message", text);
    }

    static AmiMessage error(String actionId, String text) {
        return response("Error", actionId).add("Message", text);
    }

    static AmiMessage goodbye(String actionId) {
        return response("Goodbye", actionId).add("Message", "Thanks for all the fish.");
    }
}
