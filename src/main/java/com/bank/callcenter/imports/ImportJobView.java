package com.bank.callcenter.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** An import job as the API shows it; percent is of the bytes when the size is known. */
public record ImportJobView(UUID jobId, String kind, LocalDate asOf, ImportJob.State state, String requestedBy,
                            Long bytesTotal, long bytesRead, Integer percent, long rowsRead, Long accepted,
                            Long rejected, Map<String, Object> problem, Instant startedAt, Instant finishedAt) {

    private static final int ALL = 100;

    static ImportJobView of(ImportJob job) {
        Integer percent = null;
        if (job.state == ImportJob.State.SUCCEEDED) {
            percent = ALL;
        } else if (job.bytesTotal != null && job.bytesTotal > 0) {
            percent = (int) Math.min(ALL, job.bytesRead * ALL / job.bytesTotal);
        }
        return new ImportJobView(job.id, job.kind.pathName(), job.asOf, job.state, job.requestedBy, job.bytesTotal,
                job.bytesRead, percent, job.rowsRead, job.accepted, job.rejected, job.problem, job.startedAt,
                job.finishedAt);
    }
}
