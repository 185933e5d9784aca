package com.bank.callcenter.robot;

import com.bank.callcenter.telephony.sim.ReceivedOriginate;

import java.util.List;
import java.util.Set;

/** Originates as the PBX received them, looked at through sliding one-second windows. */
record OriginateWindows(List<Long> times) {

    static final long SECOND_MILLIS = 1000;

    /** The received Originates whose channel dials one of {@code mobiles}, by arrival time. */
    static OriginateWindows of(List<ReceivedOriginate> received, Set<String> mobiles) {
        return new OriginateWindows(received.stream()
                .filter(originate -> mobiles.stream().anyMatch(originate.channel()::contains))
                .map(ReceivedOriginate::atMillis).sorted().toList());
    }

    /** The most Originates any window [t, t + 1 s) holds, over every t. */
    int mostInOneSecond() {
        int most = 0;
        int from = 0;
        for (int to = 0; to < times.size(); to++) {
            while (times.get(to) - times.get(from) >= SECOND_MILLIS) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }

    /** Originates per second from the first to the last (intervals over the time they span). */
    double rate() {
        if (times.size() < 2) {
            return 0;
        }
        return (times.size() - 1) * (double) SECOND_MILLIS / (times.get(times.size() - 1) - times.get(0));
    }

    /** The gaps (ms) between consecutive Originates longer than {@code millis}: where the sender ran dry or waited. */
    List<Long> gapsOver(long millis) {
        return java.util.stream.IntStream.range(1, times.size()).mapToObj(i -> times.get(i) - times.get(i - 1))
                .filter(gap -> gap > millis).toList();
    }

    int count() {
        return times.size();
    }

    /** The seconds from the first Originate to the last. */
    double seconds() {
        return times.isEmpty() ? 0 : (times.get(times.size() - 1) - times.get(0)) / (double) SECOND_MILLIS;
    }
}
