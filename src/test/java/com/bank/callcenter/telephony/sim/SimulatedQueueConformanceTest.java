package com.bank.callcenter.telephony.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The team queue of the simulated PBX against queue-handoff.txt: the recorded queue actions sent as recorded get the
 * recorded responses and events (fields in order; times aside), and a press-1 robot call produces, per channel, the
 * queue and call events the recording has.
 */
class SimulatedQueueConformanceTest {

    private static final String USERNAME = "svc";
    private static final String SECRET = "svcpass";
    /** Fields whose values are clock readings or depend on the member's calls before (recorded after a hand-off). */
    private static final Set<String> TIME_FIELDS = Set.of("LoginTime", "LastPause", "LastCall", "CallsTaken");
    private static final long RESTART_RETRY_MS = 50;
    /** Long enough for a click-to-call to outlast a robot call's menu. */
    private static final long LONG_TALK_MS = 600_000;
    private static final String MEMBER_INTERFACE = "Local/9101@callcenter-test-customer";
    private static final SimulatedPbxOptions OPTIONS = SimulatedPbxOptions.builder()
            .port(0)
            .username(USERNAME)
            .secret(SECRET)
            .outcomeRule(new LastDigitOutcomeRule())
            .robotContext("callcenter-robot")
            .ringTimeMs(1_000)
            .talkTimeMs(3_000)
            .promptTimeMs(1_000)
            .timingJitter(0)
            .timeScale(0.05)
            .robotNoInputReport(false)
            .build();
    private static final AmiTranscript RECORDED = QueueTranscript.load();

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private SimulatedPbx startPbx() throws IOException {
        SimulatedPbx pbx = new SimulatedPbx(OPTIONS).start();
        toClose.add(pbx);
        return pbx;
    }

    private RawAmiClient connect(SimulatedPbx pbx, String events) throws IOException {
        RawAmiClient client = new RawAmiClient(pbx.port());
        toClose.add(client);
        client.loginWithSecret(USERNAME, SECRET, events);
        return client;
    }

    @Test
    void memberActionsAnswerAndReportAsRecorded() throws Exception {
        RawAmiClient client = connect(startPbx(), "agent");
        List<AmiTranscript.Scenario> scenarios = List.of(RECORDED.scenario(QueueTranscript.FAILING),
                RECORDED.scenario(QueueTranscript.PAUSED), RECORDED.scenario(QueueTranscript.EMPTY));
        int played = 0;
        for (AmiTranscript.Scenario scenario : scenarios) {
            List<AmiTranscript.Entry> entries = scenario.entries();
            for (int i = 0; i < entries.size(); i++) {
                AmiMessage action = entries.get(i).message();
                String name = action.get("Action");
                if (entries.get(i).direction() != AmiTranscript.Direction.CLIENT || !name.startsWith("Queue")
                        || name.equals("QueueStatus")) {
                    continue;
                }
                client.send(action);
                assertSame(entries.get(i + 1).message(), client.read(), name);
                recordedMemberEvent(entries, i + 2).ifPresent(expected -> assertSame(expected, readEvent(client), name));
                played++;
            }
        }
        assertEquals(8, played, "QueueAdd, QueueAdd twice, QueueRemove, QueuePause, QueueAdd, QueuePause twice, QueueRemove");
    }

    @Test
    void queueStatusListsParamsMembersAndCompleteAsRecorded() throws Exception {
        RawAmiClient client = connect(startPbx(), "off");
        AmiTranscript.Scenario add = RECORDED.scenario(QueueTranscript.ADD);
        List<AmiMessage> sent = add.sent().stream().map(AmiTranscript.Entry::message).toList();
        client.send(sent.get(0));
        client.read();

        client.send(sent.get(1));
        List<AmiMessage> reply = readList(client);

        List<AmiMessage> recorded = add.entries().stream()
                .filter(e -> e.direction() == AmiTranscript.Direction.ASTERISK)
                .map(AmiTranscript.Entry::message)
                .filter(m -> "QS1".equals(m.get("ActionID")))
                .toList();
        assertEquals(recorded.size(), reply.size(), reply.toString());
        for (int i = 0; i < recorded.size(); i++) {
            assertSame(recorded.get(i), reply.get(i), "item " + i);
        }
    }

    @Test
    void unknownQueueIsRefusedWithAsterisksTexts() throws Exception {
        RawAmiClient client = connect(startPbx(), "off");

        client.send(AmiMessage.of("Action", "QueueRemove").add("ActionID", "r").add("Queue", "nope")
                .add("Interface", MEMBER_INTERFACE));
        assertEquals("Unable to remove interface from queue: No such queue", client.read().get("Message"));
        client.send(AmiMessage.of("Action", "QueuePause").add("ActionID", "p").add("Queue", "nope")
                .add("Interface", MEMBER_INTERFACE).add("Paused", "true"));
        assertEquals("Interface not found", client.read().get("Message"));
        client.send(AmiMessage.of("Action", "QueueStatus").add("ActionID", "s").add("Queue", "nope"));
        List<AmiMessage> status = readList(client);
        assertEquals(2, status.size());
        assertEquals("0", status.get(1).get("ListItems"));
    }

    @Test
    void pressOneWithAFreeMemberIsHandedOffAsRecorded() throws Exception {
        SimulatedPbx pbx = startPbx();
        RawAmiClient client = connect(pbx, "on");
        AmiTranscript.Scenario add = RECORDED.scenario(QueueTranscript.ADD);
        client.send(add.sent().get(0).message());
        AmiTranscript.Scenario handoff = RECORDED.scenario(QueueTranscript.HANDOFF);

        client.send(handoff.sent().get(0).message());
        List<AmiMessage> events = readUntil(client, m -> "QueueMemberStatus".equals(m.get("Event"))
                && "1".equals(m.get("CallsTaken")));

        List<AmiMessage> recorded = handoff.events().stream().map(AmiTranscript.Entry::message).toList();
        Map<String, List<String>> expected = HandoffLanes.of(recorded);
        Map<String, List<String>> actual = HandoffLanes.of(events);
        assertEquals(expected, actual, "expected\n" + HandoffLanes.text(expected) + "actual\n" + HandoffLanes.text(actual));
        AmiMessage connect = events.stream().filter(m -> "AgentConnect".equals(m.get("Event"))).findFirst().orElseThrow();
        assertEquals(connect.get("Linkedid"), connect.get("DestLinkedid"), "the RM leg shares the customer's Linkedid");
        assertTrue(events.stream().noneMatch(m -> "VarSet".equals(m.get("Event")) && "CALL_ID".equals(m.get("Variable"))
                && m.get("Channel").startsWith("Local/9101@")), "CALL_ID is on the customer's channel only");
    }

    @Test
    void pressOneWithTheOnlyMemberPausedIsJoinEmptyAsRecorded() throws Exception {
        SimulatedPbx pbx = startPbx();
        RawAmiClient client = connect(pbx, "on");
        client.send(RECORDED.scenario(QueueTranscript.ADD).sent().get(0).message());
        AmiTranscript.Scenario paused = RECORDED.scenario(QueueTranscript.PAUSED);
        client.send(paused.sent().get(0).message());

        client.send(paused.sent().get(2).message());
        int[] hangups = {0};
        List<AmiMessage> events = readUntil(client, m -> "Hangup".equals(m.get("Event")) && ++hangups[0] == 2);

        List<AmiMessage> recorded = paused.events().stream().map(AmiTranscript.Entry::message).toList();
        assertEquals(HandoffLanes.of(afterOriginate(recorded)), HandoffLanes.of(events));
        assertTrue(events.stream().anyMatch(m -> "VarSet".equals(m.get("Event"))
                && "QUEUESTATUS".equals(m.get("Variable")) && "JOINEMPTY".equals(m.get("Value"))));
        assertTrue(afterOriginate(events).stream().map(m -> m.getOrDefault("Event", "")).noneMatch(n -> n.startsWith("Queue") || n.startsWith("Agent")),
                events.toString());
    }

    @Test
    void memberOnAClickToCallIsBusyAndTheCustomerIsNotQueued() throws Exception {
        SimulatedPbx pbx = new SimulatedPbx(OPTIONS.toBuilder().talkTimeMs(LONG_TALK_MS).build()).start();
        toClose.add(pbx);
        RawAmiClient client = connect(pbx, "on");
        client.send(RECORDED.scenario(QueueTranscript.ADD).sent().get(0).message());
        // ringinuse = no: the RM's phone is on a click-to-call the service placed (the Originate's first leg)
        client.send(AmiMessage.of("Action", "Originate").add("ActionID", "c2c").add("Channel", MEMBER_INTERFACE)
                .add("Context", OPTIONS.clickToCallContext()).add("Exten", "13800000000").add("Priority", "1")
                .add("Async", "true"));
        readUntil(client, m -> "OriginateResponse".equals(m.get("Event")) && "Success".equals(m.get("Response")));

        client.send(RECORDED.scenario(QueueTranscript.HANDOFF).sent().get(0).message());
        List<AmiMessage> events = readUntil(client, m -> "VarSet".equals(m.get("Event"))
                && "QUEUESTATUS".equals(m.get("Variable")));

        assertEquals("JOINEMPTY", events.get(events.size() - 1).get("Value"));
        assertTrue(events.stream().map(m -> m.getOrDefault("Event", "")).noneMatch(n -> n.startsWith("Agent")
                || n.startsWith("QueueCaller")), events.toString());
    }

    @Test
    void restartLosesTheMembers() throws Exception {
        SimulatedPbx pbx = startPbx();
        RawAmiClient client = connect(pbx, "off");
        client.send(RECORDED.scenario(QueueTranscript.ADD).sent().get(0).message());
        assertEquals("Success", client.read().get("Response"));

        pbx.coreStopNow();
        while (client.read() != null) {
            continue; // the call-less Shutdown, then the end of the connection
        }
        client.close();
        startAgain(pbx);
        RawAmiClient again = connect(pbx, "off");
        again.send(AmiMessage.of("Action", "QueueStatus").add("ActionID", "s").add("Queue", "rm-team"));
        List<AmiMessage> status = readList(again);

        assertEquals(List.of("Response", "QueueParams", "QueueStatusComplete"),
                status.stream().map(m -> m.get("Event") == null ? "Response" : m.get("Event")).toList());
        assertEquals("1", status.get(2).get("ListItems"));
        assertEquals("0", status.get(1).get("Completed"));
    }

    /** The closed connection's server side may hold the port a moment longer (FIN_WAIT_2 until our close is seen). */
    private static void startAgain(SimulatedPbx pbx) throws Exception {
        long deadline = System.currentTimeMillis() + AsteriskJavaClient.AWAIT.toMillis();
        while (true) {
            try {
                pbx.start();
                return;
            } catch (java.net.BindException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(RESTART_RETRY_MS);
            }
        }
    }

    /** The events from the call's first Newchannel on (without the member's QueueAdd and QueuePause before it). */
    private static List<AmiMessage> afterOriginate(List<AmiMessage> events) {
        int first = 0;
        while (first < events.size() && !"Newchannel".equals(events.get(first).get("Event"))) {
            first++;
        }
        return events.subList(first, events.size());
    }

    private static java.util.Optional<AmiMessage> recordedMemberEvent(List<AmiTranscript.Entry> entries, int from) {
        for (int i = from; i < entries.size() && entries.get(i).direction() == AmiTranscript.Direction.ASTERISK; i++) {
            String name = entries.get(i).message().get("Event");
            if (name != null && name.startsWith("QueueMember")) {
                return java.util.Optional.of(entries.get(i).message());
            }
        }
        return java.util.Optional.empty();
    }

    private static AmiMessage readEvent(RawAmiClient client) {
        try {
            return client.read();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<AmiMessage> readList(RawAmiClient client) throws IOException {
        return readUntil(client, m -> "Complete".equals(m.get("EventList")));
    }

    private static List<AmiMessage> readUntil(RawAmiClient client, Predicate<AmiMessage> last) throws IOException {
        return client.readUntil(last).stream().map(RawAmiClient::parse).toList();
    }

    /** Same keys in the same order, same values except clock readings. */
    private static void assertSame(AmiMessage expected, AmiMessage actual, String what) {
        assertEquals(keys(expected), keys(actual), what + ": " + actual);
        for (AmiMessage.Field field : expected.fields()) {
            if (!TIME_FIELDS.contains(field.key())) {
                assertEquals(field.value(), actual.get(field.key()), what + "." + field.key() + ": " + actual);
            }
        }
    }

    private static List<String> keys(AmiMessage message) {
        return message.fields().stream().map(AmiMessage.Field::key).toList();
    }

    /** The events the service and the desk read, per channel (without its counter), in order; QueueMember* on "QUEUE". */
    static final class HandoffLanes {

        private static final Set<String> MEMBER_VARIABLES = Set.of("MEMBERINTERFACE", "MEMBERNAME", "QUEUENAME",
                "QUEUESTATUS");

        static Map<String, List<String>> of(List<AmiMessage> events) {
            Map<String, List<String>> lanes = new TreeMap<>();
            for (AmiMessage event : events) {
                String description = describe(event);
                if (description == null) {
                    continue;
                }
                String channel = event.get("Channel");
                String lane = channel == null ? "QUEUE" : CallEventLanes.normalize(channel);
                lanes.computeIfAbsent(lane, l -> new ArrayList<>()).add(description);
            }
            return lanes;
        }

        private static String describe(AmiMessage event) {
            String name = event.get("Event");
            if (name == null || event.get("Privilege") == null) {
                return null; // responses and QueueStatus list items
            }
            String dest = event.get("DestChannel") == null ? "" : CallEventLanes.normalize(event.get("DestChannel"));
            return switch (name) {
                case "QueueCallerJoin", "QueueCallerLeave" -> name + "(" + event.get("Queue") + ","
                        + event.get("Position") + "," + event.get("Count") + ")";
                case "AgentCalled", "AgentConnect" -> name + "(" + dest + "," + event.get("MemberName") + ")";
                case "AgentComplete" -> name + "(" + dest + "," + event.get("MemberName") + "," + event.get("Reason") + ")";
                case "DialBegin", "DialEnd", "DialState" -> event.get("Channel") == null ? null
                        : name + "(" + dest + "," + event.getOrDefault("DialStatus", "") + ")";
                case "QueueMemberStatus" -> name + "(" + event.get("Status") + "," + event.get("CallsTaken") + ")";
                case "VarSet" -> MEMBER_VARIABLES.contains(event.get("Variable"))
                        ? "VarSet(" + event.get("Variable") + "=" + event.get("Value") + ")" : null;
                case "UserEvent" -> "UserEvent(" + event.get("UserEvent") + "," + event.get("Choice") + ")";
                case "BridgeEnter", "Hangup" -> name + "(" + event.getOrDefault("Cause", "") + ")";
                case "Cdr" -> "Cdr(" + event.get("LastApplication") + "," + (event.get("DestinationChannel").isEmpty()
                        ? "" : CallEventLanes.normalize(event.get("DestinationChannel"))) + ")";
                default -> null;
            };
        }

        static String text(Map<String, List<String>> lanes) {
            StringBuilder text = new StringBuilder();
            lanes.forEach((lane, events) -> text.append(lane).append(" -> ").append(events).append('\n'));
            return text.toString();
        }
    }
}
