package com.bank.callcenter.imports;

import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.config.CallCenterConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * Background imports survive a restart. At start-up (in the background) every job left QUEUED or
 * RUNNING by an instance that stopped — its heartbeat older than {@code callcenter.imports.stale-after}
 * — is claimed by exactly one instance and run again from its spooled file, or marked FAILED with the
 * reason when the file is not there; spool files of finished jobs are removed. A job whose instance
 * is alive keeps beating and is never taken over.
 */
@ApplicationScoped
class ImportResumption {

    private static final Logger LOG = Logger.getLogger(ImportResumption.class);
    static final String SPOOL_FILE_MISSING = "spool-file-missing";

    private final ImportJobs jobs;
    private final ImportService imports;
    private final ManagedExecutor executor;
    private final Duration staleAfter;

    ImportResumption(ImportJobs jobs, ImportService imports, ManagedExecutor executor, CallCenterConfig config) {
        this.jobs = jobs;
        this.imports = imports;
        this.executor = executor;
        this.staleAfter = config.imports().staleAfter();
    }

    void onStart(@Observes StartupEvent event) {
        executor.runAsync(this::resumeAbandoned).exceptionally(e -> {
            LOG.errorf(e, "resuming the imports left by a stopped instance failed");
            return null;
        });
    }

    /** Removes finished jobs' spool files, then resumes (or fails) every abandoned job; returns how many were claimed. */
    int resumeAbandoned() {
        removeSpoolFilesOfFinishedJobs();
        int claimed = 0;
        for (UUID id : jobs.abandoned(staleAfter)) {
            ImportJob left = jobs.read(id);
            if (jobs.claim(id, staleAfter)) {
                claimed++;
                resume(left);
            }
        }
        return claimed;
    }

    private void resume(ImportJob job) {
        if (job.spoolFile == null) {
            fail(job, "the import was interrupted when its instance (" + job.owner + ") stopped, and its body was not"
                    + " spooled (a synchronous upload); post the file again");
        } else if (!Files.isRegularFile(Path.of(job.spoolFile))) {
            fail(job, "the import was interrupted when its instance (" + job.owner + ") stopped, and its spooled file "
                    + job.spoolFile + " is missing; post the file again");
        } else {
            LOG.infof("resuming import %s (%s asOf %s) from %s", job.id, job.kind.pathName(), job.asOf, job.spoolFile);
            imports.runSpooled(job);
        }
    }

    private void fail(ImportJob job, String reason) {
        LOG.warnf("import %s: %s", job.id, reason);
        jobs.failed(job.id, job.bytesRead, job.rowsRead,
                new ProblemException(Status.GONE, SPOOL_FILE_MISSING, reason));
        jobs.spoolFileRemoved(job.id);
    }

    private void removeSpoolFilesOfFinishedJobs() {
        for (ImportJob job : jobs.finishedWithSpoolFile()) {
            try {
                Files.deleteIfExists(Path.of(job.spoolFile));
                jobs.spoolFileRemoved(job.id);
            } catch (IOException e) {
                LOG.warnf("spool file %s of finished import %s not removed (%s)", job.spoolFile, job.id, e.getMessage());
            }
        }
    }
}
