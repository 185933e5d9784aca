package com.bank.callcenter.telephony;

import com.bank.callcenter.telephony.sim.AmiMessage;
import com.bank.callcenter.telephony.sim.AmiTranscript;
import com.bank.callcenter.telephony.sim.AsteriskJavaEventParser;
import com.bank.callcenter.telephony.sim.QueueTranscript;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every app_queue event of the real Asterisk 22 session is typed by asterisk-java and reaches us with its wire fields. */
class QueueEventTranslatorTest {

    private static final List<String> AGENT_FIELDS = List.of("Channel", "Uniqueid", "Linkedid", "DestChannel",
            "DestUniqueid", "DestLinkedid", "Queue", "Interface", "MemberName");
    private static final List<String> CALLER_FIELDS = List.of("Channel", "Uniqueid", "Linkedid", "Queue", "Position",
            "Count");
    private static final List<String> MEMBER_FIELDS = List.of("Queue", "MemberName", "Interface", "StateInterface",
            "Paused", "PausedReason", "Status", "CallsTaken", "InCall");
    private static final Map<String, List<String>> FIELDS_READ = Map.of(
            "AgentCalled", AGENT_FIELDS,
            "AgentConnect", concat(AGENT_FIELDS, List.of("HoldTime", "RingTime")),
            "AgentComplete", concat(AGENT_FIELDS, List.of("HoldTime", "TalkTime", "Reason")),
            "QueueCallerJoin", CALLER_FIELDS,
            "QueueCallerLeave", CALLER_FIELDS,
            "QueueMemberAdded", MEMBER_FIELDS,
            "QueueMemberPause", MEMBER_FIELDS,
            "QueueMemberRemoved", MEMBER_FIELDS,
            "QueueMemberStatus", MEMBER_FIELDS);

    @Test
    void everyQueueEventOfTheRecordingIsTranslatedWithItsWireFields() {
        AsteriskJavaEventParser parser = new AsteriskJavaEventParser();
        Set<String> seen = new TreeSet<>();
        for (AmiTranscript.Entry entry : QueueTranscript.load().scenarios().values().stream()
                .flatMap(s -> s.events().stream()).toList()) {
            List<String> fields = FIELDS_READ.get(entry.eventName());
            if (fields == null) {
                continue;
            }
            AmiMessage wire = entry.message();
            PbxEvent event = AmiEventTranslator.translate("pbx", parser.parse(wire), Instant.EPOCH);
            assertNotNull(event, wire.toString());
            assertEquals(entry.eventName(), event.name());
            for (String field : fields) {
                assertEquals(wire.get(field), event.get(field), entry.eventName() + "." + field + " of\n" + wire);
            }
            seen.add(entry.eventName());
        }
        assertEquals(FIELDS_READ.keySet(), seen, "the recording has each queue event the service reads");
    }

    @Test
    void pausedMemberIsReadWithItsReason() {
        AmiMessage pause = QueueTranscript.load().scenario(QueueTranscript.PAUSED).only("QueueMemberPause").message();

        PbxEvent event = AmiEventTranslator.translate("pbx", new AsteriskJavaEventParser().parse(pause), Instant.EPOCH);

        assertEquals("1", event.get("Paused"));
        assertEquals("lunch", event.get("PausedReason"));
        assertEquals("rm001", event.get("MemberName"));
        assertTrue(event.get("Interface").startsWith("Local/9101@"));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
