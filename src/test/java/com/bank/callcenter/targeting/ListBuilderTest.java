package com.bank.callcenter.targeting;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestCustomers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ListBuilderTest {

    private static final String AS_OF = "2026-11-20";
    private static final LocalDate DAY = LocalDate.parse(AS_OF);

    private static ValidatableResponse preview(String campaign) {
        return Api.planner().when().post("/api/campaigns/" + campaign + "/preview?asOf=" + AS_OF).then();
    }

    @SuppressWarnings("unchecked")
    private static List<String> previewIds(String campaign) {
        return preview(campaign).statusCode(200).extract().path("sample.customerId");
    }

    @Test
    void holdingConditionPicksProductsMaturingInTheDayRange() {
        Book book = new Book("LB-HOLD").withManager();
        book.holding(book.customer("LH-in", "LONG_TAIL", 20000), "TIME_DEPOSIT", 30000, DAY.plusDays(5));
        book.holding(book.customer("LH-late", "LONG_TAIL", 20000), "TIME_DEPOSIT", 30000, DAY.plusDays(20));
        book.holding(book.customer("LH-fund", "LONG_TAIL", 20000), "FUND", 30000, DAY.plusDays(5));
        book.holding(book.customer("LH-small", "LONG_TAIL", 20000), "WEALTH", 500, DAY.plusDays(5));
        String campaign = book.campaign("lh-campaign", "AGENT_CALL", """
                {"holding":{"types":["TIME_DEPOSIT","WEALTH"],"minAmount":1000,"maturesWithinDays":{"from":3,"to":15}}}""", null);

        assertEquals(List.of("LH-in"), previewIds(campaign));
        preview(campaign).body("count", equalTo(1))
                .body("sample[0].reason", containsString("定期存款 2026-11-25到期 30,000.00元"));
    }

    @Test
    void aumTierPayrollAndManagerConditionsCombine() {
        Book book = new Book("LB-AUM").withManager();
        book.manager("lb-aum-rm");
        book.customer("LA-near", "LONG_TAIL", 45000);
        book.customer("LA-low", "LONG_TAIL", 39999.99);
        book.customer("LA-edge", "MID_HIGH", 50000);
        book.customer("LA-pay", "MASS", 5000, "ACTIVE", book.mobile(), true, null);
        book.customer("LA-pay-owned", "MASS", 5000, "ACTIVE", book.mobile(), true, "lb-aum-rm");
        String near = book.campaign("la-near", "AGENT_CALL", "{\"aum\":{\"min\":40000,\"below\":50000}}", null);
        // ROBOT_CALL: an AGENT_CALL list leaves out customers without a manager (noManager)
        String payroll = book.campaign("la-payroll", "ROBOT_CALL",
                "{\"all\":[{\"tier\":[\"MASS\"]},{\"payroll\":true},{\"manager\":{\"assigned\":false}}]}", null);

        assertEquals(List.of("LA-near"), previewIds(near));
        assertEquals(List.of("LA-pay"), previewIds(payroll));
    }

    @Test
    void sameNameOutflowsAreSummedWithinTheWindow() {
        Book book = new Book("LB-OUT").withManager();
        String both = book.customer("LO-split", "LONG_TAIL", 30000);
        book.outflow(both, 6000, "2026-11-19T10:00:00+08:00", true);
        book.outflow(both, 6000, "2026-11-15T10:00:00+08:00", true);
        book.outflow(book.customer("LO-old", "LONG_TAIL", 30000), 50000, "2026-11-01T10:00:00+08:00", true);
        book.outflow(book.customer("LO-other", "LONG_TAIL", 30000), 50000, "2026-11-19T10:00:00+08:00", false);
        String campaign = book.campaign("lo-outflow", "AGENT_CALL",
                "{\"outflow\":{\"minAmount\":10000,\"withinDays\":7,\"sameName\":true}}",
                "{\"by\":\"OUTFLOW_AMOUNT\",\"direction\":\"DESC\"}");

        assertEquals(List.of("LO-split"), previewIds(campaign));
        preview(campaign).body("sample[0].reason", containsString("近7天同名跨行转出 12,000.00元"));
    }

    @Test
    void tierDropSinceLastMonthEndIsFound() {
        Book book = new Book("LB-TIER").withManager();
        String dropped = book.customer("LT-down", "LONG_TAIL", 30000);
        String same = book.customer("LT-same", "LONG_TAIL", 30000);
        String up = book.customer("LT-up", "MID_HIGH", 60000);
        LocalDate monthEnd = LocalDate.parse("2026-10-31");
        book.snapshot(dropped, monthEnd, "MID_HIGH", 60000);
        book.snapshot(same, monthEnd, "LONG_TAIL", 30000);
        book.snapshot(up, monthEnd, "LONG_TAIL", 30000);
        String campaign = book.campaign("lt-down", "AGENT_CALL",
                "{\"tierChange\":{\"direction\":\"DOWN\",\"since\":\"LAST_MONTH_END\"}}", null);

        assertEquals(List.of("LT-down"), previewIds(campaign));
        preview(campaign).body("sample[0].reason", containsString("等级由 MID_HIGH 降为 LONG_TAIL"));
    }

    @Test
    void daysSinceLastContactAndNotCombine() {
        Book book = new Book("LB-QUIET").withManager();
        book.customer("LQ-never", "LONG_TAIL", 20000);
        book.contacted(book.customer("LQ-long-ago", "LONG_TAIL", 20000), "2026-06-01T10:00:00+08:00");
        book.contacted(book.customer("LQ-recent", "LONG_TAIL", 20000), "2026-10-01T10:00:00+08:00");
        book.customer("LQ-mass", "MASS", 2000);
        String campaign = book.campaign("lq-quiet", "ROBOT_CALL",
                "{\"daysSinceLastContact\":{\"min\":90}},{\"not\":{\"tier\":[\"MASS\"]}}", null);

        assertEquals(List.of("LQ-long-ago", "LQ-never"), previewIds(campaign));
    }

    @Test
    void churnScoreRanksCustomersWhoseMoneyIsLeaving() {
        Book book = new Book("LB-CHURN").withManager();
        String leaving = book.customer("LC-leaving", "LONG_TAIL", 12000);
        book.snapshot(leaving, LocalDate.parse("2026-10-15"), "MID_HIGH", 60000);
        book.outflow(leaving, 20000, "2026-11-18T10:00:00+08:00", true);
        book.holding(leaving, "TIME_DEPOSIT", 1000, DAY.minusDays(3));
        String staying = book.customer("LC-staying", "LONG_TAIL", 30000);
        book.snapshot(staying, LocalDate.parse("2026-10-15"), "LONG_TAIL", 30000);
        book.contacted(staying, "2026-11-10T10:00:00+08:00");
        String campaign = book.campaign("lc-churn", "AGENT_CALL", "{\"churnScore\":{\"min\":60}}",
                "{\"by\":\"CHURN_SCORE\",\"direction\":\"DESC\"}");

        assertEquals(List.of("LC-leaving"), previewIds(campaign));
        preview(campaign).body("sample[0].reason", containsString("流失风险评分"));
    }

    @Test
    void everyStandingExclusionIsCountedUnderItsName() {
        Book book = new Book("LB-EXCL").withManager();
        book.customer("LE-ok", "LONG_TAIL", 20000);
        book.customer("LE-closed", "LONG_TAIL", 20000, "CLOSED", book.mobile(), false, null);
        book.customer("LE-deceased", "LONG_TAIL", 20000, "DECEASED", book.mobile(), false, null);
        book.customer("LE-nomobile", "LONG_TAIL", 20000, "ACTIVE", null, false, null);
        String refusing = book.mobile();
        book.customer("LE-dnc", "LONG_TAIL", 20000, "ACTIVE", refusing, false, null);
        book.doNotCall(refusing);
        book.complaint(book.customer("LE-complaint", "LONG_TAIL", 20000));
        book.contacted(book.customer("LE-capped", "LONG_TAIL", 20000), "2026-11-17T10:00:00+08:00");
        book.contacted(book.customer("LE-cap-over", "LONG_TAIL", 20000), "2026-11-10T10:00:00+08:00");
        String campaign = book.campaign("le-exclusions", "AGENT_CALL", "{\"tier\":[\"LONG_TAIL\"]}", null);

        preview(campaign).statusCode(200)
                .body("count", equalTo(2))
                .body("excluded.closed", equalTo(2))
                .body("excluded.noMobile", equalTo(1))
                .body("excluded.doNotCall", equalTo(1))
                .body("excluded.openComplaint", equalTo(1))
                .body("excluded.frequencyCap", equalTo(1))
                .body("sample.customerId", contains("LE-cap-over", "LE-ok"));
    }

    @Test
    void agentCallListLeavesOutCustomersWithoutAManagerAndCountsThem() {
        Book book = new Book("LB-NOMGR").withManager();
        String managed = book.customer("LNM-managed", "LONG_TAIL", 20000);
        String unmanaged = TestCustomers.customer("LNM-unmanaged").branch(book.branch()).mobile(book.mobile())
                .tier("LONG_TAIL").aum(20000).insert();
        String agent = book.campaign("lnm-agent", "AGENT_CALL", "{\"tier\":[\"LONG_TAIL\"]}", null);

        preview(agent).statusCode(200).body("count", equalTo(1))
                .body("excluded.noManager", equalTo(1))
                .body("excluded.doNotCall", equalTo(0))
                .body("sample.customerId", contains(managed));
        Integer listId = Api.planner().when().post("/api/campaigns/" + agent + "/lists?asOf=" + AS_OF)
                .then().statusCode(201).body("size", equalTo(1)).body("excluded.noManager", equalTo(1))
                .extract().path("listId");
        Api.supervisor().when().get("/api/lists/" + listId).then().statusCode(200)
                .body("excluded.noManager", equalTo(1));
        Api.supervisor().when().get("/api/lists/" + listId + "/entries").then().statusCode(200)
                .body("customerId", contains(managed));
        assertEquals("1", Db.value("select excluded->>'noManager' from target_list where id = ?", listId.longValue()));
        assertEquals(0, Db.count("select count(*) from list_entry where list_id = ? and customer_id = ?",
                listId.longValue(), unmanaged));
    }

    @Test
    void robotCallAndSmsListsKeepCustomersWithoutAManager() {
        Book book = new Book("LB-NOMGR-ROBOT").withManager();
        String managed = book.customer("LNR-managed", "LONG_TAIL", 20000);
        String unmanaged = TestCustomers.customer("LNR-unmanaged").branch(book.branch()).mobile(book.mobile())
                .tier("LONG_TAIL").aum(20000).insert();
        String robot = book.campaign("lnr-robot", "ROBOT_CALL", "{\"tier\":[\"LONG_TAIL\"]}", null);
        String sms = book.campaign("lnr-sms", "SMS", "{\"tier\":[\"LONG_TAIL\"]}", null);

        for (String campaign : List.of(robot, sms)) {
            preview(campaign).statusCode(200).body("count", equalTo(2))
                    .body("excluded.noManager", equalTo(0))
                    .body("sample.customerId", contains(managed, unmanaged));
        }
        Integer listId = Api.planner().when().post("/api/campaigns/" + robot + "/lists?asOf=" + AS_OF)
                .then().statusCode(201).body("size", equalTo(2)).body("excluded.noManager", equalTo(0))
                .extract().path("listId");
        Api.supervisor().when().get("/api/lists/" + listId + "/entries").then().statusCode(200)
                .body("customerId", contains(managed, unmanaged))
                .body("[1].managerId", nullValue());
    }

    @Test
    void builtListIsFrozenOrderedAndTheSameWhenBuiltTwice() {
        Book book = new Book("LB-BUILD").withManager();
        book.manager("lb-build-rm");
        book.holding(book.customer("LBU-3", "LONG_TAIL", 20000, "ACTIVE", book.mobile(), false, "lb-build-rm"),
                "TIME_DEPOSIT", 10000, DAY.plusDays(12));
        book.holding(book.customer("LBU-1", "LONG_TAIL", 20000), "WEALTH", 10000, DAY.plusDays(4));
        book.holding(book.customer("LBU-2", "LONG_TAIL", 20000), "TIME_DEPOSIT", 10000, DAY.plusDays(8));
        String campaign = book.campaign("lbu-build", "AGENT_CALL",
                "{\"holding\":{\"types\":[\"TIME_DEPOSIT\",\"WEALTH\"],\"maturesWithinDays\":{\"from\":3,\"to\":15}}}",
                "{\"by\":\"MATURITY_DATE\",\"direction\":\"ASC\"}");

        Integer listId = Api.planner().when().post("/api/campaigns/" + campaign + "/lists?asOf=" + AS_OF)
                .then().statusCode(201).body("size", equalTo(3)).body("buildMillis", notNullValue())
                .body("excluded.doNotCall", equalTo(0)).extract().path("listId");
        Api.supervisor().when().get("/api/lists/" + listId + "/entries").then().statusCode(200)
                .header("X-Total-Count", "3")
                .body("customerId", contains("LBU-1", "LBU-2", "LBU-3"))
                .body("priority", contains(1, 2, 3))
                .body("[2].managerId", equalTo("lb-build-rm"));
        Api.supervisor().when().get("/api/lists/" + listId + "/entries?page=1&size=2").then().statusCode(200)
                .body("customerId", contains("LBU-3"));

        // a new customer appears, but the list of that date never changes
        book.holding(book.customer("LBU-0", "LONG_TAIL", 20000), "WEALTH", 10000, DAY.plusDays(3));
        Api.admin().when().post("/api/campaigns/" + campaign + "/lists?asOf=" + AS_OF)
                .then().statusCode(200).body("listId", equalTo(listId)).body("size", equalTo(3))
                .body("alreadyBuilt", equalTo(true));
        assertEquals(3, Db.count("select count(*) from list_entry where list_id = ?", listId.longValue()));
    }

    @Test
    void entriesAlwaysBelongToAnExistingList() {
        long listId = listOfOneMaturingCustomer("LB-KEEP", "LBK-1", "lbk-keep");
        long missing = Db.count("select max(id) + 1000 from target_list");

        // V550 checks the list once per statement instead of a foreign-key lookup per entry: the same rule
        assertRefused("still referenced by list_entry", () -> Db.execute("delete from target_list where id = ?", listId));
        assertRefused("names a target_list that does not exist", () -> Db.execute(
                "insert into list_entry (list_id, customer_id, priority, reason) values (?, 'LBK-1', 1, 'x')", missing));
        assertRefused("names a target_list that does not exist", () -> Db.execute(
                "update list_entry set list_id = ? where list_id = ?", missing, listId));
        assertEquals(1, Db.count("select count(*) from list_entry where list_id = ?", listId));
    }

    @Test
    void anEntrysCallAndSmsAlwaysExist() {
        long listId = listOfOneMaturingCustomer("LB-ATT", "LBA-1", "lba-attempts");
        java.util.UUID call = java.util.UUID.randomUUID();
        java.sql.Timestamp at = java.sql.Timestamp.from(java.time.Instant.parse("2026-11-23T02:00:00Z"));
        Db.execute("insert into contact_attempt (id, customer_id, channel, created_at) values (?, 'LBA-1', 'AGENT_CALL', ?)",
                call, at);
        Db.execute("insert into call_attempt (id, customer_id, kind, state, queued_at) values (?, 'LBA-1', 'AGENT_CALL',"
                + " 'QUEUED', ?)", call, at);

        // a build writes them null; whoever sets them later names a call / SMS that exists, and it stays
        assertRefused("list_entry_last_call_id_fkey", () -> Db.execute(
                "update list_entry set last_call_id = ? where list_id = ?", java.util.UUID.randomUUID(), listId));
        assertRefused("list_entry_last_sms_id_fkey", () -> Db.execute(
                "update list_entry set last_sms_id = ? where list_id = ?", java.util.UUID.randomUUID(), listId));
        assertRefused("list_entry_last_call_id_fkey", () -> Db.execute(
                "insert into list_entry (list_id, customer_id, priority, reason, last_call_id) values (?, 'LBA-2', 2, 'x', ?)",
                listId, java.util.UUID.randomUUID()));
        Db.execute("update list_entry set last_call_id = ? where list_id = ?", call, listId);
        assertEquals(1, Db.count("select count(*) from list_entry where list_id = ? and last_call_id is not null", listId));
        assertRefused("list_entry_last_call_id_fkey", () -> Db.execute("delete from call_attempt where id = ?", call));
        assertEquals(1, Db.count("select count(*) from call_attempt where id = ?", call));
    }

    /** Builds, as a planner, the list of a campaign over one customer whose wealth product matures in 4 days. */
    private static long listOfOneMaturingCustomer(String bookName, String customerId, String campaignName) {
        Book book = new Book(bookName).withManager();
        book.holding(book.customer(customerId, "LONG_TAIL", 20000), "WEALTH", 10000, DAY.plusDays(4));
        String campaign = book.campaign(campaignName, "AGENT_CALL",
                "{\"holding\":{\"types\":[\"WEALTH\"],\"maturesWithinDays\":{\"from\":3,\"to\":15}}}", null);
        return Api.planner().when().post("/api/campaigns/" + campaign + "/lists?asOf=" + AS_OF)
                .then().statusCode(201).body("size", equalTo(1)).extract().<Integer>path("listId").longValue();
    }

    private static void assertRefused(String message, Runnable statement) {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                statement::run);
        assertTrue(refused.getCause().getMessage().contains(message), refused.getCause().getMessage());
    }

    @Test
    void sameRuleOnTheSameDataGivesTheSameEntries() {
        Book book = new Book("LB-DET").withManager();
        for (int i = 0; i < 30; i++) {
            book.holding(book.customer("LD-" + i, "LONG_TAIL", 20000 + i), "TIME_DEPOSIT", 5000, DAY.plusDays(3 + i % 10));
        }
        String rule = "{\"holding\":{\"types\":[\"TIME_DEPOSIT\"],\"maturesWithinDays\":{\"from\":3,\"to\":15}}}";
        String order = "{\"by\":\"MATURITY_DATE\"}";
        String first = book.campaign("ld-first", "AGENT_CALL", rule, order);
        String second = book.campaign("ld-second", "AGENT_CALL", rule, order);
        Api.planner().when().post("/api/campaigns/" + first + "/lists?asOf=" + AS_OF).then().statusCode(201);
        Api.planner().when().post("/api/campaigns/" + second + "/lists?asOf=" + AS_OF).then().statusCode(201);

        assertEquals(Db.rows("""
                        select e.customer_id, e.priority, e.reason from list_entry e join target_list l on l.id = e.list_id
                        where l.campaign_id = ? order by e.priority""", first),
                Db.rows("""
                        select e.customer_id, e.priority, e.reason from list_entry e join target_list l on l.id = e.list_id
                        where l.campaign_id = ? order by e.priority""", second));
    }

    @Test
    void rmSeesOnlyTheirOwnEntries() {
        Book book = new Book("LB-RM").withManager();
        book.manager("lb-rm-own");
        Db.execute("insert into app_user (username, password_hash, roles, staff_id) values ('lb-rm-own', ?, 'RM', 'lb-rm-own')",
                io.quarkus.elytron.security.common.BcryptUtil.bcryptHash("lb-rm-own", 4));
        book.customer("LR-mine", "LONG_TAIL", 20000, "ACTIVE", book.mobile(), false, "lb-rm-own");
        book.customer("LR-other", "LONG_TAIL", 20000);
        String campaign = book.campaign("lr-rm", "AGENT_CALL", "{\"tier\":[\"LONG_TAIL\"]}", null);
        Integer listId = Api.planner().when().post("/api/campaigns/" + campaign + "/lists?asOf=" + AS_OF)
                .then().statusCode(201).extract().path("listId");

        Api.as("lb-rm-own").when().get("/api/lists/" + listId + "/entries").then().statusCode(200)
                .body("customerId", contains("LR-mine"));
        Api.as("lb-rm-own").when().post("/api/campaigns/" + campaign + "/preview").then().statusCode(403);
        Api.as("lb-rm-own").when().post("/api/campaigns/" + campaign + "/lists").then().statusCode(403);
    }

    @Test
    void onlyPlannersAndAdminsBuildLists() {
        Book book = new Book("LB-ROLE").withManager();
        String campaign = book.campaign("lrole", "AGENT_CALL", "{\"tier\":[\"LONG_TAIL\"]}", null);
        Api.supervisor().when().post("/api/campaigns/" + campaign + "/lists").then().statusCode(403)
                .contentType("application/problem+json");
        Api.supervisor().when().post("/api/campaigns/" + campaign + "/preview").then().statusCode(200);
        given().when().post("/api/campaigns/" + campaign + "/preview").then().statusCode(401);
    }

    @Test
    void storedRuleThatCannotBeReadIsABadRuleNamingTheField() {
        Book book = new Book("LB-BAD").withManager();
        String campaign = book.campaign("lbad", "AGENT_CALL", "{\"holding\":{\"maturesWithinDays\":{\"from\":9,\"to\":3}}}", null);
        preview(campaign).statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("bad-rule"))
                .body("field", equalTo("rule.all[1].holding.maturesWithinDays.from"));
        Api.planner().when().post("/api/campaigns/no-such-campaign/preview").then().statusCode(404);
        Api.planner().when().get("/api/lists/987654/entries").then().statusCode(404);
        preview(campaign);
        Api.planner().when().post("/api/campaigns/" + campaign + "/preview?asOf=yesterday").then().statusCode(400);
    }

    @Test
    void previewSampleIsLimited() {
        Book book = new Book("LB-MANY").withManager();
        for (int i = 0; i < 25; i++) {
            book.customer("LM-" + String.format("%02d", i), "LONG_TAIL", 20000);
        }
        String campaign = book.campaign("lmany", "SMS", "{\"tier\":[\"LONG_TAIL\"]}", null);
        preview(campaign).statusCode(200).body("count", equalTo(25)).body("sample", hasSize(20));
    }
}
