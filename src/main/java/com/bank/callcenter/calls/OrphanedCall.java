package com.bank.callcenter.calls;

import java.util.List;
import java.util.UUID;

/**
 * A call in flight whose follower may have stopped, as its record tells it: enough to follow it on
 * ({@code channelIds} = the Uniqueids and Linkedids already learned).
 */
record OrphanedCall(UUID callId, String customerId, String follower, String recording, List<String> channelIds) {
}
