package com.bank.callcenter.imports;

import com.bank.callcenter.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AsyncImportTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void backgroundImportReportsProgressAndItsResult() {
        StringBuilder csv = new StringBuilder("customer_id,name,home_branch_id,aum\n");
        int rows = 120_000;
        for (int i = 0; i < rows; i++) {
            csv.append("AS-").append(i).append(",异步,BR-AS,").append(i % 60_000).append('\n');
        }
        String jobId = Api.admin().contentType("text/csv; charset=UTF-8").body(csv.toString())
                .when().post("/api/imports/customers?asOf=2026-11-20&async=true")
                .then().statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/api/imports/"))
                .body("jobId", notNullValue()).extract().path("jobId");
        Response done = awaitEnd(jobId);
        assertEquals("SUCCEEDED", done.path("state"));
        assertEquals(rows, (int) done.path("accepted"));
        assertEquals(rows, (int) done.path("rowsRead"));
        assertEquals(100, (int) done.path("percent"));
        assertEquals(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                ((Number) done.path("bytesTotal")).intValue());
    }

    @Test
    void backgroundImportWithBadRowsEndsFailedWithTheErrors() {
        String jobId = Api.admin().contentType("text/csv; charset=UTF-8")
                .body("customer_id,name,home_branch_id,aum\nAF-1,坏,BR-AF,-1\n")
                .when().post("/api/imports/customers?async=true")
                .then().statusCode(202).extract().path("jobId");
        Response done = awaitEnd(jobId);
        done.then().body("state", equalTo("FAILED"))
                .body("problem.status", equalTo(422))
                .body("problem.errors", hasSize(1))
                .body("problem.errors[0].line", equalTo(2))
                .body("problem.errors[0].column", equalTo("aum"));
    }

    @Test
    void unknownJobIsNotFound() {
        Api.admin().when().get("/api/imports/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        Api.admin().when().get("/api/imports/not-a-uuid").then().statusCode(404);
    }

    static Response awaitEnd(String jobId) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Response job = Api.planner().when().get("/api/imports/" + jobId).then().statusCode(200).extract().response();
            String state = job.path("state");
            if ("SUCCEEDED".equals(state) || "FAILED".equals(state)) {
                return job;
            }
            sleep();
        }
        throw new AssertionError("import " + jobId + " did not end within " + WAIT);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            assertTrue(false, "interrupted");
        }
    }
}
