package com.bank.callcenter.telephony;

import com.bank.callcenter.telephony.Pbx.OriginateCommand;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * asterisk-java inside Quarkus, against the simulated PBX over TCP: events arrive parsed into their
 * typed classes (the Reflections scan, and the classes we register by hand), custom UserEvents
 * included, and reach our listeners on our own event thread, not asterisk-java's.
 */
@QuarkusTest
class AsteriskPbxEventsTest {

    private static final long AWAIT_MS = 20_000;

    @Inject
    AsteriskPbx pbx;

    @Test
    void eventsOfARobotCallArriveTypedOnOurOwnThread() throws Exception {
        String server = pbx.availableServer().orElseThrow();
        String callId = UUID.randomUUID().toString();
        List<PbxEvent> events = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        PbxListener listener = new PbxListener() {
            @Override
            public void onEvent(PbxEvent event) {
                events.add(event);
                threads.add(Thread.currentThread().getName());
            }
        };
        pbx.addListener(listener);
        try {
            pbx.originate(server, new OriginateCommand(callId, "PJSIP/13900000004@carrier", DialplanContract.ROBOT_CONTEXT,
                    DialplanContract.START_EXTENSION, "95500", 30_000, Map.of(DialplanContract.CALL_ID, callId)),
                    message -> { });
            long deadline = System.currentTimeMillis() + AWAIT_MS;
            while (events.stream().noneMatch(e -> e.name().equals("Cdr"))) {
                assertTrue(System.currentTimeMillis() < deadline, "no Cdr; got " + events);
                Thread.sleep(20);
            }
        } finally {
            pbx.removeListener(listener);
        }

        PbxEvent choice = events.stream().filter(e -> e.name().equals("RobotChoice")).findFirst().orElseThrow();
        assertEquals(callId, choice.get("CallId"));
        assertEquals("1", choice.get("Choice"));
        PbxEvent response = events.stream().filter(e -> e.name().equals("OriginateResponse")).findFirst().orElseThrow();
        assertEquals(callId, response.get("ActionID"));
        assertEquals("4", response.get("Reason"));
        assertTrue(events.stream().anyMatch(e -> e.name().equals("VarSet") && callId.equals(e.get("Value"))));
        assertTrue(events.stream().anyMatch(e -> e.name().equals("Hangup") && "16".equals(e.get("Cause"))));
        assertTrue(threads.stream().allMatch(t -> t.startsWith("pbx-events-")), threads.toString());

        Map<String, Long> typed = pbx.typedEventCounts();
        for (String type : List.of("OriginateResponseEvent", "VarSetEvent", "NewChannelEvent", "NewStateEvent",
                "DialBeginEvent", "DialEndEvent", "HangupEvent", "CdrEvent", "RobotChoiceEvent")) {
            assertTrue(typed.getOrDefault(type, 0L) > 0, type + " not received typed: " + typed);
        }
    }

    @Test
    void linkIsUpAndReportedReady() {
        String server = pbx.servers().get(0);
        assertTrue(pbx.isUp(server));
        io.restassured.RestAssured.given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'telephony' }.status", org.hamcrest.Matchers.equalTo("UP"));
    }
}
