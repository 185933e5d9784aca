package com.bank.callcenter.telephony.sim;

import java.util.ArrayList;
import java.util.List;

/** A basic two-party bridge (click-to-call). */
final class SimulatedBridge {

    private final String id;
    private final List<ChannelSnapshot> channels = new ArrayList<>();

    SimulatedBridge(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    synchronized int size() {
        return channels.size();
    }

    synchronized void enter(ChannelSnapshot channel) {
        channels.add(channel);
        channel.bridgeId(id);
    }

    synchronized void leave(ChannelSnapshot channel) {
        channels.remove(channel);
        channel.bridgeId("");
    }

    synchronized boolean contains(ChannelSnapshot channel) {
        return channels.contains(channel);
    }
}
