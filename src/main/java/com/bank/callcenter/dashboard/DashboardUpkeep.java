package com.bank.callcenter.dashboard;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * An instance that could not count some changes (Redis away, backlog full) rebuilds today's counters from
 * PostgreSQL once Redis answers again; until then it looks every callcenter.dashboard.recovery-check.
 */
@ApplicationScoped
public class DashboardUpkeep {

    private static final Logger LOG = Logger.getLogger(DashboardUpkeep.class);

    private final DashboardRecorder recorder;
    private final DashboardRebuild rebuild;

    public DashboardUpkeep(DashboardRecorder recorder, DashboardRebuild rebuild) {
        this.recorder = recorder;
        this.rebuild = rebuild;
    }

    @Scheduled(identity = "dashboard-upkeep", every = "{callcenter.dashboard.recovery-check}",
            delayed = "{callcenter.scheduler.start-delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recover() {
        if (!recorder.takeLost()) {
            return;
        }
        try {
            if (!rebuild.rebuild(rebuild.today(), true)) {
                recorder.markLost(); // another instance is rebuilding: look again next time
            }
        } catch (RuntimeException e) {
            recorder.markLost();
            LOG.debugf("dashboard: Redis still away (%s)", e.getMessage());
        }
    }
}
