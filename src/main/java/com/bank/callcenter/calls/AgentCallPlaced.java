package com.bank.callcenter.calls;

import java.util.UUID;

/** An RM's call was sent to the PBX (the RM's phone rings first). */
public record AgentCallPlaced(String staffId, UUID callId, String customerId) {
}
