package com.bank.callcenter.telephony.replay;

import com.bank.callcenter.calls.Calls;
import com.bank.callcenter.robot.RobotCampaigns;
import com.bank.callcenter.robot.RobotDialer;
import com.bank.callcenter.support.Db;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.bank.callcenter.robot.RobotCampaigns.allEntriesIn;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Calls whose Asterisk side is a replayed transcript step, placed through the service's own paths. */
final class ReplayCalls {

    /** One try per outcome, so a failed call ends the entry and no second Originate goes out. */
    private static final String ONE_TRY = """
            ,"contactPolicy":{"retries":{"BUSY":{"afterMinutes":30,"maxAttempts":1},
                                         "NO_ANSWER":{"afterMinutes":240,"maxAttempts":1}}}""";

    private ReplayCalls() {
    }

    /**
     * A robot campaign of one customer, dialled by the robot dialer; its Originate gets {@code step}.
     * Checks the list entry's result and returns the call_attempt row once the call's end is recorded.
     */
    static Map<String, Object> robotCall(RobotDialer dialer, TranscriptReplayPeer peer, ReplayStep step,
                                         String expectedResult) {
        RobotCampaigns robot = new RobotCampaigns(dialer);
        String customer = robot.customer('0');
        String campaign = robot.robotCampaign(ONE_TRY);
        RobotCampaigns.buildList(campaign);
        RobotCampaigns.start(campaign);
        peer.playOnNext(step);

        robot.drive(campaign, () -> allEntriesIn(campaign, "DONE"));

        assertEquals(0, peer.armedSteps(), "the Originate was answered from the transcript");
        List<Map<String, Object>> calls = RobotCampaigns.calls(campaign, customer);
        assertEquals(1, calls.size());
        awaitEndOfCallRecorded((UUID) calls.get(0).get("id"), step);
        calls = RobotCampaigns.calls(campaign, customer);
        Map<String, Object> entry = RobotCampaigns.entry(campaign, customer);
        assertEquals(expectedResult, entry.get("last_outcome"), step.scenario());
        assertEquals(calls.get(0).get("id"), entry.get("last_call_id"));
        return calls.get(0);
    }

    /**
     * Until every Hangup and Cdr of the call's channels in the step reached the record: events after
     * the one that made the call final (a Cdr, the other leg's Hangup) still fill in its fields.
     */
    static void awaitEndOfCallRecorded(UUID callId, ReplayStep step) {
        long expected = step.replies().stream()
                .filter(m -> Set.of("Hangup", "Cdr").contains(m.getOrDefault("Event", ""))
                        && m.getOrDefault("Channel", "").startsWith("Local/"))
                .count();
        Calls.await("the call's " + expected + " Hangup and Cdr events recorded", () -> Db.count(
                "select count(*) from call_event where call_id = ? and name in ('Hangup', 'Cdr')", callId) == expected);
    }

    /** The recorded OriginateResponse reached the call by the service's own ActionID (= the call id). */
    static void assertOriginateResponseTiedByActionId(UUID callId, String response) {
        assertEquals(1, Db.count("select count(*) from call_event where call_id = ? and name = 'OriginateResponse'"
                + " and fields ->> 'ActionID' = ? and fields ->> 'Response' = ?", callId, callId.toString(), response));
    }
}
