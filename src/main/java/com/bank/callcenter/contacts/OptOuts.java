package com.bank.callcenter.contacts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The way every opt-out (press 9, reply TD, an RM's DO_NOT_CALL) reaches do_not_call without ever
 * being lost: kept durably first ({@link PendingOptOuts}: the shared Redis stream, else a local
 * spool file), then written through {@link DoNotCall} at once if PostgreSQL is there, else by the
 * drainer (every callcenter.contacts.opt-outs.drain-every, first after start) once it is back.
 * Until written, {@link ContactRules} refuses the number on every instance.
 */
@ApplicationScoped
public class OptOuts {

    private static final Logger LOG = Logger.getLogger(OptOuts.class);
    private static final int BATCH = 500;

    private final PendingOptOuts pending;
    private final DoNotCall doNotCall;
    private final AtomicLong deferredWrites = new AtomicLong();
    /**
     * Writes to do_not_call off the caller's thread: callers include the PBX event thread, which must
     * not wait for a PostgreSQL that is out of reach (the opt-out is already kept when this runs).
     */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "opt-out-writer");
        thread.setDaemon(true);
        return thread;
    });

    public OptOuts(PendingOptOuts pending, DoNotCall doNotCall) {
        this.pending = pending;
        this.doNotCall = doNotCall;
    }

    /**
     * Keeps the opt-out (on the caller's thread: once this returns it is refused everywhere and cannot
     * be lost), then writes it to do_not_call at once on the writer thread if PostgreSQL is there (in a
     * transaction of its own); else it stays pending for the drainer. Throws only if it could be kept nowhere.
     */
    public void optOut(OptOut optOut) {
        pending.add(optOut).ifPresent(entry -> writer.execute(() -> {
            if (write(List.of(optOut))) {
                try {
                    pending.written(List.of(entry));
                } catch (RuntimeException e) {
                    LOG.debugf("opt-out of %s written; left on the stream for the drainer (%s)",
                            optOut.source(), e.getMessage());
                }
            }
        }));
    }

    @PreDestroy
    void stop() {
        writer.shutdown(); // what is still queued is pending and drained by the next start
    }

    /** At start (after the start delay) and every drain-every. */
    @Scheduled(every = "{callcenter.contacts.opt-outs.drain-every}", delayed = "{callcenter.scheduler.start-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void drainOnSchedule() {
        drain();
    }

    /**
     * Writes every pending opt-out to do_not_call (idempotent: a longer hold already there is kept),
     * then takes it off the stream or the spool; returns how many were written. Whatever cannot be
     * written now stays pending for the next run.
     */
    public synchronized int drain() {
        return drainSpool() + drainStream();
    }

    private int drainSpool() {
        List<OptOut> spooled;
        try {
            spooled = pending.spooled();
        } catch (RuntimeException e) {
            LOG.errorf(e, "opt-outs: the local spool could not be read");
            return 0;
        }
        if (spooled.isEmpty()) {
            return 0;
        }
        if (write(spooled)) {
            pending.unspool(spooled.size());
            LOG.infof("opt-outs: %d spooled opt-outs written to do-not-call", spooled.size());
            return spooled.size();
        }
        if (pending.moveSpooledToStream(spooled)) {
            pending.unspool(spooled.size());
            LOG.infof("opt-outs: %d spooled opt-outs moved to the shared stream", spooled.size());
        }
        return 0;
    }

    private int drainStream() {
        int written = 0;
        try {
            List<PendingOptOuts.Entry> entries;
            while (!(entries = pending.oldest(BATCH)).isEmpty()) {
                if (!write(entries.stream().map(PendingOptOuts.Entry::optOut).toList())) {
                    break;
                }
                pending.written(entries);
                written += entries.size();
                if (entries.size() < BATCH) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("opt-outs: the shared stream is out of reach (%s); tried again later", e.getMessage());
        }
        if (written > 0) {
            LOG.infof("opt-outs: %d pending opt-outs written to do-not-call", written);
        }
        return written;
    }

    /** How many writes to do_not_call failed and were left pending (health of the path; tests wait on it). */
    long deferredWrites() {
        return deferredWrites.get();
    }

    private boolean write(List<OptOut> optOuts) {
        try {
            QuarkusTransaction.requiringNew().run(() -> optOuts.forEach(o -> doNotCall.optOut(o.mobile(), o.source(),
                    o.reason(), o.at(), o.holdUntil())));
            return true;
        } catch (RuntimeException e) {
            deferredWrites.incrementAndGet();
            LOG.warnf("opt-outs: %d not written to do-not-call yet (%s); kept pending", optOuts.size(), e.getMessage());
            return false;
        }
    }
}
