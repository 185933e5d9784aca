package com.bank.callcenter.calls;

import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.telephony.Pbx;
import com.bank.callcenter.telephony.SimulatedPbxLauncher;
import com.bank.callcenter.telephony.sim.SimulatedPbx;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AMI link drops mid-call: asterisk-java reconnects, and the calls in flight are reconciled. */
@QuarkusTest
class CallReconnectTest {

    @Inject
    PasswordHasher hasher;

    @Inject
    SimulatedPbxLauncher launcher;

    @Inject
    Pbx pbx;

    private CallBook book;
    private SimulatedPbx simulator;
    private String server;

    @BeforeEach
    void setUp() {
        book = new CallBook(hasher);
        simulator = launcher.simulator().orElseThrow();
        server = pbx.servers().get(0);
    }

    @AfterEach
    void bringThePbxBack() throws Exception {
        if (!simulator.isListening()) {
            simulator.start();
        }
        Calls.await("AMI link up again", () -> pbx.isUp(server));
    }

    @Test
    void callStillUpAfterReconnectIsFollowedToItsEnd() {
        String rm = book.rm();
        String callId = Calls.place(rm, book.customer(rm, '3'));
        Calls.awaitState(rm, callId, "RINGING");

        simulator.dropConnections();

        JsonPath call = Calls.awaitFinal(rm, callId);
        assertEquals("FAILED", call.getString("state"));
        assertEquals("NO_ANSWER", call.getString("outcome"));
        assertEquals(1, Db.count("select count(*) from call_event where call_id = ? and name = 'Reconciled'"
                + " and fields ->> 'Found' = 'true'", UUID.fromString(callId)));
    }

    @Test
    void callThatEndedWhileTheLinkWasDownBecomesUnknown() throws Exception {
        String rm = book.rm();
        String callId = Calls.place(rm, book.customer(rm, '0'));

        simulator.stopListening();
        Calls.await("link down noticed", () -> !pbx.isUp(server));
        Api.as(rm).contentType("application/json").body("{\"customerId\":\"" + book.customer(rm, '0') + "\"}")
                .when().post("/api/calls")
                .then().statusCode(503).contentType("application/problem+json").body("code", equalTo("pbx-unavailable"));
        given().when().get("/q/health/ready").then().statusCode(503);
        Thread.sleep(1_500); // the call ends inside the PBX while nobody listens

        simulator.start();
        JsonPath call = Calls.awaitFinal(rm, callId);
        assertEquals("UNKNOWN", call.getString("state"));
        assertTrue(call.getString("reason").startsWith("link lost at "), call.getString("reason"));
        assertTrue(call.getString("reason").endsWith("; not found after reconnect"), call.getString("reason"));
        assertTrue(pbx.isUp(server));
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
