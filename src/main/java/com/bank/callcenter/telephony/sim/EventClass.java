package com.bank.callcenter.telephony.sim;

import java.util.Locale;

/** AMI event classes (Asterisk's {@code EVENT_FLAG_*}), the words of the {@code Events:} mask. */
public enum EventClass {
    SYSTEM, CALL, LOG, VERBOSE, COMMAND, AGENT, USER, CONFIG, DTMF, REPORTING, CDR, DIALPLAN, ORIGINATE, AGI, CC,
    AOC, TEST, SECURITY, MESSAGE;

    public int bit() {
        return 1 << ordinal();
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code Privilege:} line of a broadcast event, e.g. {@code call,all}. */
    public String privilege() {
        return word() + ",all";
    }
}
