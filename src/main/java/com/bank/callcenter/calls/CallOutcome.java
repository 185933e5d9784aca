package com.bank.callcenter.calls;

/** How a call ended, from Asterisk's events (OriginateResponse Reason, DialEnd DialStatus, Hangup cause). */
public enum CallOutcome {
    ANSWERED,
    NO_ANSWER,
    BUSY,
    CONGESTION,
    INVALID_NUMBER,
    CHANNEL_UNAVAILABLE,
    /** Agent-first: the RM's phone did not answer, was busy or unreachable; the customer was not dialled. */
    AGENT_UNAVAILABLE,
    /** Agent-first: the RM hung up before the customer answered. */
    CANCELLED,
    /** The PBX refused or failed the call for another reason. */
    FAILED;

    /** OriginateResponse {@code Reason} ({@code pbx_dial_reason()}): 4 answered, 5 busy, 8 congestion, 3 no answer, 0/1 failed. */
    public static CallOutcome ofOriginateReason(Integer reason) {
        if (reason == null) {
            return FAILED;
        }
        switch (reason) {
            case 4:
                return ANSWERED;
            case 5:
                return BUSY;
            case 8:
                return CONGESTION;
            case 3:
                return NO_ANSWER;
            default:
                return FAILED;
        }
    }

    /** DialEnd {@code DialStatus}. */
    public static CallOutcome ofDialStatus(String status) {
        if (status == null) {
            return FAILED;
        }
        switch (status) {
            case "ANSWER":
                return ANSWERED;
            case "BUSY":
                return BUSY;
            case "NOANSWER":
                return NO_ANSWER;
            case "CONGESTION":
                return CONGESTION;
            case "CHANUNAVAIL":
                return CHANNEL_UNAVAILABLE;
            case "CANCEL":
                return CANCELLED;
            default:
                return FAILED;
        }
    }

    /** Hangup {@code Cause} (causes.h) of a leg that never answered. */
    public static CallOutcome ofHangupCause(Integer cause) {
        if (cause == null) {
            return FAILED;
        }
        switch (cause) {
            case 17:
                return BUSY;
            case 18:
            case 19:
                return NO_ANSWER;
            case 1:
            case 28:
                return INVALID_NUMBER;
            case 21:
            case 27:
            case 34:
            case 41:
            case 42:
                return CONGESTION;
            default:
                return FAILED;
        }
    }
}
