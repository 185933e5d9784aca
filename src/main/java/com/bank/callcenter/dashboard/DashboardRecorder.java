package com.bank.callcenter.dashboard;

import com.bank.callcenter.calls.CallRecordsChanged;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.desk.AgentStateChanged;
import com.bank.callcenter.scoring.ScoringConfig;
import com.bank.callcenter.sms.SmsSettled;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the live counters as things happen: call records (CallRecordsChanged), settled SMS and the RMs'
 * states go to Redis on a thread of the dashboard's own, in the order they came (the events' threads —
 * the call-record writer, the PBX — never wait for Redis). Each change is idempotent ({@link LiveCounters}):
 * an event told twice counts once. A change that cannot reach Redis (or finds the backlog full) is
 * dropped and the instance remembers that it lost some: {@link DashboardUpkeep} rebuilds the day from
 * PostgreSQL once Redis answers again.
 */
@ApplicationScoped
public class DashboardRecorder {

    private static final Logger LOG = Logger.getLogger(DashboardRecorder.class);

    private final LiveCounters live;
    private final CountingRules rules;
    private final CallCenterConfig callcenter;
    private final Clock clock;
    private final ThreadPoolExecutor worker;
    private final AtomicBoolean lost = new AtomicBoolean();

    public DashboardRecorder(LiveCounters live, ScoringConfig scoring, CallCenterConfig callcenter,
                             DashboardConfig config, Clock clock) {
        this.live = live;
        this.callcenter = callcenter;
        this.clock = clock;
        this.rules = new CountingRules(callcenter.zone(), scoring.effectiveCallSeconds());
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(config.backlog()),
                runnable -> {
                    Thread thread = new Thread(runnable, "dashboard-recorder");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    CountingRules rules() {
        return rules;
    }

    void callsChanged(@Observes CallRecordsChanged changed) {
        submit("calls", () -> changed.calls().forEach(this::record));
    }

    void smsSettled(@Observes SmsSettled sms) {
        submit("SMS " + sms.smsId(), () -> live.apply(day(sms.createdAt()), "sms:" + sms.smsId(),
                rules.ofSms(sms.staffId(), sms.customerId(), sms.state()), false));
    }

    void agentChanged(@Observes AgentStateChanged changed) {
        submit("state of " + changed.now().staffId(), () -> live.agent(today(), changed.now().staffId(),
                changed.now().state().name(), changed.now().since()));
    }

    private void record(CallRecordsChanged.Record call) {
        live.apply(day(call.queuedAt()), "call:" + call.callId(), rules.of(call), false);
        live.live(today(), call.callId().toString(), call.staffId(), CountingRules.inProgress(call.state()));
    }

    private void submit(String what, Runnable change) {
        try {
            worker.execute(() -> {
                try {
                    change.run();
                } catch (RuntimeException e) {
                    if (lost.compareAndSet(false, true)) {
                        LOG.warnf("dashboard: %s not counted (%s); the day is rebuilt from PostgreSQL when Redis answers",
                                what, e.getMessage());
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            if (lost.compareAndSet(false, true)) {
                LOG.warnf("dashboard: backlog full, %s not counted; the day is rebuilt from PostgreSQL", what);
            }
        }
    }

    /** True (once) when changes were lost since the last call: the caller rebuilds the day. */
    boolean takeLost() {
        return lost.getAndSet(false);
    }

    /** Marks changes as lost (a rebuild failed and must be tried again). */
    void markLost() {
        lost.set(true);
    }

    private LocalDate day(java.time.Instant at) {
        return at.atZone(callcenter.zone()).toLocalDate();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(callcenter.zone()));
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdown();
    }
}
