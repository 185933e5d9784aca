package com.bank.callcenter.demo;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The few demo customers whose money is leaving, so the churn-risk list has someone to call: during
 * this month they moved most of their money to their own account at another bank. Today's file shows
 * what is left, a same-name outflow one to two weeks ago carries the rest, and last month's snapshot
 * still holds the whole sum (the AUM fell by half or more since).
 *
 * <p>Decided per customer id and seed alone, from their own random values, so the customers file,
 * the transfers and the earlier snapshots agree without sharing state, and the other generators'
 * streams do not shift.
 */
final class DemoLeavers {

    static final double SHARE = 0.01;
    /** What a leaver moved out, as a multiple of what is left: 1 (half the money) to 4 (four fifths). */
    static final double MOVED_OUT_MIN = 1.0;
    static final double MOVED_OUT_SPREAD = 3.0;
    /** Beyond the cross-bank-outflow list's week, within the transfers file's window. */
    static final int OUTFLOW_DAYS_AGO_MIN = 8;
    static final int OUTFLOW_DAYS_AGO_SPREAD = 6;

    private static final long LEAVERS_STREAM = 21;

    private DemoLeavers() {
    }

    /**
     * A leaver: {@code movedOut}, the money moved out as a multiple of their AUM today; the outflow
     * booked {@code daysAgo} days before the file's date, at the point of that day's transfer hours
     * and to the other bank that the draws (0–1) pick.
     */
    record Leaver(double movedOut, int daysAgo, double secondOfDayDraw, double bankDraw) {
    }

    /** The customer's leaving, or empty for everybody else (99 %). */
    static Optional<Leaver> of(long seed, String customerId) {
        SplittableRandom random = new SplittableRandom(
                (seed * 0x9E3779B97F4A7C15L + LEAVERS_STREAM) * 31 + customerId.hashCode());
        if (random.nextDouble() >= SHARE) {
            return Optional.empty();
        }
        return Optional.of(new Leaver(MOVED_OUT_MIN + random.nextDouble() * MOVED_OUT_SPREAD,
                OUTFLOW_DAYS_AGO_MIN + random.nextInt(OUTFLOW_DAYS_AGO_SPREAD), random.nextDouble(), random.nextDouble()));
    }
}
