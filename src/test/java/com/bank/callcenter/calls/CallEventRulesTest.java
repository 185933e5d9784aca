package com.bank.callcenter.calls;

import com.bank.callcenter.telephony.DialplanContract;
import com.bank.callcenter.telephony.Pbx.LiveChannel;
import com.bank.callcenter.telephony.PbxEvent;
import com.bank.callcenter.telephony.sim.AmiEvent;
import com.bank.callcenter.telephony.sim.AmiEventFilter;
import com.bank.callcenter.telephony.sim.AmiMessage;
import com.bank.callcenter.telephony.sim.EventClass;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules on their own, for orders the recorded sessions did not show. */
class CallEventRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");
    private static final String ROBOT_LEG = "1795407213.0";

    @Test
    void aCdrBeforeTheAnswerStillGivesTheTalkSeconds() {
        CallAttempt call = robotCall();
        CallEventRules.Memory memory = new CallEventRules.Memory(null);

        CallEventRules.apply(call, event("Cdr", 1, Map.of("Disposition", "ANSWERED", "BillableSeconds", "7",
                "UniqueID", ROBOT_LEG)), memory);
        CallEventRules.apply(call, event("OriginateResponse", 1, Map.of("Response", "Success", "Reason", "4",
                "Uniqueid", ROBOT_LEG, "Channel", "PJSIP/carrier-00000001")), memory);
        CallEventRules.apply(call, event("Hangup", 2, Map.of("Uniqueid", ROBOT_LEG, "Cause", "16",
                "Cause-txt", "Normal Clearing")), memory);

        assertEquals(CallState.COMPLETED, call.state);
        assertEquals(7, call.talkSeconds, "from the CDR, not from the 1 s between the events");
    }

    @Test
    void withoutACdrTheTalkSecondsComeFromTheAnswerAndTheHangUp() {
        CallAttempt call = robotCall();
        CallEventRules.Memory memory = new CallEventRules.Memory(null);

        CallEventRules.apply(call, event("OriginateResponse", 0, Map.of("Response", "Success", "Reason", "4",
                "Uniqueid", ROBOT_LEG, "Channel", "PJSIP/carrier-00000001")), memory);
        CallEventRules.apply(call, event("Hangup", 12, Map.of("Uniqueid", ROBOT_LEG, "Cause", "16")), memory);

        assertEquals(CallState.COMPLETED, call.state);
        assertEquals(12, call.talkSeconds);
    }

    @Test
    void noEventTheCallRulesKeepIsFilteredOutAtThePbx() throws Exception {
        AmiEventFilter filter = AmiEventFilter.ofManagerConf(Files.readString(Path.of("telephony", "manager.conf")),
                "callcenter");
        for (String name : List.of("OriginateResponse", "DialBegin", "DialState", "Newstate", "DialEnd", "BridgeEnter",
                "Hangup", "Cdr", "VarSet", "Newchannel", "UserEvent")) {
            PbxEvent event = new PbxEvent("pbx", name, Map.of("Variable", DialplanContract.CALL_ID), T0);
            AmiMessage wire = AmiMessage.event(name, EventClass.CALL).add("Variable", DialplanContract.CALL_ID);
            assertTrue(filter.allows(AmiEvent.of(EventClass.CALL, wire)),
                    name + " is filtered out" + (CallEventRules.kept(event) ? ", and the call rules keep it" : ""));
        }
        AmiMessage prompt = AmiMessage.event("VarSet", EventClass.DIALPLAN).add("Variable", DialplanContract.PROMPT);
        assertFalse(CallEventRules.kept(new PbxEvent("pbx", "VarSet", Map.of("Variable", DialplanContract.PROMPT), T0)));
        assertFalse(filter.allows(AmiEvent.of(EventClass.DIALPLAN, prompt)), "a VarSet the service does not read");
    }

    @Test
    void aRobotCallFoundUpWithoutItsLegsTakesTheOriginatedLocalHalf() {
        CallAttempt call = robotCall();
        CallEventRules.learnLegs(call, List.of(
                new LiveChannel("Local/13800000000@carrier-00000002;2", "1795407213.1", ROBOT_LEG, 6),
                new LiveChannel("Local/13800000000@carrier-00000002;1", ROBOT_LEG, ROBOT_LEG, 6)));
        assertEquals(ROBOT_LEG, call.uniqueId);
        assertEquals("Local/13800000000@carrier-00000002;1", call.channel);
        assertEquals(ROBOT_LEG, call.linkedId);

        CallEventRules.Memory memory = new CallEventRules.Memory(null);
        call.answered(T0.plusSeconds(1), null);
        CallEventRules.apply(call, event("Hangup", 9, Map.of("Uniqueid", ROBOT_LEG, "Cause", "16")), memory);
        assertEquals(CallState.COMPLETED, call.state);
        assertEquals(16, call.hangupCause);
    }

    @Test
    void anAgentCallFoundUpWithoutItsLegsTakesTheRmsLegAndTheCustomersNotTheRmsFarEnd() {
        CallAttempt call = robotCall();
        call.kind = CallKind.AGENT_CALL;
        String rm = "1795407300.4";
        CallEventRules.learnLegs(call, List.of(
                new LiveChannel("Local/9123@agents-00000004;2", "1795407300.5", rm, 6),
                new LiveChannel("Local/9123@agents-00000004;1", rm, rm, 6),
                new LiveChannel("PJSIP/carrier-00000007", "1795407300.7", rm, 6)));
        assertEquals(rm, call.uniqueId);
        assertEquals("Local/9123@agents-00000004;1", call.channel);
        assertEquals("1795407300.7", call.customerUniqueId);
        assertEquals("PJSIP/carrier-00000007", call.customerChannel);
    }

    @Test
    void legsTheRecordHasAreKept() {
        CallAttempt call = robotCall();
        call.uniqueId = ROBOT_LEG;
        call.channel = "PJSIP/carrier-00000001";
        CallEventRules.learnLegs(call, List.of(new LiveChannel("PJSIP/carrier-00000009", "1795407299.9",
                "1795407299.9", 6)));
        assertEquals(ROBOT_LEG, call.uniqueId);
        assertEquals("PJSIP/carrier-00000001", call.channel);
        assertEquals(null, call.linkedId, "not another call's");
    }

    private static CallAttempt robotCall() {
        CallAttempt call = new CallAttempt();
        call.id = UUID.randomUUID();
        call.kind = CallKind.ROBOT_CALL;
        call.state = CallState.QUEUED;
        call.dialing(T0);
        return call;
    }

    private static PbxEvent event(String name, int secondsAfterStart, Map<String, String> fields) {
        return new PbxEvent("pbx", name, fields, T0.plusSeconds(secondsAfterStart));
    }
}
