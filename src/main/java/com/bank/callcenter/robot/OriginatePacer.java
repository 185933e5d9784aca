package com.bank.callcenter.robot;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends a campaign's recorded robot calls off the dialer's tick, evenly spread over the second: one
 * lane (queue and thread) per campaign with calls waiting, one Originate every window / limit, each
 * only once {@link OriginateRateLimiter} granted its slot — the slot log is what holds the limit in
 * every window across ticks, kicks and instances; the spacing keeps a lane from bursting into it.
 * A lane ends when it has had nothing to send for a while.
 */
final class OriginatePacer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OriginatePacer.class);
    private static final long IDLE_MILLIS = 10_000;
    private static final int STATS_EVERY = 1000;

    /** One recorded call to send; {@link #drop} when it will never be sent (the service is stopping). */
    interface Call {
        void send();

        void drop(String why);
    }

    /**
     * The campaign's limit: at most {@code limit} Originates within {@code window} (the rate window
     * lengthened by {@code margin}, which covers the time from a slot's grant to the PBX).
     */
    record Rate(int limit, Duration window, Duration margin) {
        long spacingNanos() {
            return window.toNanos() / limit;
        }
    }

    private record Waiting(Call call, Rate rate) {
    }

    private final OriginateRateLimiter limiter;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private volatile boolean closed;

    OriginatePacer(OriginateRateLimiter limiter) {
        this.limiter = limiter;
    }

    /** Queues the calls of a campaign behind those already waiting. */
    void submit(String campaignId, Rate rate, List<Call> calls) {
        if (closed) {
            calls.forEach(call -> call.drop("service stopping"));
            return;
        }
        lanes.compute(campaignId, (id, lane) -> {
            Lane into = lane == null ? new Lane(id) : lane;
            calls.forEach(call -> into.queue.add(new Waiting(call, rate)));
            if (lane == null) {
                into.thread.start();
            }
            return into;
        });
    }

    /** Calls of the campaign recorded by this instance and not yet sent. */
    int waiting(String campaignId) {
        Lane lane = lanes.get(campaignId);
        return lane == null ? 0 : lane.queue.size();
    }

    @Override
    public void close() {
        closed = true;
        lanes.values().forEach(lane -> lane.thread.interrupt());
    }

    private final class Lane implements Runnable {
        final String campaignId;
        final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
        final Thread thread;
        long nextAtNanos = System.nanoTime();
        /** Slots granted and not yet used: sent one per spacing, all within half the margin of the grant. */
        int granted;
        /** The grant being sent on, how many of its slots were used, and the send times not yet in the log. */
        OriginateRateLimiter.Grant grantOf;
        int slotsUsed;
        final Map<String, Long> sentAt = new HashMap<>();
        long sent;
        long sendNanos;
        long reserveNanos;
        long grantedAtNanos;

        Lane(String campaignId) {
            this.campaignId = campaignId;
            this.thread = new Thread(this, "robot-originates-" + campaignId);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (!closed) {
                    Waiting next = queue.poll(IDLE_MILLIS, TimeUnit.MILLISECONDS);
                    if (next == null) {
                        if (endIfIdle()) {
                            return;
                        }
                        continue;
                    }
                    send(next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            dropWaiting();
        }

        private void send(Waiting next) throws InterruptedException {
            Rate rate = next.rate();
            long spacing = rate.spacingNanos();
            if (granted > 0 && System.nanoTime() - grantedAtNanos > rate.margin().toNanos() / 2) {
                granted = 0; // left over from a grant too old to send on: the slots lapse unused
            }
            if (granted == 0) {
                // on a fixed schedule, so that late wake-ups (milliseconds on a busy machine) do not add up:
                // behind it, calls go out back to back, up to half the margin's worth; after a pause it starts afresh
                nextAtNanos = Math.max(nextAtNanos, System.nanoTime() - rate.margin().toNanos() / 2);
                sleepNanos(nextAtNanos - System.nanoTime());
                OriginateRateLimiter.Grant grant;
                long reserving = System.nanoTime();
                while ((grant = reserve(rate)).slots() == 0) {
                    Thread.sleep(grant.waitMillis());
                    nextAtNanos = System.nanoTime();
                }
                granted = grant.slots();
                grantOf = grant;
                slotsUsed = 0;
                reserveNanos += System.nanoTime() - reserving;
                grantedAtNanos = System.nanoTime();
            } else {
                sleepNanos(nextAtNanos - System.nanoTime());
            }
            granted--;
            long sending = System.nanoTime();
            try {
                next.call().send();
            } catch (RuntimeException e) {
                LOG.errorf(e, "robot dialer: an Originate of %s failed", campaignId);
            }
            sentAt.put(grantOf.slot(++slotsUsed), System.currentTimeMillis());
            nextAtNanos += spacing;
            sendNanos += System.nanoTime() - sending;
            if (++sent % STATS_EVERY == 0) {
                LOG.debugf("robot dialer: %s sent %d, %d waiting; sending took %d ms, slots %d ms of the last %d",
                        campaignId, sent, queue.size(), sendNanos / 1_000_000, reserveNanos / 1_000_000, STATS_EVERY);
                sendNanos = 0;
                reserveNanos = 0;
            }
        }

        /** As many slots as this lane sends within half the margin (at least one, at most those waiting). */
        private OriginateRateLimiter.Grant reserve(Rate rate) {
            int asked = (int) Math.max(1, Math.min(queue.size() + 1, rate.margin().toNanos() / 2 / rate.spacingNanos()));
            try {
                return limiter.reserve(campaignId, rate.limit(), rate.window(), asked, Map.copyOf(sentAt));
            } catch (RuntimeException e) {
                // neither Redis nor PostgreSQL: nothing is sent until one of them can count the slots
                LOG.warnf("robot dialer: no originate slot for %s (%s)", campaignId, e.getMessage());
                return new OriginateRateLimiter.Grant(0, rate.window().toMillis(), "");
            } finally {
                sentAt.clear(); // moved to their send times, or (nothing counting) lapsed with the window
            }
        }

        /** Removes the lane unless calls came in meanwhile (atomically with {@link #submit}). */
        private boolean endIfIdle() {
            boolean[] ended = {false};
            lanes.compute(campaignId, (id, lane) -> {
                if (lane == this && queue.isEmpty()) {
                    ended[0] = true;
                    return null;
                }
                return lane;
            });
            return ended[0];
        }

        private void dropWaiting() {
            List<Waiting> left = new ArrayList<>();
            lanes.remove(campaignId, this);
            queue.drainTo(left);
            left.forEach(waiting -> waiting.call().drop("service stopping"));
        }
    }

    /** Parks rather than sleeps: Thread.sleep rounds any fraction of a millisecond up to a whole one. */
    private static void sleepNanos(long nanos) throws InterruptedException {
        long until = System.nanoTime() + nanos;
        long left;
        while ((left = until - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
