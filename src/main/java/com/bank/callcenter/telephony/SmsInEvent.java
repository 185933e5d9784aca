package com.bank.callcenter.telephony;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code Event: UserEvent} + {@code UserEvent: SmsIn} with {@code From} and {@code Body}, raised by the
 * {@link DialplanContract#SMS_IN_CONTEXT} dialplan for an inbound SIP MESSAGE (an SMS reply such as "TD").
 * asterisk-java drops a UserEvent whose class is not registered, so {@link AsteriskPbx} registers this one.
 */
public class SmsInEvent extends UserEvent {

    private static final long serialVersionUID = 1L;

    private String from;
    private String body;

    public SmsInEvent(Object source) {
        super(source);
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
