package com.bank.callcenter.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling until something is true, for tests of work that happens on other threads. */
public final class Await {

    private static final long POLL_MILLIS = 50;

    private Await() {
    }

    /** Polls {@code condition}; fails naming {@code what} when it is still false after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            pause(POLL_MILLIS);
        }
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
