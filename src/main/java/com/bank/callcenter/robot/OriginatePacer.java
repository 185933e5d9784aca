package com.bank.callcenter.robot;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends a campaign's recorded robot calls off the dialer's tick, evenly spread over the second: one
 * lane (queue and thread) per campaign with calls waiting, one Originate every window / limit, each
 * only once {@link OriginateRateLimiter} granted its slot — the slot log is what holds the limit in
 * every window across ticks, kicks and instances; the spacing keeps a lane from bursting into it.
 * Each granted batch (half the margin's worth of calls) is checked again just before it goes out
 * ({@link SendCheck}): a call claimed a second ago may meet a paused campaign or a fresh opt-out.
 * A lane ends when it has had nothing to send for a while.
 */
final class OriginatePacer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OriginatePacer.class);
    private static final long IDLE_MILLIS = 10_000;
    private static final int STATS_EVERY = 1000;
    static final String SERVICE_STOPPING = "service stopping";

    /** One recorded call to send; {@link #drop} when it will never be sent. */
    interface Call {
        void send();

        void drop(String why);
    }

    /** What is true of a batch of a campaign's calls at the moment they are to be sent. */
    interface SendCheck {
        Verdict check(String campaignId, List<Call> calls);
    }

    /**
     * Either the whole campaign sends nothing now ({@code stopped}: paused, ended, outside its hours —
     * every call waiting is dropped) or the calls in {@code refused} are not sent, each with its reason.
     */
    record Verdict(Optional<String> stopped, Map<Call, String> refused) {
        static Verdict stop(String why) {
            return new Verdict(Optional.of(why), Map.of());
        }

        static Verdict refuse(Map<Call, String> refused) {
            return new Verdict(Optional.empty(), refused);
        }
    }

    /**
     * The campaign's limit: at most {@code limit} Originates within {@code window} (the rate window
     * lengthened by {@code margin}, which covers the time from a slot's grant to the PBX); a call is
     * checked again before it is sent once its last check is older than {@code checkAge}.
     */
    record Rate(int limit, Duration window, Duration margin, Duration checkAge) {
        long spacingNanos() {
            return window.toNanos() / limit;
        }

        /** The calls one grant covers: those sent within half the margin of it (at least one). */
        int batch() {
            return (int) Math.max(1, margin.toNanos() / 2 / spacingNanos());
        }

        /** The calls one check covers: those sent within the check age (at least a grant's). */
        int checkBatch() {
            return (int) Math.max(batch(), checkAge.toNanos() / spacingNanos());
        }
    }

    /** A call in a lane, with when it was last checked (System.nanoTime(), 0: never; only the lane's thread sets it). */
    private static final class Waiting {
        final Call call;
        final Rate rate;
        long checkedAtNanos;

        Waiting(Call call, Rate rate) {
            this.call = call;
            this.rate = rate;
        }

        Call call() {
            return call;
        }

        Rate rate() {
            return rate;
        }

        boolean checkedWithin(long nowNanos, long ageNanos) {
            return checkedAtNanos != 0 && nowNanos - checkedAtNanos < ageNanos;
        }
    }

    private final OriginateRateLimiter limiter;
    private final SendCheck check;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private volatile boolean closed;

    OriginatePacer(OriginateRateLimiter limiter, SendCheck check) {
        this.limiter = limiter;
        this.check = check;
    }

    /** Queues the calls of a campaign behind those already waiting. */
    void submit(String campaignId, Rate rate, List<Call> calls) {
        if (closed) {
            calls.forEach(call -> call.drop(SERVICE_STOPPING));
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

    /**
     * Drops the calls of the campaign still waiting here (it was paused or ended); the batch being
     * sent right now meets the same news in its {@link SendCheck}.
     */
    void cancel(String campaignId, String why) {
        Lane lane = lanes.get(campaignId);
        if (lane != null) {
            lane.dropQueued(why);
        }
    }

    @Override
    public void close() {
        closed = true;
        lanes.values().forEach(lane -> lane.thread.interrupt());
    }

    private final class Lane implements Runnable {
        final String campaignId;
        final BlockingDeque<Waiting> queue = new LinkedBlockingDeque<>();
        /** The calls taken off the queue with their slots, not yet sent or dropped (only the lane's thread touches it). */
        final Deque<Waiting> held = new ArrayDeque<>();
        final Thread thread;
        long nextAtNanos = System.nanoTime();
        /** Send times of granted slots, moved into the log with the next reservation. */
        final Map<String, Long> sentAt = new HashMap<>();
        long sent;
        long sendNanos;
        long reserveNanos;
        long checkNanos;

        Lane(String campaignId) {
            this.campaignId = campaignId;
            this.thread = new Thread(this, "robot-originates-" + campaignId);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (!closed) {
                    Waiting first = queue.pollFirst(IDLE_MILLIS, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        if (endIfIdle()) {
                            return;
                        }
                        continue;
                    }
                    // back in line until it has its slot, so that a cancel meanwhile drops it
                    queue.addFirst(first);
                    sendBatch(first.rate());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            dropWaiting();
        }

        /**
         * Checks the calls next in line while they wait for their time, reserves slots for them, takes
         * as many as were granted, and sends them evenly spaced.
         */
        private void sendBatch(Rate rate) throws InterruptedException {
            Waiting head = queue.peekFirst();
            // checked ahead, while waiting for the schedule, so that a check rarely delays a send
            if (head != null && !head.checkedWithin(System.nanoTime(), rate.checkAge().toNanos() / 2)
                    && !check(queue.stream().limit(rate.checkBatch()).toList(), rate)) {
                return;
            }
            // on a fixed schedule, so that late wake-ups (milliseconds on a busy machine) do not add up:
            // behind it, calls go out back to back, up to half the margin's worth; after a pause it starts afresh
            nextAtNanos = Math.max(nextAtNanos, System.nanoTime() - rate.margin().toNanos() / 2);
            sleepNanos(nextAtNanos - System.nanoTime());
            long reserving = System.nanoTime();
            OriginateRateLimiter.Grant grant;
            while ((grant = reserve(rate, Math.min(rate.batch(), Math.max(1, queue.size())))).slots() == 0) {
                Thread.sleep(grant.waitMillis());
                nextAtNanos = System.nanoTime();
            }
            reserveNanos += System.nanoTime() - reserving;
            queue.drainTo(held, grant.slots());
            long now = System.nanoTime();
            if (!held.stream().allMatch(waiting -> waiting.checkedWithin(now, rate.checkAge().toNanos()))
                    && !check(List.copyOf(held), rate)) {
                return;
            }
            long spacing = rate.spacingNanos();
            int slotsUsed = 0;
            while (!held.isEmpty()) {
                Waiting next = held.removeFirst();
                sleepNanos(nextAtNanos - System.nanoTime());
                long sending = System.nanoTime();
                try {
                    next.call().send();
                } catch (RuntimeException e) {
                    LOG.errorf(e, "robot dialer: an Originate of %s failed", campaignId);
                }
                sentAt.put(grant.slot(++slotsUsed), System.currentTimeMillis());
                nextAtNanos += spacing;
                sendNanos += System.nanoTime() - sending;
                countSent();
            }
        }

        /**
         * Checks these calls (held or in line) now: refused calls are dropped, a stopped campaign drops
         * every call of the lane. False when the campaign stopped or the check failed (the calls wait).
         */
        private boolean check(List<Waiting> checking, Rate rate) throws InterruptedException {
            long now = System.nanoTime();
            Verdict verdict;
            try {
                verdict = check.check(campaignId, checking.stream().map(Waiting::call).toList());
            } catch (RuntimeException e) {
                LOG.warnf("robot dialer: %d calls of %s not checked, not sent now (%s)", checking.size(), campaignId,
                        e.getMessage());
                while (!held.isEmpty()) {
                    queue.addFirst(held.removeLast());
                }
                Thread.sleep(rate.window().toMillis());
                return false;
            } finally {
                checkNanos += System.nanoTime() - now;
            }
            if (verdict.stopped().isPresent()) {
                String why = verdict.stopped().get();
                dropHeld(why);
                dropQueued(why);
                return false;
            }
            for (Waiting waiting : checking) {
                String why = verdict.refused().get(waiting.call());
                if (why == null) {
                    waiting.checkedAtNanos = now;
                } else if (held.remove(waiting) || queue.remove(waiting)) {
                    waiting.call().drop(why);
                }
            }
            return true;
        }

        private void countSent() {
            if (++sent % STATS_EVERY == 0) {
                LOG.debugf("robot dialer: %s sent %d, %d waiting; sending took %d ms, slots %d ms, checks %d ms"
                                + " of the last %d", campaignId, sent, queue.size(), sendNanos / 1_000_000,
                        reserveNanos / 1_000_000, checkNanos / 1_000_000, STATS_EVERY);
                sendNanos = 0;
                reserveNanos = 0;
                checkNanos = 0;
            }
        }

        private OriginateRateLimiter.Grant reserve(Rate rate, int asked) {
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

        /** Drops what waits in the queue (any thread). */
        void dropQueued(String why) {
            List<Waiting> left = new ArrayList<>();
            queue.drainTo(left);
            left.forEach(waiting -> waiting.call().drop(why));
            if (!left.isEmpty()) {
                LOG.infof("robot dialer: %d calls of %s not sent: %s", left.size(), campaignId, why);
            }
        }

        private void dropHeld(String why) {
            while (!held.isEmpty()) {
                held.removeFirst().call().drop(why);
            }
        }

        private void dropWaiting() {
            lanes.remove(campaignId, this);
            dropHeld(SERVICE_STOPPING);
            dropQueued(SERVICE_STOPPING);
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
