package com.bank.callcenter.imports;

import com.bank.callcenter.common.CopyRowWriter;
import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.config.CallCenterConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies the bank's extracts all-or-nothing: the CSV is streamed, checked row by row and
 * COPYed into a temporary staging table; checks that need the whole file run in SQL; then one
 * set-based statement per table applies it. Any bad row rolls the whole file back.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final int COPY_BUFFER = 1 << 16;
    private static final long NANOS_PER_MILLI = 1_000_000;
    private static final Duration IMPORT_TIMEOUT = Duration.ofHours(1);

    private final Map<ImportKind, ExtractFormat> formats = new EnumMap<>(ImportKind.class);
    private final AgroalDataSource dataSource;
    private final ImportJobs jobs;
    private final ManagedExecutor executor;
    private final CallCenterConfig.Imports settings;
    private final StaleExtractGuard staleGuard;

    public ImportService(Instance<ExtractFormat> formats, AgroalDataSource dataSource, ImportJobs jobs,
                         ManagedExecutor executor, CallCenterConfig config, StaleExtractGuard staleGuard) {
        formats.forEach(format -> this.formats.put(format.kind(), format));
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.executor = executor;
        this.settings = config.imports();
        this.staleGuard = staleGuard;
    }

    /**
     * Streams the CSV, validates every row and applies the file in one transaction.
     *
     * @throws ProblemException 422 with "errors" [{line, column, message}] when any row is bad
     *         (nothing applied), 400 when the file is not usable CSV or lacks a column, 409
     *         stale-extract when the file is older than one already applied for the same customers
     */
    public ImportResult importCsv(ImportKind kind, LocalDate asOf, InputStream body, Charset charset,
                                  String requestedBy) {
        return importCsv(kind, asOf, body, charset, requestedBy, null, false);
    }

    /** As above; {@code force} applies a stale extract anyway (the caller checked the ADMIN role), audited. */
    public ImportResult importCsv(ImportKind kind, LocalDate asOf, InputStream body, Charset charset,
                                  String requestedBy, Long bytesTotal, boolean force) {
        ImportJob job = jobs.create(kind, asOf, requestedBy, bytesTotal, ImportJob.State.RUNNING);
        return run(new Request(job.id, kind, asOf, charset, requestedBy, force), body);
    }

    /** Keeps the body in the spool folder and imports it in the background; poll the job. */
    public ImportJob submit(ImportKind kind, LocalDate asOf, InputStream body, Charset charset, String requestedBy,
                            boolean force) {
        Path spooled = spool(body);
        ImportJob job;
        try {
            job = jobs.create(kind, asOf, requestedBy, Files.size(spooled), ImportJob.State.QUEUED,
                    new ImportJobs.Spooled(spooled, charset, force), force);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(spooled);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        Request request = new Request(job.id, kind, asOf, charset, requestedBy, force);
        executor.runAsync(() -> runSpooled(request, spooled));
        return job;
    }

    /**
     * Runs a background import from its spooled body (a new one, or one resumed after a restart),
     * then removes the file once the job has finished; the file stays while the job is unfinished.
     */
    void runSpooled(ImportJob job) {
        runSpooled(new Request(job.id, job.kind, job.asOf, Charset.forName(job.charset), job.requestedBy, job.forced),
                Path.of(job.spoolFile));
    }

    private void runSpooled(Request request, Path spooled) {
        UUID id = request.jobId();
        try (InputStream in = Files.newInputStream(spooled)) {
            jobs.running(id);
            run(request, in);
        } catch (ProblemException e) {
            LOG.infof("background import %s rejected: %s", id, e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "background import %s failed", id);
        } finally {
            removeSpoolFileOfFinished(id, spooled);
        }
    }

    private void removeSpoolFileOfFinished(UUID id, Path spooled) {
        try {
            ImportJob.State state = jobs.read(id).state;
            if (state == ImportJob.State.SUCCEEDED || state == ImportJob.State.FAILED) {
                deleteQuietly(spooled);
                jobs.spoolFileRemoved(id);
            }
        } catch (RuntimeException e) {
            LOG.warnf("spool file %s of import %s kept (%s); the next start removes it", spooled, id, e.getMessage());
        }
    }

    /** One import to run: the job and what the caller asked. */
    private record Request(UUID jobId, ImportKind kind, LocalDate asOf, Charset charset, String requestedBy,
                           boolean force) {
    }

    private ImportResult run(Request request, InputStream body) {
        UUID jobId = request.jobId();
        ExtractFormat format = formats.get(request.kind());
        CountingInputStream counted = new CountingInputStream(body);
        long[] rowsRead = {0};
        long started = System.nanoTime();
        try {
            long accepted = QuarkusTransaction.requiringNew().timeout((int) IMPORT_TIMEOUT.toSeconds())
                    .call(() -> apply(request, format, counted, rowsRead));
            LOG.infof("import %s %s asOf %s: %d rows in %d ms", jobId, request.kind().pathName(), request.asOf(),
                    accepted, (System.nanoTime() - started) / NANOS_PER_MILLI);
            return new ImportResult(request.kind().pathName(), request.asOf(), accepted, 0);
        } catch (ProblemException e) {
            jobs.failed(jobId, counted.count(), rowsRead[0], e);
            throw e;
        } catch (RuntimeException e) {
            jobs.failed(jobId, counted.count(), rowsRead[0], new ProblemException(Status.INTERNAL_SERVER_ERROR,
                    "import-failed", "the import failed: " + e.getMessage()));
            throw e;
        }
    }

    private long apply(Request request, ExtractFormat format, CountingInputStream body, long[] rowsRead)
            throws SQLException, IOException {
        UUID jobId = request.jobId();
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            // A 200 is a commit on disk, whatever the server's default; the checks and totals hash in memory.
            StagingSql.setLocal(connection, "synchronous_commit", "on");
            StagingSql.setLocal(connection, "work_mem", settings.workMem());
            StagingSql.setLocal(connection, "maintenance_work_mem", settings.maintenanceWorkMem());
            // A first load (the target empty) goes straight into the durable table, its indexes built afterwards.
            Optional<ExtractFormat.DirectLoad> direct = format.directLoad();
            Optional<BulkLoad> bulk = direct.isPresent() ? BulkLoad.ifEmpty(connection, direct.get().table(),
                    settings.bulkLoadLockWait())
                    : Optional.empty();
            String copyInto;
            ExtractReader.Frame frame;
            if (bulk.isPresent()) {
                copyInto = direct.get().table() + " (" + direct.get().columns() + ")";
                frame = ExtractReader.Frame.direct(request.asOf());
            } else {
                StagingSql.execute(connection, "create temp table " + StagingSql.TABLE + " (line bigint, "
                        + format.stagingColumns() + ") on commit drop");
                copyInto = StagingSql.TABLE;
                frame = ExtractReader.Frame.STAGING;
            }
            RowErrors errors = new RowErrors(settings.maxErrors());
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + copyInto + " from stdin");
            ExtractReader.Read read;
            try (Writer staged = new BufferedWriter(new OutputStreamWriter(
                    new PGCopyOutputStream(copy, COPY_BUFFER), StandardCharsets.UTF_8), COPY_BUFFER)) {
                read = ExtractReader.read(body, request.charset(), format, new CopyRowWriter(staged), frame, errors,
                        settings.progressEveryRows(), rows -> jobs.progress(jobId, body.count(), rows));
                rowsRead[0] = read.rows();
            } catch (RuntimeException e) {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                throw e;
            }
            long staged = System.nanoTime();
            // Good rows were staged even after a bad one, so these checks see the whole file.
            if (bulk.isPresent()) {
                errors.addAll(StagingSql.duplicatesIn(connection, direct.get().table(), format.idColumn(),
                        read.repeatedIds(), errors.room()));
                errors.addAll(format.checkLoaded(connection, read, errors.room()));
            } else {
                errors.addAll(StagingSql.duplicates(connection, format.idColumn(), format.idExpression(),
                        read.repeatedIds(), errors.room()));
                errors.addAll(format.check(connection, errors.room()));
            }
            if (errors.any()) {
                throw rejected(format.kind(), errors);
            }
            if (bulk.isEmpty()) {
                // A first load's table was empty: no extract was applied there that this one could be older than.
                staleGuard.check(connection, format, request.asOf(), request.force(), request.requestedBy(), jobId);
            }
            long checked = System.nanoTime();
            long accepted;
            if (bulk.isPresent()) {
                bulk.get().rebuild();
                LOG.debugf("import %s: keys and indexes built in %d ms", jobId,
                        (System.nanoTime() - checked) / NANOS_PER_MILLI);
                format.applyDirect(connection, request.asOf());
                accepted = read.rows();
            } else {
                accepted = applyStaged(connection, format, request, read.rows());
            }
            ImportJobs.succeeded(connection, jobId, body.count(), rowsRead[0], accepted);
            LOG.debugf("import %s: %s in %d ms, checked in %d ms, applied in %d ms", jobId,
                    bulk.isPresent() ? "loaded into the empty table" : "staged", (staged - started) / NANOS_PER_MILLI,
                    (checked - staged) / NANOS_PER_MILLI, (System.nanoTime() - checked) / NANOS_PER_MILLI);
            return accepted;
        }
    }

    /** Applies the staged rows; many rows into an empty table are inserted first and indexed afterwards. */
    private long applyStaged(Connection connection, ExtractFormat format, Request request, long rows)
            throws SQLException {
        Optional<String> table = format.bulkTable().filter(any -> rows >= settings.bulkLoadMinRows());
        Optional<BulkLoad> bulk = table.isPresent() ? BulkLoad.ifEmpty(connection, table.get(), settings.bulkLoadLockWait()) : Optional.empty();
        if (bulk.isEmpty()) {
            return format.apply(connection, request.asOf(), request.requestedBy());
        }
        long started = System.nanoTime();
        long accepted = format.applyToEmpty(connection, request.asOf());
        long applied = System.nanoTime();
        bulk.get().rebuild();
        LOG.debugf("%s: applied to the empty table in %d ms, keys and indexes built in %d ms", format.kind(),
                (applied - started) / NANOS_PER_MILLI, (System.nanoTime() - applied) / NANOS_PER_MILLI);
        return accepted;
    }

    private static ProblemException rejected(ImportKind kind, RowErrors errors) {
        List<RowError> listed = errors.list();
        String more = errors.total() > listed.size() ? " (the first " + listed.size() + " are listed)" : "";
        return new ProblemException(ProblemException.UNPROCESSABLE, "invalid-rows",
                "the " + kind.pathName() + " file has " + errors.total() + " bad row error(s)" + more
                        + "; nothing was applied",
                Map.of("errors", listed));
    }

    private Path spool(InputStream body) {
        try {
            Files.createDirectories(settings.spoolDir());
            Path file = Files.createTempFile(settings.spoolDir(), "import-", ".csv");
            Files.copy(body, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the uploaded file", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("could not delete spooled import %s", file);
        }
    }
}
