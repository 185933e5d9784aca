package com.bank.callcenter.diagnostics;

import com.bank.callcenter.robot.RobotCampaigns;
import com.bank.callcenter.robot.RobotDialer;
import com.bank.callcenter.sms.SmsCampaignSender;
import com.bank.callcenter.sms.SmsCampaigns;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestClock;
import com.bank.callcenter.telephony.Pbx;
import com.bank.callcenter.telephony.SimulatedPbxLauncher;
import com.bank.callcenter.telephony.sim.SimulatedPbx;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/campaigns/{id}/diagnostics: why a campaign is or is not dialing, for each reason that can be set up. */
@QuarkusTest
class DiagnosticsTest {

    @jakarta.inject.Inject
    com.bank.callcenter.security.PasswordHasher hasher;

    @Inject
    RobotDialer dialer;

    @Inject
    TestClock clock;

    @Inject
    SimulatedPbxLauncher launcher;

    @Inject
    Pbx pbx;

    private RobotCampaigns robot;

    @BeforeEach
    void setUp() {
        clock.reset();
        robot = new RobotCampaigns(dialer);
    }

    @AfterEach
    void tearDown() throws Exception {
        clock.reset();
        SimulatedPbx simulator = launcher.simulator().orElseThrow();
        if (!simulator.isListening()) {
            simulator.start();
        }
        String server = pbx.servers().get(0);
        RobotCampaigns.await("AMI link up again", () -> pbx.isUp(server));
    }

    @Test
    void activeRobotCampaignWithWorkIsDialing() {
        robot.customer('7');
        String campaign = robot.robotCampaign(null);
        RobotCampaigns.buildList(campaign);
        RobotCampaigns.start(campaign);

        JsonPath body = RobotCampaigns.diagnostics(campaign);
        assertTrue(body.getBoolean("dialing"), body.prettify());
        assertEquals(List.of(), body.getList("reasons"));
        assertEquals(1, body.getInt("counts.pending"));
        assertEquals(0, body.getInt("counts.inFlight"));
        assertEquals(10, body.getInt("concurrency"));
        robot.drive(campaign, () -> RobotCampaigns.allEntriesIn(campaign, "DONE"));
    }

    @Test
    void draftWithoutAListSaysBothInWords() {
        String campaign = robot.robotCampaign(null);

        JsonPath body = RobotCampaigns.diagnostics(campaign);
        assertFalse(body.getBoolean("dialing"));
        assertEquals(List.of("campaign-draft", "no-list-built"), body.getList("reasons.code"));
        assertTrue(body.getString("reasons[1].zh").contains("名单"), body.prettify());
        assertTrue(body.getString("reasons[1].en").contains("No target list"), body.prettify());
    }

    @Test
    void activeWithoutAList() {
        String campaign = robot.robotCampaign(null);
        RobotCampaigns.start(campaign);
        assertEquals(List.of("no-list-built"), RobotCampaigns.reasonCodes(campaign));
    }

    @Test
    void everyEntryExcludedOrDone() {
        String refused = robot.customer('7');
        String answers = robot.customer('0');
        String campaign = robot.robotCampaign(null);
        RobotCampaigns.buildList(campaign);
        Db.execute("insert into do_not_call (mobile, reason, source) values (?, '拒绝', 'TEST')",
                RobotCampaigns.mobileOf(refused));
        RobotCampaigns.start(campaign);
        robot.drive(campaign, () -> RobotCampaigns.allEntriesIn(campaign, "DONE", "SKIPPED"));

        JsonPath body = RobotCampaigns.diagnostics(campaign);
        assertFalse(body.getBoolean("dialing"));
        assertEquals(List.of("list-finished"), body.getList("reasons.code"));
        assertEquals(1, body.getInt("counts.done"));
        assertEquals(1, body.getInt("counts.skipped"));
        assertEquals(0, body.getInt("counts.pending"));
        assertEquals("DONE", RobotCampaigns.entry(campaign, answers).get("state"));
    }

    @Test
    void concurrencyFull() {
        robot.customer('7');
        robot.customer('7');
        String campaign = robot.robotCampaign(",\"robot\":{\"concurrency\":1,\"callsPerSecond\":10}");
        RobotCampaigns.buildList(campaign);
        RobotCampaigns.start(campaign);
        assertEquals(1, dialer.tick(List.of(campaign)));

        JsonPath body = RobotCampaigns.diagnostics(campaign);
        assertFalse(body.getBoolean("dialing"));
        assertEquals(List.of("concurrency-full"), body.getList("reasons.code"));
        assertEquals(1, body.getInt("counts.inFlight"));
        assertEquals(1, body.getInt("counts.pending"));
        robot.drive(campaign, () -> RobotCampaigns.allEntriesIn(campaign, "DONE"));
    }

    @Test
    void pausedAndEnded() {
        robot.customer('7');
        String campaign = robot.robotCampaign(null);
        RobotCampaigns.buildList(campaign);
        RobotCampaigns.start(campaign);
        RobotCampaigns.pause(campaign);
        assertEquals(List.of("campaign-paused"), RobotCampaigns.reasonCodes(campaign));
        Api.planner().when().post("/api/campaigns/{id}/end", campaign).then().statusCode(200);
        assertEquals(List.of("campaign-ended"), RobotCampaigns.reasonCodes(campaign));
        assertEquals(0, dialer.tick(List.of(campaign)));
    }

    @Test
    void agentCampaignsWaitForRms_smsCampaignsAreSentNotDialled() {
        String rm = robot.rm(hasher);
        robot.customer('0', rm);
        String agent = robot.campaign("AGENT_CALL", null);
        RobotCampaigns.buildList(agent);
        assertFalse(RobotCampaigns.reasonCodes(agent).contains(CampaignDiagnostics.NO_RM_AT_DESK),
                "a draft agent campaign is stopped by being a draft, not by the desk");
        RobotCampaigns.start(agent);
        Api.supervisor().when().get("/api/campaigns/{id}/diagnostics", agent).then().statusCode(200)
                .body("dialing", equalTo(false))
                .body("reasons.code", hasItem(CampaignDiagnostics.NO_RM_AT_DESK))
                .body("reasons.code", not(hasItem("not-a-robot-campaign")));
        Api.as(rm).contentType("application/json").body("{\"state\":\"READY\"}").when().put("/api/agent/state")
                .then().statusCode(200);
        assertFalse(RobotCampaigns.reasonCodes(agent).contains(CampaignDiagnostics.NO_RM_AT_DESK),
                "the campaign's RM is at the desk");
        Api.as(rm).contentType("application/json").body("{\"state\":\"OFFLINE\"}").when().put("/api/agent/state")
                .then().statusCode(200);
        RobotCampaigns.pause(agent);
        assertEquals(List.of("campaign-paused"), RobotCampaigns.reasonCodes(agent));
        String sms = robot.campaign("SMS", null);
        assertEquals(List.of("campaign-draft", "no-list-built"), RobotCampaigns.reasonCodes(sms),
                "an SMS campaign is sent by the SMS campaign sender: its diagnostics are its own");
    }

    @Test
    void outsideTheCallingWindow() {
        robot.customer('7');
        String campaign = robot.robotCampaign(null);
        RobotCampaigns.buildList(campaign);
        RobotCampaigns.start(campaign);
        clock.setTo(java.time.Instant.parse("2026-11-25T00:30:00Z")); // 08:30 in Shanghai
        JsonPath body = RobotCampaigns.diagnostics(campaign);
        assertEquals(List.of("outside-calling-window"), body.getList("reasons.code"));
        assertTrue(body.getString("reasons[0].zh").contains("09:00–20:00"), body.prettify());
        assertTrue(body.getString("reasons[0].en").startsWith("Outside the calling window 09:00–20:00"), body.prettify());
    }

    @Test
    void amiLinkDown() throws Exception {
        robot.customer('7');
        String campaign = robot.robotCampaign(null);
        RobotCampaigns.buildList(campaign);
        RobotCampaigns.start(campaign);
        SimulatedPbx simulator = launcher.simulator().orElseThrow();
        String server = pbx.servers().get(0);

        simulator.stopListening();
        RobotCampaigns.await("link down noticed", () -> !pbx.isUp(server));
        assertEquals(List.of("ami-link-down"), RobotCampaigns.reasonCodes(campaign));
        assertEquals(0, dialer.tick(List.of(campaign)));
        assertTrue(RobotCampaigns.allEntriesIn(campaign, "PENDING"));

        simulator.start();
        RobotCampaigns.await("AMI link up again", () -> pbx.isUp(server));
        robot.drive(campaign, () -> RobotCampaigns.allEntriesIn(campaign, "DONE"));
    }

    @Test
    void planners_supervisorsAndAdminsReadDiagnostics_othersDoNot() {
        String campaign = robot.robotCampaign(null);
        Api.planner().when().get("/api/campaigns/{id}/diagnostics", campaign).then().statusCode(200);
        Api.supervisor().when().get("/api/campaigns/{id}/diagnostics", campaign).then().statusCode(200);
        Api.admin().when().get("/api/campaigns/{id}/diagnostics", campaign).then().statusCode(200);
        Api.as(com.bank.callcenter.support.TestUsers.remoteManager("rm-diagnostics")).when()
                .get("/api/campaigns/{id}/diagnostics", campaign).then().statusCode(403);
        given().when().get("/api/campaigns/{id}/diagnostics", campaign).then().statusCode(401);
        Api.planner().when().get("/api/campaigns/{id}/diagnostics", "no-such-campaign").then().statusCode(404);
    }
}
