package com.bank.callcenter.desk;

import java.time.Instant;
import java.util.UUID;

/**
 * An RM's state as the desk shows it: {@code state} is the effective one (ON_CALL / WRAP_UP over the
 * chosen one), {@code since} when it began; {@code callId} the call in progress or being wrapped up.
 */
public record AgentStateView(String staffId, AgentState state, String reason, Instant since, UUID callId,
                             Instant wrapUpUntil) {
}
