package com.bank.callcenter.telephony.sim;

import com.bank.callcenter.telephony.RobotChoiceEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.asteriskjava.manager.event.BridgeCreateEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.CdrEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DtmfBeginEvent;
import org.asteriskjava.manager.event.DtmfEndEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The recorded Asterisk 22 sessions parse completely, and asterisk-java (as we depend on it) types their events. */
class AmiTranscriptTest {

    /** Per file and scenario: messages sent by the client, responses, events. Counted from the raw text. */
    private static final Map<String, Map<String, List<Integer>>> COUNTS = Map.of(
            "robot-outcomes.txt", ordered(
                    "login", List.of(1, 1, 2),
                    "answer", List.of(1, 1, 44),
                    "busy", List.of(1, 1, 24),
                    "congestion", List.of(1, 1, 25),
                    "press1", List.of(1, 1, 44)),
            "noanswer-click-to-call-sms.txt", ordered(
                    "login", List.of(1, 1, 2),
                    "noanswer", List.of(1, 1, 23),
                    "click-to-call agent first", List.of(1, 1, 102),
                    "sms", List.of(2, 2, 4)),
            "shutdown-mid-call.txt", ordered(
                    "call in progress, then Asterisk stops (core stop now)", List.of(1, 1, 45)),
            "login-queries-errors.txt", ordered(
                    "challenge login (MD5), the way asterisk-java logs in", List.of(2, 2, 2),
                    "what asterisk-java asks after login", List.of(3, 3, 0),
                    "a call is up; reconciliation queries (CoreShowChannels, Status)", List.of(4, 4, 46),
                    "bad login and a bad action", List.of(2, 2, 1),
                    "a second connection with a wrong secret", List.of(1, 1, 0)),
            "queue-handoff.txt", ordered(
                    "login", List.of(1, 1, 2),
                    QueueTranscript.ADD, List.of(2, 2, 6),
                    QueueTranscript.HANDOFF, List.of(4, 4, 191),
                    QueueTranscript.PAUSED, List.of(3, 3, 74),
                    QueueTranscript.EMPTY, List.of(4, 4, 74),
                    QueueTranscript.FAILING, List.of(5, 5, 2),
                    QueueTranscript.RELOAD, List.of(2, 2, 4),
                    QueueTranscript.STOP, List.of(0, 0, 1),
                    QueueTranscript.RESTART, List.of(3, 3, 4)));

    private static Map<String, List<Integer>> ordered(Object... namesAndCounts) {
        Map<String, List<Integer>> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndCounts.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Integer> counts = (List<Integer>) namesAndCounts[i + 1];
            map.put((String) namesAndCounts[i], counts);
        }
        return map;
    }

    @ParameterizedTest
    @ValueSource(strings = {"robot-outcomes.txt", "noanswer-click-to-call-sms.txt", "shutdown-mid-call.txt",
            "login-queries-errors.txt", "queue-handoff.txt"})
    void everyMarkedMessageIsParsedIntoItsScenario(String file) {
        AmiTranscript transcript = AmiTranscript.load(file);

        assertEquals(transcript.markedMessages(), transcript.allEntries().size(), file);
        for (AmiTranscript.Entry entry : transcript.allEntries()) {
            String first = entry.message().firstKey();
            if (entry.direction() == AmiTranscript.Direction.CLIENT) {
                assertEquals("Action", first, entry.message().toString());
            } else {
                assertTrue(first.equals("Response") || first.equals("Event"), entry.message().toString());
            }
        }
        Map<String, List<Integer>> expected = COUNTS.get(file);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(transcript.scenarios().keySet()));
        expected.forEach((name, counts) -> {
            AmiTranscript.Scenario scenario = transcript.scenario(name);
            assertEquals(counts, List.of(scenario.sent().size(), scenario.responses().size(),
                    scenario.events().size()), file + " / " + name);
        });
    }

    @Test
    void fieldsKeepTheirOrderAndEmptyValues() {
        AmiTranscript.Scenario answer = AmiTranscript.load("robot-outcomes.txt").scenario("answer");
        AmiMessage response = answer.only("OriginateResponse").message();

        assertEquals(List.of("Event", "Privilege", "ActionID", "Response", "Channel", "Context", "Exten", "Reason",
                "Uniqueid", "CallerIDNum", "CallerIDName"), keys(response));
        AmiMessage newchannel = answer.events("Newchannel").get(0).message();
        assertEquals(List.of("Event", "Privilege", "Channel", "ChannelState", "ChannelStateDesc", "CallerIDNum",
                "CallerIDName", "ConnectedLineNum", "ConnectedLineName", "Language", "AccountCode", "Context",
                "Exten", "Priority", "Uniqueid", "Linkedid"), keys(newchannel));
        assertEquals("", newchannel.get("AccountCode"));
    }

    @Test
    void asteriskJavaTypesEveryEventTheServiceReads() {
        AsteriskJavaEventParser parser = new AsteriskJavaEventParser();
        Map<String, Class<? extends ManagerEvent>> expectedTypes = Map.ofEntries(
                Map.entry("OriginateResponse", OriginateResponseEvent.class),
                Map.entry("Newchannel", NewChannelEvent.class),
                Map.entry("Newstate", NewStateEvent.class),
                Map.entry("DialBegin", DialBeginEvent.class),
                Map.entry("DialEnd", DialEndEvent.class),
                Map.entry("VarSet", VarSetEvent.class),
                Map.entry("DTMFBegin", DtmfBeginEvent.class),
                Map.entry("DTMFEnd", DtmfEndEvent.class),
                Map.entry("BridgeCreate", BridgeCreateEvent.class),
                Map.entry("BridgeEnter", BridgeEnterEvent.class),
                Map.entry("BridgeLeave", BridgeLeaveEvent.class),
                Map.entry("Hangup", HangupEvent.class),
                Map.entry("Cdr", CdrEvent.class),
                Map.entry("FullyBooted", FullyBootedEvent.class),
                Map.entry("Shutdown", ShutdownEvent.class));
        Set<String> untyped = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        for (String file : AmiTranscript.FILES) {
            for (AmiTranscript.Entry entry : AmiTranscript.load(file).allEntries()) {
                if (!entry.isEvent()) {
                    continue;
                }
                String name = entry.eventName();
                seen.add(name);
                ManagerEvent event = parser.parse(entry.message());
                if (event == null) {
                    untyped.add(name + (name.equals("UserEvent") ? ":" + entry.message().get("UserEvent") : ""));
                } else if (expectedTypes.containsKey(name)) {
                    assertInstanceOf(expectedTypes.get(name), event, file + ": " + name);
                }
            }
        }
        assertTrue(seen.containsAll(expectedTypes.keySet()), "transcripts lack " + expectedTypes.keySet());
        // Only the dialplan's own UserEvents lack a class until one is registered.
        assertEquals(Set.of("UserEvent:RobotChoice", "UserEvent:SmsAtCarrier"), untyped);
    }

    @Test
    void asteriskJavaReadsTheFactsOfEachOutcome() {
        AsteriskJavaEventParser parser = new AsteriskJavaEventParser();
        AmiTranscript robot = AmiTranscript.load("robot-outcomes.txt");

        AmiMessage recorded = robot.scenario("answer").only("OriginateResponse").message();
        OriginateResponseEvent answered = (OriginateResponseEvent) parser.parse(recorded);
        // asterisk-java keeps only ActionIDs it prefixed itself ("<internal>#<yours>"); the recording's plain one reads as null.
        assertNull(answered.getActionId());
        OriginateResponseEvent prefixed = (OriginateResponseEvent) parser.parse(withActionId(recorded, "1a2b_7#O-answer"));
        assertEquals("O-answer", prefixed.getActionId());
        assertEquals("1a2b_7", prefixed.getInternalActionId());
        assertTrue(answered.isSuccess());
        assertEquals(4, answered.getReason());
        assertTrue(answered.getChannel().endsWith("-00000000;1"), answered.getChannel());

        OriginateResponseEvent busy = (OriginateResponseEvent) parser.parse(
                robot.scenario("busy").only("OriginateResponse").message());
        assertFalse(busy.isSuccess());
        assertEquals(5, busy.getReason());
        assertEquals("Local/13800000001@sim-carrier", busy.getChannel());
        List<Integer> busyCauses = robot.scenario("busy").events("Hangup").stream()
                .map(e -> ((HangupEvent) parser.parse(e.message())).getCause()).toList();
        assertEquals(List.of(0, 17), busyCauses);

        CdrEvent cdr = (CdrEvent) parser.parse(robot.scenario("answer").events("Cdr").get(0).message());
        assertEquals("ANSWERED", cdr.getDisposition());
        assertEquals(3, cdr.getBillableSeconds());

        DialEndEvent dialEnd = (DialEndEvent) parser.parse(robot.scenario("congestion").only("DialEnd").message());
        assertEquals("CONGESTION", dialEnd.getDialStatus());
    }

    @Test
    void robotChoiceIsDroppedUntilItsClassIsRegistered() {
        AsteriskJavaEventParser parser = new AsteriskJavaEventParser();
        AmiMessage userEvent = AmiTranscript.load("robot-outcomes.txt").scenario("press1").only("UserEvent").message();
        assertNull(parser.parse(userEvent));

        parser.register(RobotChoiceEvent.class);
        RobotChoiceEvent choice = assertInstanceOf(RobotChoiceEvent.class, parser.parse(userEvent));

        assertEquals("c-press1", choice.getCallId());
        assertEquals("1", choice.getChoice());
        assertEquals("Local/13800000004@sim-carrier-00000003;1", choice.getChannel());
    }

    private static AmiMessage withActionId(AmiMessage message, String actionId) {
        AmiMessage copy = new AmiMessage();
        message.fields().forEach(f -> copy.add(f.key(), f.key().equals("ActionID") ? actionId : f.value()));
        return copy;
    }

    private static List<String> keys(AmiMessage message) {
        return message.fields().stream().map(AmiMessage.Field::key).toList();
    }
}
