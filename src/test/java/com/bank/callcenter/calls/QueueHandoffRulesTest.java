package com.bank.callcenter.calls;

import com.bank.callcenter.telephony.PbxEvent;
import com.bank.callcenter.telephony.sim.AmiMessage;
import com.bank.callcenter.telephony.sim.AmiTranscript;
import com.bank.callcenter.telephony.sim.QueueTranscript;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A robot call whose customer pressed 1 and was taken by an RM (queue-handoff.txt, real Asterisk 22): the RM leg
 * shares the customer's Linkedid, so all its events reach the call, and none of them may take the place of the
 * robot call's own channel or change its outcome.
 */
class QueueHandoffRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-28T16:14:55Z");
    private static final String CUSTOMER_CHANNEL = "Local/13800000004@callcenter-test-customer-00000000;1";
    private static final String CUSTOMER_UNIQUEID = "1795882495.0";
    private static final String RM_LEG_PREFIX = "Local/9101@";
    /** The largest BillableSeconds of the call's Cdrs: the customer's legs (the RM's Local half had 39). */
    private static final int CUSTOMER_BILLABLE_SECONDS = 42;

    @Test
    void theRmLegOfAQueueHandoffLeavesTheRobotCallItsChannelAndOutcome() {
        CallAttempt call = robotCall();
        CallEventRules.Memory memory = new CallEventRules.Memory(null);
        List<PbxEvent> events = recordedEvents();
        assertTrue(events.stream().anyMatch(e -> e.name().equals("AgentConnect")), "the recording has the hand-off");

        events.forEach(event -> CallEventRules.apply(call, event, memory));

        assertEquals(CUSTOMER_CHANNEL, call.channel);
        assertEquals(CUSTOMER_UNIQUEID, call.uniqueId);
        assertEquals(CUSTOMER_UNIQUEID, call.linkedId);
        assertEquals(CallState.COMPLETED, call.state);
        assertEquals(CallOutcome.ANSWERED, call.outcome);
        assertEquals("1", call.robotChoice);
        assertEquals(16, call.hangupCause);
        assertEquals(CUSTOMER_BILLABLE_SECONDS, call.talkSeconds);
    }

    @Test
    void theRmLegHangingUpFirstDoesNotEndTheCall() {
        CallAttempt call = robotCall();
        CallEventRules.Memory memory = new CallEventRules.Memory(null);
        List<PbxEvent> events = recordedEvents();
        List<PbxEvent> rmLeg = events.stream().filter(QueueHandoffRulesTest::onRmLeg).toList();
        List<PbxEvent> customer = events.stream().filter(e -> !onRmLeg(e)).toList();
        int firstHangup = indexOf(customer, "Hangup");

        customer.subList(0, firstHangup).forEach(event -> CallEventRules.apply(call, event, memory));
        rmLeg.forEach(event -> CallEventRules.apply(call, event, memory));

        assertEquals(CallState.ANSWERED, call.state, "the RM leg's Hangup is not the customer's");
        assertEquals(CUSTOMER_CHANNEL, call.channel);
        customer.subList(firstHangup, customer.size()).forEach(event -> CallEventRules.apply(call, event, memory));
        assertEquals(CallState.COMPLETED, call.state);
        assertEquals(CallOutcome.ANSWERED, call.outcome);
    }

    private static boolean onRmLeg(PbxEvent event) {
        String channel = event.get("Channel");
        return channel != null && channel.startsWith(RM_LEG_PREFIX);
    }

    private static int indexOf(List<PbxEvent> events, String name) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("no " + name);
    }

    /** The scenario's events as the translator hands them on: wire names, UserEvents by their own name. */
    private static List<PbxEvent> recordedEvents() {
        AmiTranscript.Scenario handoff = QueueTranscript.load().scenario(QueueTranscript.HANDOFF);
        return handoff.events().stream()
                .map(AmiTranscript.Entry::message)
                .filter(m -> m.get("Privilege") != null) // not the QueueStatus list items
                .map(QueueHandoffRulesTest::pbxEvent)
                .toList();
    }

    private static PbxEvent pbxEvent(AmiMessage message) {
        Map<String, String> fields = new LinkedHashMap<>();
        message.fields().forEach(f -> fields.put(f.key(), f.value()));
        String name = "UserEvent".equals(message.get("Event")) ? message.get("UserEvent") : message.get("Event");
        return new PbxEvent("pbx", name, fields, T0);
    }

    private static CallAttempt robotCall() {
        CallAttempt call = new CallAttempt();
        call.id = UUID.randomUUID();
        call.kind = CallKind.ROBOT_CALL;
        call.state = CallState.QUEUED;
        call.dialing(T0);
        return call;
    }
}
