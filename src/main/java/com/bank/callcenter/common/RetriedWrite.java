package com.bank.callcenter.common;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A write that must not be lost to a passing database error: tried now, then again after each of
 * the backoff delays (on a timer thread, never blocking the caller), then given up with an error
 * log (a sweep settles what is left).
 */
public final class RetriedWrite {

    private static final Logger LOG = Logger.getLogger(RetriedWrite.class);
    /** 1 s, 5 s, 30 s: a database restart or fail-over is over within that. */
    public static final List<Duration> DEFAULT_BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(30));
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "retried-writes");
        thread.setDaemon(true);
        return thread;
    });

    private RetriedWrite() {
    }

    /** Runs {@code write} now; true if it succeeded at once, false if it was left to the retries. */
    public static boolean run(String what, Runnable write) {
        return run(what, write, DEFAULT_BACKOFF);
    }

    public static boolean run(String what, Runnable write, List<Duration> backoff) {
        return attempt(what, write, backoff, 0);
    }

    private static boolean attempt(String what, Runnable write, List<Duration> backoff, int retry) {
        try {
            write.run();
            if (retry > 0) {
                LOG.infof("%s: written at retry %d", what, retry);
            }
            return true;
        } catch (RuntimeException e) {
            if (retry >= backoff.size()) {
                LOG.errorf(e, "%s: not written after %d retries; left to the sweep", what, retry);
                return false;
            }
            LOG.warnf("%s: not written (%s); retry %d in %s", what, e.getMessage(), retry + 1, backoff.get(retry));
            TIMER.schedule(() -> attempt(what, write, backoff, retry + 1), backoff.get(retry).toMillis(),
                    TimeUnit.MILLISECONDS);
            return false;
        }
    }
}
