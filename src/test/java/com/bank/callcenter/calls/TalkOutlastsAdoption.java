package com.bank.callcenter.calls;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Answered calls stay up for 3 s of real time (the suite's default is 0.3 s), so that a test can
 * adopt a call while it is up on any machine, however loaded, rather than race its hang-up.
 */
public class TalkOutlastsAdoption implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("telephony.simulator.talk-ms", "30000");
    }
}
