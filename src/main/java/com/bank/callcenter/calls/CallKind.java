package com.bank.callcenter.calls;

/** Agent-first click-to-call (the RM's phone is the originated leg) or a robot call (the customer is). */
public enum CallKind {
    AGENT_CALL,
    ROBOT_CALL
}
