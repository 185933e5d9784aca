package com.bank.callcenter.imports;

import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.bank.callcenter.support.Fixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Background imports left QUEUED or RUNNING by an instance that stopped (as a dead instance leaves them). */
@QuarkusTest
class ImportResumptionTest {

    private static final String DEAD_INSTANCE = "dead-instance";

    @Inject
    ImportResumption resumption;

    @Inject
    CallCenterConfig config;

    @Test
    void jobLeftRunningByAStoppedInstanceIsRunAgainFromItsSpoolFile() throws IOException {
        String first = unique("RS");
        String second = unique("RS");
        Path spooled = spool("customer_id,name,home_branch_id,aum\n" + first + ",续传,BR-RS,20000\n"
                + second + ",续传,BR-RS,30000\n");
        UUID job = leftBehind("RUNNING", spooled, Instant.now().minus(Duration.ofHours(1)));

        resumption.resumeAbandoned();

        Api.planner().when().get("/api/imports/" + job).then().statusCode(200)
                .body("state", equalTo("SUCCEEDED")).body("accepted", equalTo(2));
        assertEquals(2, Db.count("select count(*) from customer where customer_id in (?, ?)", first, second));
        assertFalse(Files.exists(spooled), "the spool file of the finished job is removed");
        assertNull(Db.value("select spool_file from import_job where id = ?", job));
    }

    @Test
    void jobLeftQueuedWithoutItsSpoolFileFailsNamingTheMissingFile() {
        Path missing = config.imports().spoolDir().resolve("import-gone-" + UUID.randomUUID() + ".csv");
        UUID job = leftBehind("QUEUED", missing, Instant.now().minus(Duration.ofHours(1)));

        resumption.resumeAbandoned();

        Api.planner().when().get("/api/imports/" + job).then().statusCode(200)
                .body("state", equalTo("FAILED"))
                .body("problem.code", equalTo("spool-file-missing"))
                .body("problem.detail", containsString(missing.toString()));
    }

    @Test
    void synchronousImportCutOffByAStopFailsAsItsBodyWasNeverKept() {
        UUID job = leftBehind("RUNNING", null, Instant.now().minus(Duration.ofHours(1)));

        resumption.resumeAbandoned();

        Api.planner().when().get("/api/imports/" + job).then().statusCode(200)
                .body("state", equalTo("FAILED"))
                .body("problem.code", equalTo("spool-file-missing"))
                .body("problem.detail", containsString("not spooled"));
    }

    @Test
    void jobOfAnInstanceWhoseHeartbeatIsFreshIsNotTakenOver() throws IOException {
        Path spooled = spool("customer_id,name,home_branch_id,aum\n" + unique("RL") + ",活着,BR-RL,20000\n");
        UUID job = leftBehind("RUNNING", spooled, Instant.now());

        resumption.resumeAbandoned();

        assertEquals("RUNNING", Db.value("select state from import_job where id = ?", job));
        assertEquals(DEAD_INSTANCE, Db.value("select owner from import_job where id = ?", job));
        assertTrue(Files.exists(spooled), "the live instance still needs its spool file");
        Db.execute("update import_job set state = 'FAILED', finished_at = now() where id = ?", job);
    }

    @Test
    void spoolFilesOfFinishedJobsAreRemoved() throws IOException {
        Path succeeded = spool("customer_id,name,home_branch_id,aum\n");
        Path failed = spool("customer_id,name,home_branch_id,aum\n");
        UUID succeededJob = leftBehind("SUCCEEDED", succeeded, Instant.now());
        UUID failedJob = leftBehind("FAILED", failed, Instant.now().minus(Duration.ofHours(1)));

        resumption.resumeAbandoned();

        assertFalse(Files.exists(succeeded));
        assertFalse(Files.exists(failed));
        assertNull(Db.value("select spool_file from import_job where id = ?", succeededJob));
        assertEquals("FAILED", Db.value("select state from import_job where id = ?", failedJob),
                "a finished job is never run again");
    }

    private Path spool(String csv) throws IOException {
        Files.createDirectories(config.imports().spoolDir());
        Path file = Files.createTempFile(config.imports().spoolDir(), "import-test-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    /** A job row as an instance that stopped leaves it, with its heartbeat at {@code heartbeatAt}; no spool file: null. */
    private static UUID leftBehind(String state, Path spoolFile, Instant heartbeatAt) {
        UUID id = UUID.randomUUID();
        Db.execute("""
                insert into import_job (id, kind, as_of, state, requested_by, bytes_total, spool_file, charset,
                                        owner, heartbeat_at, started_at)
                values (?, 'CUSTOMERS', date '2026-11-20', ?, 'planner', 0, ?, 'UTF-8', ?, ?, ?)""",
                id, state, spoolFile == null ? null : spoolFile.toString(), DEAD_INSTANCE, java.sql.Timestamp.from(heartbeatAt),
                java.sql.Timestamp.from(heartbeatAt));
        return id;
    }
}
