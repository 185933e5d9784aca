package com.bank.callcenter.imports;

import com.bank.callcenter.common.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The job records. Each change is its own transaction, so progress is visible while the
 * import's own transaction is still open. Every job names the instance running it ({@code owner},
 * this instance's {@link #self()}) and carries its heartbeat, so that a job left by a stopped
 * instance can be told from one another live instance is running.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ImportJobs {

    private static final String UNFINISHED = "state in ('" + ImportJob.State.QUEUED + "', '" + ImportJob.State.RUNNING + "')";

    private final String self = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);

    /** What a background import needs to be run again: its spooled body, the charset, the force flag. */
    record Spooled(Path file, Charset charset, boolean forced) {
    }

    /** This instance's id, the {@code owner} of the jobs it runs. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String self() {
        return self;
    }

    public ImportJob create(ImportKind kind, LocalDate asOf, String requestedBy, Long bytesTotal, ImportJob.State state) {
        return create(kind, asOf, requestedBy, bytesTotal, state, null, false);
    }

    ImportJob create(ImportKind kind, LocalDate asOf, String requestedBy, Long bytesTotal, ImportJob.State state,
                     Spooled spooled, boolean forced) {
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.kind = kind;
        job.asOf = asOf;
        job.requestedBy = requestedBy;
        job.bytesTotal = bytesTotal;
        job.state = state;
        job.startedAt = Instant.now();
        job.forced = forced;
        if (spooled != null) {
            job.spoolFile = spooled.file().toString();
            job.charset = spooled.charset().name();
        }
        job.owner = self;
        job.heartbeatAt = Instant.now();
        job.persist();
        return job;
    }

    public void running(UUID id) {
        ImportJob.update("state = ?1 where id = ?2", ImportJob.State.RUNNING, id);
    }

    public void progress(UUID id, long bytesRead, long rowsRead) {
        ImportJob.update("bytesRead = ?1, rowsRead = ?2 where id = ?3", bytesRead, rowsRead, id);
    }

    /**
     * Records success on the import's own connection, in its transaction: the rows and SUCCEEDED
     * commit together, so a job left RUNNING never has its rows applied.
     */
    static void succeeded(Connection connection, UUID id, long bytesRead, long rowsRead, long accepted)
            throws SQLException {
        StagingSql.update(connection, """
                update import_job set state = 'SUCCEEDED', bytes_read = ?, rows_read = ?, accepted = ?,
                    rejected = 0, finished_at = now()
                where id = ?""", bytesRead, rowsRead, accepted, id);
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

    /** Refreshes the heartbeat of every unfinished job this instance runs. */
    public int beat() {
        return ImportJob.getEntityManager().createNativeQuery("""
                        update import_job set heartbeat_at = now() where owner = ?1 and\s""" + UNFINISHED)
                .setParameter(1, self).executeUpdate();
    }

    /** Unfinished jobs whose heartbeat is older than {@code staleAfter} (or absent): their instance stopped. */
    List<UUID> abandoned(Duration staleAfter) {
        List<?> ids = ImportJob.getEntityManager().createNativeQuery("select id from import_job where " + UNFINISHED
                        + " and (heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ?1))"
                        + " order by started_at")
                .setParameter(1, seconds(staleAfter)).getResultList();
        return ids.stream().map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString())).toList();
    }

    /**
     * Takes an abandoned job over for this instance: true for exactly one of several instances
     * trying at once (the update re-checks the heartbeat under the row lock), false when the job
     * has finished or its owner is alive.
     */
    boolean claim(UUID id, Duration staleAfter) {
        return ImportJob.getEntityManager().createNativeQuery("""
                        update import_job set owner = ?1, heartbeat_at = now()
                        where id = ?2 and (heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ?3))
                          and\s""" + UNFINISHED)
                .setParameter(1, self).setParameter(2, id).setParameter(3, seconds(staleAfter))
                .executeUpdate() == 1;
    }

    /** Spool files still named by finished jobs (their instance stopped before removing them). */
    List<ImportJob> finishedWithSpoolFile() {
        return ImportJob.list("spoolFile is not null and state in ?1",
                List.of(ImportJob.State.SUCCEEDED, ImportJob.State.FAILED));
    }

    /** The job's spool file is gone. */
    void spoolFileRemoved(UUID id) {
        ImportJob.update("spoolFile = null where id = ?1", id);
    }

    /** The job, read in a transaction of its own (for threads without a request, e.g. at start-up). */
    ImportJob read(UUID id) {
        return get(id);
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

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "instance";
        }
    }
}
