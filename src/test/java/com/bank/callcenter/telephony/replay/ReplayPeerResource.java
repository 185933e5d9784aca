package com.bank.callcenter.telephony.replay;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Starts a {@link TranscriptReplayPeer} before the service and points {@code telephony.ami.servers}
 * at it, so the service talks to the replayed Asterisk instead of the in-process simulator.
 */
public class ReplayPeerResource implements QuarkusTestResourceLifecycleManager {

    static final String USER = "svc";
    static final String SECRET = "replay-secret";
    private static volatile TranscriptReplayPeer peer;

    /** The profile of the replay tests: the service's only AMI server is the peer. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ReplayPeerResource.class));
        }

        /** The replayed calls are the subject: the desk's queue-member actions (RMs other tests left READY) stay out. */
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("callcenter.desk.queue-membership", "false");
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            peer = TranscriptReplayPeer.start(USER, SECRET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("telephony.ami.servers", "ami://" + USER + ":" + SECRET + "@127.0.0.1:" + peer.port());
    }

    static TranscriptReplayPeer peer() {
        return peer;
    }

    @Override
    public void stop() {
        if (peer != null) {
            peer.close();
        }
    }
}
