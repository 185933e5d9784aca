package com.bank.callcenter.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * GET /api/dashboard/today: the viewer's RMs with their state and the day's counters, the totals over
 * them, the robot's menu results (the whole bank's robot calls of the day: robot campaigns are not a
 * branch's), and calls per hour for the chart.
 */
public record TodayBody(LocalDate date, Instant asOf, List<Agent> agents, Totals totals, Robot robot,
                        List<Hour> hourly) {

    /** One RM: state and since from the desk (OFFLINE and null when they never changed state). */
    public record Agent(String staffId, String name, String branchId, String state, Instant since, long dialled,
                        long answered, long effective, long talkSeconds, long sms) {
    }

    /**
     * Over the viewer's RMs. answerRate = answered / dialled (0 when nothing was dialled; answered counts
     * hand-offs too, so it may exceed 1 for an RM who takes many); avgTalkSeconds = talkSeconds / answered,
     * rounded; callsInProgress = calls of these RMs not ended yet (robot calls no RM took yet are in
     * {@link Robot#callsInProgress}).
     */
    public record Totals(long dialled, long answered, double answerRate, long effective, long talkSeconds,
                         long avgTalkSeconds, long sms, long callsInProgress) {
    }

    /** The day's robot calls: menu choice 1, 2, 9; answered and ended with no digit; in progress with no RM yet. */
    public record Robot(long pressed1, long pressed2, long pressed9, long noInput, long callsInProgress) {
    }

    /** Calls of the viewer's RMs placed in that hour (0..23, callcenter.zone). */
    public record Hour(int hour, long dialled, long answered) {
    }
}
