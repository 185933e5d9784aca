package com.bank.callcenter.calls;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which failures make the call-record writer wait for the database instead of giving a change up, and which
 * records it asks contact_attempt.sent for.
 */
class CallRecordWriterTest {

    @Test
    void aLostConnectionAnywhereInTheCausesMeansWait() {
        assertTrue(CallRecordWriter.databaseUnreachable(new IllegalStateException("tx",
                new RuntimeException(new SQLException("An I/O error occurred", "08006")))));
        assertTrue(CallRecordWriter.databaseUnreachable(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(CallRecordWriter.databaseUnreachable(new RuntimeException(
                new SQLTransientConnectionException("Acquisition timeout"))));
    }

    @Test
    void anyOtherFailureIsNotWaitedFor() {
        assertFalse(CallRecordWriter.databaseUnreachable(new RuntimeException(
                new SQLException("duplicate key value violates unique constraint", "23505"))));
        assertFalse(CallRecordWriter.databaseUnreachable(new IllegalStateException("a bug")));
    }

    @Test
    void onlyCallsFailedOutrightOrUnknownMayHaveReachedNoOne() {
        Instant t0 = Instant.parse("2026-11-25T02:00:00Z");
        CallAttempt refused = dialling(t0);
        refused.failed(CallOutcome.FAILED, t0);
        assertTrue(CallRecordWriter.mayBeUnsent(refused), "refused or not sent: marked, ask");
        CallAttempt lost = dialling(t0);
        lost.unknown("link lost", t0);
        assertTrue(CallRecordWriter.mayBeUnsent(lost), "already unknown when the refusal came: ask");
        for (CallOutcome reached : List.of(CallOutcome.BUSY, CallOutcome.CONGESTION, CallOutcome.NO_ANSWER)) {
            CallAttempt call = dialling(t0);
            call.failed(reached, t0);
            assertFalse(CallRecordWriter.mayBeUnsent(call), reached + " reached the network");
        }
        CallAttempt answered = dialling(t0);
        answered.answered(t0, null);
        assertFalse(CallRecordWriter.mayBeUnsent(answered));
        answered.completed(t0.plusSeconds(30));
        assertFalse(CallRecordWriter.mayBeUnsent(answered));
        assertFalse(CallRecordWriter.mayBeUnsent(dialling(t0)));
    }

    private static CallAttempt dialling(Instant at) {
        CallAttempt call = new CallAttempt();
        call.id = UUID.randomUUID();
        call.kind = CallKind.ROBOT_CALL;
        call.state = CallState.QUEUED;
        call.dialing(at);
        return call;
    }
}
