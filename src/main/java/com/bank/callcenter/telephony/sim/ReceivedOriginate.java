package com.bank.callcenter.telephony.sim;

/** An Originate as the simulated PBX received it: when (wall clock, ms) and the channel it dials. */
public record ReceivedOriginate(long atMillis, String channel) {
}
