package com.bank.callcenter.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Calls and SMS written straight into PostgreSQL as the call-record writer and the SMS service leave
 * them (the contact attempt and its call or SMS record, one id), for tests of what is counted.
 */
public final class RecordedContacts {

    private RecordedContacts() {
    }

    /**
     * A call of {@code kind} (AGENT_CALL, ROBOT_CALL) placed at {@code at}: answered after 5 s with
     * {@code talkSeconds} of talk, or not answered when {@code talkSeconds} is null; handed off to the
     * RM 20 s in when {@code handedOff}.
     */
    public static UUID call(String rm, String customer, String kind, Instant at, Integer talkSeconds, boolean handedOff) {
        UUID id = UUID.randomUUID();
        Db.execute("insert into contact_attempt (id, customer_id, channel, marketing, sent, staff_id, created_at)"
                + " values (?, ?, ?, true, true, ?, ?)", id, customer, kind, rm, Timestamp.from(at));
        Db.execute("insert into call_attempt (id, customer_id, staff_id, kind, state, outcome, queued_at, answer_at,"
                        + " end_at, talk_seconds, handed_off_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, customer, rm, kind, talkSeconds == null ? "FAILED" : "COMPLETED",
                talkSeconds == null ? "NO_ANSWER" : "ANSWERED", Timestamp.from(at),
                talkSeconds == null ? null : Timestamp.from(at.plusSeconds(5)),
                Timestamp.from(at.plusSeconds(60)), talkSeconds, handedOff ? Timestamp.from(at.plusSeconds(20)) : null);
        return id;
    }

    /** A call the RM placed at {@code at}, answered, with {@code talkSeconds} of talk. */
    public static UUID answeredRmCall(String rm, String customer, Instant at, int talkSeconds) {
        return call(rm, customer, "AGENT_CALL", at, talkSeconds, false);
    }

    /** An SMS the RM sent at {@code at}, in gateway state {@code state} (SENT, FAILED, …). */
    public static UUID sms(String rm, String customer, String state, Instant at) {
        UUID id = UUID.randomUUID();
        Db.execute("insert into contact_attempt (id, customer_id, channel, marketing, sent, staff_id, created_at)"
                + " values (?, ?, 'SMS', true, ?, ?, ?)", id, customer, "SENT".equals(state), rm, Timestamp.from(at));
        Db.execute("insert into sms_message (id, customer_id, staff_id, body, state, created_at)"
                + " values (?, ?, ?, '测试', ?, ?)", id, customer, rm, state, Timestamp.from(at));
        return id;
    }
}
