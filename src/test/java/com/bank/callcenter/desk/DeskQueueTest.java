package com.bank.callcenter.desk;

import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestClock;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RM's queue: order, atomic claims, claim expiry, Redis lost and rebuilt, isolation between RMs. */
@QuarkusTest
class DeskQueueTest {

    @Inject
    PasswordHasher hasher;

    @Inject
    TestClock clock;

    @Inject
    RedisDataSource redis;

    @Inject
    DeskQueueUpkeep upkeep;

    @Inject
    AgentStates states;

    @Inject
    DeskConfig config;

    @Inject
    com.bank.callcenter.scoring.ScoringConfig scoring;

    private Desks desks;
    private final List<String> campaigns = new ArrayList<>();

    @BeforeEach
    void setUp() {
        clock.reset();
        desks = new Desks(hasher);
    }

    @AfterEach
    void tearDown() {
        campaigns.forEach(Desks::end);
        Desks.everyoneOffline(states);
        clock.reset();
    }

    private String campaign(int priority, String extra) {
        String id = desks.activeCampaign(priority, extra);
        campaigns.add(id);
        return id;
    }

    @Test
    void dueCallbacksFirstThenCampaignPriorityThenEntryPriority() {
        String rm = desks.rm();
        String small = desks.customer(rm, '0', "15000");
        String large = desks.customer(rm, '0', "45000");
        String low = campaign(50, null);
        String high = campaign(10, null);
        // both campaigns select both customers; the higher campaign (10) serves both first, richest first
        Desks.ready(rm);
        JsonPath first = Desks.take(rm);
        assertEquals(high, first.getString("campaign.id"));
        assertEquals(large, first.getString("customer.customerId"));
        JsonPath second = Desks.take(rm);
        assertEquals(high, second.getString("campaign.id"));
        assertEquals(small, second.getString("customer.customerId"));

        // a callback due now comes before the lower campaign's entries
        long callback = ((Number) Db.value("insert into callback (staff_id, customer_id, campaign_id, due_at, note,"
                + " created_at) values (?, ?, ?, now() - interval '1 minute', 'asked for it', now()) returning id",
                rm, small, high)).longValue();
        Db.execute("update callback set due_at = ? where id = ?", java.sql.Timestamp.from(clock.instant().minusSeconds(60)),
                callback);
        redis.execute("DEL", DeskQueue.BUILT);
        upkeep.upkeep(); // a fill picks it up, as after a restart
        JsonPath third = Desks.take(rm);
        assertEquals(callback, third.getLong("callbackId"));
        assertTrue(third.getString("reason").contains("asked for it"));

        JsonPath fourth = Desks.take(rm);
        assertEquals(low, fourth.getString("campaign.id"));
    }

    @Test
    void theCardShowsTheCustomerWithAMaskedNumberAndTheScript() {
        String rm = desks.rm();
        String customer = desks.customer(rm);
        String mobile = (String) Db.value("select mobile from customer where customer_id = ?", customer);
        Db.execute("insert into holding (holding_id, customer_id, branch_id, product_type, amount, maturity_date, as_of)"
                + " values (?, ?, ?, 'TIME_DEPOSIT', 30000.00, date '2026-12-02', date '2026-11-25')",
                customer + "-H1", customer, desks.branch());
        Db.execute("insert into transfer (transfer_id, customer_id, occurred_at, amount, direction, counterparty_bank,"
                + " same_name, as_of) values (?, ?, ?, 12000.00, 'OUT', '某商业银行', true, date '2026-11-25')",
                customer + "-T1", customer, java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(3))));
        campaign(20, null);
        Desks.ready(rm);
        Response next = Desks.next(rm);
        next.then().statusCode(200)
                .body("customer.customerId", equalTo(customer))
                .body("customer.mobileMasked", equalTo(mobile.substring(0, 3) + "****" + mobile.substring(7)))
                .body("campaign.script", containsString("RM " + rm))
                .body("entryId", org.hamcrest.Matchers.notNullValue())
                .body("claimExpiresAt", org.hamcrest.Matchers.notNullValue())
                .body("customer.holdings[0].productType", equalTo("TIME_DEPOSIT"))
                .body("customer.holdings[0].maturityDate", equalTo("2026-12-02"))
                .body("customer.outflows[0].counterpartyBank", equalTo("某商业银行"))
                .body("customer.outflows[0].amount", equalTo(12000.0f))
                .body("customer.recentContacts", org.hamcrest.Matchers.empty());
        assertFalse(next.asString().contains(mobile), "the full number never reaches the RM");
        assertEquals("IN_PROGRESS", Desks.entryState(next.jsonPath().getLong("entryId")));
    }

    @Test
    void notReadyIs409AndAnEmptyQueueIs204() {
        String rm = desks.rm();
        Desks.next(rm).then().statusCode(409).body("code", equalTo("not-ready"));
        Api.as(rm).contentType("application/json").body("{\"state\":\"PAUSED\"}").when().put("/api/agent/state")
                .then().statusCode(400);
        Api.as(rm).contentType("application/json").body("{\"state\":\"PAUSED\",\"reason\":\"lunch\"}")
                .when().put("/api/agent/state").then().statusCode(200).body("state", equalTo("PAUSED"))
                .body("reason", equalTo("lunch")).body("staffId", equalTo(rm));
        Desks.next(rm).then().statusCode(409);
        Desks.ready(rm);
        Api.as(rm).when().get("/api/agent/state").then().statusCode(200).body("state", equalTo("READY"))
                .body("since", org.hamcrest.Matchers.notNullValue());
        Desks.next(rm).then().statusCode(204);
        Api.as(rm).contentType("application/json").body("{\"state\":\"ON_CALL\"}").when().put("/api/agent/state")
                .then().statusCode(400);
    }

    @Test
    void manyClicksAtOnceNeverGetTheSameEntry() throws Exception {
        String rm = desks.rm();
        int size = 30;
        for (int i = 0; i < size; i++) {
            desks.customer(rm, '0', Integer.toString(11_000 + i));
        }
        campaign(30, null);
        Desks.ready(rm);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> clicks = new ArrayList<>();
            for (int i = 0; i < size + 10; i++) {
                clicks.add(() -> {
                    Response next = Desks.next(rm);
                    return next.statusCode() == 200 ? next.jsonPath().getLong("entryId") : -next.statusCode();
                });
            }
            List<Long> served = new ArrayList<>();
            for (Future<Long> click : pool.invokeAll(clicks)) {
                served.add(click.get());
            }
            List<Long> entries = served.stream().filter(id -> id > 0).toList();
            assertEquals(size, entries.size(), "every entry served: " + served);
            assertEquals(size, new HashSet<>(entries).size(), "none twice: " + served);
            assertEquals(10, served.stream().filter(id -> id == -204).count(), "the rest found nothing: " + served);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClaimNotActedOnReturnsToTheQueue() {
        String rm = desks.rm();
        String customer = desks.customer(rm);
        campaign(40, null);
        Desks.ready(rm);
        long entry = Desks.take(rm).getLong("entryId");
        Desks.next(rm).then().statusCode(204);

        clock.setTo(clock.instant().plus(config.claimTtl()).plusSeconds(1));
        upkeep.upkeep();
        assertEquals("PENDING", Desks.entryState(entry));
        JsonPath again = Desks.take(rm);
        assertEquals(entry, again.getLong("entryId"));
        assertEquals(customer, again.getString("customer.customerId"));
    }

    @Test
    void afterRedisLostItsQueuesTheyAreRebuiltAndNothingIsServedTwice() {
        String rm = desks.rm();
        for (int i = 0; i < 5; i++) {
            desks.customer(rm, '0', Integer.toString(12_000 + i));
        }
        campaign(35, null);
        Desks.ready(rm);
        Set<Long> served = new HashSet<>();
        served.add(Desks.take(rm).getLong("entryId"));
        served.add(Desks.take(rm).getLong("entryId"));

        // what a FLUSHALL or a restarted Redis leaves of the desk: nothing
        io.vertx.mutiny.redis.client.Response keys = redis.execute("KEYS", "callcenter:desk:*");
        List<String> names = new ArrayList<>();
        keys.forEach(k -> names.add(k.toString()));
        if (!names.isEmpty()) {
            redis.execute("DEL", names.toArray(new String[0]));
        }

        for (int i = 0; i < 3; i++) {
            assertTrue(served.add(Desks.take(rm).getLong("entryId")), "served twice: " + served);
        }
        Desks.next(rm).then().statusCode(204);
        assertEquals(5, served.size());
    }

    @Test
    void anRmGetsOnlyTheirOwnCustomers() {
        String mine = desks.rm();
        String theirs = desks.rm();
        String myCustomer = desks.customer(mine);
        String theirCustomer = desks.customer(theirs);
        desks.customer(null); // nobody's customer: not in an agent list at all
        campaign(45, null);
        Desks.ready(mine);
        Desks.ready(theirs);
        JsonPath card = Desks.take(mine);
        assertEquals(myCustomer, card.getString("customer.customerId"));
        Desks.next(mine).then().statusCode(204);
        long theirEntry = Desks.take(theirs).getLong("entryId");
        assertEquals(theirCustomer, Db.value("select customer_id from list_entry where id = ?", theirEntry));

        // another RM's claimed entry cannot be called by me
        Api.as(mine).contentType("application/json")
                .body("{\"customerId\":\"%s\",\"entryId\":%d}".formatted(theirCustomer, theirEntry))
                .when().post("/api/calls").then().statusCode(403);
        Api.as(mine).contentType("application/json")
                .body("{\"customerId\":\"%s\",\"entryId\":%d}".formatted(myCustomer, theirEntry))
                .when().post("/api/calls").then().statusCode(404);
        Api.as(mine).when().get("/api/agent/callbacks").then().statusCode(200)
                .body("customerId", not(org.hamcrest.Matchers.hasItem(theirCustomer)));
    }

    @Test
    void theDeskIsForRmsOnly() {
        for (String path : List.of("/api/agent/state", "/api/agent/callbacks", "/api/agent/today", "/api/agent/current")) {
            Api.planner().when().get(path).then().statusCode(403);
            Api.supervisor().when().get(path).then().statusCode(403);
            Api.admin().when().get(path).then().statusCode(403);
            io.restassured.RestAssured.given().when().get(path).then().statusCode(401);
        }
        Api.supervisor().when().post("/api/agent/next").then().statusCode(403);
        Api.planner().when().get("/api/agent/events").then().statusCode(403);
        Api.supervisor().when().post("/api/calls/{id}/hangup", java.util.UUID.randomUUID()).then().statusCode(403);
        Api.planner().contentType("application/json").body("{\"state\":\"READY\"}").when().put("/api/agent/state")
                .then().statusCode(403);
        Api.supervisor().contentType("application/json").body("{\"code\":\"SOLD\",\"productCode\":\"X\"}")
                .when().post("/api/calls/{id}/disposition", java.util.UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    void todayCountsTheRmsQueue() {
        String rm = desks.rm();
        desks.customer(rm);
        desks.customer(rm, '0', "30000");
        campaign(46, null);
        Desks.ready(rm);
        Desks.take(rm); // fills the queue, takes one
        Api.as(rm).when().get("/api/agent/today").then().statusCode(200)
                .body("queueLength", equalTo(1)).body("dialled", equalTo(0))
                .body("effectiveStandard", equalTo(scoring.effectiveCallsPerWorkingDay()));
    }
}
