package com.bank.callcenter.scoring;

import com.bank.callcenter.support.TestCustomers;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Three RMs of one branch in August 2026, scored by hand through GET /api/scores with the settings
 * of {@link Settings}: KEY_PRODUCTS and PENETRATION by the standard deviation over the branch
 * (k = 0.5), and a calendar with two holidays and a Saturday worked, so W = 21 − 2 + 1 = 20 and the
 * standard S = 60 × 20 = 1,200 effective calls.
 */
@QuarkusTest
@TestProfile(ScoringMethodsTest.Settings.class)
class ScoringMethodsTest {

    public static class Settings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("callcenter.scoring.indicators.key-products.method", "STANDARD_DEVIATION",
                    "callcenter.scoring.indicators.penetration.method", "STANDARD_DEVIATION",
                    "callcenter.scoring.peer-group", "BRANCH",
                    "callcenter.scoring.k", "0.5",
                    "callcenter.calendar.holidays", "2026-08-03,2026-08-04",
                    "callcenter.calendar.extra-working-days", "2026-08-08");
        }
    }

    private static final String PERIOD = "2026-08";

    /** An active RM of {@code branch}. */
    private static String rm(String branch) {
        String id = "rm-sd-" + UUID.randomUUID().toString().substring(0, 8);
        Db.execute("insert into staff (staff_id, name, role, branch_id) values (?, ?, 'REMOTE_MANAGER', ?)",
                id, "RM " + id, branch);
        return id;
    }

    private static void keyProductSales(String rm, String customer, int count) {
        for (int i = 0; i < count; i++) {
            Db.execute("insert into sale (sale_id, customer_id, staff_id, product_code, product_type, amount, sold_on,"
                    + " as_of) values (?, ?, ?, 'WM-90D', 'WEALTH', 50000, date '2026-08-10', date '2026-08-31')",
                    "S-" + UUID.randomUUID(), customer, rm);
        }
    }

    /** One effective call (answered, 40 s) to each of {@code customers} on each of the period's 20 working days. */
    private static void effectiveCallsEveryWorkingDay(String rm, List<String> customers) {
        Db.execute("""
                with day as (
                  select cast(g as date) as d from generate_series(date '2026-08-01', date '2026-08-31', interval '1 day') g
                  where (extract(isodow from g) < 6 and cast(g as date) not in (date '2026-08-03', date '2026-08-04'))
                     or cast(g as date) = date '2026-08-08'),
                call as (
                  select gen_random_uuid() as id, c as customer_id,
                         (d + time '10:00') at time zone 'Asia/Shanghai' as at
                  from day cross join unnest(cast(? as text[])) c),
                contact as (
                  insert into contact_attempt (id, customer_id, channel, marketing, sent, staff_id, created_at)
                  select id, customer_id, 'AGENT_CALL', true, true, ?, at from call)
                insert into call_attempt (id, customer_id, staff_id, kind, state, outcome, queued_at, answer_at, end_at,
                                          talk_seconds)
                select id, customer_id, ?, 'AGENT_CALL', 'COMPLETED', 'ANSWERED', at, at + interval '5 seconds',
                       at + interval '45 seconds', 40 from call""", customers.toArray(String[]::new), rm, rm);
    }

    private static List<String> customers(String rm, String branch, int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> TestCustomers.customer("cu-sd-" + UUID.randomUUID().toString().substring(0, 12))
                        .branch(branch).manager(rm).insert())
                .toList();
    }

    @Test
    void standardDeviationOverTheBranchAndTheStandardOfAMonthWithHolidays() {
        String branch = "BR-SD-" + UUID.randomUUID().toString().substring(0, 6);
        String low = rm(branch);
        String middle = rm(branch);
        String high = rm(branch);
        // key products 1, 2, 6: μ = 3, σ = √(14/3) = 2.160247; penetration 0, 0, 0: σ = 0
        keyProductSales(low, customers(low, branch, 1).get(0), 1);
        keyProductSales(middle, customers(middle, branch, 1).get(0), 2);
        keyProductSales(high, customers(high, branch, 1).get(0), 6);
        // effective calls: none, 63 × 20 = 1,260 (over the standard), 30 × 20 = 600 (half of it)
        effectiveCallsEveryWorkingDay(middle, customers(middle, branch, 63));
        effectiveCallsEveryWorkingDay(high, customers(high, branch, 30));
        Db.execute("insert into score_qualitative (period, staff_id, training, daily_management, updated_by)"
                + " values (?, ?, 150, 75, 'supervisor')", PERIOD, high);

        JsonPath rows = Api.admin().when().get("/api/scores?period=" + PERIOD).then().statusCode(200)
                .extract().jsonPath();

        Map<String, Float> lowPoints = points(rows, low);
        assertEquals(134.27f, lowPoints.get("KEY_PRODUCTS"), "250 × (1 + 0.5 × (1 − 3) / 2.160247)");
        assertEquals(250.00f, lowPoints.get("PENETRATION"), "σ = 0 gives the base");
        assertEquals(0f, lowPoints.get("CALLS"));
        assertEquals(100.00f, value(rows, low, "deduction"), "no effective call: the whole 100");
        assertEquals(384.27f, value(rows, low, "quantitative"));
        assertEquals(284.27f, value(rows, low, "total"));

        Map<String, Float> middlePoints = points(rows, middle);
        assertEquals(192.14f, middlePoints.get("KEY_PRODUCTS"), "250 × (1 + 0.5 × (2 − 3) / 2.160247) = 192.136…");
        assertEquals(84.00f, middlePoints.get("CALLS"), "80 × 1,260 / 1,200");
        assertEquals(0f, value(rows, middle, "deduction"), "E ≥ S");
        assertEquals(526.14f, value(rows, middle, "total"));

        Map<String, Float> highPoints = points(rows, high);
        assertEquals(375.00f, highPoints.get("KEY_PRODUCTS"), "423.59 capped at 1.5 × 250");
        assertEquals(40.00f, highPoints.get("CALLS"), "80 × 600 / 1,200");
        assertEquals(50.00f, value(rows, high, "deduction"), "100 × (1,200 − 600) / 1,200");
        assertEquals(225.00f, value(rows, high, "qualitative"));
        assertEquals(840.00f, value(rows, high, "total"), "665 + 225 − 50");

        String high_ = "find { it.staffId == '" + high + "' }";
        assertEquals(20, rows.getInt(high_ + ".standard.workingDays"), "21 weekdays − 2 holidays + 1 Saturday");
        assertEquals(600, rows.getInt(high_ + ".standard.shortfall"));
        assertEquals("STANDARD_DEVIATION",
                rows.getString(high_ + ".indicators.find { it.code == 'KEY_PRODUCTS' }.method"));
        assertEquals(1200f, rows.getFloat(high_ + ".indicators.find { it.code == 'CALLS' }.target"));
        assertEquals(400f, rows.getFloat(high_ + ".indicators.find { it.code == 'SMS' }.target"), "20 × W");

        // the current period counts its working days up to today (the test clock's Wednesday 2026-11-25)
        assertEquals(18, Api.admin().when().get("/api/scores/2026-11/{rm}", low).then().statusCode(200)
                .extract().jsonPath().getInt("standard.workingDays"));
    }

    private static Map<String, Float> points(JsonPath rows, String staffId) {
        List<Map<String, Object>> indicators = rows.getList("find { it.staffId == '" + staffId + "' }.indicators");
        Map<String, Float> points = new HashMap<>();
        indicators.forEach(i -> points.put((String) i.get("code"), ((Number) i.get("points")).floatValue()));
        return points;
    }

    private static float value(JsonPath rows, String staffId, String field) {
        return rows.getFloat("find { it.staffId == '" + staffId + "' }." + field);
    }
}
