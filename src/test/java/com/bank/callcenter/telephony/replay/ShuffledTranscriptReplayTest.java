package com.bank.callcenter.telephony.replay;

import com.bank.callcenter.calls.CallBook;
import com.bank.callcenter.calls.Calls;
import com.bank.callcenter.robot.RobotDialer;
import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.TestClock;
import com.bank.callcenter.telephony.Pbx;
import com.bank.callcenter.telephony.sim.AmiTranscript;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The recorded calls again, with the channels' events interleaved in another order (each channel's
 * own order kept, as Asterisk keeps it): the same records as in the recorded order.
 */
@QuarkusTest
@TestProfile(ReplayPeerResource.Profile.class)
class ShuffledTranscriptReplayTest {

    private static final AmiTranscript ROBOT = AmiTranscript.load("robot-outcomes.txt");
    private static final AmiTranscript NOANSWER_C2C_SMS = AmiTranscript.load("noanswer-click-to-call-sms.txt");
    /** How far an event may move from its recorded place. */
    private static final int WINDOW = 12;

    /** Scenario, robot result, state, outcome, talk seconds (null = none), robot choice. */
    private record Expected(AmiTranscript transcript, String scenario, String result, String state, String outcome,
                            Integer talkSeconds, String choice) {
    }

    private static final List<Expected> ROBOT_CALLS = List.of(
            new Expected(ROBOT, "answer", "NO_INPUT", "COMPLETED", "ANSWERED", 3, null),
            new Expected(ROBOT, "busy", "BUSY", "FAILED", "BUSY", null, null),
            new Expected(ROBOT, "congestion", "CONGESTION", "FAILED", "CONGESTION", null, null),
            new Expected(ROBOT, "press1", "PRESSED_1", "COMPLETED", "ANSWERED", 1, "1"),
            new Expected(NOANSWER_C2C_SMS, "noanswer", "NO_ANSWER", "FAILED", "NO_ANSWER", null, null));

    @Inject
    RobotDialer dialer;

    @Inject
    PasswordHasher hasher;

    @Inject
    TestClock clock;

    @Inject
    Pbx pbx;

    private TranscriptReplayPeer peer;

    @BeforeEach
    void setUp() {
        clock.reset();
        peer = ReplayPeerResource.peer();
        peer.disarm();
        String server = pbx.servers().get(0);
        Calls.await("AMI link to the replay peer up", () -> pbx.isUp(server));
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 20261123, 424242})
    void robotCallsEndTheSameInAnotherCrossChannelOrder(long seed) {
        for (Expected expected : ROBOT_CALLS) {
            ReplayStep step = shuffled(ReplayStep.only(expected.transcript(), expected.scenario()), seed);

            Map<String, Object> call = ReplayCalls.robotCall(dialer, peer, step, expected.result());

            String what = expected.scenario() + " with seed " + seed;
            assertEquals(expected.state(), call.get("state"), what);
            assertEquals(expected.outcome(), call.get("outcome"), what);
            assertEquals(expected.talkSeconds(), call.get("talk_seconds"), what);
            assertEquals(expected.choice(), call.get("robot_choice"), what);
        }
        assertEquals(List.of(), peer.unexpected());
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 20261123, 424242})
    void clickToCallEndsTheSameInAnotherCrossChannelOrder(long seed) {
        CallBook book = new CallBook(hasher);
        String rm = book.rm();
        ReplayStep step = shuffled(ReplayStep.only(NOANSWER_C2C_SMS, "click-to-call agent first"), seed);
        peer.playOnNext(step);

        String callId = Calls.place(rm, book.customer(rm, '0'));
        Calls.awaitFinal(rm, callId);
        ReplayCalls.awaitEndOfCallRecorded(UUID.fromString(callId), step);
        JsonPath call = Calls.get(rm, callId);

        assertEquals("COMPLETED", call.getString("state"));
        assertEquals("ANSWERED", call.getString("outcome"));
        assertEquals(4, call.getInt("talkSeconds"));
        assertEquals(16, call.getInt("hangupCause"));
        assertEquals(List.of(), peer.unexpected());
    }

    private static ReplayStep shuffled(ReplayStep recorded, long seed) {
        List<Integer> order = CrossChannelShuffle.order(recorded.replies(), seed, WINDOW);
        assertNotEquals(IntStream.range(0, order.size()).boxed().toList(), order,
                recorded.scenario() + ": seed " + seed + " left the recorded order");
        return recorded.withReplies(CrossChannelShuffle.shuffle(recorded.replies(), seed, WINDOW));
    }
}
