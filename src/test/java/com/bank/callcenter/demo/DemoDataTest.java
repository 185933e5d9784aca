package com.bank.callcenter.demo;

import com.bank.callcenter.campaigns.CampaignFiles;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestClock;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DemoDataTest {

    private static final int CUSTOMERS = 3_000;
    private static final Path SHIPPED = Path.of("campaigns");
    private static final int MANAGERS = 3;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final List<String> MEASURED = List.of("CUSTOMER_DEVELOPMENT", "ASSET_INCREMENT", "KEY_PRODUCTS",
            "PENETRATION", "CALLS", "SMS");

    @Inject
    DemoData demoData;

    @Inject
    TestClock clock;

    @Inject
    DemoDesk demoDesk;

    @Inject
    CampaignFiles campaignFiles;

    /** Both tests read one demo load: the demo bank's customer ids are fixed, a second load would be a stale extract. */
    private static LocalDate loadedAsOf;

    /** today: the demo start-up generates its bank as of today and builds today's lists. */
    private LocalDate loadOnce() {
        synchronized (DemoDataTest.class) {
            if (loadedAsOf == null) {
                LocalDate today = LocalDate.now(ZONE);
                assertTrue(demoData.load(DemoDataGenerator.Options.defaults(today)
                        .withCustomers(CUSTOMERS).withManagers(MANAGERS).withBranches(2).withSeed(11)));
                loadedAsOf = today;
            }
            return loadedAsOf;
        }
    }

    @Test
    void demoDataIsNotLoadedWhenNoDemoCustomersAreConfigured() {
        // %test.callcenter.demo.customers=0: tests bring their own data
        assertFalse(demoData.shouldLoad());
    }

    @Test
    void demoBankIsImportedThroughTheImportsWithWorkingDemoLoginsAndTheDeskOpens() {
        LocalDate today = loadOnce();

        assertEquals(CUSTOMERS, Db.count("select count(*) from customer where customer_id ~ '^C[0-9]{9}$'"));
        assertTrue(Db.count("select count(*) from holding where customer_id ~ '^C[0-9]{9}$'") > CUSTOMERS,
                "holdings were imported");
        assertTrue(Db.count("select count(*) from transfer where customer_id ~ '^C[0-9]{9}$' and same_name") > 0,
                "same-name outflows were imported");
        Api.as("rm001").when().get("/api/users/me").then().statusCode(200).body("roles", hasItem("RM"));
        assertTrue(Db.count("select count(*) from customer where customer_id ~ '^C[0-9]{9}$' and manager_id like 'rm%'") > 0,
                "long-tail customers were given to the demo RMs");

        // what DemoDesk does at start-up after the demo load and the campaign files (the shipped folder)
        assertEquals(List.of(), campaignFiles.load(SHIPPED));
        List<String> agentCampaigns = List.of("churn-risk", "cross-bank-outflow", "maturing-retention", "near-upgrade",
                "tier-downgrade-winback");
        try {
            List<DemoDesk.Opened> opened = demoDesk.open(SHIPPED, today);
            assertEquals(agentCampaigns, opened.stream().map(DemoDesk.Opened::campaignId).sorted().toList());
            for (String id : agentCampaigns) {
                assertEquals("ACTIVE", Db.value("select state from campaign where id = ?", id), id);
                assertEquals(1, Db.count("select count(*) from target_list where campaign_id = ? and as_of = ?", id, today),
                        id + " has a list for today");
            }
            assertEquals("DRAFT", Db.value("select state from campaign where id = 'payroll-prospects'"),
                    "robot campaigns are not the desk's: they stay as their files say");
            assertEquals("DRAFT", Db.value("select state from campaign where id = 'long-tail-activation'"),
                    "the robot campaign is left as its file says");
            long rm001 = 0;
            for (DemoDesk.Opened list : opened) {
                String count = Api.as("rm001").when().get("/api/lists/" + list.listId() + "/entries?size=1")
                        .then().statusCode(200).extract().header("X-Total-Count");
                rm001 += Long.parseLong(count);
            }
            assertTrue(rm001 > 0, "rm001 has customers in today's lists: " + opened);
            for (DemoDesk.Opened list : opened) {
                assertTrue(list.size() > 0, list.campaignId() + "'s list has customers to call");
            }
            // opening again (a second start) neither restarts nor rebuilds
            assertTrue(demoDesk.open(SHIPPED, today).stream().noneMatch(DemoDesk.Opened::started));
            assertEquals(agentCampaigns.size(), Db.count("""
                    select count(*) from target_list where as_of = ? and campaign_id = any(?)""",
                    today, agentCampaigns.toArray(String[]::new)));
        } finally {
            // other tests share this database: the shipped campaigns must not stay ACTIVE
            Db.execute("update campaign set state = 'ENDED' where source = 'FILE' and source_file is not null"
                    + " and id = any(?)", (Object) agentCampaigns.toArray(String[]::new));
        }
    }

    /**
     * The demo's past: last month's /scores has every demo RM with something measured on each
     * quantitative indicator, the RMs differ, one falls short of the call standard and one does not,
     * and the records show why calls and SMS were not counted.
     */
    @Test
    void lastMonthsScoresAreMeaningfulAtOnce() {
        LocalDate today = loadOnce();
        String period = YearMonth.from(today).minusMonths(1).toString();
        // the scores read the service's clock: the demo history is as of the real today
        clock.setTo(Instant.now());
        try {
            List<Map<String, Object>> rows = Api.admin().when().get("/api/scores?period=" + period).then()
                    .statusCode(200).extract().jsonPath().getList("$");
            Map<String, Map<String, Object>> demoRows = new TreeMap<>();
            for (Map<String, Object> row : rows) {
                String staffId = (String) row.get("staffId");
                if (staffId.matches("rm00[1-" + MANAGERS + "]")) {
                    demoRows.put(staffId, row);
                }
            }
            assertEquals(MANAGERS, demoRows.size(), "every demo RM has a row: " + demoRows.keySet());
            Map<String, Set<Float>> valuesByIndicator = new TreeMap<>();
            for (Map<String, Object> row : demoRows.values()) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> indicators = (List<Map<String, Object>>) row.get("indicators");
                for (Map<String, Object> indicator : indicators) {
                    String code = (String) indicator.get("code");
                    if (!MEASURED.contains(code)) {
                        continue;
                    }
                    float measured = ((Number) indicator.get("measured")).floatValue();
                    assertTrue(measured != 0, row.get("staffId") + " has a measured " + code + ": " + indicators);
                    valuesByIndicator.computeIfAbsent(code, k -> new HashSet<>()).add(measured);
                }
            }
            assertEquals(new TreeSet<>(MEASURED), valuesByIndicator.keySet());
            valuesByIndicator.forEach((code, values) -> assertTrue(values.size() > 1, code + " differs between RMs: " + values));
            List<Float> deductions = demoRows.values().stream().map(r -> ((Number) r.get("deduction")).floatValue()).toList();
            assertTrue(deductions.stream().anyMatch(d -> d > 0), "someone fell short of the call standard: " + deductions);
            assertTrue(deductions.stream().anyMatch(d -> d == 0), "someone met the call standard: " + deductions);

            JsonPath rm001 = Api.admin().when().get("/api/scores/{period}/{staffId}", period, "rm001").then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(Set.of("too-short", "repeat-same-day", "not-answered"),
                    new HashSet<>(rm001.getList("records.CALLS.notCounted.rule")));
            assertEquals(Set.of("not-accepted", "repeat-same-day"), new HashSet<>(rm001.getList("records.SMS.notCounted.rule")));
            assertEquals(0, Db.count("select count(*) from contact_attempt a join call_attempt c on c.id = a.id"
                    + " where c.staff_id like 'rm00%' and not (a.demo and not a.sent)"), "every history call is marked demo");
            assertEquals(0, Db.count("select count(*) from call_attempt where staff_id like 'rm00%' and queued_at >= ?",
                    java.sql.Timestamp.from(today.atStartOfDay(ZONE).toInstant())), "the history ends yesterday");
        } finally {
            clock.reset();
        }
    }
}
