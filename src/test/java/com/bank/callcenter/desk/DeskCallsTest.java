package com.bank.callcenter.desk;

import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Await;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calls from the desk: the entry moves with the call, dispositions, callbacks, progressive dialing, wrap-up. */
@QuarkusTest
class DeskCallsTest {

    private static final Duration AWAIT = Duration.ofSeconds(30);

    @Inject
    PasswordHasher hasher;

    @Inject
    TestClock clock;

    @Inject
    AgentStates states;

    @Inject
    DeskQueueUpkeep upkeep;

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

    private String campaign(String extra) {
        String id = desks.activeCampaign(60, extra);
        campaigns.add(id);
        return id;
    }

    /** Takes the one customer and calls them; returns {entryId, callId}. */
    private Object[] takeAndCall(String rm) {
        JsonPath card = Desks.take(rm);
        long entry = card.getLong("entryId");
        String callId = Desks.call(rm, card.getString("customer.customerId"), entry);
        return new Object[] {entry, callId};
    }

    private static void awaitCall(String callId, String state) {
        Await.until("call " + callId + " " + state, AWAIT, () -> state.equals(Desks.callState(callId)));
    }

    @Test
    void anAnsweredCallBelongsToItsEntryAndTheDispositionSettlesIt() {
        String rm = desks.rm();
        String customer = desks.customer(rm);
        String campaign = campaign(null);
        Desks.ready(rm);
        Object[] placed = takeAndCall(rm);
        long entry = (long) placed[0];
        String callId = (String) placed[1];
        assertEquals(campaign, Db.value("select campaign_id from call_attempt where id = cast(? as uuid)", callId));
        assertEquals(entry, ((Number) Db.value("select entry_id from call_attempt where id = cast(? as uuid)", callId)).longValue());
        assertEquals(Db.value("select list_id from list_entry where id = ?", entry),
                Db.value("select list_id from contact_attempt where id = cast(? as uuid)", callId),
                "the contact attempt belongs to the campaign's list");
        assertEquals(1, ((Number) Db.value("select attempts from list_entry where id = ?", entry)).intValue());
        Await.until("RM on the call", AWAIT, () -> states.view(rm).state() == AgentState.ON_CALL
                || states.view(rm).state() == AgentState.WRAP_UP);

        awaitCall(callId, "COMPLETED");
        Await.until("entry settled", AWAIT, () -> "DONE".equals(Desks.entryState(entry)));
        Await.until("RM in wrap-up", AWAIT, () -> states.view(rm).state() == AgentState.WRAP_UP);
        Desks.next(rm).then().statusCode(409).body("code", equalTo("not-ready"));

        Desks.disposition(rm, callId, "{\"code\":\"SOLD\",\"productCode\":\"WM-90D\",\"note\":\"renewed\"}")
                .then().statusCode(200);
        assertEquals("SOLD", Db.value("select last_outcome from list_entry where id = ?", entry));
        assertEquals("WM-90D", Db.value("select product_code from call_attempt where id = cast(? as uuid)", callId));
        assertEquals(AgentState.READY, states.view(rm).state(), "the disposition ends the wrap-up");
        Desks.disposition(rm, callId, "{\"code\":\"INTERESTED\"}").then().statusCode(409)
                .body("code", equalTo("already-dispositioned"));
        assertEquals(customer, Db.value("select customer_id from call_attempt where id = cast(? as uuid)", callId));
    }

    @Test
    void aFailedCallIsRetriedAsTheCampaignSays() {
        String rm = desks.rm();
        desks.customer(rm, '1', "20000"); // busy
        campaign(",\"contactPolicy\":{\"retries\":{\"BUSY\":{\"afterMinutes\":0,\"maxAttempts\":2}}}");
        Desks.ready(rm);
        Object[] first = takeAndCall(rm);
        long entry = (long) first[0];
        awaitCall((String) first[1], "FAILED");
        Await.until("entry pending again", AWAIT, () -> "PENDING".equals(Desks.entryState(entry)));
        assertEquals("BUSY", Db.value("select last_outcome from list_entry where id = ?", entry));
        states.endWrapUps();
        Desks.disposition(rm, (String) first[1], "{\"code\":\"NO_ANSWER\"}")
                .then().statusCode(200);
        upkeep.upkeep();

        Object[] second = takeAndCall(rm);
        assertEquals(entry, (long) second[0], "the same entry again: attempt 2 of 2");
        awaitCall((String) second[1], "FAILED");
        Await.until("entry done after the last attempt", AWAIT, () -> "DONE".equals(Desks.entryState(entry)));
        assertEquals(2, ((Number) Db.value("select attempts from list_entry where id = ?", entry)).intValue());
    }

    @Test
    void everyDispositionCodeIsValidated() {
        String rm = desks.rm();
        String other = desks.rm();
        for (int i = 0; i < 7; i++) {
            desks.customer(rm, '0', Integer.toString(20_000 + i));
        }
        campaign(null);
        Desks.ready(rm);
        Instant inWindow = clock.instant().plus(Duration.ofDays(1)); // tomorrow 10:00 Shanghai, a Thursday
        Instant night = clock.instant().plus(Duration.ofHours(12)); // 22:00 Shanghai
        String[][] codes = {
                {"INTERESTED", "{\"code\":\"INTERESTED\",\"note\":\"wants a brochure\"}"},
                {"NOT_INTERESTED", "{\"code\":\"NOT_INTERESTED\"}"},
                {"CALLBACK", "{\"code\":\"CALLBACK\",\"callbackAt\":\"" + inWindow + "\",\"note\":\"after payday\"}"},
                {"SOLD", "{\"code\":\"SOLD\",\"productCode\":\"TD-1Y\"}"},
                {"WRONG_NUMBER", "{\"code\":\"WRONG_NUMBER\"}"},
                {"NO_ANSWER", "{\"code\":\"NO_ANSWER\"}"},
                {"DO_NOT_CALL", "{\"code\":\"DO_NOT_CALL\",\"note\":\"asked not to be called\"}"}};
        for (String[] code : codes) {
            Object[] placed = takeAndCall(rm);
            String callId = (String) placed[1];
            awaitCall(callId, "COMPLETED");
            if (code[0].equals("CALLBACK")) {
                Desks.disposition(rm, callId, "{\"code\":\"CALLBACK\"}").then().statusCode(400)
                        .body("code", equalTo("callback-at-required"));
                Desks.disposition(rm, callId, "{\"code\":\"CALLBACK\",\"callbackAt\":\"" + night + "\"}")
                        .then().statusCode(400).body("code", equalTo("callback-outside-window"));
            }
            if (code[0].equals("SOLD")) {
                Desks.disposition(rm, callId, "{\"code\":\"SOLD\"}").then().statusCode(400)
                        .body("code", equalTo("product-code-required"));
            }
            Desks.disposition(other, callId, code[1]).then().statusCode(403);
            Desks.disposition(rm, callId, code[1]).then().statusCode(200);
            assertEquals(code[0], Db.value("select disposition from call_attempt where id = cast(? as uuid)", callId));
            states.endWrapUps();
        }
        Desks.disposition(rm, UUID.randomUUID().toString(), "{\"code\":\"INTERESTED\"}").then().statusCode(404);
        Desks.disposition(rm, "not-a-call", "{\"code\":\"INTERESTED\"}").then().statusCode(404);
        Desks.disposition(rm, UUID.randomUUID().toString(), "{\"code\":\"MAYBE\"}").then().statusCode(400);
        Desks.disposition(rm, UUID.randomUUID().toString(), "{}").then().statusCode(400);

        assertEquals(1, Db.count("select count(*) from callback where staff_id = ? and state = 'PENDING'"
                + " and note = 'after payday'", rm));
        Api.as(rm).when().get("/api/agent/callbacks").then().statusCode(200).body("size()", equalTo(1))
                .body("[0].note", equalTo("after payday"));
        String optedOut = (String) Db.value("select cu.mobile from call_attempt c join customer cu"
                + " on cu.customer_id = c.customer_id where c.staff_id = ? and c.disposition = 'DO_NOT_CALL'", rm);
        Await.until("number on the do-not-call list", AWAIT, () -> Db.count("select count(*) from do_not_call"
                + " where mobile = ? and source = 'RM_DISPOSITION' and expires_at > now() + interval '5 months'",
                optedOut) == 1);
    }

    @Test
    void aDueCallbackIsServedFirstAndCheckedLikeAnyCall() {
        String rm = desks.rm();
        String willing = desks.customer(rm, '0', "40000");
        String optedOut = desks.customer(rm, '0', "30000");
        String campaign = campaign(null);
        Desks.ready(rm);
        // two callbacks due now, the earlier one for a number since put on the do-not-call list
        Db.execute("insert into callback (staff_id, customer_id, campaign_id, due_at, note, created_at)"
                + " values (?, ?, ?, ?, 'call me', now())", rm, optedOut, campaign,
                java.sql.Timestamp.from(clock.instant().minusSeconds(60)));
        Db.execute("insert into callback (staff_id, customer_id, campaign_id, due_at, note, created_at)"
                + " values (?, ?, ?, ?, 'call me', now())", rm, willing, campaign,
                java.sql.Timestamp.from(clock.instant().minusSeconds(30)));
        Db.execute("insert into do_not_call (mobile, reason, source) select mobile, 'test', 'BANK_LIST' from customer"
                + " where customer_id = ?", optedOut);
        // a callback for tomorrow is not due
        Db.execute("insert into callback (staff_id, customer_id, campaign_id, due_at, note, created_at)"
                + " values (?, ?, ?, ?, 'tomorrow', now())", rm, willing, campaign,
                java.sql.Timestamp.from(clock.instant().plus(Duration.ofDays(1))));
        upkeep.fill("test", clock.instant(), "callbacks inserted directly");

        JsonPath first = Desks.take(rm);
        assertNotNull(first.get("callbackId"), "the due callback first: " + first.prettify());
        assertEquals(willing, first.getString("customer.customerId"));
        assertNull(first.get("entryId"));
        assertEquals("CANCELLED", Db.value("select state from callback where customer_id = ? and note = 'call me'",
                optedOut), "the do-not-call list applies to callbacks too");

        // dialling the callback: the call belongs to it, and its disposition closes it
        String callId = Api.as(rm).contentType("application/json")
                .body("{\"customerId\":\"%s\",\"callbackId\":%d}".formatted(willing, first.getLong("callbackId")))
                .when().post("/api/calls").then().statusCode(202).extract().path("callId");
        awaitCall(callId, "COMPLETED");
        Desks.disposition(rm, callId, "{\"code\":\"INTERESTED\"}").then().statusCode(200);
        assertEquals("DONE", Db.value("select state from callback where id = ?", first.getLong("callbackId")));
    }

    @Test
    void aCustomerReachedTodayByAnotherCampaignIsNotServedAgain() {
        String rm = desks.rm();
        String customer = desks.customer(rm);
        campaign(null);
        // another campaign's call reached the customer an hour ago
        UUID earlier = UUID.randomUUID();
        Db.execute("insert into contact_attempt (id, customer_id, channel, marketing, sent, created_at)"
                + " values (?, ?, 'ROBOT_CALL', true, true, ?)", earlier, customer,
                java.sql.Timestamp.from(clock.instant().minus(Duration.ofHours(1))));
        Desks.ready(rm);
        Desks.next(rm).then().statusCode(204);
        assertEquals("frequency-cap", Db.value("select skip_reason from list_entry e join target_list t on t.id = e.list_id"
                + " where e.customer_id = ? and t.campaign_id = ?", customer, campaigns.get(0)));
    }

    @Test
    void aProgressiveCampaignDialsAsSoonAsTheEntryIsTaken() {
        String rm = desks.rm();
        desks.customer(rm);
        campaign(",\"dialMode\":\"PROGRESSIVE\"");
        Desks.ready(rm);
        JsonPath card = Desks.take(rm);
        assertEquals("PROGRESSIVE", card.getString("dialMode"));
        String callId = card.getString("callId");
        assertNotNull(callId, "the service placed the call");
        assertEquals(card.getLong("entryId"), ((Number) Db.value("select entry_id from call_attempt where id = cast(? as uuid)",
                callId)).longValue());
        awaitCall(callId, "COMPLETED");
        Await.until("RM in wrap-up", AWAIT, () -> states.view(rm).state() == AgentState.WRAP_UP);
        Desks.disposition(rm, callId, "{\"code\":\"INTERESTED\"}").then().statusCode(200);
        assertEquals(AgentState.READY, states.view(rm).state());
    }

    @Test
    void theWrapUpEndsByItselfAfterItsTime() {
        String rm = desks.rm();
        desks.customer(rm);
        campaign(null);
        Desks.ready(rm);
        String callId = (String) takeAndCall(rm)[1];
        awaitCall(callId, "COMPLETED");
        Await.until("RM in wrap-up", AWAIT, () -> states.view(rm).state() == AgentState.WRAP_UP);
        clock.setTo(clock.instant().plus(Duration.ofMinutes(1)));
        states.endWrapUps();
        assertEquals(AgentState.READY, states.view(rm).state());
        Api.as(rm).when().get("/api/agent/today").then().statusCode(200)
                .body("dialled", equalTo(1)).body("answered", equalTo(1));
        assertTrue(Db.count("select count(*) from call_attempt where staff_id = ?", rm) == 1);
    }

    @Test
    void theRmHangsUpTheirOwnCallOnly() {
        String rm = desks.rm();
        String other = desks.rm();
        desks.customer(rm, '3', "20000"); // rings and is not answered: still up when hung up
        campaign(null);
        Desks.ready(rm);
        String callId = (String) takeAndCall(rm)[1];
        Await.until("the customer's phone rings", AWAIT, () -> "RINGING".equals(Desks.callState(callId)));
        Api.as(other).when().post("/api/calls/{id}/hangup", callId).then().statusCode(403);
        Api.as(rm).when().post("/api/calls/{id}/hangup", callId).then().statusCode(202);
        awaitCall(callId, "FAILED");
        Api.as(rm).when().post("/api/calls/{id}/hangup", callId).then().statusCode(409)
                .body("code", equalTo("call-ended"));
        Api.as(rm).when().post("/api/calls/{id}/hangup", UUID.randomUUID()).then().statusCode(404);
    }
}
