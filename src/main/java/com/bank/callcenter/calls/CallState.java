package com.bank.callcenter.calls;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a call is. The allowed moves are all here: forward only, a step may be skipped (a PBX need
 * not report ringing), and FAILED, COMPLETED and UNKNOWN are final. A move that is not allowed
 * (an event late or out of order) is ignored by the caller, which keeps records independent of
 * the order in which Asterisk interleaves the channels' events.
 */
public enum CallState {
    /** Recorded, not yet sent to the PBX. */
    QUEUED,
    /** Originate sent. */
    DIALING,
    /** The customer's phone rings. */
    RINGING,
    /** The customer answered (agent-first: bridged with the RM). */
    ANSWERED,
    /** Answered and hung up. */
    COMPLETED,
    /** Never answered; the outcome says why. */
    FAILED,
    /** The PBX lost track of it (e.g. link lost and the call gone after reconnect); the reason says what happened. */
    UNKNOWN;

    /** Not final yet: queued or with the PBX. The one list of open calls (in SQL: {@link #IN_FLIGHT_SQL}). */
    public static final Set<CallState> IN_FLIGHT =
            Collections.unmodifiableSet(EnumSet.of(QUEUED, DIALING, RINGING, ANSWERED));

    /**
     * {@link #IN_FLIGHT} as an SQL list, {@code ('QUEUED', 'DIALING', 'RINGING', 'ANSWERED')}, for
     * {@code state in IN_FLIGHT_SQL}. Written into the statement rather than bound: the planner can then
     * use the partial index call_attempt_open (same predicate), which it cannot prove for bound values.
     */
    public static final String IN_FLIGHT_SQL = IN_FLIGHT.stream().map(state -> "'" + state.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    private static final Map<CallState, Set<CallState>> ALLOWED = new EnumMap<>(CallState.class);

    static {
        ALLOWED.put(QUEUED, EnumSet.of(DIALING, FAILED, UNKNOWN));
        ALLOWED.put(DIALING, EnumSet.of(RINGING, ANSWERED, FAILED, UNKNOWN));
        ALLOWED.put(RINGING, EnumSet.of(ANSWERED, FAILED, UNKNOWN));
        ALLOWED.put(ANSWERED, EnumSet.of(COMPLETED, UNKNOWN));
        ALLOWED.put(COMPLETED, EnumSet.noneOf(CallState.class));
        ALLOWED.put(FAILED, EnumSet.noneOf(CallState.class));
        ALLOWED.put(UNKNOWN, EnumSet.noneOf(CallState.class));
    }

    public boolean canMoveTo(CallState next) {
        return ALLOWED.get(this).contains(next);
    }

    public boolean isFinal() {
        return ALLOWED.get(this).isEmpty();
    }
}
