package com.bank.callcenter.telephony;

import com.bank.callcenter.support.AsteriskConfigFile;
import com.bank.callcenter.telephony.sim.AmiEvent;
import com.bank.callcenter.telephony.sim.AmiEventFilter;
import com.bank.callcenter.telephony.sim.AmiMessage;
import com.bank.callcenter.telephony.sim.AmiTranscript;
import com.bank.callcenter.telephony.sim.AsteriskJavaEventParser;
import com.bank.callcenter.telephony.sim.EventClass;
import com.bank.callcenter.telephony.sim.EventMask;
import org.asteriskjava.manager.event.ManagerEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * telephony/manager.conf's [callcenter] eventfilter lines, read as Asterisk 22 reads them, against what a
 * real Asterisk 22 sent (the recorded sessions) and what the service reads: every event the service reads
 * passes, of the VarSets only those of {@link DialplanContract#VARIABLES_REPORTED}, and the simulated PBX
 * applies the very same file.
 */
class ManagerConfEventFilterTest {

    private static final Path MANAGER_CONF = DialplanContractTest.TELEPHONY.resolve("manager.conf");
    private static final String USER = "callcenter";

    @Test
    void theSimulatedPbxAppliesTheSameFile() throws IOException {
        try (InputStream copy = getClass().getClassLoader().getResourceAsStream("telephony/manager.conf")) {
            assertNotNull(copy, "telephony/manager.conf is copied onto the classpath (pom.xml resources)");
            assertEquals(Files.readString(MANAGER_CONF), new String(copy.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertFalse(SimulatedPbxLauncher.managerConfFilter().isEmpty());
    }

    @Test
    void everyFilterUsesTheAsterisk22Syntax() {
        List<AsteriskConfigFile.Entry> filters = AsteriskConfigFile.read(MANAGER_CONF).section(USER).entries.stream()
                .filter(entry -> entry.key().startsWith("eventfilter")).toList();
        assertFalse(filters.isEmpty());
        for (AsteriskConfigFile.Entry filter : filters) {
            assertTrue(filter.key().startsWith("eventfilter(") && filter.key().endsWith(")"),
                    "line " + filter.line() + ": eventfilter(<criteria>) = <pattern>, not the legacy regex over the whole event");
        }
    }

    @Test
    void onlyTheVarSetsOfTheVariablesTheServiceReadsPass() {
        AmiEventFilter filter = filter();
        Set<String> variables = new TreeSet<>(List.of("C", "CA", "CALL", "CALL_", "CALL_I", "CALL_ID2", "CALL_IDX", "XCALL_ID",
                "CALLID", "Q", "QUEUE", "QUEUESTATU", "QUEUESTATUS2", "call_id", "queuestatus", "_", "a"));
        variables.addAll(DialplanContract.VARIABLES_REPORTED);
        for (AmiMessage event : recordedEvents()) {
            if (event.firstValue().equals("VarSet")) {
                variables.add(event.get("Variable"));
            }
        }
        assertTrue(variables.containsAll(Set.of("PROMPT", "CHOICE", "READSTATUS", "QUEUESTATUS", "MEMBERINTERFACE")),
                "the recorded sessions' VarSets: " + variables);
        Set<String> passed = new TreeSet<>();
        for (String variable : variables) {
            if (filter.allows(varSet(variable))) {
                passed.add(variable);
            }
        }
        assertEquals(new TreeSet<>(DialplanContract.VARIABLES_REPORTED), passed);
    }

    /** Every recorded event the service's translator hands on (its VarSets aside, above) reaches the service. */
    @Test
    void everyEventTheServiceReadsPasses() {
        AmiEventFilter filter = filter();
        AsteriskJavaEventParser parser = new AsteriskJavaEventParser();
        parser.register(RobotChoiceEvent.class);
        parser.register(SmsInEvent.class);
        Set<String> read = new TreeSet<>();
        for (AmiMessage message : recordedEvents()) {
            ManagerEvent typed = parser.parse(message);
            boolean handedOn = typed != null && AmiEventTranslator.translate("pbx", typed, Instant.EPOCH) != null;
            boolean linkState = Set.of("FullyBooted", "Shutdown").contains(message.firstValue());
            if ((handedOn || linkState) && !message.firstValue().equals("VarSet")) {
                read.add(message.firstValue());
                assertTrue(filter.allows(event(message)), "manager.conf drops an event the service reads: " + message.toWire());
            }
        }
        // not handed on, but read by asterisk-java itself: its bridge table (BridgesActive) is built from them
        for (String bridgeEvent : List.of("BridgeCreate", "BridgeLeave", "BridgeDestroy")) {
            assertTrue(recordedEvents().stream().filter(m -> m.firstValue().equals(bridgeEvent))
                    .allMatch(m -> filter.allows(event(m))), "manager.conf drops " + bridgeEvent);
            assertTrue(recordedEvents().stream().anyMatch(m -> m.firstValue().equals(bridgeEvent)), bridgeEvent);
        }
        assertTrue(read.containsAll(Set.of("OriginateResponse", "Newchannel", "Newstate", "DialBegin", "DialEnd",
                "BridgeEnter", "Hangup", "Cdr", "UserEvent", "AgentConnect", "QueueMemberStatus", "FullyBooted", "Shutdown")),
                read.toString());
    }

    /** What an answered robot call sent to a user with the service's read classes, without and with the filters. */
    @Test
    void anAnsweredRobotCallSendsFewerEvents() {
        int mask = EventMask.parse(AsteriskConfigFile.read(MANAGER_CONF).section(USER).value("read"));
        List<AmiMessage> call = AmiTranscript.load("robot-outcomes.txt").scenario("answer").events().stream()
                .map(AmiTranscript.Entry::message).filter(m -> EventMask.allows(mask, eventClass(m))).toList();
        List<AmiMessage> passed = call.stream().filter(m -> filter().allows(event(m))).toList();
        System.out.printf("answered robot call: %d events of the read classes, %d after manager.conf's filters: %s%n",
                call.size(), passed.size(), passed.stream().map(AmiMessage::firstValue).toList());
        assertEquals(List.of(DialplanContract.CALL_ID, DialplanContract.CALL_ID), passed.stream()
                .filter(m -> m.firstValue().equals("VarSet")).map(m -> m.get("Variable")).toList(),
                "only CALL_ID's VarSets, one on each half of the Local channel");
        assertTrue(passed.size() * 2 < call.size(), passed.size() + " of " + call.size());
    }

    private static AmiEventFilter filter() {
        try {
            return AmiEventFilter.ofManagerConf(Files.readString(MANAGER_CONF), USER);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<AmiMessage> recordedEvents() {
        List<AmiMessage> events = new ArrayList<>();
        for (String file : AmiTranscript.FILES) {
            AmiTranscript.load(file).scenarios().values().forEach(scenario ->
                    scenario.events().forEach(entry -> events.add(entry.message())));
        }
        return events;
    }

    private static AmiEvent varSet(String variable) {
        return AmiEvent.of(EventClass.DIALPLAN, AmiMessage.event("VarSet", EventClass.DIALPLAN)
                .add("Channel", "PJSIP/carrier-00000001").add("Uniqueid", "1795407213.0")
                .add("Variable", variable).add("Value", "x"));
    }

    private static AmiEvent event(AmiMessage message) {
        return AmiEvent.of(eventClass(message), message);
    }

    /** The first class of the Privilege line; list replies without one count as reporting. */
    private static EventClass eventClass(AmiMessage message) {
        String privilege = message.get("Privilege");
        return privilege == null ? EventClass.REPORTING
                : EventClass.valueOf(privilege.split(",")[0].toUpperCase(Locale.ROOT));
    }
}
