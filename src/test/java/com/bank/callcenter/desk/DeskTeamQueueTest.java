package com.bank.callcenter.desk;

import com.bank.callcenter.support.EventStream;
import com.bank.callcenter.robot.RobotCampaigns;
import com.bank.callcenter.robot.RobotDialer;
import com.bank.callcenter.robot.RobotDialerConfig;
import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Await;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestClock;
import com.bank.callcenter.telephony.Pbx;
import com.bank.callcenter.telephony.SimulatedPbxLauncher;
import com.bank.callcenter.telephony.TelephonyConfig;
import com.bank.callcenter.telephony.sim.SimulatedPbx;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Asterisk's team queue follows the RMs' states through AMI (against the simulated PBX, over TCP):
 * READY adds, PAUSED pauses, OFFLINE removes; members come back after the PBX restarted; and a robot
 * call's customer who presses 1 reaches the READY RM's desk as a hand-off.
 */
@QuarkusTest
class DeskTeamQueueTest {

    private static final Duration AWAIT = Duration.ofSeconds(30);

    @Inject
    PasswordHasher hasher;

    @Inject
    TestClock clock;

    @Inject
    AgentStates states;

    @Inject
    Pbx pbx;

    @Inject
    SimulatedPbxLauncher launcher;

    @Inject
    RobotDialer dialer;

    @Inject
    RobotDialerConfig robot;

    @Inject
    TelephonyConfig telephony;

    @io.quarkus.test.common.http.TestHTTPResource("/api/agent/events")
    java.net.URL events;

    private Desks desks;
    private String server;

    @BeforeEach
    void setUp() {
        clock.reset();
        desks = new Desks(hasher);
        Desks.everyoneOffline(states);
        server = pbx.servers().get(0);
    }

    @AfterEach
    void tearDown() throws Exception {
        SimulatedPbx simulator = launcher.simulator().orElseThrow();
        if (!simulator.isListening()) {
            simulator.start();
        }
        Await.until("AMI link up", AWAIT, () -> pbx.isUp(server));
        Desks.everyoneOffline(states);
        clock.reset();
    }

    private Optional<Pbx.QueueMemberState> member(String rm) {
        String location = telephony.dial().agent().replace("{extension}",
                (String) Db.value("select extension from staff where staff_id = ?", rm));
        try {
            return pbx.queueStatus(server, robot.teamQueue()).toCompletableFuture().get(10, TimeUnit.SECONDS).stream()
                    .filter(m -> m.location().equals(location)).findFirst();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private void state(String rm, String json) {
        Api.as(rm).contentType("application/json").body(json).when().put("/api/agent/state").then().statusCode(200);
    }

    @Test
    void membershipFollowsTheRmsState() {
        String rm = desks.rm();
        Desks.ready(rm);
        Await.until("READY → member, not paused", AWAIT, () -> member(rm).map(m -> !m.paused() && m.name().equals(rm))
                .orElse(false));
        state(rm, "{\"state\":\"PAUSED\",\"reason\":\"MEAL\"}");
        Await.until("PAUSED → paused with the reason", AWAIT, () -> member(rm)
                .map(m -> m.paused() && "MEAL".equals(m.pausedReason())).orElse(false));
        Desks.ready(rm);
        Await.until("READY again → unpaused", AWAIT, () -> member(rm).map(m -> !m.paused()).orElse(false));
        state(rm, "{\"state\":\"OFFLINE\"}");
        Await.until("OFFLINE → removed", AWAIT, () -> member(rm).isEmpty());
    }

    @Test
    void afterThePbxRestartedTheMembersAreAddedAgain() throws Exception {
        String ready = desks.rm();
        String paused = desks.rm();
        Desks.ready(ready);
        state(paused, "{\"state\":\"PAUSED\",\"reason\":\"TRAINING\"}");
        Await.until("both members", AWAIT, () -> member(ready).isPresent() && member(paused).isPresent());

        SimulatedPbx simulator = launcher.simulator().orElseThrow();
        simulator.coreStopNow(); // Asterisk restarted: persistentmembers = no, so it forgets them
        Await.until("link down", AWAIT, () -> !pbx.isUp(server));
        simulator.start();
        Await.until("link up", AWAIT, () -> pbx.isUp(server));

        Await.until("members re-added from the RMs' states", AWAIT,
                () -> member(ready).map(m -> !m.paused()).orElse(false)
                        && member(paused).map(Pbx.QueueMemberState::paused).orElse(false));
    }

    @Test
    void aCustomerWhoPressesOneReachesTheReadyRmsDesk() {
        String rm = desks.rm();
        RobotCampaigns campaigns = new RobotCampaigns(dialer);
        String customer = campaigns.customer('4', rm); // the simulated customer presses 1
        String campaign = campaigns.robotCampaign(null);
        RobotCampaigns.buildList(campaign);
        Desks.ready(rm);
        Await.until("the RM is in the queue", AWAIT, () -> member(rm).map(m -> !m.paused()).orElse(false));
        RobotCampaigns.start(campaign);
        try {
            campaigns.drive(campaign, () -> Db.count("select count(*) from call_attempt where customer_id = ?"
                    + " and handed_off_at is not null", customer) == 1);
            String callId = Db.value("select cast(id as text) from call_attempt where customer_id = ?", customer).toString();
            assertEquals(rm, Db.value("select staff_id from call_attempt where id = cast(? as uuid)", callId));
            Await.until("the team request taken", AWAIT, () -> rm.equals(Db.value(
                    "select taken_by from robot_team_request where call_id = cast(? as uuid)", callId)));

            Await.until("the call ended", AWAIT, () -> "COMPLETED".equals(Desks.callState(callId)));
            Await.until("the RM wraps up", AWAIT, () -> states.view(rm).state() == AgentState.WRAP_UP);
            Desks.disposition(rm, callId, "{\"code\":\"INTERESTED\",\"note\":\"pressed 1\"}").then().statusCode(200);
            assertEquals("INTERESTED", Db.value("select disposition from call_attempt where id = cast(? as uuid)", callId));
            Api.as(rm).when().get("/api/agent/today").then().statusCode(200).body("answered", equalTo(1));
        } finally {
            RobotCampaigns.pause(campaign);
        }
    }

    @Test
    void theHandOffCardReachesTheDeskAtOnce() throws Exception {
        String rm = desks.rm();
        RobotCampaigns campaigns = new RobotCampaigns(dialer);
        String customer = campaigns.customer('4', rm);
        String campaign = campaigns.robotCampaign(null);
        RobotCampaigns.buildList(campaign);
        try (EventStream stream = new EventStream(events, rm)) {
            Desks.ready(rm);
            Await.until("the RM is in the queue", AWAIT, () -> member(rm).map(m -> !m.paused()).orElse(false));
            RobotCampaigns.start(campaign);
            campaigns.drive(campaign, () -> stream.has("handoff", customer));
            assertTrue(stream.has("handoff", "\"reason\":\"hand-off\""), stream.lines().toString());
            String mobile = (String) Db.value("select mobile from customer where customer_id = ?", customer);
            assertTrue(stream.lines().stream().noneMatch(line -> line.contains(mobile)), "only the masked number");
            Await.until("the RM shown on the call, then wrapping up", AWAIT, () -> stream.has("state", "ON_CALL")
                    && stream.has("state", "WRAP_UP"));
        } finally {
            RobotCampaigns.pause(campaign);
        }
    }
}
