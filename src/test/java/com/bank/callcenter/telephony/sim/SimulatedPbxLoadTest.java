package com.bank.callcenter.telephony.sim;

import static com.bank.callcenter.telephony.sim.AsteriskJavaClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * 10,000 Originates sent back to back by one client while three clients receive every event.
 * Rates are logged, not asserted (the build machines are shared); completeness is asserted.
 */
class SimulatedPbxLoadTest {

    private static final Logger LOG = Logger.getLogger(SimulatedPbxLoadTest.class);
    private static final int CALLS = 10_000;
    private static final int LISTENERS = 3;

    /** Counts what one connection receives, on its own thread. */
    private static final class Listener implements Runnable {
        final RawAmiClient client;
        final AtomicLong events = new AtomicLong();
        final AtomicLong queued = new AtomicLong();
        final Set<String> originateResponses = ConcurrentHashMap.newKeySet();

        Listener(RawAmiClient client) {
            this.client = client;
        }

        @Override
        public void run() {
            try {
                AmiMessage message;
                while ((message = client.read()) != null) {
                    if (message.firstKey().equals("Event")) {
                        events.incrementAndGet();
                        if (message.firstValue().equals("OriginateResponse")) {
                            originateResponses.add(message.get("ActionID"));
                        }
                    } else if ("Originate successfully queued".equals(message.get("Message"))) {
                        queued.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                LOG.debugf("listener stopped: %s", e.getMessage());
            }
        }
    }

    @Test
    void tenThousandOriginatesReachEveryClient() throws Exception {
        SimulatedPbxOptions options = SimulatedPbxOptions.builder()
                .port(0)
                .outcomeRule(OutcomeMix.TYPICAL)
                .timeScale(0.001)
                .build();
        try (SimulatedPbx pbx = new SimulatedPbx(options).start()) {
            List<Listener> listeners = new ArrayList<>();
            for (int i = 0; i < LISTENERS; i++) {
                RawAmiClient client = new RawAmiClient(pbx.port());
                client.loginWithSecret(options.username(), options.secret(), "on");
                Listener listener = new Listener(client);
                listeners.add(listener);
                Thread thread = new Thread(listener, "load-listener-" + i);
                thread.setDaemon(true);
                thread.start();
            }
            RawAmiClient sender = listeners.get(0).client;

            long start = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                String number = String.format("1390000%04d", i);
                sender.send(AmiMessage.of("Action", "Originate")
                        .add("ActionID", "load-" + i)
                        .add("Channel", "Local/" + number + "@sim-carrier")
                        .add("Context", "robot")
                        .add("Exten", "s")
                        .add("Priority", "1")
                        .add("Timeout", "30000")
                        .add("Async", "true")
                        .add("Variable", "CALL_ID=load-" + i));
            }
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            for (Listener listener : listeners) {
                await("every OriginateResponse at every client",
                        () -> listener.originateResponses.size() == CALLS);
            }
            await("every call ended", () -> pbx.activeCalls() == 0);
            double totalSeconds = (System.nanoTime() - start) / 1e9;

            assertEquals(CALLS, listeners.get(0).queued.get());
            assertEquals(CALLS, pbx.originateCount());
            for (Listener listener : listeners) {
                LOG.infof("client received %d events: %.0f events/s", listener.events.get(),
                        listener.events.get() / totalSeconds);
            }
            LOG.infof("%d originates sent in %.2f s (%.0f/s), all answered or failed within %.2f s",
                    CALLS, sendSeconds, CALLS / sendSeconds, totalSeconds);
            for (Listener listener : listeners) {
                listener.client.close();
            }
        }
    }
}
