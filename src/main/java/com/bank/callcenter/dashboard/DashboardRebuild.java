package com.bank.callcenter.dashboard;

import com.bank.callcenter.common.ClusterLock;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.desk.AgentStateView;
import com.bank.callcenter.desk.AgentStates;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rebuilds a day's live counters from PostgreSQL, record by record through the same rules and script as
 * the live events (so a rebuild and the events never count a record twice; a record an event already wrote
 * is left as the event wrote it). For today also the calls in progress and the RMs' states. Done when a
 * day has never been built (a new day, a Redis that restarted empty), after an instance lost changes
 * while Redis was away, and on an admin's request (POST /api/dashboard/rebuild, which forgets the day first).
 * One instance at a time per day (a cluster lock).
 */
@ApplicationScoped
public class DashboardRebuild {

    private static final Logger LOG = Logger.getLogger(DashboardRebuild.class);
    /** Longer than any rebuild; the lock goes by itself if its instance dies. */
    private static final Duration LOCK_TTL = Duration.ofMinutes(5);

    private final LiveCounters live;
    private final DayRecount recount;
    private final DashboardRecorder recorder;
    private final AgentStates agentStates;
    private final ClusterLock locks;
    private final CallCenterConfig callcenter;
    private final Clock clock;

    public DashboardRebuild(LiveCounters live, DayRecount recount, DashboardRecorder recorder, AgentStates agentStates,
                            ClusterLock locks, CallCenterConfig callcenter, Clock clock) {
        this.live = live;
        this.recount = recount;
        this.recorder = recorder;
        this.agentStates = agentStates;
        this.locks = locks;
        this.callcenter = callcenter;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(callcenter.zone()));
    }

    /** Builds the day unless it was built already (or another instance is building it now). */
    void ensureBuilt(LocalDate day) {
        if (!live.built(day)) {
            rebuild(day, false);
        }
    }

    /**
     * Rebuilds the day; {@code forget}: its counters are dropped first (an admin's rebuild, or after changes
     * were lost). False when another instance holds the day's rebuild.
     */
    boolean rebuild(LocalDate day, boolean forget) {
        Optional<ClusterLock.Held> lock = locks.tryAcquire("dashboard:rebuild:" + day, LOCK_TTL);
        if (lock.isEmpty()) {
            return false;
        }
        try (ClusterLock.Held held = lock.get()) {
            if (forget) {
                live.reset(day);
            } else if (live.built(day)) {
                return true;
            }
            AtomicInteger calls = new AtomicInteger();
            CountingRules rules = recorder.rules();
            recount.calls(day, call -> {
                live.apply(day, "call:" + call.callId(), rules.of(call), true);
                calls.incrementAndGet();
            });
            int sms = 0;
            for (DayRecount.SmsRecord record : recount.sms(day)) {
                live.apply(day, "sms:" + record.smsId(), rules.ofSms(record.staffId(), record.customerId(), record.state()),
                        true);
                sms++;
            }
            if (day.equals(today())) {
                Map<String, String> states = new HashMap<>();
                for (AgentStateView agent : agentStates.present()) {
                    states.put(agent.staffId(), LiveCounters.agentValue(agent.state().name(), agent.since()));
                }
                live.replaceLiveAndAgents(day, recount.callsInProgress(), states);
            }
            live.markBuilt(day, clock.instant());
            LOG.infof("dashboard: %s rebuilt from PostgreSQL (%d calls, %d SMS)", day, calls.get(), sms);
            return true;
        }
    }
}
