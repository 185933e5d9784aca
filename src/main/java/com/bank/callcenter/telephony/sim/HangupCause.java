package com.bank.callcenter.telephony.sim;

/** Q.850 causes as Asterisk 22 prints them in {@code Hangup} ({@code Cause} / {@code Cause-txt}). */
public enum HangupCause {
    UNKNOWN(0, "Unknown"),
    NORMAL_CLEARING(16, "Normal Clearing"),
    USER_BUSY(17, "User busy"),
    NO_ANSWER(19, "User alerting, no answer"),
    CONGESTION(34, "Circuit/channel congestion");

    private final int code;
    private final String text;

    HangupCause(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    public static HangupCause ofCode(int code) {
        for (HangupCause cause : values()) {
            if (cause.code == code) {
                return cause;
            }
        }
        return NORMAL_CLEARING;
    }
}
