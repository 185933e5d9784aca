package com.bank.callcenter.common;

import java.time.Duration;

/**
 * A per-second rate as a sliding window a sender can count in the database: at most
 * {@link #perWindow()} contacts within {@link #window()} (one second, or longer when fewer than
 * one per second is allowed).
 */
public record RateWindow(double perSecond) {

    private static final long SECOND_MILLIS = 1000;

    public RateWindow {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("a rate must be above 0 per second, not " + perSecond);
        }
    }

    public Duration window() {
        return Duration.ofMillis(Math.max(SECOND_MILLIS, (long) Math.ceil(SECOND_MILLIS / perSecond)));
    }

    public int perWindow() {
        return Math.max(1, (int) Math.floor(perSecond * window().toMillis() / SECOND_MILLIS));
    }
}
