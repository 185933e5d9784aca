package com.bank.callcenter.scoring;

import com.bank.callcenter.calls.CallBook;
import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static com.bank.callcenter.support.RecordedContacts.answeredRmCall;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Targets, qualitative points, closing a period, the CSV export — and who may do each. */
@QuarkusTest
class ScoreEntriesTest {

    @Inject
    PasswordHasher hasher;

    private static float measuredCalls(String period, String rm) {
        return Api.admin().when().get("/api/scores/{p}/{rm}", period, rm).then().statusCode(200).extract().jsonPath()
                .getFloat("indicators.find { it.code == 'CALLS' }.measured");
    }

    @Test
    void targetsAreSetByIndicatorAndTheRestKeepTheirDefaults() {
        String rm = new CallBook(hasher).rm();
        // November 2026 up to the test clock's day (Wed 25th): 18 working days, so calls 1,080 and SMS 360 by default
        Api.supervisor().when().get("/api/targets/2026-11/{rm}", rm).then().statusCode(200)
                .body("calls", equalTo(1080)).body("sms", equalTo(360)).body("keyProducts", equalTo(10));
        Api.supervisor().contentType("application/json").body("{\"keyProducts\":4,\"calls\":900}")
                .when().put("/api/targets/2026-11/{rm}", rm).then().statusCode(200)
                .body("keyProducts", equalTo(4.0f)).body("calls", equalTo(900.0f)).body("sms", equalTo(360));
        Api.admin().contentType("application/json").body("{\"penetration\":12}")
                .when().put("/api/targets/2026-11/{rm}", rm).then().statusCode(200)
                .body("keyProducts", equalTo(4.0f)).body("penetration", equalTo(12.0f));
        Api.admin().contentType("application/json").body("{\"sms\":0}").when().put("/api/targets/2026-11/{rm}", rm)
                .then().statusCode(400).body("code", equalTo("invalid-target"));
        Api.admin().contentType("application/json").body("{\"assetIncrement\":-5}").when().put("/api/targets/2026-11/{rm}", rm)
                .then().statusCode(400);
        Api.admin().contentType("application/json").body("{\"sms\":5}").when().put("/api/targets/2026-11/nobody")
                .then().statusCode(404);
        Api.as(rm).contentType("application/json").body("{\"sms\":5}").when().put("/api/targets/2026-11/{rm}", rm)
                .then().statusCode(403);
        Api.planner().when().get("/api/targets/2026-11/{rm}", rm).then().statusCode(403);
        Api.admin().when().get("/api/targets/2026-1/{rm}", rm).then().statusCode(400);

        float keyProductsTarget = Api.as(rm).when().get("/api/scores/2026-11/{rm}", rm).then().statusCode(200)
                .extract().jsonPath().getFloat("indicators.find { it.code == 'KEY_PRODUCTS' }.target");
        assertEquals(4f, keyProductsTarget);
    }

    @Test
    void qualitativePointsStayWithinOneAndAHalfTimesTheirBase() {
        String rm = new CallBook(hasher).rm();
        Api.supervisor().contentType("application/json").body("{\"training\":151}")
                .when().put("/api/scores/2026-11/{rm}/qualitative", rm).then().statusCode(400)
                .body("code", equalTo("invalid-points"));
        Api.supervisor().contentType("application/json").body("{\"dailyManagement\":75.01}")
                .when().put("/api/scores/2026-11/{rm}/qualitative", rm).then().statusCode(400);
        Api.supervisor().contentType("application/json").body("{\"training\":-1}")
                .when().put("/api/scores/2026-11/{rm}/qualitative", rm).then().statusCode(400);
        Api.supervisor().contentType("application/json").body("{\"training\":150,\"dailyManagement\":75}")
                .when().put("/api/scores/2026-11/{rm}/qualitative", rm).then().statusCode(200);
        Api.as(rm).contentType("application/json").body("{\"training\":150}")
                .when().put("/api/scores/2026-11/{rm}/qualitative", rm).then().statusCode(403);
        Api.as(rm).when().get("/api/scores/2026-11/{rm}", rm).then().statusCode(200)
                .body("qualitative", equalTo(225.0f));
    }

    @Test
    void aClosedPeriodKeepsItsScoresAndRefusesEntries() {
        CallBook book = new CallBook(hasher);
        String rm = book.rm();
        String customer = book.customer(rm, '0');
        String period = "2025-02";
        answeredRmCall(rm, customer, Instant.parse("2025-02-10T02:00:00Z"), 60);
        assertEquals(1f, measuredCalls(period, rm));

        Api.as(rm).when().post("/api/scores/{p}/close", period).then().statusCode(403);
        Api.supervisor().when().post("/api/scores/{p}/close", period).then().statusCode(200);
        answeredRmCall(rm, book.customer(rm, '0'), Instant.parse("2025-02-11T02:00:00Z"), 60);
        assertEquals(1f, measuredCalls(period, rm), "a call recorded later changes nothing");
        Api.as(rm).when().get("/api/scores/{p}/{rm}", period, rm).then().statusCode(200)
                .body("closed", equalTo(true))
                .body("records.CALLS.counted.size()", equalTo(1))
                .body("records.CALLS.notCounted.size()", equalTo(0));
        Api.admin().when().get("/api/scores?period=" + period).then().statusCode(200)
                .body("find { it.staffId == '" + rm + "' }.closed", equalTo(true));
        Api.supervisor().contentType("application/json").body("{\"sms\":5}").when().put("/api/targets/{p}/{rm}", period, rm)
                .then().statusCode(409).body("code", equalTo("period-closed"));
        Api.supervisor().contentType("application/json").body("{\"training\":5}")
                .when().put("/api/scores/{p}/{rm}/qualitative", period, rm).then().statusCode(409);
        Api.admin().when().post("/api/scores/{p}/close", period).then().statusCode(409);
    }

    @Test
    void theExportOpensInExcelAndNeverEvaluatesACell() {
        String rm = new CallBook(hasher).rm();
        Db.execute("update staff set name = ? where staff_id = ?", "=HYPERLINK(\"http://x\",\"y\")", rm);
        byte[] file = Api.supervisor().when().get("/api/scores/export?period=2026-11&format=csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/csv")).extract().asByteArray();
        assertEquals((byte) 0xEF, file[0]);
        assertEquals((byte) 0xBB, file[1]);
        assertEquals((byte) 0xBF, file[2]);
        String csv = new String(file, StandardCharsets.UTF_8);
        assertTrue(csv.contains("CALLS measured,CALLS target,CALLS points"), csv.substring(0, 400));
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""), "the name is escaped and quoted");
        assertTrue(csv.lines().anyMatch(line -> line.startsWith(rm + ",")));
        Api.planner().when().get("/api/scores/export?period=2026-11&format=csv").then().statusCode(403);
        Api.admin().when().get("/api/scores/export?period=2026-11&format=xlsx").then().statusCode(400);
    }
}
