package com.bank.callcenter.telephony.sim;

/**
 * Simulated wall time: runs {@code 1 / timeScale} times faster than the real clock, so that CDR
 * durations and Uniqueid seconds look like those of real calls even when a test compresses them.
 */
final class SimClock {

    private final long startNanos = System.nanoTime();
    private final long startEpochMs = System.currentTimeMillis();
    private final double timeScale;

    SimClock(double timeScale) {
        this.timeScale = timeScale;
    }

    long nowMs() {
        double realElapsedMs = (System.nanoTime() - startNanos) / 1_000_000.0;
        return startEpochMs + Math.round(realElapsedMs / timeScale);
    }

    long nowSeconds() {
        return nowMs() / 1000;
    }
}
