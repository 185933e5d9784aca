package com.bank.callcenter.sms;

import java.util.UUID;

/** What became of a transmitted SMS, as recorded in sms_message (state and gateway_status). */
public record SmsDelivery(UUID smsId, Outcome outcome, String gatewayStatus) {

    public enum Outcome {
        /** Asterisk accepted the MessageSend. */
        SENT,
        /** Asterisk refused it, or never answered. */
        FAILED,
        /** The link was down: the MessageSend never left; recorded FAILED with "not sent: …". */
        NOT_SENT
    }

    /** sms_message.state */
    public String state() {
        return outcome == Outcome.SENT ? "SENT" : "FAILED";
    }
}
