package com.bank.callcenter.calls;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static com.bank.callcenter.calls.CallState.ANSWERED;
import static com.bank.callcenter.calls.CallState.COMPLETED;
import static com.bank.callcenter.calls.CallState.DIALING;
import static com.bank.callcenter.calls.CallState.FAILED;
import static com.bank.callcenter.calls.CallState.QUEUED;
import static com.bank.callcenter.calls.CallState.RINGING;
import static com.bank.callcenter.calls.CallState.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallStateTest {

    private static void assertMoves(CallState from, Set<CallState> allowed) {
        for (CallState to : CallState.values()) {
            assertEquals(allowed.contains(to), from.canMoveTo(to), from + " → " + to);
        }
    }

    @Test
    void queuedCallIsSentOrEndsWithoutBeingSent() {
        assertMoves(QUEUED, EnumSet.of(DIALING, FAILED, UNKNOWN));
    }

    @Test
    void dialingCallRingsOrIsAnsweredWithoutRingingOrFails() {
        assertMoves(DIALING, EnumSet.of(RINGING, ANSWERED, FAILED, UNKNOWN));
    }

    @Test
    void ringingCallIsAnsweredOrFails() {
        assertMoves(RINGING, EnumSet.of(ANSWERED, FAILED, UNKNOWN));
    }

    @Test
    void answeredCallOnlyCompletesOrIsLost() {
        assertMoves(ANSWERED, EnumSet.of(COMPLETED, UNKNOWN));
    }

    @Test
    void finishedCallsNeverMoveAgain() {
        for (CallState end : EnumSet.of(COMPLETED, FAILED, UNKNOWN)) {
            assertMoves(end, EnumSet.noneOf(CallState.class));
            assertTrue(end.isFinal());
        }
    }

    @Test
    void inFlightAreExactlyTheStatesNotFinal() {
        for (CallState state : CallState.values()) {
            assertEquals(!state.isFinal(), CallState.IN_FLIGHT.contains(state), state.name());
        }
    }

    @Test
    void noStateGoesBackwards() {
        assertFalse(RINGING.canMoveTo(DIALING));
        assertFalse(ANSWERED.canMoveTo(RINGING));
        assertFalse(COMPLETED.canMoveTo(ANSWERED));
    }

    @Test
    void lateRingingAfterAnswerIsIgnoredByTheRecord() {
        CallAttempt call = new CallAttempt();
        call.state = DIALING;
        call.answered(java.time.Instant.EPOCH, "r.wav");
        call.ringing(java.time.Instant.EPOCH.plusSeconds(1));
        assertEquals(ANSWERED, call.state);
        assertEquals(null, call.ringAt);
    }

    @Test
    void originateReasonsMapToOutcomes() {
        assertEquals(CallOutcome.ANSWERED, CallOutcome.ofOriginateReason(4));
        assertEquals(CallOutcome.BUSY, CallOutcome.ofOriginateReason(5));
        assertEquals(CallOutcome.CONGESTION, CallOutcome.ofOriginateReason(8));
        assertEquals(CallOutcome.NO_ANSWER, CallOutcome.ofOriginateReason(3));
        assertEquals(CallOutcome.FAILED, CallOutcome.ofOriginateReason(0));
        assertEquals(CallOutcome.FAILED, CallOutcome.ofOriginateReason(1));
    }

    @Test
    void dialStatusesAndHangupCausesMapToOutcomes() {
        assertEquals(CallOutcome.BUSY, CallOutcome.ofDialStatus("BUSY"));
        assertEquals(CallOutcome.NO_ANSWER, CallOutcome.ofDialStatus("NOANSWER"));
        assertEquals(CallOutcome.CONGESTION, CallOutcome.ofDialStatus("CONGESTION"));
        assertEquals(CallOutcome.BUSY, CallOutcome.ofHangupCause(17));
        assertEquals(CallOutcome.NO_ANSWER, CallOutcome.ofHangupCause(19));
        assertEquals(CallOutcome.CONGESTION, CallOutcome.ofHangupCause(34));
        assertEquals(CallOutcome.INVALID_NUMBER, CallOutcome.ofHangupCause(1));
    }
}
