package com.bank.callcenter.imports;

import com.bank.callcenter.common.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The job records. Each change is its own transaction, so progress is visible while the
 * import's own transaction is still open.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ImportJobs {

    public ImportJob create(ImportKind kind, LocalDate asOf, String requestedBy, Long bytesTotal, ImportJob.State state) {
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.kind = kind;
        job.asOf = asOf;
        job.requestedBy = requestedBy;
        job.bytesTotal = bytesTotal;
        job.state = state;
        job.startedAt = Instant.now();
        job.persist();
        return job;
    }

    public void running(UUID id) {
        ImportJob.update("state = ?1 where id = ?2", ImportJob.State.RUNNING, id);
    }

    public void progress(UUID id, long bytesRead, long rowsRead) {
        ImportJob.update("bytesRead = ?1, rowsRead = ?2 where id = ?3", bytesRead, rowsRead, id);
    }

    public void succeeded(UUID id, long bytesRead, long rowsRead, long accepted) {
        ImportJob job = ImportJob.findById(id);
        job.state = ImportJob.State.SUCCEEDED;
        job.bytesRead = bytesRead;
        job.rowsRead = rowsRead;
        job.accepted = accepted;
        job.rejected = 0L;
        job.finishedAt = Instant.now();
    }

    public void failed(UUID id, long bytesRead, long rowsRead, ProblemException problem) {
        ImportJob job = ImportJob.findById(id);
        job.state = ImportJob.State.FAILED;
        job.bytesRead = bytesRead;
        job.rowsRead = rowsRead;
        job.accepted = 0L;
        Object errors = problem.extensions().get("errors");
        job.rejected = errors instanceof List<?> list ? (long) list.size() : null;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", problem.status());
        body.put("code", problem.code());
        body.put("detail", problem.getMessage());
        body.putAll(problem.extensions());
        job.problem = body;
        job.finishedAt = Instant.now();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ImportJob get(UUID id) {
        ImportJob job = ImportJob.findById(id);
        if (job == null) {
            throw ProblemException.notFound("import job", id);
        }
        return job;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ImportJob> recent(int limit) {
        return ImportJob.findAll(Sort.descending("startedAt")).page(0, limit).list();
    }
}
