package com.bank.callcenter.telephony.sim;

import static com.bank.callcenter.telephony.sim.AsteriskJavaClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bytes on the wire: banner, CRLF framing, field names and their order, as in the recordings. */
class SimulatedPbxWireTest {

    private static final String USERNAME = "svc";
    private static final String SECRET = "svcpass";

    private SimulatedPbx pbx;

    @BeforeEach
    void startPbx() throws Exception {
        pbx = new SimulatedPbx(SimulatedPbxOptions.builder()
                .port(0)
                .username(USERNAME)
                .secret(SECRET)
                .outcomeRule(new LastDigitOutcomeRule())
                .timeScale(0.02)
                .timingJitter(0)
                .build()).start();
    }

    @AfterEach
    void stopPbx() {
        pbx.stop();
    }

    @Test
    void bannerIsOneCrlfLineFollowedDirectlyByTheLoginResponse() throws Exception {
        AmiTranscript transcript = AmiTranscript.load("robot-outcomes.txt");
        AmiTranscript.Scenario login = transcript.scenario(AmiTranscript.LOGIN_SCENARIO);
        try (RawAmiClient client = new RawAmiClient(pbx.port())) {
            assertEquals("Asterisk Call Manager/11.0.0\r\n", client.readLineRaw());

            client.send(login.sent().get(0).message());

            assertEquals(login.responses().get(0).message().toWire(), client.readRawMessage());
            AmiMessage fullyBooted = client.read();
            assertEquals(keys(login.only("FullyBooted").message()), keys(fullyBooted));
            assertEquals(keys(login.only("SuccessfulAuth").message()), keys(client.read()));
        }
    }

    @Test
    void challengeLoginAnswersWithTheRecordedFields() throws Exception {
        AmiTranscript.Scenario recorded = AmiTranscript.load("login-queries-errors.txt")
                .scenario("challenge login (MD5), the way asterisk-java logs in");
        try (RawAmiClient client = new RawAmiClient(pbx.port())) {
            client.readLineRaw();
            client.send(recorded.sent().get(0).message());
            AmiMessage challenge = client.read();
            assertEquals(keys(recorded.responses().get(0).message()), keys(challenge));

            client.send(AmiMessage.of("Action", "Login").add("ActionID", "L1").add("AuthType", "MD5")
                    .add("Username", USERNAME).add("Key", AmiSession.md5Hex(challenge.get("Challenge") + SECRET))
                    .add("Events", "on"));

            assertEquals(recorded.responses().get(1).message().toWire(), client.readRawMessage());
        }
    }

    @Test
    void wrongSecretIsRefusedThenTheConnectionCloses() throws Exception {
        AmiTranscript.Scenario recorded = AmiTranscript.load("login-queries-errors.txt")
                .scenario("a second connection with a wrong secret");
        try (RawAmiClient client = new RawAmiClient(pbx.port())) {
            client.readLineRaw();
            client.send(recorded.sent().get(0).message());

            assertEquals(recorded.responses().get(0).message().toWire(), client.readRawMessage());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void actionsBeforeLoginAreDenied() throws Exception {
        try (RawAmiClient client = new RawAmiClient(pbx.port())) {
            client.readLineRaw();
            client.send(AmiMessage.of("Action", "Ping").add("ActionID", "early"));

            assertEquals("Response: Error\r\nActionID: early\r\nMessage: Permission denied\r\n\r\n",
                    client.readRawMessage());
        }
    }

    @Test
    void unknownActionAndPingAreAnsweredLikeAsterisk() throws Exception {
        AmiTranscript transcript = AmiTranscript.load("login-queries-errors.txt");
        AmiMessage recordedError = transcript.scenario("bad login and a bad action").responses().get(1).message();
        AmiMessage recordedPing = transcript.scenario("what asterisk-java asks after login").responses().get(2).message();
        try (RawAmiClient client = new RawAmiClient(pbx.port())) {
            client.loginWithSecret(USERNAME, SECRET, "off");

            client.send(AmiMessage.of("action", "NoSuchAction").add("actionid", "BAD2"));
            assertEquals(recordedError.toWire(), client.readRawMessage());

            client.send(AmiMessage.of("action", "Ping").add("actionid", "P1"));
            AmiMessage ping = client.read();
            assertEquals(keys(recordedPing), keys(ping));
            assertTrue(ping.get("Timestamp").matches("\\d+\\.\\d{6}"), ping.get("Timestamp"));
        }
    }

    /** AstDB as Asterisk 22 answers it: DBPut, DBGet (a list: DBGetResponse, DBGetComplete), DBDel, a missing entry. */
    @Test
    void astDbActionsAreAnsweredLikeAsterisk22() throws Exception {
        try (RawAmiClient client = new RawAmiClient(pbx.port())) {
            client.loginWithSecret(USERNAME, SECRET, "off");
            client.send(AmiMessage.of("Action", "DBPut").add("ActionID", "put").add("Family", "callcenter/choice")
                    .add("Key", "c1").add("Val", "9"));
            assertEquals("Response: Success\r\nActionID: put\r\nMessage: Updated database successfully\r\n\r\n",
                    client.readRawMessage());

            client.send(AmiMessage.of("Action", "DBGet").add("ActionID", "get").add("Family", "callcenter/choice")
                    .add("Key", "c1"));
            assertEquals("Response: Success\r\nActionID: get\r\nEventList: start\r\nMessage: Result will follow\r\n\r\n",
                    client.readRawMessage());
            assertEquals("Event: DBGetResponse\r\nFamily: callcenter/choice\r\nKey: c1\r\nVal: 9\r\nActionID: get\r\n\r\n",
                    client.readRawMessage());
            assertEquals("Event: DBGetComplete\r\nActionID: get\r\nEventList: Complete\r\nListItems: 1\r\n\r\n",
                    client.readRawMessage());

            client.send(AmiMessage.of("Action", "DBDel").add("ActionID", "del").add("Family", "callcenter/choice")
                    .add("Key", "c1"));
            assertEquals("Response: Success\r\nActionID: del\r\nMessage: Key deleted successfully\r\n\r\n",
                    client.readRawMessage());

            client.send(AmiMessage.of("Action", "DBGet").add("ActionID", "gone").add("Family", "callcenter/choice")
                    .add("Key", "c1"));
            assertEquals("Response: Error\r\nActionID: gone\r\nMessage: Database entry not found\r\n\r\n",
                    client.readRawMessage());
        }
    }

    /** A press at the robot menu is kept in AstDB (callcenter/choice, key = CALL_ID), as the dialplan's Set(DB(...)) does. */
    @Test
    void aRobotPressIsStoredInAstDb() throws Exception {
        SimulatedPbx robot = new SimulatedPbx(SimulatedPbxOptions.builder().port(0).username(USERNAME).secret(SECRET)
                .outcomeRule(new LastDigitOutcomeRule()).timeScale(0.02).timingJitter(0).build()).start();
        try (RawAmiClient client = new RawAmiClient(robot.port())) {
            client.loginWithSecret(USERNAME, SECRET, "off");
            client.send(AmiMessage.of("Action", "Originate").add("ActionID", "o1")
                    .add("Channel", "Local/13900000006@sim-carrier").add("Context", "robot").add("Exten", "s")
                    .add("Priority", "1").add("Async", "true").add("Variable", "CALL_ID=call-6"));
            client.read();
            String value = null;
            long deadline = System.currentTimeMillis() + 5_000;
            int n = 0;
            while (value == null && System.currentTimeMillis() < deadline) {
                client.send(AmiMessage.of("Action", "DBGet").add("ActionID", "g" + n++)
                        .add("Family", "callcenter/choice").add("Key", "call-6"));
                AmiMessage response = client.read();
                if ("Success".equals(response.get("Response"))) {
                    value = client.read().get("Val");
                    client.read();
                } else {
                    Thread.sleep(20);
                }
            }
            assertEquals("9", value);
        } finally {
            robot.stop();
        }
    }

    @Test
    void logoffSaysGoodbyeAndCloses() throws Exception {
        try (RawAmiClient client = new RawAmiClient(pbx.port())) {
            client.loginWithSecret(USERNAME, SECRET, "off");
            client.send(AmiMessage.of("Action", "Logoff").add("ActionID", "bye"));

            assertEquals("Response: Goodbye\r\nActionID: bye\r\nMessage: Thanks for all the fish.\r\n\r\n",
                    client.readRawMessage());
            assertTrue(client.closedByServer());
        }
    }

    /**
     * Every event the simulator sends for a recorded call has a name the recording has, and its fields
     * in one of the orders the recording shows for that name; the OriginateResponse has exactly the
     * recorded fields, in order, and the recorded values but for the channel counter and Uniqueid.
     */
    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "robot-outcomes.txt, answer",
            "robot-outcomes.txt, busy",
            "robot-outcomes.txt, congestion",
            "robot-outcomes.txt, press1",
            "noanswer-click-to-call-sms.txt, noanswer",
            "noanswer-click-to-call-sms.txt, click-to-call agent first"})
    void eventFieldsAndTheirOrderMatchTheRecording(String file, String scenarioName) throws Exception {
        AmiTranscript transcript = AmiTranscript.load(file);
        AmiTranscript.Scenario recorded = transcript.scenario(scenarioName);
        Map<String, Set<List<String>>> recordedLayouts = new HashMap<>();
        for (AmiTranscript.Entry entry : transcript.allEntries()) {
            if (entry.isEvent()) {
                recordedLayouts.computeIfAbsent(entry.eventName(), n -> new HashSet<>()).add(keys(entry.message()));
            }
        }
        long recordedHangups = recorded.events("Hangup").size();
        try (RawAmiClient client = new RawAmiClient(pbx.port())) {
            client.loginWithSecret(USERNAME, SECRET, "on");
            AmiMessage originate = recorded.sent().get(0).message();
            client.send(originate);

            List<String> beforeResponse = client.readUntil(m -> m.firstKey().equals("Response")
                    && originate.get("ActionID").equals(m.get("ActionID")));
            assertEquals(recorded.responses().get(0).message().toWire(), beforeResponse.get(beforeResponse.size() - 1));
            List<String> raws = new ArrayList<>();
            int[] hangups = {0};
            raws.addAll(client.readUntil(m -> "Hangup".equals(m.get("Event")) && ++hangups[0] == recordedHangups));
            await("the call to end", () -> pbx.activeCalls() == 0);
            client.send(AmiMessage.of("Action", "Ping").add("ActionID", "end"));
            raws.addAll(client.readUntil(m -> "end".equals(m.get("ActionID"))));

            AmiMessage simulatedOriginateResponse = null;
            for (String raw : raws) {
                assertCrlfFramed(raw);
                AmiMessage message = RawAmiClient.parse(raw);
                String name = message.get("Event");
                if (name == null || message.firstKey().equals("Response")) {
                    continue;
                }
                assertTrue(recordedLayouts.containsKey(name), "the recording has no " + name + " event");
                assertTrue(recordedLayouts.get(name).contains(keys(message)),
                        name + " fields " + keys(message) + " not among " + recordedLayouts.get(name));
                if (name.equals("OriginateResponse")) {
                    simulatedOriginateResponse = message;
                }
            }
            AmiMessage recordedOriginateResponse = recorded.only("OriginateResponse").message();
            assertEquals(withoutVaryingValues(recordedOriginateResponse),
                    withoutVaryingValues(simulatedOriginateResponse));
        }
    }

    private static List<String> withoutVaryingValues(AmiMessage message) {
        List<String> lines = new ArrayList<>();
        for (AmiMessage.Field field : message.fields()) {
            String value = switch (field.key()) {
                case "Channel" -> CallEventLanes.normalize(field.value());
                case "Uniqueid" -> field.value().equals("<unknown>") ? "<unknown>" : "<uniqueid>";
                default -> field.value();
            };
            lines.add(field.key() + ": " + value);
        }
        return lines;
    }

    @Test
    void eventMaskLetsThroughOnlyTheChosenClasses() throws Exception {
        AmiMessage press1 = AmiTranscript.load("robot-outcomes.txt").scenario("press1").sent().get(0).message();
        try (RawAmiClient client = new RawAmiClient(pbx.port())) {
            client.loginWithSecret(USERNAME, SECRET, "call");

            Set<String> callOnly = eventNamesOfOneCall(client, press1);
            assertTrue(callOnly.containsAll(Set.of("Newchannel", "DialEnd", "OriginateResponse", "Hangup")), callOnly.toString());
            assertTrue(callOnly.stream().noneMatch(Set.of("VarSet", "DTMFBegin", "UserEvent", "Cdr")::contains),
                    callOnly.toString());

            client.send(AmiMessage.of("Action", "Events").add("ActionID", "E1").add("EventMask", "user,cdr"));
            assertEquals("Response: Success\r\nActionID: E1\r\nEvents: On\r\n\r\n", client.readRawMessage());
            assertEquals(Set.of("UserEvent", "Cdr"), eventNamesOfOneCall(client, press1));

            client.send(AmiMessage.of("Action", "Events").add("ActionID", "E2").add("EventMask", "off"));
            assertEquals("Response: Success\r\nActionID: E2\r\nEvents: Off\r\n\r\n", client.readRawMessage());
            assertEquals(Set.of(), eventNamesOfOneCall(client, press1));
        }
    }

    /** Originates, waits for the call to end, and returns the names of the events that came through. */
    private Set<String> eventNamesOfOneCall(RawAmiClient client, AmiMessage originate) throws Exception {
        long before = pbx.originateCount();
        client.send(originate);
        await("the call to start", () -> pbx.originateCount() > before);
        await("the call to end", () -> pbx.activeCalls() == 0);
        client.send(AmiMessage.of("Action", "Ping").add("ActionID", "fence"));
        Set<String> names = new HashSet<>();
        for (String raw : client.readUntil(m -> "fence".equals(m.get("ActionID")))) {
            AmiMessage message = RawAmiClient.parse(raw);
            if (message.firstKey().equals("Event")) {
                names.add(message.firstValue());
            }
        }
        return names;
    }

    @Test
    void hangupActionEndsTheCall() throws Exception {
        pbx.stop();
        pbx = new SimulatedPbx(pbx.options().toBuilder().talkTimeMs(3_600_000).build()).start();
        AmiMessage answer = AmiTranscript.load("robot-outcomes.txt").scenario("answer").sent().get(0).message();
        try (RawAmiClient client = new RawAmiClient(pbx.port())) {
            client.loginWithSecret(USERNAME, SECRET, "call");
            client.send(answer);
            List<String> untilAnswered = client.readUntil(m -> "OriginateResponse".equals(m.get("Event")));
            String channel = RawAmiClient.parse(untilAnswered.get(untilAnswered.size() - 1)).get("Channel");

            client.send(AmiMessage.of("Action", "Hangup").add("ActionID", "H1").add("Channel", channel));
            List<String> afterHangup = client.readUntil(m -> "H1".equals(m.get("ActionID")));
            assertEquals("Response: Success\r\nActionID: H1\r\nMessage: Channel Hungup\r\n\r\n",
                    afterHangup.get(afterHangup.size() - 1));
            List<String> hangups = client.readUntil(m -> "Hangup".equals(m.get("Event"))
                    && m.get("Channel").endsWith(";2"));

            assertFalse(hangups.isEmpty());
            await("the call to end", () -> pbx.activeCalls() == 0);
            client.send(AmiMessage.of("Action", "Hangup").add("ActionID", "H2").add("Channel", channel));
            assertEquals("Response: Error\r\nActionID: H2\r\nMessage: No such channel\r\n\r\n",
                    client.readUntil(m -> "H2".equals(m.get("ActionID"))).get(0));
        }
    }

    @Test
    void coreStopNowCommandSendsShutdownThenCloses() throws Exception {
        try (RawAmiClient client = new RawAmiClient(pbx.port())) {
            client.loginWithSecret(USERNAME, SECRET, "system");
            client.send(AmiMessage.of("Action", "Command").add("ActionID", "stop").add("Command", "core stop now"));

            List<String> untilShutdown = client.readUntil(m -> "Shutdown".equals(m.get("Event")));

            assertEquals("Event: Shutdown\r\nPrivilege: system,all\r\nShutdown: Cleanly\r\nRestart: False\r\n\r\n",
                    untilShutdown.get(untilShutdown.size() - 1));
            assertTrue(client.closedByServer());
            await("the port to close", () -> !pbx.isListening());
        }
    }

    private static void assertCrlfFramed(String raw) {
        assertTrue(raw.endsWith("\r\n\r\n"), raw);
        String body = raw.substring(0, raw.length() - 4);
        for (String line : body.split("\r\n", -1)) {
            assertFalse(line.isEmpty() || line.contains("\n") || line.contains("\r"), "bad line in: " + raw);
            assertTrue(line.contains(": "), "not 'Key: Value': " + line);
        }
    }

    private static List<String> keys(AmiMessage message) {
        return message.fields().stream().map(AmiMessage.Field::key).toList();
    }
}
