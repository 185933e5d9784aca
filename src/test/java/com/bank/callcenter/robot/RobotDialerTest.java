package com.bank.callcenter.robot;

import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestClock;
import com.bank.callcenter.telephony.SimulatedPbxLauncher;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.bank.callcenter.robot.RobotCampaigns.allEntriesIn;
import static com.bank.callcenter.robot.RobotCampaigns.calls;
import static com.bank.callcenter.robot.RobotCampaigns.entry;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RobotDialerTest {

    private static final String ONE_TRY = """
            ,"contactPolicy":{"retries":{"BUSY":{"afterMinutes":30,"maxAttempts":1},
                                         "NO_ANSWER":{"afterMinutes":240,"maxAttempts":1}}}""";

    @Inject
    RobotDialer dialer;

    @Inject
    TestClock clock;

    @Inject
    SimulatedPbxLauncher launcher;

    @Inject
    PasswordHasher hasher;

    private RobotCampaigns robot;

    @BeforeEach
    void setUp() {
        clock.reset();
        robot = new RobotCampaigns(dialer);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void robotCampaignDialsItsListAndEachEntryEndsWithItsResult() {
        String press1 = robot.customer('4');
        String press2 = robot.customer('5');
        String press9 = robot.customer('6');
        String noInput = robot.customer('7');
        String busy = robot.customer('1');
        String noAnswer = robot.customer('3');
        String campaign = robot.robotCampaign(ONE_TRY + ",\"robot\":{\"concurrency\":6,\"callsPerSecond\":50,"
                + "\"prompt\":\"custom/robot-test\",\"teamQueue\":\"rm-team-test\"}");
        long listId = RobotCampaigns.buildList(campaign);
        RobotCampaigns.start(campaign);

        robot.drive(campaign, () -> allEntriesIn(campaign, "DONE"));

        assertResult(campaign, press1, "PRESSED_1", "COMPLETED", "ANSWERED", "1");
        assertResult(campaign, press2, "PRESSED_2", "COMPLETED", "ANSWERED", "2");
        assertResult(campaign, press9, "PRESSED_9", "COMPLETED", "ANSWERED", "9");
        assertResult(campaign, noInput, "NO_INPUT", "COMPLETED", "ANSWERED", "");
        assertResult(campaign, busy, "BUSY", "FAILED", "BUSY", null);
        assertResult(campaign, noAnswer, "NO_ANSWER", "FAILED", "NO_ANSWER", null);

        // one contact attempt per call, of the campaign and its list
        assertEquals(6, Db.count("select count(*) from contact_attempt where campaign_id = ? and list_id = ?"
                + " and channel = 'ROBOT_CALL' and marketing", campaign, listId));
        assertEquals(6, Db.count("select count(*) from call_attempt where campaign_id = ? and kind = 'ROBOT_CALL'",
                campaign));
        // the Originate: the robot context with the campaign's prompt and team queue
        UUID press1Call = (UUID) calls(campaign, press1).get(0).get("id");
        assertEquals(1, Db.count("select count(*) from call_event where call_id = ? and name = 'Originate'"
                + " and fields ->> 'Context' = 'callcenter-robot' and fields -> 'Variables' ->> 'PROMPT' = 'custom/robot-test'"
                + " and fields -> 'Variables' ->> 'TEAM_QUEUE' = 'rm-team-test'", press1Call));
        assertEquals(1, Db.count("select count(*) from robot_team_request where call_id = ? and team_queue = 'rm-team-test'",
                press1Call));
        // press 2: the request is recorded with the campaign's template and the SMS is sent
        UUID press2Call = (UUID) calls(campaign, press2).get(0).get("id");
        assertEquals("{customerName}您好，详情请见本行 App。",
                Db.value("select template from robot_sms_request where call_id = ?", press2Call));
        RobotCampaigns.await("the requested SMS", () -> Db.count(
                "select count(*) from robot_sms_request r join sms_message m on m.id = r.sms_id"
                        + " where r.call_id = ? and r.state = 'SENT' and m.state = 'SENT'", press2Call) == 1);
        UUID smsId = (UUID) Db.value("select sms_id from robot_sms_request where call_id = ?", press2Call);
        String body = (String) Db.value("select body from sms_message where id = ?", smsId);
        assertTrue(body.contains("您好，详情请见本行 App。") && body.endsWith("回复TD退订"), body);
        assertEquals(false, Db.value("select marketing from contact_attempt where id = ?", smsId),
                "an SMS the customer asked for is not a marketing contact");
        assertEquals(RobotCampaigns.mobileOf(press2),
                Db.value("select mobile from robot_sms_request where call_id = ?", press2Call));
        assertEquals(0, Db.count("select count(*) from robot_sms_request where customer_id in (?, ?)", press1, press9));
        // press 9: do-not-call from the IVR, for about six months
        Map<String, Object> dnc = Db.rows("select * from do_not_call where mobile = ?", RobotCampaigns.mobileOf(press9)).get(0);
        assertEquals("IVR_OPT_OUT", dnc.get("source"));
        Instant expires = RobotCampaigns.instant(dnc.get("expires_at"));
        Instant added = RobotCampaigns.instant(dnc.get("added_at"));
        long days = Duration.between(added, expires).toDays();
        assertTrue(days >= 180 && days <= 185, "opt-out held " + days + " days");
    }

    private static void assertResult(String campaign, String customer, String result, String state, String outcome,
                                     String choice) {
        Map<String, Object> entry = entry(campaign, customer);
        assertEquals("DONE", entry.get("state"), customer);
        assertEquals(result, entry.get("last_outcome"), customer);
        assertEquals(1, entry.get("attempts"), customer);
        List<Map<String, Object>> calls = calls(campaign, customer);
        assertEquals(1, calls.size(), customer);
        assertEquals(state, calls.get(0).get("state"), customer);
        assertEquals(outcome, calls.get(0).get("outcome"), customer);
        assertEquals(choice, calls.get(0).get("robot_choice"), customer);
        assertEquals(calls.get(0).get("id"), entry.get("last_call_id"));
    }

    @Test
    void pressNinePutsTheNumberOnDoNotCallAtOnce() {
        String rm = robot.rm(hasher);
        String customer = robot.customer('6', rm);
        String campaign = robot.robotCampaign(null);
        RobotCampaigns.buildList(campaign);
        RobotCampaigns.start(campaign);

        robot.drive(campaign, () -> !calls(campaign, customer).isEmpty());
        // no more ticks: the choice alone puts the number on the list, before the entry is settled
        RobotCampaigns.await("do-not-call row", () -> Db.count("select count(*) from do_not_call where mobile = ?"
                + " and source = 'IVR_OPT_OUT' and expires_at > now()", RobotCampaigns.mobileOf(customer)) == 1);

        Api.as(rm).contentType("application/json").body("{\"customerId\":\"" + customer + "\"}")
                .when().post("/api/calls")
                .then().statusCode(409).body("code", equalTo("do-not-call"));
    }

    @Test
    void neverMoreCallsInFlightThanTheConcurrency() {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            customers.add(robot.customer(i % 2 == 0 ? '0' : '7'));
        }
        String campaign = robot.robotCampaign(",\"robot\":{\"concurrency\":2,\"callsPerSecond\":100}");
        RobotCampaigns.buildList(campaign);
        RobotCampaigns.start(campaign);

        long[] most = {0};
        robot.drive(campaign, () -> allEntriesIn(campaign, "DONE"), () -> {
            long open = Db.count("select count(*) from call_attempt where campaign_id = ?"
                    + " and state in ('QUEUED', 'DIALING', 'RINGING', 'ANSWERED')", campaign);
            most[0] = Math.max(most[0], open);
        });

        assertTrue(most[0] <= 2, "in flight at once: " + most[0]);
        assertEquals(8, Db.count("select count(*) from call_attempt where campaign_id = ?", campaign));
        // from the rows: at no moment did more than two calls overlap
        List<Map<String, Object>> rows = Db.rows("select queued_at, end_at from call_attempt where campaign_id = ?",
                campaign);
        for (Map<String, Object> row : rows) {
            Instant at = RobotCampaigns.instant(row.get("queued_at"));
            long overlapping = rows.stream().filter(other -> !RobotCampaigns.instant(other.get("queued_at")).isAfter(at)
                    && RobotCampaigns.instant(other.get("end_at")).isAfter(at)).count();
            assertTrue(overlapping <= 2, "calls overlapping at " + at + ": " + overlapping);
        }
    }

    @Test
    void callsPerSecondPacesTheOriginates() {
        Set<String> mobiles = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            mobiles.add(RobotCampaigns.mobileOf(robot.customer('7')));
        }
        String campaign = robot.robotCampaign(",\"robot\":{\"concurrency\":10,\"callsPerSecond\":1}");
        RobotCampaigns.buildList(campaign);
        RobotCampaigns.start(campaign);

        robot.drive(campaign, () -> allEntriesIn(campaign, "DONE"));
        List<Long> received = OriginateWindows.of(launcher.simulator().orElseThrow().originateTimes(), mobiles).times();
        assertEquals(4, received.size());
        for (int i = 1; i < received.size(); i++) {
            long gap = received.get(i) - received.get(i - 1);
            assertTrue(gap >= 1000, "a second apart at one a second: " + gap + " ms");
        }
    }

    @Test
    void outsideTheCallingWindowNothingDials() {
        robot.customer('7');
        String campaign = robot.robotCampaign(null);
        RobotCampaigns.buildList(campaign);
        RobotCampaigns.start(campaign);
        clock.setTo(Instant.parse("2026-11-25T13:30:00Z")); // 21:30 in Shanghai

        for (int i = 0; i < 3; i++) {
            assertEquals(0, dialer.tick(List.of(campaign)));
        }
        assertEquals(0, Db.count("select count(*) from call_attempt where campaign_id = ?", campaign));
        assertTrue(allEntriesIn(campaign, "PENDING"));
        Api.planner().when().get("/api/campaigns/{id}/diagnostics", campaign).then().statusCode(200)
                .body("dialing", equalTo(false))
                .body("reasons.code", org.hamcrest.Matchers.hasItem("outside-calling-window"))
                .body("reasons.find { it.code == 'outside-calling-window' }.en",
                        org.hamcrest.Matchers.containsString("09:00–20:00"))
                .body("counts.pending", equalTo(1));

        clock.setTo(Instant.parse("2026-11-28T02:00:00Z")); // Saturday 10:00
        assertEquals(0, dialer.tick(List.of(campaign)));
        assertTrue(RobotCampaigns.reasonCodes(campaign).contains("outside-calling-window"));
    }

    @Test
    void doNotCallAndFrequencyCapAreCheckedWhenDialing() {
        String refused = robot.customer('7');
        String contacted = robot.customer('7');
        String fine = robot.customer('7');
        String campaign = robot.robotCampaign(null);
        RobotCampaigns.buildList(campaign);
        // after the list was built: one opts out, one is called by another campaign
        Db.execute("insert into do_not_call (mobile, reason, source) values (?, '拒绝', 'TEST')",
                RobotCampaigns.mobileOf(refused));
        Db.execute("insert into contact_attempt (id, customer_id, channel, marketing, created_at) values (?, ?, 'SMS', true, ?)",
                UUID.randomUUID(), contacted, Timestamp.from(clock.instant().minus(Duration.ofHours(1))));
        RobotCampaigns.start(campaign);

        robot.drive(campaign, () -> allEntriesIn(campaign, "DONE", "SKIPPED"));

        assertEquals("SKIPPED", entry(campaign, refused).get("state"));
        assertEquals("do-not-call", entry(campaign, refused).get("skip_reason"));
        assertEquals("SKIPPED", entry(campaign, contacted).get("state"));
        assertEquals("frequency-cap", entry(campaign, contacted).get("skip_reason"));
        assertEquals("DONE", entry(campaign, fine).get("state"));
        assertEquals(0, calls(campaign, refused).size());
        assertEquals(0, calls(campaign, contacted).size());
        assertEquals(1, calls(campaign, fine).size());
    }

    @Test
    void busyIsRetriedAfterItsDelayAsANewAttemptAtMostMaxAttempts() {
        String busy = robot.customer('1');
        String campaign = robot.robotCampaign(",\"contactPolicy\":{\"retries\":{\"BUSY\":{\"afterMinutes\":30,\"maxAttempts\":2}}}");
        RobotCampaigns.buildList(campaign);
        RobotCampaigns.start(campaign);

        robot.drive(campaign, () -> "PENDING".equals(entry(campaign, busy).get("state"))
                && entry(campaign, busy).get("next_attempt_at") != null);
        Map<String, Object> waiting = entry(campaign, busy);
        assertEquals(1, waiting.get("attempts"));
        assertEquals("BUSY", waiting.get("last_outcome"));
        Instant due = RobotCampaigns.instant(waiting.get("next_attempt_at"));
        Instant ended = RobotCampaigns.instant(calls(campaign, busy).get(0).get("end_at"));
        assertEquals(Duration.ofMinutes(30), Duration.between(ended, due));
        for (int i = 0; i < 3; i++) {
            dialer.tick(List.of(campaign));
        }
        assertEquals(1, calls(campaign, busy).size(), "not retried before its time");
        assertTrue(RobotCampaigns.reasonCodes(campaign).contains("waiting-for-retry"));

        clock.setTo(clock.instant().plus(Duration.ofMinutes(31)));
        robot.drive(campaign, () -> "DONE".equals(entry(campaign, busy).get("state")));

        List<Map<String, Object>> calls = calls(campaign, busy);
        assertEquals(2, calls.size());
        assertTrue(calls.stream().allMatch(c -> "BUSY".equals(c.get("outcome"))));
        assertEquals(2, entry(campaign, busy).get("attempts"));
        assertEquals("BUSY", entry(campaign, busy).get("last_outcome"));
        assertEquals(2, Db.count("select count(*) from contact_attempt where customer_id = ?", busy));
        clock.setTo(clock.instant().plus(Duration.ofHours(2)));
        dialer.tick(List.of(campaign));
        assertEquals(2, calls(campaign, busy).size(), "no attempt after the last one");
    }

    @Test
    void pauseStopsNewDialsAndTheCallInFlightFinishes() {
        Set<String> mobiles = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            mobiles.add(RobotCampaigns.mobileOf(robot.customer('7')));
        }
        String campaign = robot.robotCampaign(",\"robot\":{\"concurrency\":1,\"callsPerSecond\":100}");
        RobotCampaigns.buildList(campaign);
        RobotCampaigns.start(campaign);
        assertEquals(1, dialer.tick(List.of(campaign)));
        // in flight: at the PBX (a call still waiting in the sender is dropped by the pause, tested below)
        RobotCampaigns.await("the call sent", () -> originatesTo(mobiles) == 1);

        RobotCampaigns.pause(campaign);
        robot.drive(campaign, () -> Db.count("select count(*) from list_entry e join target_list t on t.id = e.list_id"
                + " where t.campaign_id = ? and e.state = 'DONE'", campaign) == 1);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, dialer.tick(List.of(campaign)));
        }
        assertEquals(1, Db.count("select count(*) from call_attempt where campaign_id = ?", campaign));
        assertEquals("COMPLETED", Db.value("select state from call_attempt where campaign_id = ?", campaign));
        assertEquals(2, Db.count("select count(*) from list_entry e join target_list t on t.id = e.list_id"
                + " where t.campaign_id = ? and e.state = 'PENDING'", campaign));
        assertTrue(RobotCampaigns.reasonCodes(campaign).contains("campaign-paused"));
    }

    @Test
    void pauseDropsTheCallsRecordedButNotYetSent() {
        Set<String> mobiles = new HashSet<>();
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            customers.add(robot.customer('7'));
            mobiles.add(RobotCampaigns.mobileOf(customers.get(i)));
        }
        // one a second: the tick records both, the second waits a second in the pacer
        String campaign = robot.robotCampaign(",\"robot\":{\"concurrency\":10,\"callsPerSecond\":1}");
        RobotCampaigns.buildList(campaign);
        RobotCampaigns.start(campaign);
        assertEquals(2, dialer.tick(List.of(campaign)));
        RobotCampaigns.await("the first call sent", () -> originatesTo(mobiles) == 1);

        RobotCampaigns.pause(campaign);
        RobotCampaigns.await("the waiting call dropped", () -> Db.count("select count(*) from call_attempt"
                + " where campaign_id = ? and reason = 'not sent: campaign paused'", campaign) == 1);

        assertEquals(1, originatesTo(mobiles), "nothing sent after the pause");
        Map<String, Object> dropped = Db.rows("select * from call_attempt where campaign_id = ?"
                + " and reason like 'not sent%'", campaign).get(0);
        assertEquals("FAILED", dropped.get("state"));
        assertEquals("PENDING", entry(campaign, (String) dropped.get("customer_id")).get("state"), "due again");
        assertEquals(0, entry(campaign, (String) dropped.get("customer_id")).get("attempts"));
        assertEquals(false, Db.value("select sent from contact_attempt where id = ?", dropped.get("id")),
                "no contact for the frequency cap");
    }

    @Test
    void anOptOutAfterTheClaimStopsTheCallWaitingToBeSent() {
        Set<String> mobiles = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            mobiles.add(RobotCampaigns.mobileOf(robot.customer('7')));
        }
        String campaign = robot.robotCampaign(",\"robot\":{\"concurrency\":10,\"callsPerSecond\":1}");
        RobotCampaigns.buildList(campaign);
        RobotCampaigns.start(campaign);
        assertEquals(2, dialer.tick(List.of(campaign)));
        RobotCampaigns.await("the first call sent", () -> originatesTo(mobiles) == 1);
        String sentTo = mobiles.stream().filter(m -> originatesTo(Set.of(m)) == 1).findFirst().orElseThrow();
        String waiting = mobiles.stream().filter(m -> !m.equals(sentTo)).findFirst().orElseThrow();
        Db.execute("insert into do_not_call (mobile, reason, source) values (?, '拒绝', 'TEST')", waiting);

        robot.drive(campaign, () -> allEntriesIn(campaign, "DONE", "SKIPPED"));

        assertEquals(0, originatesTo(Set.of(waiting)), "the opted-out number was never dialled");
        String customer = (String) Db.value("select customer_id from customer where mobile = ?", waiting);
        assertEquals("SKIPPED", entry(campaign, customer).get("state"));
        assertEquals("do-not-call", entry(campaign, customer).get("skip_reason"));
        assertEquals("not sent: do-not-call", calls(campaign, customer).get(0).get("reason"));
    }

    private long originatesTo(Set<String> mobiles) {
        return OriginateWindows.of(launcher.simulator().orElseThrow().originateTimes(), mobiles).count();
    }

    @Test
    void twoTicksAtOnceNeverTakeTheSameEntry() throws Exception {
        for (int i = 0; i < 12; i++) {
            robot.customer('7');
        }
        String campaign = robot.robotCampaign(",\"robot\":{\"concurrency\":100,\"callsPerSecond\":100}");
        RobotCampaigns.buildList(campaign);
        RobotCampaigns.start(campaign);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> ticks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    ticks.add(pool.submit(() -> {
                        go.await();
                        return dialer.tick(List.of(campaign));
                    }));
                }
                go.countDown();
                for (Future<Integer> tick : ticks) {
                    tick.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, Db.count("select count(*) from (select customer_id from call_attempt where campaign_id = ?"
                + " group by customer_id having count(*) > 1) twice", campaign));
        robot.drive(campaign, () -> allEntriesIn(campaign, "DONE"));
        assertEquals(12, Db.count("select count(*) from call_attempt where campaign_id = ?", campaign));
        assertEquals(0, Db.count("select count(*) from (select customer_id from call_attempt where campaign_id = ?"
                + " group by customer_id having count(*) > 1) twice", campaign));
    }

    @Test
    void aCampaignWithoutARobotSectionUsesTheConfiguredPromptAndQueue() {
        String press1 = robot.customer('4');
        String campaign = robot.robotCampaign(null);
        RobotCampaigns.buildList(campaign);
        RobotCampaigns.start(campaign);
        robot.drive(campaign, () -> allEntriesIn(campaign, "DONE"));

        UUID call = (UUID) calls(campaign, press1).get(0).get("id");
        assertEquals("rm-team", Db.value("select team_queue from robot_team_request where call_id = ?", call));
        assertNull(Db.value("select reason from call_attempt where id = ?", call));
        Api.planner().when().get("/api/campaigns/{id}/diagnostics", campaign).then().statusCode(200)
                .body("concurrency", equalTo(10)).body("callsPerSecond", equalTo(2.0f));
    }
}
