package com.bank.callcenter.desk;

/**
 * An RM's state at the desk. READY, PAUSED and OFFLINE are chosen by the RM; ON_CALL (a call in
 * progress) and WRAP_UP (the minutes after a call, until the disposition) are derived from the calls.
 */
public enum AgentState {
    READY, PAUSED, OFFLINE, ON_CALL, WRAP_UP;

    /** States an RM may choose with PUT /api/agent/state. */
    public boolean isChosen() {
        return this == READY || this == PAUSED || this == OFFLINE;
    }
}
