package com.bank.callcenter.imports;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Keeps the heartbeat of the import jobs this instance runs fresh, so that no other instance takes
 * them for abandoned ({@link ImportResumption}).
 */
@ApplicationScoped
class ImportHeartbeat {

    private static final Logger LOG = Logger.getLogger(ImportHeartbeat.class);

    private final ImportJobs jobs;

    ImportHeartbeat(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @Scheduled(every = "{callcenter.imports.heartbeat}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void beat() {
        try {
            jobs.beat();
        } catch (RuntimeException e) {
            LOG.warnf("import heartbeat not written (%s)", e.getMessage());
        }
    }
}
