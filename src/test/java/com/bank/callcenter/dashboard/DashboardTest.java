package com.bank.callcenter.dashboard;

import com.bank.callcenter.support.EventStream;
import com.bank.callcenter.customers.Tier;
import com.bank.callcenter.desk.AgentStates;
import com.bank.callcenter.robot.RobotCampaigns;
import com.bank.callcenter.robot.RobotDialer;
import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.sms.SmsBook;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Await;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.EmbeddedServersTestResource;
import com.bank.callcenter.support.TestClock;
import com.bank.callcenter.support.TestCustomers;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The supervisors' live dashboard against real calls, SMS and robot calls through the simulated PBX.
 * Its profile lets customers talk about 25 s (an RM who hangs up at once makes a short call) and lifts the
 * bank's frequency cap, so one customer can be called twice in a day.
 */
@QuarkusTest
@TestProfile(DashboardTest.LongTalks.class)
class DashboardTest {

    private static final Duration AWAIT = Duration.ofSeconds(40);
    private static final String TODAY = "2026-11-25";
    private static final int EFFECTIVE_SECONDS = 15;

    /** About 25 s of talk when nobody hangs up (effective: 15 s); no frequency cap. */
    public static class LongTalks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.telephony.simulator.talk-ms", "25000",
                    "%test.callcenter.campaigns.defaults.frequency-cap-days", "0");
        }
    }

    @Inject
    PasswordHasher hasher;

    @Inject
    TestClock clock;

    @Inject
    AgentStates states;

    @Inject
    RobotDialer dialer;

    @Inject
    RedisDataSource redis;

    @TestHTTPResource("/api/dashboard/stream")
    URL stream;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String branch = "BR-DB-" + tag;

    @BeforeEach
    void setUp() {
        clock.reset();
    }

    @AfterEach
    void tearDown() {
        states.present().forEach(agent -> states.choose(agent.staffId(), com.bank.callcenter.desk.AgentState.OFFLINE, null));
        clock.reset();
    }

    // ---------------------------------------------------------------- data

    private String rm(String branchId) {
        String id = "rm-db-" + tag + "-" + ThreadLocalRandom.current().nextInt(100_000);
        Db.execute("insert into staff (staff_id, name, role, branch_id, extension) values (?, ?, 'REMOTE_MANAGER', ?, ?)",
                id, "经理 " + id, branchId, "9" + ThreadLocalRandom.current().nextInt(100, 1000) + "0");
        Db.execute("insert into app_user (username, password_hash, roles, staff_id) values (?, ?, 'RM', ?)",
                id, hasher.hash(id), id);
        return id;
    }

    private String supervisorOf(String branchId) {
        String id = "sup-db-" + tag + "-" + ThreadLocalRandom.current().nextInt(100_000);
        Db.execute("insert into staff (staff_id, name, role, branch_id) values (?, ?, 'SUPERVISOR', ?)",
                id, "主管 " + id, branchId);
        Db.execute("insert into app_user (username, password_hash, roles, staff_id) values (?, ?, 'SUPERVISOR', ?)",
                id, hasher.hash(id), id);
        return id;
    }

    private String customer(String rm, char lastDigit) {
        String id = "db-" + UUID.randomUUID().toString().substring(0, 12);
        String mobile = "139" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)) + lastDigit;
        return TestCustomers.customer(id).branch(branch).mobile(mobile).aum("100000").tier(Tier.MID_HIGH)
                .manager(rm).asOfToday().insert();
    }

    private static String call(String rm, String customerId) {
        return Api.as(rm).contentType("application/json").body("{\"customerId\":\"" + customerId + "\"}")
                .when().post("/api/calls").then().statusCode(202).extract().path("callId");
    }

    private static String state(String callId) {
        return (String) Db.value("select state from call_attempt where id = cast(? as uuid)", callId);
    }

    private static Integer talk(String callId) {
        return (Integer) Db.value("select talk_seconds from call_attempt where id = cast(? as uuid)", callId);
    }

    /** A call the customer answers and talks in long enough to be effective (callcenter.scoring.effective-call-seconds). */
    private static String longCall(String rm, String customerId) {
        String callId = call(rm, customerId);
        try {
            Await.until("call " + callId + " talked long enough", AWAIT,
                    () -> "COMPLETED".equals(state(callId)) && talk(callId) != null && talk(callId) >= EFFECTIVE_SECONDS);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + state(callId) + ", talk " + talk(callId) + " s, events "
                    + Db.rows("select name, fields from call_event where call_id = cast(? as uuid)", callId));
        }
        return callId;
    }

    /** A call the RM hangs up as soon as the customer answers: a few seconds at most. */
    private static String shortCall(String rm, String customerId) {
        String callId = call(rm, customerId);
        Await.until("call " + callId + " answered", AWAIT, () -> !"QUEUED".equals(state(callId))
                && !"DIALING".equals(state(callId)) && !"RINGING".equals(state(callId)));
        Api.as(rm).when().post("/api/calls/{id}/hangup", callId).then().statusCode(202);
        Await.until("call " + callId + " ended", AWAIT, () -> "COMPLETED".equals(state(callId)));
        return callId;
    }

    private static long talkOf(String rm) {
        return Db.count("select coalesce(sum(talk_seconds), 0) from call_attempt where staff_id = ?", rm);
    }

    private static String finalCall(String rm, String customerId) {
        String callId = call(rm, customerId);
        Await.until("call " + callId + " ended", AWAIT, () -> List.of("COMPLETED", "FAILED").contains(state(callId)));
        return callId;
    }

    // ---------------------------------------------------------------- reading the dashboard

    private static JsonPath today(String user) {
        return Api.as(user).when().get("/api/dashboard/today").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> agent(JsonPath today, String rm) {
        return today.getMap("agents.find { it.staffId == '" + rm + "' }");
    }

    private static long counter(String user, String rm, String counter) {
        Map<String, Object> agent = agent(today(user), rm);
        return agent == null ? -1 : ((Number) agent.get(counter)).longValue();
    }

    private static void awaitDashboard(String what, String user, Predicate<JsonPath> condition) {
        Await.until(what, AWAIT, () -> condition.test(today(user)));
    }

    private static long value(JsonPath json, String path) {
        return ((Number) json.get(path)).longValue();
    }

    // ---------------------------------------------------------------- tests

    @Test
    void callsMoveTheCountersByTheScoreRules() {
        String rm = rm(branch);
        String x = customer(rm, '0');
        String y = customer(rm, '0');
        String busy = customer(rm, '1');

        longCall(rm, x);
        awaitDashboard("the first long call counted", "admin", t -> agent(t, rm) != null
                && ((Number) agent(t, rm).get("effective")).longValue() == 1);
        Map<String, Object> first = agent(today("admin"), rm);
        assertEquals(1, ((Number) first.get("dialled")).longValue());
        assertEquals(1, ((Number) first.get("answered")).longValue());

        longCall(rm, x);          // a second effective call to x: effective once per customer and day
        shortCall(rm, y);         // answered, but too short to be effective
        finalCall(rm, busy);      // dialled, not answered
        awaitDashboard("every call counted, with its talk", "admin", t -> ((Number) agent(t, rm).get("dialled")).longValue() == 4
                && ((Number) agent(t, rm).get("talkSeconds")).longValue() == talkOf(rm));
        long talkSeconds = talkOf(rm);

        String supervisor = supervisorOf(branch);
        JsonPath seen = today(supervisor);
        Map<String, Object> counted = agent(seen, rm);
        assertEquals(4, ((Number) counted.get("dialled")).longValue());
        assertEquals(3, ((Number) counted.get("answered")).longValue());
        assertEquals(1, ((Number) counted.get("effective")).longValue(), "two effective calls to x, a short one to y");
        assertEquals("经理 " + rm, counted.get("name"));
        // the branch is this RM's alone: the totals and hours are theirs
        assertEquals(4, value(seen, "totals.dialled"));
        assertEquals(3, value(seen, "totals.answered"));
        assertEquals(0.75, ((Number) seen.get("totals.answerRate")).doubleValue(), 1e-9);
        assertEquals(1, value(seen, "totals.effective"));
        assertEquals(Math.round((double) talkSeconds / 3), value(seen, "totals.avgTalkSeconds"));
        assertEquals(0, value(seen, "totals.callsInProgress"));
        assertEquals(24, seen.getList("hourly").size());
        assertEquals(4, value(seen, "hourly[10].dialled"), "the test clock reads 10:xx in Shanghai");
        assertEquals(3, value(seen, "hourly[10].answered"));
        assertTrue(talk(Db.value("select id from call_attempt where staff_id = ? and customer_id = ?", rm, y).toString()) < EFFECTIVE_SECONDS);
    }

    @Test
    void smsCountOncePerCustomerAndDay() {
        String rm = rm(branch);
        String x = customer(rm, '0');
        String y = customer(rm, '0');
        SmsBook.awaitFinal(rm, SmsBook.send(rm, SmsBook.json(x, "text", "您好")));
        SmsBook.awaitFinal(rm, SmsBook.send(rm, SmsBook.json(x, "text", "您好，再次打扰")));
        awaitDashboard("two SMS to x", "admin", t -> agent(t, rm) != null && ((Number) agent(t, rm).get("sms")).longValue() == 1);
        SmsBook.awaitFinal(rm, SmsBook.send(rm, SmsBook.json(y, "text", "您好")));
        awaitDashboard("an SMS to y", "admin", t -> ((Number) agent(t, rm).get("sms")).longValue() == 2);
        assertEquals(2, value(today(supervisorOf(branch)), "totals.sms"));
    }

    @Test
    void robotMenuChoicesAreCounted() {
        JsonPath before = today("admin");
        RobotCampaigns robot = new RobotCampaigns(dialer);
        robot.customer('4');
        robot.customer('5');
        robot.customer('6');
        robot.customer('7');
        String campaign = robot.robotCampaign(",\"robot\":{\"concurrency\":4,\"callsPerSecond\":50}");
        RobotCampaigns.buildList(campaign);
        RobotCampaigns.start(campaign);
        robot.drive(campaign, () -> RobotCampaigns.allEntriesIn(campaign, "DONE"));
        RobotCampaigns.pause(campaign);

        awaitDashboard("the robot's results", "admin", t -> value(t, "robot.pressed1") == value(before, "robot.pressed1") + 1
                && value(t, "robot.pressed2") == value(before, "robot.pressed2") + 1
                && value(t, "robot.pressed9") == value(before, "robot.pressed9") + 1
                && value(t, "robot.noInput") == value(before, "robot.noInput") + 1);
    }

    @Test
    void aBranchSupervisorSeesOnlyTheBranchsRms() {
        String mine = rm(branch);
        String other = rm("BR-DB-OTHER-" + tag);
        for (String rm : List.of(mine, other)) {
            Api.as(rm).contentType("application/json").body("{\"state\":\"READY\"}").when().put("/api/agent/state")
                    .then().statusCode(200);
        }
        awaitDashboard("both RMs READY", "supervisor", t -> agent(t, mine) != null && agent(t, other) != null
                && "READY".equals(agent(t, mine).get("state")) && "READY".equals(agent(t, other).get("state")));

        JsonPath branchView = today(supervisorOf(branch));
        assertEquals(List.of(mine), branchView.getList("agents.staffId"));
        assertEquals("READY", agent(branchView, mine).get("state"));
        assertTrue(agent(branchView, mine).get("since") != null);
        // the demo's supervisor (no branch) and admin see every RM
        assertTrue(today("admin").getList("agents.staffId").containsAll(List.of(mine, other)));
    }

    @Test
    void onlySupervisorsAndAdminsSeeTheDashboard() {
        String rm = rm(branch);
        for (String path : List.of("/api/dashboard/today", "/api/dashboard/stream")) {
            Api.as(rm).when().get(path).then().statusCode(403);
            Api.planner().when().get(path).then().statusCode(403);
            RestAssured.given().when().get(path).then().statusCode(401);
        }
        Api.supervisor().when().get("/api/dashboard/check?date=" + TODAY).then().statusCode(403);
        Api.as(rm).when().get("/api/dashboard/check?date=" + TODAY).then().statusCode(403);
        Api.supervisor().when().post("/api/dashboard/rebuild").then().statusCode(403);
        Api.supervisor().when().get("/api/dashboard/today").then().statusCode(200);
    }

    @Test
    void withoutRedisTheDashboardIsUnavailableAndWhenRedisComesBackEmptyTheDayIsRebuilt() {
        String rm = rm(branch);
        longCall(rm, customer(rm, '0'));
        Await.until("the call counted", AWAIT, () -> counter("admin", rm, "effective") == 1);

        EmbeddedServersTestResource.redis().stop();
        try {
            Api.admin().when().get("/api/dashboard/today").then().statusCode(503)
                    .contentType("application/problem+json").body("code", equalTo("dashboard-unavailable"));
        } finally {
            EmbeddedServersTestResource.redis().restart();
        }
        // the restarted Redis is empty: the day is rebuilt from PostgreSQL on the first look
        Await.until("the dashboard back", AWAIT, () -> Api.admin().when().get("/api/dashboard/today").statusCode() == 200);
        Map<String, Object> counted = agent(today("admin"), rm);
        assertEquals(1, ((Number) counted.get("dialled")).longValue());
        assertEquals(1, ((Number) counted.get("answered")).longValue());
        assertEquals(1, ((Number) counted.get("effective")).longValue());
        assertEquals(talkOf(rm), ((Number) counted.get("talkSeconds")).longValue());
    }

    @Test
    void aBadDateIsABadRequest() {
        for (String date : List.of("2026-13-01", "yesterday", "")) {
            Api.admin().when().get("/api/dashboard/check?date=" + date).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("invalid-date"));
        }
        Api.admin().when().get("/api/dashboard/check").then().statusCode(400).body("code", equalTo("invalid-date"));
    }

    @Test
    void theStreamDeliversTheCallJustMade() throws Exception {
        String rm = rm(branch);
        String x = customer(rm, '0');
        try (EventStream events = new EventStream(stream, supervisorOf(branch))) {
            assertEquals(200, events.status());
            Await.until("the first today event", AWAIT, () -> events.has("today", "\"agents\""));
            assertFalse(events.has("today", "\"dialled\":1"));
            finalCall(rm, x);
            Await.until("a today event with the call", AWAIT,
                    () -> events.has("today", "\"staffId\":\"" + rm + "\"") && events.has("today", "\"dialled\":1"));
        }
    }

    @Test
    void theCheckMatchesAfterActivityAndListsATamperedCounter() {
        String rm = rm(branch);
        String x = customer(rm, '0');
        longCall(rm, x);
        Await.until("the call counted", AWAIT, () -> counter("admin", rm, "effective") == 1);
        Await.until("live counters match PostgreSQL", AWAIT, () -> Api.admin().when()
                .get("/api/dashboard/check?date=" + TODAY).then().statusCode(200).extract().jsonPath().getBoolean("matches"));

        redis.hash(String.class, String.class, Long.class)
                .hincrby(LiveCounters.key(LocalDate.parse(TODAY), "counters"), CounterFields.rm(rm, CounterFields.DIALLED), 5);
        JsonPath check = Api.admin().when().get("/api/dashboard/check?date=" + TODAY).then().statusCode(200)
                .extract().jsonPath();
        assertFalse(check.getBoolean("matches"));
        assertEquals(TODAY, check.getString("date"));
        Map<String, Object> difference = check.getMap("differences.find { it.staffId == '" + rm + "' && it.counter == 'dialled' }");
        assertEquals(6, ((Number) difference.get("live")).longValue());
        assertEquals(1, ((Number) difference.get("recount")).longValue());
        assertEquals(6, counter("admin", rm, "dialled"), "the dashboard shows what Redis holds");

        JsonPath rebuilt = Api.admin().when().post("/api/dashboard/rebuild?date=" + TODAY).then().statusCode(200)
                .extract().jsonPath();
        assertTrue(rebuilt.getBoolean("matches"), rebuilt.prettify());
        assertEquals(1, counter("admin", rm, "dialled"));
    }

    @Test
    void aDayWithoutLiveCountersListsWhatPostgreSqlHas() {
        String rm = rm(branch);
        longCall(rm, customer(rm, '0'));
        Await.until("the call counted", AWAIT, () -> counter("admin", rm, "effective") == 1);
        LocalDate today = LocalDate.parse(TODAY);
        redis.key(String.class).del(LiveCounters.key(today, "counters"), LiveCounters.key(today, "records"),
                LiveCounters.key(today, "unique"));
        JsonPath check = Api.admin().when().get("/api/dashboard/check?date=" + TODAY).then().statusCode(200)
                .extract().jsonPath();
        assertFalse(check.getBoolean("matches"));
        Map<String, Object> effective = check.getMap("differences.find { it.staffId == '" + rm + "' && it.counter == 'effective' }");
        assertEquals(0, ((Number) effective.get("live")).longValue());
        assertEquals(1, ((Number) effective.get("recount")).longValue());
        assertNull(check.getMap("differences.find { it.staffId == 'nobody' }"));
        Api.admin().when().post("/api/dashboard/rebuild?date=" + TODAY).then().statusCode(200).body("matches", equalTo(true));
    }
}
