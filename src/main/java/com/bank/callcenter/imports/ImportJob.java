package com.bank.callcenter.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** One import of one file: its progress while it runs, its result or its problem afterwards. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public ImportKind kind;

    @Column(name = "as_of")
    public LocalDate asOf;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "bytes_total")
    public Long bytesTotal;

    @Column(name = "bytes_read")
    public long bytesRead;

    @Column(name = "rows_read")
    public long rowsRead;

    public Long accepted;

    public Long rejected;

    /** The problem+json body of a failed import (with its "errors"). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> problem;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The spooled body of a background import, until the job has finished. */
    @Column(name = "spool_file")
    public String spoolFile;

    /** The body's charset (background imports). */
    public String charset;

    /** An ADMIN's {@code force=true}: applied even when older than the newest extract applied. */
    public boolean forced;

    /** The instance running the job; it refreshes {@link #heartbeatAt} while it does. */
    public String owner;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;
}
