package com.bank.callcenter.telephony.replay;

import com.bank.callcenter.calls.CallBook;
import com.bank.callcenter.calls.Calls;
import com.bank.callcenter.robot.RobotDialer;
import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.sms.SmsBook;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestClock;
import com.bank.callcenter.telephony.Pbx;
import com.bank.callcenter.telephony.sim.AmiMessage;
import com.bank.callcenter.telephony.sim.AmiTranscript;
import com.bank.callcenter.telephony.sim.QueueTranscript;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Asterisk side of every recorded scenario, replayed over TCP to the service's own AMI client
 * ({@link TranscriptReplayPeer}) with the service's ActionIDs and CALL_IDs put in; the call and SMS
 * records that result are checked. Timestamps and durations stay as Asterisk recorded them.
 */
@QuarkusTest
@TestProfile(ReplayPeerResource.Profile.class)
class TranscriptReplayTest {

    static final AmiTranscript ROBOT = AmiTranscript.load("robot-outcomes.txt");
    static final AmiTranscript NOANSWER_C2C_SMS = AmiTranscript.load("noanswer-click-to-call-sms.txt");
    static final AmiTranscript SHUTDOWN = AmiTranscript.load("shutdown-mid-call.txt");
    static final String SHUTDOWN_SCENARIO = "call in progress, then Asterisk stops (core stop now)";
    static final AmiTranscript QUEUE = QueueTranscript.load();
    @Inject
    RobotDialer dialer;

    @Inject
    PasswordHasher hasher;

    @Inject
    TestClock clock;

    @Inject
    Pbx pbx;

    private TranscriptReplayPeer peer;
    private String server;

    @BeforeEach
    void setUp() {
        clock.reset();
        peer = ReplayPeerResource.peer();
        peer.disarm();
        server = pbx.servers().get(0);
        Calls.await("AMI link to the replay peer up", () -> pbx.isUp(server));
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        assertEquals(List.of(), peer.unexpected(), "actions the replayed Asterisk could not answer");
    }

    @Test
    void answeredRobotCallCompletesWithTheCdrsBillableSeconds() {
        Map<String, Object> call = robotCall(ReplayStep.only(ROBOT, "answer"), "NO_INPUT");

        assertEquals("COMPLETED", call.get("state"));
        assertEquals("ANSWERED", call.get("outcome"));
        // the Cdrs say BillableSeconds: 3; the replay delivers the events within milliseconds
        assertEquals(3, call.get("talk_seconds"));
        assertEquals(16, call.get("hangup_cause"));
        assertEquals("Normal Clearing", call.get("hangup_cause_text"));
        assertEquals("Local/13800000000@sim-carrier-00000000;1", call.get("channel"));
        ReplayCalls.assertOriginateResponseTiedByActionId((UUID) call.get("id"), "Success");
    }

    @Test
    void busyRobotCallFailsAsBusy() {
        Map<String, Object> call = robotCall(ReplayStep.only(ROBOT, "busy"), "BUSY");

        assertEquals("FAILED", call.get("state"));
        assertEquals("BUSY", call.get("outcome"));
        assertEquals(null, call.get("talk_seconds"));
        ReplayCalls.assertOriginateResponseTiedByActionId((UUID) call.get("id"), "Failure");
    }

    @Test
    void congestedRobotCallFailsAsCongestion() {
        Map<String, Object> call = robotCall(ReplayStep.only(ROBOT, "congestion"), "CONGESTION");

        assertEquals("FAILED", call.get("state"));
        assertEquals("CONGESTION", call.get("outcome"));
        assertEquals(null, call.get("talk_seconds"));
        ReplayCalls.assertOriginateResponseTiedByActionId((UUID) call.get("id"), "Failure");
    }

    @Test
    void unansweredCallFailsAsNoAnswer() {
        Map<String, Object> call = robotCall(ReplayStep.only(NOANSWER_C2C_SMS, "noanswer"), "NO_ANSWER");

        assertEquals("FAILED", call.get("state"));
        assertEquals("NO_ANSWER", call.get("outcome"));
        assertEquals(null, call.get("answer_at"));
        ReplayCalls.assertOriginateResponseTiedByActionId((UUID) call.get("id"), "Failure");
    }

    @Test
    void customerPressingOneIsRecordedAsTheRobotResult() {
        Map<String, Object> call = robotCall(ReplayStep.only(ROBOT, "press1"), "PRESSED_1");
        UUID callId = (UUID) call.get("id");

        assertEquals("COMPLETED", call.get("state"));
        assertEquals("ANSWERED", call.get("outcome"));
        assertEquals("1", call.get("robot_choice"));
        assertEquals(1, call.get("talk_seconds"));
        // the UserEvent's CallId was the service's call id: press 1 asks the RM team to call back
        assertEquals(1, Db.count("select count(*) from robot_team_request where call_id = ?", callId));
        assertEquals(1, Db.count("select count(*) from call_event where call_id = ? and name = 'RobotChoice'"
                + " and fields ->> 'CallId' = ?", callId, callId.toString()));
    }

    @Test
    void customerHandedToAnRmByTheTeamQueueKeepsTheRobotCallsChannelAndOutcome() {
        List<ReplayStep> steps = ReplayStep.of(QUEUE.scenario(QueueTranscript.HANDOFF));
        // the call's events only: the QueueStatus the recording sent meanwhile are not the service's
        List<AmiMessage> callEvents = new java.util.ArrayList<>(steps.get(0).replies());
        steps.subList(1, steps.size()).forEach(step -> step.replies().stream()
                .filter(m -> m.get("Privilege") != null).forEach(callEvents::add));

        Map<String, Object> call = robotCall(steps.get(0).withReplies(callEvents), "PRESSED_1");

        assertEquals("COMPLETED", call.get("state"));
        assertEquals("ANSWERED", call.get("outcome"));
        assertEquals("1", call.get("robot_choice"));
        // the RM leg (same Linkedid, its own Hangup and a Cdr of 39 s) changed neither the channel nor the outcome
        assertEquals("Local/13800000004@callcenter-test-customer-00000000;1", call.get("channel"));
        assertEquals(16, call.get("hangup_cause"));
        assertEquals(42, call.get("talk_seconds"));
        ReplayCalls.assertOriginateResponseTiedByActionId((UUID) call.get("id"), "Success");
    }

    @Test
    void agentFirstClickToCallCompletesWithTheCdrsBillableSeconds() {
        CallBook book = new CallBook(hasher);
        String rm = book.rm();
        String customer = book.customer(rm, '0');
        ReplayStep step = ReplayStep.only(NOANSWER_C2C_SMS, "click-to-call agent first");
        peer.playOnNext(step);

        String callId = Calls.place(rm, customer);
        Calls.awaitFinal(rm, callId);
        ReplayCalls.awaitEndOfCallRecorded(UUID.fromString(callId), step);
        JsonPath call = Calls.get(rm, callId);

        assertEquals(0, peer.armedSteps(), "the Originate was answered from the transcript");
        assertEquals("COMPLETED", call.getString("state"));
        assertEquals("ANSWERED", call.getString("outcome"));
        // the largest BillableSeconds of the call's Cdrs (4), as Dial's ANSWEREDTIME (4) in the same recording
        assertEquals(4, call.getInt("talkSeconds"));
        assertEquals(16, call.getInt("hangupCause"));
        assertNotNull(call.getString("answeredAt"));
        Map<String, Object> row = Db.rows("select * from call_attempt where id = ?", UUID.fromString(callId)).get(0);
        assertEquals("Local/13800000000@sim-carrier-00000006;1", row.get("customer_channel"));
        ReplayCalls.assertOriginateResponseTiedByActionId(UUID.fromString(callId), "Success");
    }

    @Test
    void messageSendAcceptedIsSentWithTheGatewaysStatusAndRefusedFails() {
        List<ReplayStep> sms = ReplayStep.of(NOANSWER_C2C_SMS.scenario("sms"));
        assertEquals(List.of("Success", "Error"), sms.stream().map(s -> s.replies().get(0).get("Response")).toList());
        SmsBook book = new SmsBook(hasher);
        String rm = book.rm();

        peer.playOnNext(sms.get(0));
        String accepted = SmsBook.send(rm, SmsBook.json(book.customer(rm), "text", "【示例银行】您好，新品理财已上线。回复TD退订"));
        JsonPath sent = SmsBook.awaitFinal(rm, accepted);
        assertEquals("SENT", sent.getString("state"));
        assertEquals("Message successfully sent", sent.getString("gatewayStatus"));
        assertNotNull(sent.getString("sentAt"));

        peer.playOnNext(sms.get(1));
        String refused = SmsBook.send(rm, SmsBook.json(book.customer(rm), "text", "【示例银行】您好，活动已开始。回复TD退订"));
        JsonPath failed = SmsBook.awaitFinal(rm, refused);
        assertEquals("FAILED", failed.getString("state"));
        assertEquals("Message failed to send.", failed.getString("gatewayStatus"));
        assertEquals(null, failed.getString("sentAt"));
        assertEquals(0, peer.armedSteps());
    }

    @Test
    void shutdownAfterTheCallsHangupKeepsItCompletedAndTheServiceLogsInAgain() {
        int logins = peer.logins();
        int connections = peer.connections();

        Map<String, Object> call = robotCall(ReplayStep.only(SHUTDOWN, SHUTDOWN_SCENARIO), "NO_INPUT");
        UUID callId = (UUID) call.get("id");

        // the Hangup (cause 0, Asterisk stopping) came before the Shutdown: an answered call that ended
        assertEquals("COMPLETED", call.get("state"));
        assertEquals("ANSWERED", call.get("outcome"));
        assertEquals(0, call.get("hangup_cause"));
        assertEquals(0, call.get("talk_seconds"), "the Cdr's BillableSeconds: answered and stopped in one second");
        Calls.await("a new connection and login after the Shutdown",
                () -> peer.logins() == logins + 1 && pbx.isUp(server));
        assertEquals(connections + 1, peer.connections());
        // final before the link dropped: nothing to reconcile
        assertEquals(0, Db.count("select count(*) from call_event where call_id = ? and name = 'Reconciled'", callId));
    }

    @Test
    void shutdownBeforeTheCallsHangupIsReconciledAfterTheReconnect() {
        ReplayStep recorded = ReplayStep.only(SHUTDOWN, SHUTDOWN_SCENARIO);
        // Asterisk stops before the call's hang-up reaches the service: its channels just vanish
        Set<String> endOfCall = Set.of("Hangup", "HangupRequest", "SoftHangupRequest", "Cdr");
        List<AmiMessage> cut = recorded.replies().stream()
                .filter(m -> !(endOfCall.contains(m.getOrDefault("Event", "")) && m.getOrDefault("Channel", "").startsWith("Local/")))
                .toList();
        assertEquals("Shutdown", cut.get(cut.size() - 1).get("Event"));
        int connection = peer.connections();

        Map<String, Object> call = robotCall(recorded.withReplies(cut), "UNKNOWN");

        assertEquals("UNKNOWN", call.get("state"));
        String reason = (String) call.get("reason");
        assertTrue(reason.startsWith("link lost at ") && reason.endsWith("; not found after reconnect"), reason);
        assertNotNull(call.get("answer_at"), "answered before Asterisk stopped");
        // the service asked the restarted Asterisk (the new connection) which channels are up
        assertEquals(1, peer.received("CoreShowChannels", connection).size());
        assertEquals(1, Db.count("select count(*) from call_event where call_id = ? and name = 'Reconciled'"
                + " and fields ->> 'Found' = 'false'", (UUID) call.get("id")));
    }

    private Map<String, Object> robotCall(ReplayStep step, String expectedResult) {
        return ReplayCalls.robotCall(dialer, peer, step, expectedResult);
    }
}
