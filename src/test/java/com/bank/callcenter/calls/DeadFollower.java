package com.bank.callcenter.calls;

import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestClock;
import com.bank.callcenter.telephony.DialplanContract;
import com.bank.callcenter.telephony.Pbx;

import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;

/** What an instance that died mid-call leaves behind: its call records, and calls the PBX still runs. */
public final class DeadFollower {

    private static final long RING_TIMEOUT_MS = 30_000;

    private DeadFollower() {
    }

    /** A robot call recorded (contact attempt and DIALING call) by a follower that has since stopped. */
    public static UUID recordedRobotCall(String server, String customerId) {
        UUID callId = UUID.randomUUID();
        Timestamp at = Timestamp.from(TestClock.WORKING_HOURS);
        Db.execute("insert into contact_attempt (id, customer_id, channel, created_at) values (?, ?, 'ROBOT_CALL', ?)",
                callId, customerId, at);
        Db.execute("insert into call_attempt (id, customer_id, kind, state, ami_server, follower, action_id, queued_at,"
                + " dial_at) values (?, ?, 'ROBOT_CALL', 'DIALING', ?, ?, ?, ?, ?)",
                callId, customerId, server, "stopped-" + UUID.randomUUID(), callId.toString(), at, at);
        return callId;
    }

    /** The dead follower's Originate of that call: nobody here follows it, so none of its events reach the record. */
    public static void originate(Pbx pbx, String server, UUID callId, String number) {
        pbx.originate(server, new Pbx.OriginateCommand(callId.toString(), "Local/" + number + "@sim-carrier",
                DialplanContract.ROBOT_CONTEXT, DialplanContract.START_EXTENSION, "", RING_TIMEOUT_MS,
                Map.of(DialplanContract.CALL_ID, callId.toString())), message -> { });
    }
}
