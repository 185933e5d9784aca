package com.bank.callcenter.telephony.replay;

import com.bank.callcenter.telephony.sim.AmiMessage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Another order Asterisk could have sent a step's replies in: each channel's own events keep their
 * order (a "lane": the Channel, else the DestChannel; the OriginateResponse and each channel-less
 * event a lane of their own), while the lanes interleave differently, drawn from a seed. No event
 * moves more than {@code window} places from where it was recorded, so a channel never shows up
 * long before the channel that created it. The action's Response stays first and a Shutdown last.
 */
final class CrossChannelShuffle {

    private CrossChannelShuffle() {
    }

    /** The positions of the recorded replies in the new order. */
    static List<Integer> order(List<AmiMessage> replies, long seed, int window) {
        List<Integer> head = new ArrayList<>();
        List<Integer> tail = new ArrayList<>();
        Map<String, Deque<Integer>> lanes = new LinkedHashMap<>();
        for (int i = 0; i < replies.size(); i++) {
            AmiMessage message = replies.get(i);
            if (i == 0 && "Response".equals(message.firstKey())) {
                head.add(i);
            } else if ("Shutdown".equals(message.get("Event"))) {
                tail.add(i);
            } else {
                lanes.computeIfAbsent(lane(message, i), k -> new ArrayDeque<>()).add(i);
            }
        }
        Random random = new Random(seed);
        List<Integer> order = new ArrayList<>(head);
        while (!lanes.isEmpty()) {
            int earliest = lanes.values().stream().mapToInt(Deque::peekFirst).min().orElseThrow();
            List<Deque<Integer>> ready = lanes.values().stream().filter(l -> l.peekFirst() <= earliest + window).toList();
            Deque<Integer> lane = ready.get(random.nextInt(ready.size()));
            order.add(lane.pollFirst());
            lanes.values().removeIf(Deque::isEmpty);
        }
        order.addAll(tail);
        return order;
    }

    static List<AmiMessage> shuffle(List<AmiMessage> replies, long seed, int window) {
        return order(replies, seed, window).stream().map(replies::get).toList();
    }

    private static String lane(AmiMessage message, int position) {
        if ("OriginateResponse".equals(message.get("Event"))) {
            return "ORIGINATE";
        }
        String channel = message.get("Channel");
        if (channel == null) {
            channel = message.get("DestChannel");
        }
        return channel != null ? channel : "#" + position;
    }
}
