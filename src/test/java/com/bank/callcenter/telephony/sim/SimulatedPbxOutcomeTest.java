package com.bank.callcenter.telephony.sim;

import static com.bank.callcenter.telephony.sim.AsteriskJavaClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.BridgeCreateEvent;
import org.asteriskjava.manager.event.CdrEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Outcome rules, and outcomes the recordings do not show: a PJSIP trunk channel, a busy customer on click-to-call. */
class SimulatedPbxOutcomeTest {

    private static final int DRAWS = 20_000;
    private static final double SHARE_TOLERANCE = 0.02;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void lastDigitTableFollowsTheRecordedTestNumbers() {
        LastDigitOutcomeRule rule = new LastDigitOutcomeRule();
        Random unused = new Random(0);

        assertEquals(Outcome.ANSWER, rule.outcomeFor("13800000000", unused));
        assertEquals(Outcome.BUSY, rule.outcomeFor("13800000001", unused));
        assertEquals(Outcome.CONGESTION, rule.outcomeFor("13800000002", unused));
        assertEquals(Outcome.NO_ANSWER, rule.outcomeFor("13800000003", unused));
        assertEquals(Outcome.PRESS_1, rule.outcomeFor("13800000004", unused));
        assertEquals(Outcome.PRESS_2, rule.outcomeFor("13800000005", unused));
        assertEquals(Outcome.PRESS_9, rule.outcomeFor("13800000006", unused));
        assertEquals(Outcome.NO_INPUT, rule.outcomeFor("13800000007", unused));
        assertEquals(Outcome.BUSY, new LastDigitOutcomeRule(OutcomeRule.always(Outcome.BUSY)).outcomeFor("agent", unused));
    }

    @Test
    void outcomeMixDrawsInProportionAndRepeatsForASeed() {
        OutcomeMix mix = OutcomeMix.TYPICAL;
        int total = mix.weights().values().stream().mapToInt(Integer::intValue).sum();

        Map<Outcome, Integer> counts = draw(mix, 42);

        mix.weights().forEach((outcome, weight) -> {
            double share = counts.getOrDefault(outcome, 0) / (double) DRAWS;
            assertEquals(weight / (double) total, share, SHARE_TOLERANCE, outcome.name());
        });
        assertEquals(counts, draw(mix, 42));
    }

    private static Map<Outcome, Integer> draw(OutcomeMix mix, long seed) {
        Random random = new Random(seed);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (int i = 0; i < DRAWS; i++) {
            counts.merge(mix.outcomeFor("any", random), 1, Integer::sum);
        }
        return counts;
    }

    private AsteriskJavaClient connect(SimulatedPbxOptions options) throws Exception {
        SimulatedPbx pbx = new SimulatedPbx(options).start();
        toClose.add(pbx);
        AsteriskJavaClient client = AsteriskJavaClient.loggedIn(pbx);
        toClose.add(client);
        return client;
    }

    private static SimulatedPbxOptions fast() {
        return SimulatedPbxOptions.builder().port(0).outcomeRule(new LastDigitOutcomeRule())
                .timeScale(0.01).timingJitter(0).build();
    }

    private static OriginateAction originate(String channel, String context, String exten, String actionId) {
        OriginateAction action = new OriginateAction();
        action.setChannel(channel);
        action.setContext(context);
        action.setExten(exten);
        action.setPriority(1);
        action.setAsync(true);
        action.setActionId(actionId);
        action.setCallerId("8001");
        action.setVariable("CALL_ID", actionId);
        return action;
    }

    @Test
    void trunkChannelIsOneChannelNamedAfterTheEndpoint() throws Exception {
        AsteriskJavaClient client = connect(fast());

        client.connection().sendAction(originate("PJSIP/13800000000@trunk", "robot", "s", "pj-answer"));
        client.connection().sendAction(originate("PJSIP/13800000001@trunk", "robot", "s", "pj-busy"));

        await("both calls ended", () -> client.events(HangupEvent.class).size() == 2);
        Map<String, OriginateResponseEvent> responses = new java.util.HashMap<>();
        client.events(OriginateResponseEvent.class).forEach(e -> responses.put(e.getActionId(), e));
        assertTrue(responses.get("pj-answer").getChannel().matches("PJSIP/trunk-0000000[01]"),
                responses.get("pj-answer").getChannel());
        assertEquals(5, responses.get("pj-busy").getReason());
        assertEquals("PJSIP/13800000001@trunk", responses.get("pj-busy").getChannel());
        List<Integer> causes = client.events(HangupEvent.class).stream().map(HangupEvent::getCause).sorted().toList();
        assertEquals(List.of(16, 17), causes);
    }

    @Test
    void busyCustomerOnClickToCallEndsTheAgentLegWithoutABridge() throws Exception {
        AsteriskJavaClient client = connect(fast());

        client.connection().sendAction(originate("Local/8001@agent-phone", "c2c", "13800000001", "c2c-busy"));

        await("four channels hung up", () -> client.events(HangupEvent.class).size() == 4);
        await("the agent legs' CDRs", () -> client.events(CdrEvent.class).size() == 2);
        OriginateResponseEvent agentAnswered = client.events(OriginateResponseEvent.class).get(0);
        assertEquals(4, agentAnswered.getReason());
        List<String> dialEnds = client.events(DialEndEvent.class).stream()
                .map(e -> (e.getChannel() == null ? "originate" : "agent") + ":" + e.getDialStatus()).toList();
        assertEquals(List.of("originate:ANSWER", "agent:BUSY"), dialEnds);
        assertFalse(client.events().stream().anyMatch(BridgeCreateEvent.class::isInstance));
        List<Integer> causes = client.events(HangupEvent.class).stream().map(HangupEvent::getCause).sorted().toList();
        assertEquals(List.of(0, 16, 16, 17), causes);
    }
}
