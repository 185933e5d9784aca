package com.bank.callcenter.telephony.sim;

import com.bank.callcenter.telephony.RobotChoiceEvent;
import static com.bank.callcenter.telephony.sim.AsteriskJavaClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.AbstractManagerAction;
import org.asteriskjava.manager.action.CoreSettingsAction;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.MessageSendAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.StatusAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.asteriskjava.manager.event.StatusEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.asteriskjava.manager.response.CoreSettingsResponse;
import org.asteriskjava.manager.response.GetVarResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.manager.response.PingResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Drives the simulated PBX with asterisk-java, sending the actions recorded against a real
 * Asterisk 22.9.0, and compares what the service would read with what that Asterisk sent.
 */
class SimulatedPbxConformanceTest {

    private static final String USERNAME = "svc";
    private static final String SECRET = "svcpass";
    private static final String CALL_ID = "CALL_ID";
    private static final long ORIGINATE_RESPONSE_TIMEOUT_MS = 5_000;
    /**
     * Ring 1 s, talk 3 s, prompt 1 s as in the recordings, played 10 times faster, without jitter
     * (a timer running up to 0.1 s late still gives the recorded CDR seconds);
     * the recordings' robot dialplan had no {@code h} extension, so no no-input report.
     */
    private static final SimulatedPbxOptions TRANSCRIPT_TIMING = SimulatedPbxOptions.builder()
            .port(0)
            .username(USERNAME)
            .secret(SECRET)
            .outcomeRule(new LastDigitOutcomeRule())
            .ringTimeMs(1_000)
            .talkTimeMs(3_000)
            .promptTimeMs(1_000)
            .timingJitter(0)
            .timeScale(0.1)
            .robotNoInputReport(false)
            .build();

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private SimulatedPbx startPbx(SimulatedPbxOptions options) throws Exception {
        SimulatedPbx pbx = new SimulatedPbx(options).start();
        toClose.add(pbx);
        return pbx;
    }

    private AsteriskJavaClient connect(SimulatedPbx pbx) throws Exception {
        AsteriskJavaClient client = AsteriskJavaClient.loggedIn(pbx);
        toClose.add(client);
        return client;
    }

    private static CallEventLanes recordedLanes(AmiTranscript.Scenario scenario, boolean withBillableSeconds) {
        AsteriskJavaEventParser parser = new AsteriskJavaEventParser();
        parser.register(RobotChoiceEvent.class);
        List<ManagerEvent> events = new ArrayList<>();
        for (AmiTranscript.Entry entry : scenario.events()) {
            ManagerEvent event = parser.parse(entry.message());
            if (event != null) {
                events.add(event);
            }
        }
        return CallEventLanes.of(events, Set.of(CALL_ID), withBillableSeconds);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "robot-outcomes.txt, answer",
            "robot-outcomes.txt, busy",
            "robot-outcomes.txt, congestion",
            "robot-outcomes.txt, press1",
            "noanswer-click-to-call-sms.txt, noanswer",
            "noanswer-click-to-call-sms.txt, click-to-call agent first"})
    void callEventsPerChannelMatchTheRecording(String file, String scenarioName) throws Exception {
        AmiTranscript.Scenario recorded = AmiTranscript.load(file).scenario(scenarioName);
        CallEventLanes expected = recordedLanes(recorded, true);
        SimulatedPbx pbx = startPbx(TRANSCRIPT_TIMING);
        AsteriskJavaClient client = connect(pbx);
        AmiMessage originate = recorded.sent().get(0).message();
        AmiMessage recordedResponse = recorded.responses().get(0).message();

        ManagerResponse response = client.connection().sendAction(AsteriskJavaClient.originateLike(originate));

        assertEquals(recordedResponse.get("Response"), response.getResponse());
        assertEquals(recordedResponse.get("Message"), response.getMessage());
        await("all hang-ups and CDRs of " + scenarioName, () -> pbx.activeCalls() == 0
                && actualLanes(client).count("Hangup") == expected.count("Hangup")
                && actualLanes(client).count("Cdr") == expected.count("Cdr"));
        CallEventLanes actual = actualLanes(client);
        assertEquals(expected.lanes(), actual.lanes(), "expected\n" + expected + "actual\n" + actual);
        assertTrue(expected.sharesOneLinkedidOfFirstChannel(), "recording: " + expected);
        assertTrue(actual.sharesOneLinkedidOfFirstChannel(), "simulation: " + actual);
        OriginateResponseEvent originateResponse = client.events(OriginateResponseEvent.class).get(0);
        assertEquals(originate.get("ActionID"), originateResponse.getActionId());
    }

    private static CallEventLanes actualLanes(AsteriskJavaClient client) {
        return CallEventLanes.of(client.events(), Set.of(CALL_ID), true);
    }

    @Test
    void robotChoiceArrivesAsTypedEventWithTheCallId() throws Exception {
        SimulatedPbx pbx = startPbx(TRANSCRIPT_TIMING);
        AsteriskJavaClient client = connect(pbx);
        List<String> numbers = List.of("13800000004", "13800000005", "13800000006");
        for (String number : numbers) {
            OriginateAction originate = robotCall(number, "c-" + number);
            client.connection().sendAction(originate);
        }

        await("three robot choices", () -> client.events(RobotChoiceEvent.class).size() == numbers.size());
        Map<String, String> choices = new LinkedHashMap<>();
        for (RobotChoiceEvent event : client.events(RobotChoiceEvent.class)) {
            choices.put(event.getCallId(), event.getChoice());
        }
        assertEquals(Map.of("c-13800000004", "1", "c-13800000005", "2", "c-13800000006", "9"), choices);
    }

    @Test
    void customerHangingUpDuringThePromptIsReportedAsNoInput() throws Exception {
        SimulatedPbx pbx = startPbx(TRANSCRIPT_TIMING.toBuilder().robotNoInputReport(true).build());
        AsteriskJavaClient client = connect(pbx);

        client.connection().sendAction(robotCall("13800000007", "c-no-input"));

        await("both channels hung up", () -> client.events(HangupEvent.class).size() == 2);
        assertEquals(4, client.events(OriginateResponseEvent.class).get(0).getReason());
        List<RobotChoiceEvent> reports = client.events(RobotChoiceEvent.class);
        assertEquals(1, reports.size());
        assertEquals("c-no-input", reports.get(0).getCallId());
        assertTrue(reports.get(0).getChoice() == null || reports.get(0).getChoice().isEmpty(), reports.get(0).getChoice());
        assertTrue(client.events(VarSetEvent.class).stream()
                .anyMatch(v -> v.getVariable().equals("READSTATUS") && v.getValue().equals("HANGUP")));
    }

    @Test
    void withoutTheNoInputReportAHangupAtThePromptRaisesNoChoice() throws Exception {
        SimulatedPbx pbx = startPbx(TRANSCRIPT_TIMING);
        AsteriskJavaClient client = connect(pbx);

        client.connection().sendAction(robotCall("13800000007", "c-silent"));

        await("both channels hung up", () -> client.events(HangupEvent.class).size() == 2);
        assertTrue(client.events(RobotChoiceEvent.class).isEmpty());
    }

    private static OriginateAction robotCall(String number, String callId) {
        OriginateAction originate = new OriginateAction();
        originate.setChannel("Local/" + number + "@sim-carrier");
        originate.setContext("robot");
        originate.setExten("s");
        originate.setPriority(1);
        originate.setTimeout(15_000L);
        originate.setAsync(true);
        originate.setActionId("O-" + callId);
        originate.setVariable(CALL_ID, callId);
        return originate;
    }

    @Test
    void loginQueriesAnswerLikeAsterisk22() throws Exception {
        AmiTranscript.Scenario recorded = AmiTranscript.load("login-queries-errors.txt")
                .scenario("what asterisk-java asks after login");
        AmiMessage recordedSettings = recorded.responses().get(0).message();
        SimulatedPbx pbx = startPbx(TRANSCRIPT_TIMING);
        AsteriskJavaClient client = connect(pbx);

        CoreSettingsResponse settings = (CoreSettingsResponse) client.connection().sendAction(new CoreSettingsAction());
        PingResponse ping = (PingResponse) client.connection().sendAction(new PingAction());

        assertEquals(recordedSettings.get("AsteriskVersion"), settings.getAsteriskVersion());
        assertEquals(recordedSettings.get("AMIversion"), settings.getAmiVersion());
        assertEquals(AsteriskVersion.ASTERISK_22, client.connection().getVersion());
        assertEquals(recorded.responses().get(2).message().get("Ping"), ping.getPing());
    }

    @Test
    void reconciliationQueriesSeeTheLiveCall() throws Exception {
        AmiTranscript.Scenario recorded = AmiTranscript.load("login-queries-errors.txt")
                .scenario("a call is up; reconciliation queries (CoreShowChannels, Status)");
        SimulatedPbx pbx = startPbx(TRANSCRIPT_TIMING.toBuilder().talkTimeMs(3_600_000).build());
        AsteriskJavaClient client = connect(pbx);
        client.connection().sendAction(AsteriskJavaClient.originateLike(recorded.sent().get(0).message()));
        await("the call is answered", () -> !client.events(OriginateResponseEvent.class).isEmpty());

        ResponseEvents channels = client.connection().sendEventGeneratingAction(new CoreShowChannelsAction());
        ResponseEvents status = client.connection().sendEventGeneratingAction(new StatusAction());
        String originated = client.events(OriginateResponseEvent.class).get(0).getChannel();
        GetVarResponse callId = (GetVarResponse) client.connection().sendAction(new GetVarAction(originated, CALL_ID));

        List<String> recordedChannels = recorded.events("CoreShowChannel").stream()
                .map(e -> CallEventLanes.normalize(e.message().get("Channel")) + " " + e.message().get("Application"))
                .toList();
        List<String> liveChannels = channels.getEvents().stream()
                .filter(CoreShowChannelEvent.class::isInstance).map(CoreShowChannelEvent.class::cast)
                .map(e -> CallEventLanes.normalize(e.getChannel()) + " " + e.getApplication())
                .toList();
        assertEquals(recordedChannels, liveChannels);
        List<String> recordedStatus = recorded.events("Status").stream()
                .map(e -> CallEventLanes.normalize(e.message().get("Channel"))).toList();
        List<String> liveStatus = status.getEvents().stream()
                .filter(StatusEvent.class::isInstance).map(StatusEvent.class::cast)
                .map(e -> CallEventLanes.normalize(e.getChannel())).toList();
        assertEquals(recordedStatus, liveStatus);
        AmiMessage recordedGetvar = recorded.responses().get(3).message();
        assertEquals(recordedGetvar.get("Value"), callId.getValue());
    }

    @Test
    void coreStopNowHangsUpTheCallThenSaysShutdown() throws Exception {
        AmiTranscript.Scenario recorded = AmiTranscript.load("shutdown-mid-call.txt")
                .scenario("call in progress, then Asterisk stops (core stop now)");
        CallEventLanes expected = recordedLanes(recorded, false);
        SimulatedPbx pbx = startPbx(TRANSCRIPT_TIMING.toBuilder().talkTimeMs(3_600_000).build());
        AsteriskJavaClient client = connect(pbx);
        client.connection().sendAction(AsteriskJavaClient.originateLike(recorded.sent().get(0).message()));
        await("the call is answered", () -> !client.events(OriginateResponseEvent.class).isEmpty());

        pbx.coreStopNow();

        await("Shutdown and the disconnect", () -> !client.events(ShutdownEvent.class).isEmpty()
                && !client.events(DisconnectEvent.class).isEmpty());
        CallEventLanes actual = CallEventLanes.of(client.events(), Set.of(CALL_ID), false);
        assertEquals(expected.lanes(), actual.lanes(), "expected\n" + expected + "actual\n" + actual);
        assertEquals(0, pbx.activeCalls());
    }

    @Test
    void droppedConnectionIsReconnectedByAsteriskJava() throws Exception {
        SimulatedPbx pbx = startPbx(TRANSCRIPT_TIMING);
        AsteriskJavaClient client = connect(pbx);
        await("the first ConnectEvent", () -> client.events(ConnectEvent.class).size() == 1);

        pbx.dropConnections();

        await("a DisconnectEvent and a new ConnectEvent", () -> client.events(DisconnectEvent.class).size() == 1
                && client.events(ConnectEvent.class).size() == 2
                && client.connection().getState() == ManagerConnectionState.CONNECTED);
        ManagerResponse pong = client.connection().sendAction(new PingAction());
        assertEquals("Success", pong.getResponse());
        client.connection().sendAction(robotCall("13800000000", "after-reconnect"));
        await("the call after the reconnect is answered", () -> client.events(OriginateResponseEvent.class).stream()
                .anyMatch(e -> "O-after-reconnect".equals(e.getActionId()) && e.isSuccess()));
    }

    @Test
    void reconnectWaitsUntilThePbxComesBack() throws Exception {
        SimulatedPbx pbx = startPbx(TRANSCRIPT_TIMING);
        AsteriskJavaClient client = connect(pbx);
        int port = pbx.port();

        pbx.stopListening();
        await("the disconnect", () -> client.events(DisconnectEvent.class).size() == 1);
        assertEquals(ManagerConnectionState.RECONNECTING, client.connection().getState());
        pbx.start();

        assertEquals(port, pbx.port());
        await("a new ConnectEvent", () -> client.events(ConnectEvent.class).size() == 2);
    }

    @Test
    void wrongSecretIsRefused() throws Exception {
        SimulatedPbx pbx = startPbx(TRANSCRIPT_TIMING);
        AsteriskJavaClient client = new AsteriskJavaClient(pbx.port(), USERNAME, "wrong");

        assertThrows(AuthenticationFailedException.class, () -> client.connection().login());
    }

    @Test
    void unknownActionIsAnsweredWithAsterisksError() throws Exception {
        AmiMessage recorded = AmiTranscript.load("login-queries-errors.txt").scenario("bad login and a bad action")
                .responses().get(1).message();
        SimulatedPbx pbx = startPbx(TRANSCRIPT_TIMING);
        AsteriskJavaClient client = connect(pbx);

        ManagerResponse response = client.connection().sendAction(new AbstractManagerAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public String getAction() {
                return "NoSuchAction";
            }
        });

        ManagerError error = assertInstanceOf(ManagerError.class, response);
        assertEquals(recorded.get("Message"), error.getMessage());
    }

    @Test
    void synchronousOriginateToAnUnknownTechnologyFails() throws Exception {
        AmiTranscript.Scenario recorded = AmiTranscript.load("login-queries-errors.txt")
                .scenario("bad login and a bad action");
        SimulatedPbx pbx = startPbx(TRANSCRIPT_TIMING);
        AsteriskJavaClient client = connect(pbx);

        ManagerResponse response = client.connection().sendAction(
                AsteriskJavaClient.originateLike(recorded.sent().get(0).message()), ORIGINATE_RESPONSE_TIMEOUT_MS);

        AmiMessage expected = recorded.responses().get(0).message();
        assertEquals(expected.get("Response"), response.getResponse());
        assertEquals(expected.get("Message"), response.getMessage());
    }

    @Test
    void messageSendIsAcceptedForAKnownEndpointAndRefusedOtherwise() throws Exception {
        AmiTranscript.Scenario recorded = AmiTranscript.load("noanswer-click-to-call-sms.txt").scenario("sms");
        SimulatedPbx pbx = startPbx(TRANSCRIPT_TIMING);
        AsteriskJavaClient client = connect(pbx);

        for (int i = 0; i < 2; i++) {
            AmiMessage sent = recorded.sent().get(i).message();
            MessageSendAction action = new MessageSendAction();
            action.setTo(sent.get("To"));
            action.setFrom(sent.get("From"));
            action.setBody(sent.get("Body"));
            ManagerResponse response = client.connection().sendAction(action);

            AmiMessage expected = recorded.responses().get(i).message();
            assertEquals(expected.get("Response"), response.getResponse(), sent.get("To"));
            assertEquals(expected.get("Message"), response.getMessage(), sent.get("To"));
        }
    }

    @Test
    void seedDecidesTheInterleavingButNotTheFactsOfEachCall() throws Exception {
        List<String> numbers = List.of("13800000000", "13800000001", "13800000002", "13800000003",
                "13800000004", "13800000005", "13800000006", "13800000007");
        SimulatedPbxOptions varied = TRANSCRIPT_TIMING.toBuilder().timingJitter(0.2).timeScale(0.02).build();

        Map<String, List<String>> first = eventsPerCall(varied.toBuilder().seed(1).build(), numbers);
        Map<String, List<String>> again = eventsPerCall(varied.toBuilder().seed(1).build(), numbers);
        Map<String, List<String>> other = eventsPerCall(varied.toBuilder().seed(2).build(), numbers);

        assertEquals(first, again, "same seed, same order within every call");
        assertNotEquals(first, other, "another seed interleaves the channels differently");
        assertEquals(factsPerCall(first), factsPerCall(other));
    }

    /**
     * Per dialled number, the call's events in arrival order, each as "lane: description". CDR seconds are
     * left out: at a compressed time scale they depend on how late the timer thread ran.
     */
    private Map<String, List<String>> eventsPerCall(SimulatedPbxOptions options, List<String> numbers)
            throws Exception {
        try (SimulatedPbx pbx = new SimulatedPbx(options).start();
                AsteriskJavaClient client = AsteriskJavaClient.loggedIn(pbx)) {
            for (String number : numbers) {
                client.connection().sendAction(robotCall(number, "c-" + number));
            }
            long expectedHangups = numbers.size() * 2L;
            await("every call ended", () -> pbx.activeCalls() == 0
                    && client.events(HangupEvent.class).size() == expectedHangups);
            Map<String, List<String>> perCall = new LinkedHashMap<>();
            for (String number : numbers) {
                perCall.put(number, new ArrayList<>());
            }
            for (ManagerEvent event : client.events()) {
                String lane = CallEventLanes.laneOf(event);
                String description = CallEventLanes.describe(event, Set.of(CALL_ID), false);
                if (lane == null || description == null) {
                    continue;
                }
                String key = event instanceof OriginateResponseEvent o
                        ? o.getActionId().substring("O-c-".length()) : numberIn(lane);
                perCall.get(key).add(lane.replaceFirst("^.*;", ";") + ": " + description);
            }
            return perCall;
        }
    }

    private static String numberIn(String lane) {
        int slash = lane.indexOf('/');
        return lane.substring(slash + 1, lane.indexOf('@'));
    }

    /** The per-call facts: each lane's own sequence (order across lanes left out). */
    private static Map<String, Map<String, List<String>>> factsPerCall(Map<String, List<String>> eventsPerCall) {
        Map<String, Map<String, List<String>>> facts = new LinkedHashMap<>();
        eventsPerCall.forEach((number, events) -> {
            Map<String, List<String>> lanes = new LinkedHashMap<>();
            for (String event : events) {
                String lane = event.substring(0, event.indexOf(": "));
                lanes.computeIfAbsent(lane, l -> new ArrayList<>()).add(event.substring(lane.length() + 2));
            }
            facts.put(number, new java.util.TreeMap<>(lanes));
        });
        return facts;
    }
}
