package com.bank.callcenter.campaigns;

/** How a campaign reaches customers. */
public enum Channel {
    /** The RM calls from their queue (click-to-call, preview or progressive). */
    AGENT_CALL,
    /** The robot dials and plays the keypad menu. */
    ROBOT_CALL,
    SMS
}
