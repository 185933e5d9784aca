package com.bank.callcenter.calls;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import java.util.Map;

/** The same calls with the simulator seeded differently: another interleaving, the same records. */
@QuarkusTest
@TestProfile(CallEventOrderOtherSeedTest.OtherSeed.class)
class CallEventOrderOtherSeedTest extends CallEventOrderTest {

    public static class OtherSeed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("telephony.simulator.seed", "7");
        }
    }
}
