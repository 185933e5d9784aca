package com.bank.callcenter.telephony;

import java.time.Instant;

/** Receives what the PBX says, on the server's own event thread (see {@link Pbx}). */
public interface PbxListener {

    void onEvent(PbxEvent event);

    /** The link to {@code server} dropped at {@code at}; events may be missing from then on. */
    default void onLinkDown(String server, Instant at) {
    }

    /** The link to {@code server} is (again) logged in and receiving events. */
    default void onLinkUp(String server) {
    }
}
