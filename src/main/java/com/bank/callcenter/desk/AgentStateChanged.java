package com.bank.callcenter.desk;

/** An RM's effective state changed (fired after the change is committed). */
public record AgentStateChanged(AgentStateView now, AgentState before) {
}
