package com.bank.callcenter.telephony;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code Event: UserEvent} + {@code UserEvent: RobotChoice} with {@code CallId} and {@code Choice}
 * (empty = no input), raised by the robot dialplan. asterisk-java drops a UserEvent whose class is
 * not registered, so {@link AsteriskPbx} registers this one.
 */
public class RobotChoiceEvent extends UserEvent {

    private static final long serialVersionUID = 1L;

    private String callId;
    private String choice;

    public RobotChoiceEvent(Object source) {
        super(source);
    }

    public String getCallId() {
        return callId;
    }

    public void setCallId(String callId) {
        this.callId = callId;
    }

    public String getChoice() {
        return choice;
    }

    public void setChoice(String choice) {
        this.choice = choice;
    }
}
