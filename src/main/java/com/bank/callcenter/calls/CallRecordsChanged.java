package com.bank.callcenter.calls;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every call record a batch of the call-record writer touched, as it stands after the commit — robot
 * calls included, whatever changed (state, RM, talk time from a late CDR, a robot choice recovered
 * later). Fired on the writer's thread: observers hand their work to a thread of their own. A record
 * may be told more than once; each is the whole record, so the latest one is the truth.
 */
public record CallRecordsChanged(List<Record> calls) {

    /**
     * One call record: {@code sent} is false when nothing reached the customer's network (the attempt's
     * contact_attempt.sent).
     */
    public record Record(UUID callId, CallKind kind, String staffId, String customerId, Instant queuedAt,
                         CallState state, Instant answerAt, Integer talkSeconds, Instant handedOffAt,
                         String robotChoice, boolean sent) {
    }
}
