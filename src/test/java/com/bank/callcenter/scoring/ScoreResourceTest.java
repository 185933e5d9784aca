package com.bank.callcenter.scoring;

import com.bank.callcenter.calls.CallBook;
import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.RecordedContacts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.bank.callcenter.support.RecordedContacts.answeredRmCall;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One RM's October 2026 score computed by hand from records written as the imports and calls
 * write them (targets: the defaults; October has 22 working days, so S = 60 × 22 = 1,320).
 */
@QuarkusTest
class ScoreResourceTest {

    private static final String PERIOD = "2026-10";
    /** Tuesday 2026-10-13 10:00 Asia/Shanghai. */
    private static final Instant OCTOBER_13 = Instant.parse("2026-10-13T02:00:00Z");

    @Inject
    PasswordHasher hasher;

    private static void snapshot(String customer, String asOf, String tier, String aum) {
        Db.execute("insert into customer_snapshot (as_of, customer_id, aum, tier) values (?, ?, ?, ?)",
                Date.valueOf(asOf), customer, new BigDecimal(aum), tier);
    }

    @Test
    void anRmsMonthByHand() {
        CallBook book = new CallBook(hasher);
        String rm = book.rm();
        String other = book.rm();
        String c1 = book.customer(rm, '0');
        String c2 = book.customer(rm, '0');
        String c3 = book.customer(rm, '0');
        // c1 moves up a tier (+40,000), c2 stays (−10,000), c3 is new in October (+15,000): developed 2, +45,000
        snapshot(c1, "2026-09-30", "LONG_TAIL", "20000");
        snapshot(c1, "2026-10-31", "MID_HIGH", "60000");
        snapshot(c2, "2026-09-15", "MID_HIGH", "80000");
        snapshot(c2, "2026-10-20", "MID_HIGH", "70000");
        snapshot(c3, "2026-10-10", "LONG_TAIL", "15000");
        // one key product in October (WEALTH); a time deposit is not one; a fund in November is outside
        String s1 = "S-" + UUID.randomUUID();
        Db.execute("insert into sale (sale_id, customer_id, staff_id, product_code, product_type, amount, sold_on, as_of)"
                + " values (?, ?, ?, 'WM-90D', 'WEALTH', 50000, date '2026-10-05', date '2026-10-31')", s1, c1, rm);
        Db.execute("insert into sale (sale_id, customer_id, staff_id, product_code, product_type, amount, sold_on, as_of)"
                + " values (?, ?, ?, 'TD-1Y', 'TIME_DEPOSIT', 30000, date '2026-10-06', date '2026-10-31')",
                "S-" + UUID.randomUUID(), c2, rm);
        Db.execute("insert into sale (sale_id, customer_id, staff_id, product_code, product_type, amount, sold_on, as_of)"
                + " values (?, ?, ?, 'FD-A', 'FUND', 10000, date '2026-11-02', date '2026-11-02')",
                "S-" + UUID.randomUUID(), c2, rm);
        // c1 newly holds two basic products (one customer); c2's came in September
        Db.execute("insert into penetration (customer_id, product, acquired_on, as_of) values"
                + " (?, 'MOBILE_BANKING', date '2026-10-08', date '2026-10-31'),"
                + " (?, 'CREDIT_CARD', date '2026-10-09', date '2026-10-31'),"
                + " (?, 'WECOM', date '2026-09-30', date '2026-10-31')", c1, c1, c2);
        // three effective calls (c1 on two days, c2), one too short
        UUID first = answeredRmCall(rm, c1, OCTOBER_13, 40);
        UUID second = answeredRmCall(rm, c1, OCTOBER_13.plusSeconds(86_400), 30);
        UUID third = answeredRmCall(rm, c2, OCTOBER_13.plusSeconds(600), 20);
        UUID tooShort = answeredRmCall(rm, c3, OCTOBER_13, 3);
        RecordedContacts.sms(rm, c1, "SENT", OCTOBER_13);
        RecordedContacts.sms(rm, c2, "SENT", OCTOBER_13);
        Db.execute("insert into score_qualitative (period, staff_id, training, daily_management, updated_by)"
                + " values (?, ?, 90, 40, 'supervisor')", PERIOD, rm);

        JsonPath row = Api.admin().when().get("/api/scores/{period}/{staffId}", PERIOD, rm).then().statusCode(200)
                .extract().jsonPath();
        Map<String, Float> points = new java.util.HashMap<>();
        Map<String, Float> measured = new java.util.HashMap<>();
        List<Map<String, Object>> indicators = row.getList("indicators");
        for (Map<String, Object> indicator : indicators) {
            points.put((String) indicator.get("code"), ((Number) indicator.get("points")).floatValue());
            measured.put((String) indicator.get("code"), ((Number) indicator.get("measured")).floatValue());
        }
        assertEquals(2f, measured.get("CUSTOMER_DEVELOPMENT"));
        assertEquals(15.00f, points.get("CUSTOMER_DEVELOPMENT"), "150 × 2 / 20");
        assertEquals(45000f, measured.get("ASSET_INCREMENT"));
        assertEquals(9.00f, points.get("ASSET_INCREMENT"), "100 × 45,000 / 500,000");
        assertEquals(25.00f, points.get("KEY_PRODUCTS"), "250 × 1 / 10");
        assertEquals(8.33f, points.get("PENETRATION"), "250 × 1 / 30");
        assertEquals(3f, measured.get("CALLS"));
        assertEquals(0.18f, points.get("CALLS"), "80 × 3 / 1,320");
        assertEquals(0.09f, points.get("SMS"), "20 × 2 / (20 × 22)");
        assertEquals(90f, points.get("TRAINING"));
        assertEquals(40f, points.get("DAILY_MANAGEMENT"));
        assertEquals(57.60f, row.getFloat("quantitative"));
        assertEquals(130.00f, row.getFloat("qualitative"));
        assertEquals(99.77f, row.getFloat("deduction"), "100 × (1,320 − 3) / 1,320");
        assertEquals(87.83f, row.getFloat("total"));
        assertEquals(22, row.getInt("standard.workingDays"));
        assertEquals(1317, row.getInt("standard.shortfall"));
        // the explanation measures this RM alone; the period's list measures every RM: the same row
        JsonPath list = Api.admin().when().get("/api/scores?period=" + PERIOD).then().statusCode(200).extract().jsonPath();
        assertEquals(87.83f, list.getFloat("find { it.staffId == '" + rm + "' }.total"));
        assertEquals(row.getList("indicators.points"), list.getList("find { it.staffId == '" + rm + "' }.indicators.points"));

        assertEquals(List.of(first.toString(), third.toString(), second.toString()), row.getList("records.CALLS.counted"));
        assertEquals(tooShort.toString(), row.getString("records.CALLS.notCounted[0].callId"));
        assertEquals("too-short", row.getString("records.CALLS.notCounted[0].rule"));
        assertEquals(List.of(s1), row.getList("records.KEY_PRODUCTS"));
        assertEquals(List.of(c1), row.getList("records.PENETRATION"));
        assertTrue(row.getList("records.CUSTOMER_DEVELOPMENT").containsAll(List.of(c1, c3)));
        assertEquals(2, row.getList("records.SMS.counted").size());

        // who may read it
        Api.as(rm).when().get("/api/scores/{period}/{staffId}", PERIOD, rm).then().statusCode(200);
        Api.as(other).when().get("/api/scores/{period}/{staffId}", PERIOD, rm).then().statusCode(403);
        Api.as(rm).when().get("/api/scores?period=" + PERIOD).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].staffId", equalTo(rm));
        Api.supervisor().when().get("/api/scores?period=" + PERIOD).then().statusCode(200);
        Api.planner().when().get("/api/scores?period=" + PERIOD).then().statusCode(403);
        Api.admin().when().get("/api/scores?period=2026-13").then().statusCode(400);
    }
}
