package com.bank.callcenter.desk;

import com.bank.callcenter.common.ClusterLock;
import com.bank.callcenter.lists.ListEntries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import com.bank.callcenter.campaigns.CampaignStateChanged;
import com.bank.callcenter.campaigns.Channel;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Keeps the live queues in line with PostgreSQL, every callcenter.desk.tick: claims not acted on
 * within callcenter.desk.claim-ttl go back; retries whose time came are added; when Redis has no
 * fill (flushed, restarted) or the served lists changed (a campaign started or stopped, the morning
 * build made new lists), every RM's queue is filled again from PostgreSQL (one instance at a time).
 * Also ends wrap-ups whose time is up.
 */
@ApplicationScoped
public class DeskQueueUpkeep {

    private static final Logger LOG = Logger.getLogger(DeskQueueUpkeep.class);
    private static final String FILL_LOCK = "callcenter:desk:fill-lock";
    private static final Duration FILL_LOCK_TTL = Duration.ofMinutes(5);
    private static final Duration DUE_OVERLAP = Duration.ofMinutes(1);

    private final ListEntries entries;
    private final Callbacks callbacks;
    private final DeskQueue queue;
    private final AgentStates states;
    private final DeskEvents events;
    private final AgentCalls callEnds;
    private final ClusterLock locks;
    private final DeskConfig config;
    private final Clock clock;
    /** Retries due up to here were added already (by this instance). */
    private Instant addedUpTo;

    public DeskQueueUpkeep(ListEntries entries, Callbacks callbacks, DeskQueue queue, AgentStates states, DeskEvents events,
                           AgentCalls callEnds, ClusterLock locks, DeskConfig config, Clock clock) {
        this.entries = entries;
        this.callbacks = callbacks;
        this.queue = queue;
        this.states = states;
        this.events = events;
        this.callEnds = callEnds;
        this.locks = locks;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "desk-upkeep", every = "{callcenter.desk.tick}", delayed = "{callcenter.scheduler.start-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            states.endWrapUps();
            callEnds.settleFinished();
        } catch (RuntimeException e) {
            LOG.warnf("desk upkeep: wrap-ups / settling not done this time: %s", e.getMessage());
        }
        try {
            events.subscribeOnce();
            upkeep();
        } catch (RuntimeException e) {
            LOG.warnf("desk upkeep: live queues not kept this time (Redis or PostgreSQL away?): %s", e.getMessage());
        }
    }

    /** An agent campaign started, paused or ended: the RMs' queues follow before the planner's request returns. */
    void campaignChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CampaignStateChanged changed) {
        if (changed.channel() != Channel.AGENT_CALL) {
            return;
        }
        try {
            upkeep();
        } catch (RuntimeException e) {
            LOG.warnf("desk: queues not refilled after %s became %s (the next tick will): %s", changed.campaignId(),
                    changed.state(), e.getMessage());
        }
    }

    /** One round; public so that tests and the demo can fill the queues without waiting for the tick. */
    public synchronized void upkeep() {
        Instant now = clock.instant();
        Instant before = now.minus(config.claimTtl());
        List<ListEntries.AgentEntry> expired = QuarkusTransaction.requiringNew().call(() -> entries.releaseExpiredAgentClaims(before));
        queue.addEntries(expired);
        List<Callbacks.Callback> expiredCallbacks = QuarkusTransaction.requiringNew().call(() -> callbacks.releaseExpired(before));
        expiredCallbacks.forEach(cb -> queue.addCallback(cb.staffId(), cb.callbackId(), cb.dueAt()));

        String served = QuarkusTransaction.requiringNew().call(() -> entries.servedLists().stream()
                .map(String::valueOf).collect(Collectors.joining(",")));
        Optional<String> built = queue.builtFrom();
        if (built.isEmpty() || !built.get().equals(served)) {
            fill(served, now, built.isEmpty() ? "no fill in Redis" : "served lists changed");
        } else if (addedUpTo != null) {
            // overlapping rounds: a retry settled while the last round read is not missed (adding twice is harmless)
            Instant from = addedUpTo.minus(DUE_OVERLAP);
            queue.addEntries(QuarkusTransaction.requiringNew().call(() -> entries.becameDueForDesk(from, now)));
        }
        addedUpTo = now;
    }

    /** Every RM's queue from PostgreSQL; skipped while another instance fills. */
    public void fill(String served, Instant now, String why) {
        Optional<ClusterLock.Held> lock = locks.tryAcquire(FILL_LOCK, FILL_LOCK_TTL);
        if (lock.isEmpty()) {
            return;
        }
        try (ClusterLock.Held held = lock.get()) {
            long started = System.nanoTime();
            List<ListEntries.AgentEntry> due = QuarkusTransaction.requiringNew().call(() -> entries.dueForDesk(null, now));
            List<Callbacks.Callback> pending = QuarkusTransaction.requiringNew().call(callbacks::pending);
            queue.replaceAll(due, pending);
            queue.markBuilt(served);
            LOG.infof("desk: live queues filled from PostgreSQL (%s): %d entries, %d callbacks in %d ms", why,
                    due.size(), pending.size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
    }
}
