package com.bank.callcenter.imports;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static com.bank.callcenter.support.Fixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Late extracts: a holdings or transfers file older than one already applied for the same customers. */
@QuarkusTest
class StaleExtractTest {

    private static final String HOLDINGS = "holding_id,customer_id,branch_id,product_type,amount,maturity_date\n";
    private static final String TRANSFERS = "transfer_id,customer_id,occurred_at,amount,direction,counterparty_bank,same_name\n";
    private static final String NEWER = "2026-11-20";
    private static final String OLDER = "2026-11-19";

    @Test
    void olderHoldingsExtractIsRefusedAndChangesNothing() {
        String customer = customer();
        post(Api.admin(), "holdings", HOLDINGS + customer + "-new," + customer + ",BR-EAST,FUND,100,\n", NEWER, "")
                .statusCode(200);

        post(Api.admin(), "holdings", HOLDINGS + customer + "-old," + customer + ",BR-WEST,FUND,900,\n", OLDER, "")
                .statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("stale-extract")).body("newestApplied", equalTo(NEWER));

        assertEquals(customer + "-new", Db.value("select string_agg(holding_id, ',') from holding where customer_id = ?",
                customer));
        assertEquals("BR-EAST", Db.value("select branch_id from customer where customer_id = ?", customer));
    }

    @Test
    void olderTransfersExtractIsRefusedAndChangesNothing() {
        String customer = customer();
        post(Api.admin(), "transfers", TRANSFERS + customer + "-t1," + customer + ",2026-11-20T10:00:00,100,OUT,ICBC,true\n",
                NEWER, "").statusCode(200);

        post(Api.admin(), "transfers", TRANSFERS + customer + "-t0," + customer + ",2026-11-19T10:00:00,500,OUT,ICBC,true\n"
                + customer + "-t1," + customer + ",2026-11-20T10:00:00,999,OUT,ICBC,true\n", OLDER, "")
                .statusCode(409).body("code", equalTo("stale-extract"));

        assertEquals(1, Db.count("select count(*) from transfer where customer_id = ?", customer));
        assertEquals(0, new java.math.BigDecimal("100.00").compareTo((java.math.BigDecimal)
                Db.value("select amount from transfer where transfer_id = ?", customer + "-t1")));
    }

    @Test
    void adminMayForceAnOlderExtractAndTheForcingIsAudited() {
        String customer = customer();
        post(Api.admin(), "holdings", HOLDINGS + customer + "-new," + customer + ",BR-EAST,FUND,100,\n", NEWER, "")
                .statusCode(200);

        post(Api.admin(), "holdings", HOLDINGS + customer + "-old," + customer + ",BR-WEST,FUND,900,\n", OLDER,
                "&force=true").statusCode(200).body("accepted", equalTo(1));

        assertEquals(customer + "-old", Db.value("select string_agg(holding_id, ',') from holding where customer_id = ?",
                customer));
        assertEquals(1, Db.count("""
                select count(*) from audit_log a join import_job j on a.subject = 'import ' || j.id
                where a.action = 'FORCE_STALE_IMPORT' and a.username = 'admin' and j.kind = 'HOLDINGS'
                  and j.as_of = date '2026-11-19' and a.details like '%2026-11-20%'
                  and exists (select 1 from holding h where h.holding_id = ? and h.as_of = j.as_of)""",
                customer + "-old"));
    }

    @Test
    void plannerMayNotForce() {
        String customer = customer();
        post(Api.planner(), "holdings", HOLDINGS + customer + "-a," + customer + ",BR-EAST,FUND,100,\n", NEWER,
                "&force=true").statusCode(403).contentType("application/problem+json");

        assertEquals(0, Db.count("select count(*) from holding where customer_id = ?", customer));
    }

    @Test
    void olderExtractInTheBackgroundEndsFailedWithTheConflict() {
        String customer = customer();
        post(Api.admin(), "holdings", HOLDINGS + customer + "-new," + customer + ",BR-EAST,FUND,100,\n", NEWER, "")
                .statusCode(200);

        String job = post(Api.admin(), "holdings", HOLDINGS + customer + "-old," + customer + ",BR-WEST,FUND,900,\n",
                OLDER, "&async=true").statusCode(202).extract().path("jobId");

        io.restassured.response.Response done = AsyncImportTest.awaitEnd(job);
        assertEquals("FAILED", done.path("state"));
        assertEquals(409, (int) done.path("problem.status"));
        assertEquals("stale-extract", done.path("problem.code"));
    }

    private static String customer() {
        String id = unique("ST");
        Csv.customers("BR-HOME", id);
        return id;
    }

    private static ValidatableResponse post(RequestSpecification as, String kind, String csv, String asOf, String query) {
        return as.contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/imports/" + kind + "?asOf=" + asOf + query).then();
    }
}
