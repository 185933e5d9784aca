package com.bank.callcenter.calls;

import com.bank.callcenter.security.PasswordHasher;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls of every outcome at once, so their events interleave; the simulator varies the order of
 * events across channels by its seed. The records must be the same whatever that order:
 * {@link CallEventOrderOtherSeedTest} runs this again with another seed.
 */
@QuarkusTest
class CallEventOrderTest {

    /** What each case must end as: state, outcome, hang-up cause. */
    private record Expected(char rmPhone, char customerPhone, String state, String outcome, int hangupCause) {
    }

    private static final List<Expected> CASES = List.of(
            new Expected('0', '0', "COMPLETED", "ANSWERED", 16),
            new Expected('0', '9', "COMPLETED", "ANSWERED", 16),
            new Expected('0', '1', "FAILED", "BUSY", 17),
            new Expected('0', '2', "FAILED", "CONGESTION", 34),
            new Expected('0', '3', "FAILED", "NO_ANSWER", 19),
            new Expected('1', '0', "FAILED", "AGENT_UNAVAILABLE", 17));

    @Inject
    PasswordHasher hasher;

    @Test
    void recordsAreTheSameWhateverTheOrderOfEventsAcrossChannels() {
        CallBook book = new CallBook(hasher);
        Map<String, Expected> placed = new LinkedHashMap<>();
        List<String> owners = new ArrayList<>();
        for (Expected expected : CASES) {
            String rm = book.rm(expected.rmPhone());
            placed.put(Calls.place(rm, book.customer(rm, expected.customerPhone())), expected);
            owners.add(rm);
        }
        int i = 0;
        for (Map.Entry<String, Expected> entry : placed.entrySet()) {
            Expected expected = entry.getValue();
            String rm = owners.get(i++);
            JsonPath call = Calls.awaitCall(rm, entry.getKey(), c -> expected.state().equals(c.getString("state"))
                    && (!"COMPLETED".equals(expected.state()) || c.get("talkSeconds") != null)
                    && c.get("hangupCause") != null);
            String name = expected.toString();
            assertEquals(expected.outcome(), call.getString("outcome"), name);
            assertEquals(expected.hangupCause(), call.getInt("hangupCause"), name);
            assertNotNull(call.getString("endedAt"), name);
            if ("COMPLETED".equals(expected.state())) {
                assertTrue(call.getInt("talkSeconds") > 0, name);
                assertNotNull(call.getString("answeredAt"), name);
            } else {
                assertNull(call.get("answeredAt"), name);
            }
        }
    }
}
