package com.bank.callcenter.calls;

import java.time.Instant;
import java.util.UUID;

/** A call as the API shows it; never the customer's number. */
public record CallView(
        UUID callId,
        CallState state,
        CallOutcome outcome,
        Integer talkSeconds,
        Integer ringSeconds,
        Instant startedAt,
        Instant answeredAt,
        Instant endedAt,
        Integer hangupCause,
        String reason) {

    static CallView of(CallAttempt call) {
        Integer ringSeconds = call.ringAt == null ? null
                : CallAttempt.secondsBetween(call.ringAt, call.answerAt != null ? call.answerAt : call.endAt);
        return new CallView(call.id, call.state, call.outcome, call.talkSeconds, ringSeconds,
                call.dialAt != null ? call.dialAt : call.queuedAt, call.answerAt, call.endAt, call.hangupCause,
                call.reason);
    }
}
