package com.bank.callcenter.dashboard;

import com.bank.callcenter.calls.CallKind;
import com.bank.callcenter.calls.CallRecordsChanged;
import com.bank.callcenter.calls.CallState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What one record adds to the day's counters, rule by rule. */
class CountingRulesTest {

    private static final CountingRules RULES = new CountingRules(ZoneId.of("Asia/Shanghai"), 15);
    /** 10:05 in Shanghai. */
    private static final Instant QUEUED = Instant.parse("2026-11-25T02:05:00Z");

    private static CallRecordsChanged.Record call(CallKind kind, String rm, CallState state, Integer talk, boolean handedOff,
                                                  String choice, boolean sent) {
        boolean answered = talk != null;
        return new CallRecordsChanged.Record(UUID.randomUUID(), kind, rm, "c1", QUEUED, state,
                answered ? QUEUED.plusSeconds(5) : null, talk, handedOff ? QUEUED.plusSeconds(10) : null, choice, sent);
    }

    private static List<Contribution.Item> items(CallRecordsChanged.Record call) {
        return RULES.of(call).items();
    }

    @Test
    void anAnsweredLongAgentCallIsDialledAnsweredAndEffectiveForItsCustomer() {
        assertEquals(List.of(
                new Contribution.Item(false, "rm:rm1:dialled", "1"),
                new Contribution.Item(false, "rm:rm1:dialled@10", "1"),
                new Contribution.Item(false, "rm:rm1:answered", "1"),
                new Contribution.Item(false, "rm:rm1:answered@10", "1"),
                new Contribution.Item(false, "rm:rm1:talkSeconds", "20"),
                new Contribution.Item(true, "rm:rm1:effective", "c1")),
                items(call(CallKind.AGENT_CALL, "rm1", CallState.COMPLETED, 20, false, null, true)));
    }

    @Test
    void aShortCallAHandOffAndAnUnsentCallAreNotEffective() {
        assertTrue(items(call(CallKind.AGENT_CALL, "rm1", CallState.COMPLETED, 14, false, null, true)).stream()
                .noneMatch(Contribution.Item::distinct));
        List<Contribution.Item> handOff = items(call(CallKind.ROBOT_CALL, "rm1", CallState.COMPLETED, 60, true, "1", true));
        assertTrue(handOff.stream().noneMatch(i -> i.distinct() || i.field().endsWith(":dialled")), handOff.toString());
        assertTrue(handOff.contains(new Contribution.Item(false, "rm:rm1:answered", "1")), "a hand-off is answered by the RM");
        assertTrue(handOff.contains(new Contribution.Item(false, "robot:pressed1", "1")));
        assertEquals(List.of(), items(call(CallKind.AGENT_CALL, "rm1", CallState.FAILED, null, false, null, false)),
                "nothing reached the customer's network");
    }

    @Test
    void aRobotCallWithoutADigitIsNoInputOnceItEnded() {
        assertEquals(List.of(), items(call(CallKind.ROBOT_CALL, null, CallState.ANSWERED, 0, false, null, true)));
        assertEquals(List.of(new Contribution.Item(false, "robot:noInput", "1")),
                items(call(CallKind.ROBOT_CALL, null, CallState.COMPLETED, 8, false, "", true)));
        assertEquals(List.of(new Contribution.Item(false, "robot:pressed9", "1")),
                items(call(CallKind.ROBOT_CALL, null, CallState.COMPLETED, 8, false, "9", true)));
        assertEquals(List.of(), items(call(CallKind.ROBOT_CALL, null, CallState.FAILED, null, false, null, true)));
    }

    @Test
    void onlyAnRmsAcceptedSmsCounts() {
        assertEquals(List.of(new Contribution.Item(true, "rm:rm1:sms", "c1")), RULES.ofSms("rm1", "c1", "SENT").items());
        assertTrue(RULES.ofSms("rm1", "c1", "FAILED").isEmpty());
        assertTrue(RULES.ofSms(null, "c1", "SENT").isEmpty(), "campaign and robot SMS carry no RM");
    }

    @Test
    void fieldsReadBack() {
        assertEquals(new CounterFields.Parsed("rm-1:x", "dialled", 10), CounterFields.parse("rm:rm-1:x:dialled@10"));
        assertEquals("hourly[10].dialled", CounterFields.parse("rm:rm1:dialled@10").name());
        assertEquals(new CounterFields.Parsed(null, "pressed1", null), CounterFields.parse("robot:pressed1"));
    }
}
