package com.bank.callcenter.funnels;

import com.bank.callcenter.desk.AgentStates;
import com.bank.callcenter.desk.Desks;
import com.bank.callcenter.robot.RobotCampaigns;
import com.bank.callcenter.robot.RobotDialer;
import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Await;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestClock;
import com.bank.callcenter.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static com.bank.callcenter.robot.RobotCampaigns.allEntriesIn;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The funnel of campaigns that really ran through the simulated PBX on the test day 2026-11-25: a
 * robot campaign whose six customers press 1, 2, 9, nothing, are busy or do not answer, and an
 * agent-call campaign whose one customer answers and is recorded INTERESTED.
 */
@QuarkusTest
class CampaignFunnelTest {

    private static final String ONE_TRY = """
            ,"contactPolicy":{"retries":{"BUSY":{"afterMinutes":30,"maxAttempts":1},
                                         "NO_ANSWER":{"afterMinutes":240,"maxAttempts":1}}}""";
    private static final Duration AWAIT = Duration.ofSeconds(60);

    @Inject
    RobotDialer dialer;

    @Inject
    TestClock clock;

    @Inject
    PasswordHasher hasher;

    @Inject
    AgentStates states;

    private String agentCampaign;

    @BeforeEach
    void setUp() {
        clock.reset();
    }

    @AfterEach
    void tearDown() {
        if (agentCampaign != null) {
            Desks.end(agentCampaign);
            Desks.everyoneOffline(states);
        }
        clock.reset();
    }

    private static JsonPath funnel(String campaign, String query) {
        return Api.supervisor().when().get("/api/campaigns/{id}/funnel" + query, campaign).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aRobotCampaignsFunnelCountsItsListCallsChoicesAndTheSmsAskedFor() {
        RobotCampaigns robot = new RobotCampaigns(dialer);
        for (char digit : new char[] {'4', '5', '6', '7', '1', '3'}) {
            robot.customer(digit);
        }
        String campaign = robot.robotCampaign(ONE_TRY + ",\"robot\":{\"concurrency\":6,\"callsPerSecond\":50}");
        RobotCampaigns.buildList(campaign);
        RobotCampaigns.start(campaign);
        robot.drive(campaign, () -> allEntriesIn(campaign, "DONE"));
        Await.until("the SMS asked for by pressing 2", AWAIT, () -> Db.count(
                "select count(*) from sms_message where campaign_id = ? and state = 'SENT'", campaign) == 1);
        RobotCampaigns.pause(campaign);

        JsonPath day = funnel(campaign, "?from=2026-11-25&to=2026-11-25");
        assertEquals(6, day.getLong("listed"));
        assertEquals(6, day.getLong("attempted"));
        assertEquals(4, day.getLong("reached"), "four answered; the SMS went to one of them");
        assertEquals(Map.of("robot.pressed1", 1, "robot.pressed2", 1, "robot.pressed9", 1, "robot.noInput", 1,
                "call.ANSWERED", 4, "call.BUSY", 1, "call.NO_ANSWER", 1, "sms.SENT", 1), day.getMap("outcomes"));
        assertEquals("2026-11-25", day.getString("from"));

        // the whole life is the same; the day before is empty
        JsonPath life = funnel(campaign, "");
        assertEquals(day.getMap("outcomes"), life.getMap("outcomes"));
        assertEquals(6, life.getLong("listed"));
        JsonPath before = funnel(campaign, "?from=2026-11-01&to=2026-11-24");
        assertEquals(0, before.getLong("listed"));
        assertEquals(0, before.getLong("attempted"));
        assertEquals(0, before.getLong("reached"));
        assertEquals(Map.of(), before.getMap("outcomes"));
        // to alone: up to and including that day
        assertEquals(6, funnel(campaign, "?to=2026-11-25").getLong("attempted"));
        assertEquals(0, funnel(campaign, "?from=2026-11-26").getLong("attempted"));
    }

    @Test
    void anAgentCampaignsFunnelCountsTheRmsDisposition() {
        Desks desks = new Desks(hasher);
        String rm = desks.rm();
        desks.customer(rm);
        agentCampaign = desks.activeCampaign(60, null);
        Desks.ready(rm);
        JsonPath card = Desks.take(rm);
        String callId = Desks.call(rm, card.getString("customer.customerId"), card.getLong("entryId"));
        Await.until("the call completed", AWAIT, () -> "COMPLETED".equals(Desks.callState(callId)));
        Desks.disposition(rm, callId, "{\"code\":\"INTERESTED\"}").then().statusCode(200);

        JsonPath funnel = funnel(agentCampaign, "?from=2026-11-25&to=2026-11-30");
        assertEquals(1, funnel.getLong("listed"));
        assertEquals(1, funnel.getLong("attempted"));
        assertEquals(1, funnel.getLong("reached"));
        assertEquals(Map.of("call.ANSWERED", 1, "disposition.INTERESTED", 1), funnel.getMap("outcomes"));
    }

    @Test
    void badDatesAndAWindowBackwardsAreBadRequests() {
        String campaign = new RobotCampaigns(dialer).robotCampaign(null);
        Api.planner().when().get("/api/campaigns/{id}/funnel?from=2026-13-01", campaign).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("bad-date")).body("field", equalTo("from"));
        Api.planner().when().get("/api/campaigns/{id}/funnel?to=yesterday", campaign).then().statusCode(400)
                .body("code", equalTo("bad-date")).body("field", equalTo("to"));
        Api.planner().when().get("/api/campaigns/{id}/funnel?from=2026-11-25&to=2026-11-24", campaign)
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("bad-window"));
    }

    @Test
    void anUnknownCampaignIsNotFound() {
        Api.admin().when().get("/api/campaigns/no-such-campaign/funnel").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void whoMayReadAFunnel() {
        String campaign = new RobotCampaigns(dialer).robotCampaign(null);
        Api.planner().when().get("/api/campaigns/{id}/funnel", campaign).then().statusCode(200)
                .body("listed", equalTo(0));
        Api.admin().when().get("/api/campaigns/{id}/funnel", campaign).then().statusCode(200);
        Api.supervisor().when().get("/api/campaigns/{id}/funnel", campaign).then().statusCode(200);
        Api.as(TestUsers.remoteManager("rm-funnel")).when().get("/api/campaigns/{id}/funnel", campaign)
                .then().statusCode(403);
        io.restassured.RestAssured.given().when().get("/api/campaigns/{id}/funnel", campaign)
                .then().statusCode(401);
    }
}
