package com.bank.callcenter.calls;

import java.util.List;
import java.util.UUID;

/**
 * Calls of RMs (a staff id on the record: their own calls and robot calls handed to them) whose
 * state changed, fired by the call-record writer after the commit, on its own thread: observers
 * hand longer work to a thread of their own.
 */
public record CallStatesChanged(List<Change> changes) {

    /** One call's new state. */
    public record Change(UUID callId, String staffId, CallKind kind, CallState state, CallOutcome outcome,
                         Integer talkSeconds) {
    }
}
