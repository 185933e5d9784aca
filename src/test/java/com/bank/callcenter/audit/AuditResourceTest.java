package com.bank.callcenter.audit;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;

import static com.bank.callcenter.support.Fixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class AuditResourceTest {

    @Inject
    Fixtures fixtures;

    @Test
    void adminAndSupervisorReadTheAuditTrailPlannerAndRmDoNot() {
        String actor = unique("actor");
        entry(actor, "VIEW_CUSTOMER", "C-1", "2026-11-20T02:00:00Z", "seen");
        Api.admin().when().get("/api/audit?actor=" + actor).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].actor", equalTo(actor)).body("[0].action", equalTo("VIEW_CUSTOMER"))
                .body("[0].subject", equalTo("C-1")).body("[0].details", equalTo("seen"))
                .body("[0].at", equalTo("2026-11-20T02:00:00Z"));
        Api.supervisor().when().get("/api/audit?actor=" + actor).then().statusCode(200).body("", hasSize(1));
        Api.planner().when().get("/api/audit").then().statusCode(403);
        String rm = fixtures.remoteManagerWithLogin(unique("BR"));
        Api.as(rm).when().get("/api/audit").then().statusCode(403);
    }

    @Test
    void filtersByActorActionAndTimeNewestFirst() {
        String actor = unique("actor");
        entry(actor, "LOCK_BOOKS", "2026-11", "2026-11-18T09:00:00Z", null);
        entry(actor, "VIEW_CUSTOMER", "C-A", "2026-11-19T09:00:00Z", null);
        entry(actor, "VIEW_CUSTOMER", "C-B", "2026-11-20T09:00:00Z", null);
        entry(unique("other"), "VIEW_CUSTOMER", "C-C", "2026-11-20T09:00:00Z", null);

        Api.admin().when().get("/api/audit?actor=" + actor).then().statusCode(200)
                .header("X-Total-Count", "3").body("subject", contains("C-B", "C-A", "2026-11"));
        Api.admin().when().get("/api/audit?actor=" + actor + "&action=VIEW_CUSTOMER").then().statusCode(200)
                .header("X-Total-Count", "2").body("subject", contains("C-B", "C-A"));
        // from inclusive, to exclusive (an instant); a date is the whole day in Asia/Shanghai
        Api.admin().when().get("/api/audit?actor=" + actor + "&from=2026-11-19T09:00:00Z&to=2026-11-20T09:00:00Z")
                .then().statusCode(200).body("subject", contains("C-A"));
        Api.admin().when().get("/api/audit?actor=" + actor + "&from=2026-11-19&to=2026-11-19")
                .then().statusCode(200).body("subject", contains("C-A"));
        Api.admin().when().get("/api/audit?subject=C-C&actor=" + actor).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void pagesCarryTheTotalCount() {
        String actor = unique("actor");
        for (int i = 1; i <= 5; i++) {
            entry(actor, "VIEW_CUSTOMER", "C-" + i, "2026-11-20T0" + i + ":00:00Z", null);
        }
        Api.admin().when().get("/api/audit?actor=" + actor + "&page=1&size=2").then().statusCode(200)
                .header("X-Total-Count", "5").body("subject", contains("C-3", "C-2"));
        Api.admin().when().get("/api/audit?actor=" + actor + "&page=2&size=2").then().statusCode(200)
                .body("subject", contains("C-1"));
    }

    @Test
    void badTimeOrSizeIsABadRequestNamingTheParameter() {
        Api.admin().when().get("/api/audit?from=yesterday").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("from"));
        Api.admin().when().get("/api/audit?to=2026-13-01").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("to"));
        Api.admin().when().get("/api/audit?size=1001").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static void entry(String actor, String action, String subject, String at, String details) {
        Db.execute("insert into audit_log (at, username, action, subject, details) values (?, ?, ?, ?, ?)",
                Timestamp.from(Instant.parse(at)), actor, action, subject, details);
    }
}
