package com.bank.callcenter.telephony.sim;

/** A broadcast event: its class decides which connections' masks let it through; rendered once for all. */
public record AmiEvent(EventClass eventClass, AmiMessage message, byte[] bytes) {

    public static AmiEvent of(EventClass eventClass, AmiMessage message) {
        return new AmiEvent(eventClass, message, message.toBytes());
    }

    public String name() {
        return message.firstValue();
    }
}
