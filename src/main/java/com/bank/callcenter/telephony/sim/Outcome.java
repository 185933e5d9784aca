package com.bank.callcenter.telephony.sim;

/**
 * What the far end does with a call. The AMI facts of each (Reason, DialStatus, Hangup cause)
 * are those a real Asterisk 22 produced in the transcripts.
 */
public enum Outcome {
    /** Answers; in the robot context the customer listens and hangs up without a digit (no input). */
    ANSWER(null),
    /** Answers, then hangs up during the robot prompt before any digit: the dialplan reports no input. */
    NO_INPUT(null),
    BUSY(null),
    NO_ANSWER(null),
    CONGESTION(null),
    PRESS_1('1'),
    PRESS_2('2'),
    PRESS_9('9');

    private final Character digit;

    Outcome(Character digit) {
        this.digit = digit;
    }

    public boolean answers() {
        return this != BUSY && this != NO_ANSWER && this != CONGESTION;
    }

    /** The DTMF digit pressed at the robot prompt, or null. */
    public Character digit() {
        return digit;
    }

    /** OriginateResponse {@code Reason} ({@code pbx_dial_reason()}). */
    public int originateReason() {
        return switch (this) {
            case BUSY -> 5;
            case NO_ANSWER -> 3;
            case CONGESTION -> 8;
            default -> 4;
        };
    }

    /** {@code DialStatus} of the DialEnd that ends the dial. */
    public String dialStatus() {
        return switch (this) {
            case BUSY -> "BUSY";
            case NO_ANSWER -> "NOANSWER";
            case CONGESTION -> "CONGESTION";
            default -> "ANSWER";
        };
    }

    /** Cause of the far end's Hangup. */
    public HangupCause farEndCause() {
        return switch (this) {
            case BUSY -> HangupCause.USER_BUSY;
            case NO_ANSWER -> HangupCause.NO_ANSWER;
            case CONGESTION -> HangupCause.CONGESTION;
            default -> HangupCause.NORMAL_CLEARING;
        };
    }
}
