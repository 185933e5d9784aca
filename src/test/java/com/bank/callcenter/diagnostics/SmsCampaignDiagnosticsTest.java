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

import java.time.Instant;
import java.util.List;

import static com.bank.callcenter.sms.SmsCampaigns.allEntriesIn;
import static com.bank.callcenter.sms.SmsCampaigns.reasonCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/campaigns/{id}/diagnostics of SMS campaigns: why one is or is not sending right now. */
@QuarkusTest
class SmsCampaignDiagnosticsTest {

    @Inject
    SmsCampaignSender sender;

    @Inject
    TestClock clock;

    @Inject
    SimulatedPbxLauncher launcher;

    @Inject
    Pbx pbx;

    private SmsCampaigns campaigns;

    @BeforeEach
    void setUp() {
        clock.reset();
        campaigns = new SmsCampaigns(sender);
    }

    @AfterEach
    void tearDown() throws Exception {
        clock.reset();
        SimulatedPbx simulator = launcher.simulator().orElseThrow();
        if (!simulator.isListening()) {
            simulator.start();
        }
        String server = pbx.servers().get(0);
        SmsCampaigns.await("AMI link up again", () -> pbx.isUp(server));
    }

    @Test
    void activeSmsCampaignWithWorkIsSending() {
        campaigns.customer();
        String campaign = campaigns.campaign(null);
        SmsCampaigns.buildAndStart(campaign);

        JsonPath body = SmsCampaigns.diagnostics(campaign);
        assertTrue(body.getBoolean("dialing"), body.prettify());
        assertEquals(List.of(), body.getList("reasons"));
        assertEquals("SMS", body.getString("channel"));
        assertEquals(1, body.getInt("counts.pending"));
        assertEquals(3.0, body.getDouble("smsPerSecond"), 0.0);
        assertNull(body.get("concurrency"), "an SMS campaign has no lines");
    }

    @Test
    void draftWithoutAListSaysBoth() {
        String campaign = campaigns.campaign(null);
        JsonPath body = SmsCampaigns.diagnostics(campaign);
        assertFalse(body.getBoolean("dialing"));
        assertEquals(List.of("campaign-draft", "no-list-built"), body.getList("reasons.code"));
    }

    @Test
    void outsideTheCallingWindowInSmsWords() {
        campaigns.customer();
        String campaign = campaigns.campaign(null);
        SmsCampaigns.buildAndStart(campaign);
        clock.setTo(Instant.parse("2026-11-25T12:30:00Z")); // 20:30 in Shanghai

        JsonPath body = SmsCampaigns.diagnostics(campaign);
        assertFalse(body.getBoolean("dialing"));
        assertEquals(List.of("outside-calling-window"), body.getList("reasons.code"));
        assertTrue(body.getString("reasons[0].en").startsWith("Outside the calling window 09:00–20:00"), body.prettify());
        assertTrue(body.getString("reasons[0].en").endsWith("customers are sent SMS only then."), body.prettify());
        assertTrue(body.getString("reasons[0].zh").contains("给客户发送短信"), body.prettify());
    }

    @Test
    void everyEntryExcludedOrDone() {
        String optedOut = campaigns.customer();
        campaigns.customer();
        String campaign = campaigns.campaign(null);
        SmsCampaigns.buildList(campaign);
        Db.execute("insert into do_not_call (mobile, reason, source) values (?, '退订', 'TEST')",
                SmsCampaigns.mobileOf(optedOut));
        SmsCampaigns.start(campaign);
        campaigns.drive(campaign, () -> allEntriesIn(campaign, "DONE", "SKIPPED"));

        JsonPath body = SmsCampaigns.diagnostics(campaign);
        assertFalse(body.getBoolean("dialing"));
        assertEquals(List.of("list-finished"), body.getList("reasons.code"));
        assertEquals(1, body.getInt("counts.done"));
        assertEquals(1, body.getInt("counts.skipped"));
        assertTrue(body.getString("reasons[0].en").endsWith("nobody is left to text."), body.prettify());
    }

    @Test
    void pausedSaysNoNewSms() {
        campaigns.customer();
        String campaign = campaigns.campaign(null);
        SmsCampaigns.buildAndStart(campaign);
        SmsCampaigns.pause(campaign);

        JsonPath body = SmsCampaigns.diagnostics(campaign);
        assertEquals(List.of("campaign-paused"), body.getList("reasons.code"));
        assertEquals("The campaign is paused: no new SMS are sent.", body.getString("reasons[0].en"));
    }

    @Test
    void amiLinkDownPausesSendingUntilItIsBack() throws Exception {
        String customer = campaigns.customer();
        String campaign = campaigns.campaign(null);
        SmsCampaigns.buildAndStart(campaign);
        SimulatedPbx simulator = launcher.simulator().orElseThrow();
        String server = pbx.servers().get(0);

        simulator.stopListening();
        SmsCampaigns.await("link down noticed", () -> !pbx.isUp(server));
        assertEquals(List.of("ami-link-down"), reasonCodes(campaign));
        assertTrue(SmsCampaigns.diagnostics(campaign).getString("reasons[0].en").contains("sending resumes"));
        assertEquals(0, sender.tick(List.of(campaign)));
        assertEquals(0, SmsCampaigns.smsCount(campaign), "nothing is sent, nor recorded, while the link is down");
        assertEquals("PENDING", SmsCampaigns.entry(campaign, customer).get("state"));

        simulator.start();
        SmsCampaigns.await("AMI link up again", () -> pbx.isUp(server));
        campaigns.drive(campaign, () -> allEntriesIn(campaign, "DONE"));
        assertEquals(1, SmsCampaigns.smsCount(campaign));
    }

    @Test
    void activeWithoutASendableTemplateSaysSoAndSendsNothing() {
        campaigns.customer();
        String campaign = campaigns.campaignWithSms("");
        SmsCampaigns.buildList(campaign);
        Db.execute("update campaign set state = 'ACTIVE' where id = ?", campaign); // as a file's state: ACTIVE would

        JsonPath body = SmsCampaigns.diagnostics(campaign);
        assertFalse(body.getBoolean("dialing"));
        assertEquals(List.of("sms-template-invalid"), body.getList("reasons.code"));
        assertTrue(body.getString("reasons[0].en").contains("no sms.template"), body.prettify());
        assertEquals(0, sender.tick(List.of(campaign)));
        assertEquals(0, SmsCampaigns.smsCount(campaign));
    }

    @Test
    void readableByPlannersSupervisorsAndAdmins() {
        String campaign = campaigns.campaign(null);
        Api.supervisor().when().get("/api/campaigns/{id}/diagnostics", campaign).then().statusCode(200);
        Api.admin().when().get("/api/campaigns/{id}/diagnostics", campaign).then().statusCode(200);
    }
}
