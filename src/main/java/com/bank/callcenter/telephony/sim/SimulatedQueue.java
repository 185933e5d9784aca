package com.bank.callcenter.telephony.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One app_queue queue as telephony/queues.conf sets up rm-team: rrmemory, a 20 s service level, dynamic
 * members only (added with QueueAdd, lost on a restart), and the counters QueueStatus reports.
 */
final class SimulatedQueue {

    static final String STRATEGY = "rrmemory";
    static final int SERVICE_LEVEL_SECONDS = 20;
    private static final double PERCENT = 100.0;

    /** The queue's figures as QueueParams and the QUEUE* channel variables show them. */
    /** A caller waiting in the queue since {@code joinedAtMs} (simulated time). */
    record Caller(ChannelSnapshot channel, long joinedAtMs) {
    }

    record Params(String name, int calls, long holdTime, long talkTime, int completed, int abandoned,
                  double serviceLevelPerf) {
    }

    private final String name;
    private final Map<String, QueueMember> members = new LinkedHashMap<>();
    private final List<Caller> waiting = new ArrayList<>();
    private int nextMember;
    private int answered;
    private int completed;
    private int completedWithinServiceLevel;
    private long totalHoldSeconds;
    private long totalTalkSeconds;

    SimulatedQueue(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** The new member, or empty when that Interface is a member already. */
    synchronized Optional<QueueMember> add(QueueMember member) {
        if (members.containsKey(member.memberInterface())) {
            return Optional.empty();
        }
        members.put(member.memberInterface(), member);
        return Optional.of(member);
    }

    synchronized Optional<QueueMember> member(String memberInterface) {
        return Optional.ofNullable(members.get(memberInterface));
    }

    synchronized Optional<QueueMember> remove(String memberInterface) {
        return Optional.ofNullable(members.remove(memberInterface));
    }

    synchronized List<QueueMember> members() {
        return List.copyOf(members.values());
    }

    /**
     * rrmemory: the next member after the one rung last that is not paused, not on a queue call and whose
     * device is not busy otherwise; empty when there is none (Queue() then returns JOINEMPTY).
     */
    synchronized Optional<QueueMember> nextFree(Predicate<QueueMember> deviceBusy) {
        List<QueueMember> all = List.copyOf(members.values());
        for (int i = 0; i < all.size(); i++) {
            int index = (nextMember + i) % all.size();
            QueueMember member = all.get(index);
            if (!member.paused() && !member.onQueueCall() && !deviceBusy.test(member)) {
                nextMember = index + 1;
                return Optional.of(member);
            }
        }
        return Optional.empty();
    }

    /** A caller joins at the end; its Position (1-based). */
    synchronized int join(ChannelSnapshot caller, long nowMs) {
        waiting.removeIf(c -> c.channel().hungUp());
        waiting.add(new Caller(caller, nowMs));
        return waiting.size();
    }

    /** A caller leaves; the callers still waiting (the event's Count). */
    synchronized int leave(ChannelSnapshot caller) {
        waiting.removeIf(c -> c.channel() == caller || c.channel().hungUp());
        return waiting.size();
    }

    synchronized List<Caller> waiting() {
        waiting.removeIf(c -> c.channel().hungUp());
        return List.copyOf(waiting);
    }

    /** A caller an RM answered: its hold time counts towards the averages. */
    synchronized void answered(long holdSeconds) {
        answered++;
        totalHoldSeconds += holdSeconds;
        if (holdSeconds <= SERVICE_LEVEL_SECONDS) {
            completedWithinServiceLevel++;
        }
    }

    synchronized void completed(long talkSeconds) {
        completed++;
        totalTalkSeconds += talkSeconds;
    }

    synchronized Params params() {
        long holdTime = answered == 0 ? 0 : Math.round((double) totalHoldSeconds / answered);
        long talkTime = completed == 0 ? 0 : Math.round((double) totalTalkSeconds / completed);
        double perf = answered == 0 ? 0 : PERCENT * completedWithinServiceLevel / answered;
        return new Params(name, waiting().size(), holdTime, talkTime, completed, 0, perf);
    }
}
