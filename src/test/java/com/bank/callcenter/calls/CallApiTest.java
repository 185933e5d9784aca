package com.bank.callcenter.calls;

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

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CallApiTest {

    @Inject
    PasswordHasher hasher;

    @Inject
    TestClock clock;

    @Inject
    RedisDataSource redis;

    private CallBook book;

    @BeforeEach
    void setUp() {
        book = new CallBook(hasher);
        clock.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void answeredCallCompletesWithTalkTimeAndTimes() {
        String rm = book.rm();
        String customer = book.customer(rm, '0');
        String callId = Calls.place(rm, customer);

        JsonPath call = Calls.awaitCall(rm, callId, c -> "COMPLETED".equals(c.getString("state"))
                && c.get("talkSeconds") != null);
        assertEquals("ANSWERED", call.getString("outcome"));
        assertTrue(call.getInt("talkSeconds") > 0, "talkSeconds " + call.getInt("talkSeconds"));
        assertNotNull(call.getString("startedAt"));
        assertNotNull(call.getString("answeredAt"));
        assertNotNull(call.getString("endedAt"));
        assertTrue(Instant.parse(call.getString("endedAt")).isAfter(Instant.parse(call.getString("answeredAt"))));
        assertEquals(16, call.getInt("hangupCause"));
        assertEquals(callId, call.getString("callId"));
    }

    @Test
    void answeredCallKeepsWhatAsteriskSaidAndOneContactAttempt() {
        String rm = book.rm();
        String customer = book.customer(rm, '8');
        String callId = Calls.place(rm, customer);
        Calls.awaitState(rm, callId, "COMPLETED");
        UUID id = UUID.fromString(callId);

        assertEquals(1, Db.count("select count(*) from contact_attempt where id = ? and customer_id = ?"
                + " and channel = 'AGENT_CALL' and staff_id = ?", id, customer, rm));
        assertTrue(Db.count("select count(*) from call_event where call_id = ? and name = 'Hangup'", id) > 0);
        assertEquals("callcenter/" + callId + ".wav", Db.value("select recording_file from call_attempt where id = ?", id));
        assertNotNull(Db.value("select unique_id from call_attempt where id = ?", id));
        assertNotNull(Db.value("select customer_unique_id from call_attempt where id = ?", id));
    }

    @Test
    void busyCustomerFailsBusy() {
        assertFailsWith('1', "BUSY");
    }

    @Test
    void congestedCarrierFailsCongestion() {
        assertFailsWith('2', "CONGESTION");
    }

    @Test
    void unansweredCustomerFailsNoAnswer() {
        assertFailsWith('3', "NO_ANSWER");
    }

    private void assertFailsWith(char lastDigit, String outcome) {
        String rm = book.rm();
        String callId = Calls.place(rm, book.customer(rm, lastDigit));
        JsonPath call = Calls.awaitFinal(rm, callId);
        assertEquals("FAILED", call.getString("state"));
        assertEquals(outcome, call.getString("outcome"));
        assertNull(call.get("answeredAt"));
        assertNotNull(call.getString("endedAt"));
    }

    @Test
    void busyRmPhoneFailsAgentUnavailableWithoutDiallingTheCustomer() {
        String rm = book.rm('1');
        String callId = Calls.place(rm, book.customer(rm, '0'));
        JsonPath call = Calls.awaitFinal(rm, callId);
        assertEquals("FAILED", call.getString("state"));
        assertEquals("AGENT_UNAVAILABLE", call.getString("outcome"));
        assertNull(Db.value("select customer_unique_id from call_attempt where id = ?", UUID.fromString(callId)));
    }

    @Test
    void customerNumberIsNeverReturned() {
        String rm = book.rm();
        String customer = book.customer(rm, '9');
        String mobile = CallBook.mobileOf(customer);
        String body = Api.as(rm).contentType("application/json").body("{\"customerId\":\"" + customer + "\"}")
                .when().post("/api/calls").then().statusCode(202).extract().asString();
        assertFalse(body.contains(mobile));
        String callId = JsonPath.from(body).getString("callId");
        Calls.awaitFinal(rm, callId);
        assertFalse(Api.as(rm).get("/api/calls/" + callId).asString().contains(mobile));
    }

    @Test
    void doNotCallIsCheckedAtSendTime() {
        String rm = book.rm();
        String customer = book.customer(rm, '0');
        Db.execute("insert into do_not_call (mobile, reason, source) values (?, 'opt-out', 'TEST')", CallBook.mobileOf(customer));
        refused(rm, customer, "do-not-call");
    }

    @Test
    void callOutsideTheCallingWindowIsRefused() {
        String rm = book.rm();
        String customer = book.customer(rm, '0');
        clock.setTo(Instant.parse("2026-11-25T12:30:00Z")); // 20:30 in Shanghai
        refused(rm, customer, "outside-calling-window");
        clock.setTo(Instant.parse("2026-11-28T02:00:00Z")); // Saturday 10:00
        refused(rm, customer, "outside-calling-window");
    }

    @Test
    void customerContactedWithinTheCapIsRefused() {
        String rm = book.rm();
        String customer = book.customer(rm, '0');
        Db.execute("insert into contact_attempt (id, customer_id, channel, created_at) values (?, ?, 'SMS', ?)",
                UUID.randomUUID(), customer, java.sql.Timestamp.from(TestClock.WORKING_HOURS.minusSeconds(2 * 86400)));
        refused(rm, customer, "frequency-cap");
    }

    private static void refused(String rm, String customer, String code) {
        Api.as(rm).contentType("application/json").body("{\"customerId\":\"" + customer + "\"}")
                .when().post("/api/calls")
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo(code));
        assertEquals(0, Db.count("select count(*) from call_attempt where customer_id = ?", customer));
    }

    @Test
    void customerIsNeverDialledByTwoCallsAtOnce() throws Exception {
        String rm = book.rm();
        String customer = book.customer(rm, '3');
        Callable<Response> post = () -> Api.as(rm).contentType("application/json")
                .body("{\"customerId\":\"" + customer + "\"}").when().post("/api/calls");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Response>> both = pool.invokeAll(List.of(post, post));
            List<Integer> statuses = List.of(both.get(0).get().statusCode(), both.get(1).get().statusCode());
            assertTrue(statuses.contains(202) && statuses.contains(409), statuses.toString());
            Response refused = both.get(0).get().statusCode() == 409 ? both.get(0).get() : both.get(1).get();
            assertEquals("customer-busy", refused.jsonPath().getString("code"));
        } finally {
            pool.shutdown();
        }
        assertEquals(1, Db.count("select count(*) from call_attempt where customer_id = ?", customer));
    }

    @Test
    void dialingLockIsHeldDuringTheCallAndReleasedAtItsEnd() {
        String rm = book.rm();
        String customer = book.customer(rm, '3');
        String key = "callcenter:dialing:" + customer;
        String callId = Calls.place(rm, customer);
        assertEquals(callId, redis.value(String.class).get(key));
        Calls.awaitFinal(rm, callId);
        Calls.await("dialing lock released", () -> redis.key().exists(key) == false);
    }

    @Test
    void plannerAndSupervisorCannotPlaceCalls() {
        String rm = book.rm();
        String customer = book.customer(rm, '0');
        for (String user : List.of("planner", "supervisor")) {
            Api.as(user).contentType("application/json").body("{\"customerId\":\"" + customer + "\"}")
                    .when().post("/api/calls").then().statusCode(403);
        }
    }

    @Test
    void anonymousCallerIsChallenged() {
        given().contentType("application/json").body("{\"customerId\":\"x\"}").when().post("/api/calls")
                .then().statusCode(401);
        given().when().get("/api/calls/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void rmCannotCallOutsideTheirBook() {
        String owner = book.rm();
        String other = book.rm();
        String customer = book.customer(owner, '0');
        Api.as(other).contentType("application/json").body("{\"customerId\":\"" + customer + "\"}")
                .when().post("/api/calls").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void rmCannotReadAnotherRmsCall() {
        String owner = book.rm();
        String other = book.rm();
        String callId = Calls.place(owner, book.customer(owner, '1'));
        Api.as(other).when().get("/api/calls/" + callId).then().statusCode(403);
        Api.supervisor().when().get("/api/calls/" + callId).then().statusCode(200).body("callId", equalTo(callId));
        Calls.awaitFinal(owner, callId);
    }

    @Test
    void unknownCustomerIsNotFound() {
        String rm = book.rm();
        Api.as(rm).contentType("application/json").body("{\"customerId\":\"no-such-customer\"}")
                .when().post("/api/calls").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void customerWithoutValidMobileIsAConflict() {
        String rm = book.rm();
        String customer = book.customerWithMobile(rm, null);
        Api.as(rm).contentType("application/json").body("{\"customerId\":\"" + customer + "\"}")
                .when().post("/api/calls").then().statusCode(409).body("code", equalTo("no-valid-mobile"));
    }

    @Test
    void unknownCallIsNotFound() {
        Api.supervisor().when().get("/api/calls/" + UUID.randomUUID()).then().statusCode(404);
    }
}
