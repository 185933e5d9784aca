package com.bank.callcenter.robot;

import com.bank.callcenter.calls.CallRecordWriter;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.telephony.AsteriskPbx;
import com.bank.callcenter.telephony.RobotChoiceEvent;
import com.bank.callcenter.telephony.SimulatedPbxLauncher;
import com.bank.callcenter.telephony.TelephonyConfig;
import com.bank.callcenter.telephony.sim.AmiMessage;
import com.bank.callcenter.telephony.sim.RawAmiClient;
import com.bank.callcenter.telephony.sim.SimulatedPbx;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Not a test: the robot dialer's throughput against the simulated PBX over TCP, beside the physical
 * limit — a bare AMI client sending the same Originates straight to an identical simulator.
 * Run with {@code ./mvnw -Pbenchmark verify -Dtest=RobotDialerBenchmark} ({@code -Dbenchmark.calls=N}).
 * Prints lines starting with BENCHMARK; the assertions are about completeness only (every call
 * originated, every record final, the bare client's every OriginateResponse received).
 */
@QuarkusTest
@TestProfile(RobotDialerBenchmark.FastSimulator.class)
class RobotDialerBenchmark {

    private static final int DEFAULT_CALLS = 10_000;
    private static final int CONCURRENCY = 1000;
    private static final int CALLS_PER_SECOND = 1000;
    private static final long TIMEOUT_NANOS = 600_000_000_000L;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final long REPORT_EVERY_NANOS = 1_000_000_000L;
    private static final String CALL_STATES_FINAL = "('COMPLETED', 'FAILED', 'UNKNOWN')";

    /** Calls short enough that the campaign's concurrency never limits the rate: ring 10 ms, talk 30 ms. */
    public static class FastSimulator implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("telephony.simulator.time-scale", "0.01",
                    "quarkus.log.category.\"com.bank.callcenter\".level", "WARN",
                    "quarkus.log.category.\"com.bank.callcenter.robot.RobotDialer\".level", "DEBUG");
        }
    }

    @Inject
    RobotDialer dialer;

    @Inject
    SimulatedPbxLauncher launcher;

    @Inject
    AsteriskPbx pbx;

    @Inject
    CallRecordWriter writer;

    @Inject
    TelephonyConfig telephony;

    @Test
    void robotOriginatesThroughTheServiceComparedWithABareAmiClient() throws Exception {
        int calls = Integer.getInteger("benchmark.calls", DEFAULT_CALLS);
        RobotCampaigns data = new RobotCampaigns(dialer);
        Db.execute("""
                insert into customer (customer_id, name, mobile, home_branch_id, aum, tier, as_of)
                select 'bm-' || i, '客户' || i, '139' || lpad(i::text, 8, '0'), ?, 20000, 'LONG_TAIL', current_date
                from generate_series(1, ?) i""", data.branch, calls);
        String campaign = data.robotCampaign(",\"robot\":{\"concurrency\":%d,\"callsPerSecond\":%d}"
                .formatted(CONCURRENCY, CALLS_PER_SECOND));
        RobotCampaigns.buildList(campaign);
        RobotCampaigns.start(campaign);
        long eventsBefore = serviceEvents();

        long start = System.nanoTime();
        int originated = 0;
        long nextReport = start;
        while (originated < calls) {
            originated += dialer.tick(List.of(campaign));
            deadline(start, "originating");
            if (System.nanoTime() > nextReport) {
                nextReport = System.nanoTime() + REPORT_EVERY_NANOS;
                System.out.printf("BENCHMARK progress at %.1f s: %,d originated, %,d call-record changes queued,"
                                + " calls not final %,d, entries in progress %,d%n", seconds(System.nanoTime() - start),
                        originated, writer.backlog(), Db.count("select count(*) from call_attempt where campaign_id = ?"
                                + " and state not in " + CALL_STATES_FINAL, campaign),
                        Db.count("select count(*) from list_entry e join target_list t on t.id = e.list_id"
                                + " where t.campaign_id = ? and e.state = 'IN_PROGRESS'", campaign));
            }
        }
        long allSent = System.nanoTime();
        awaitQuietly(start, () -> Db.count("select count(*) from call_attempt where campaign_id = ?"
                + " and state not in ('QUEUED', 'DIALING')", campaign) >= calls);
        long allResponded = System.nanoTime();
        awaitQuietly(start, () -> Db.count("select count(*) from call_attempt where campaign_id = ?"
                + " and state not in " + CALL_STATES_FINAL, campaign) == 0);
        long allFinal = System.nanoTime();
        long events = serviceEvents() - eventsBefore;
        long open = Db.count("select count(*) from call_attempt where campaign_id = ? and state not in "
                + CALL_STATES_FINAL, campaign);
        long recorded = Db.count("select count(*) from call_attempt where campaign_id = ?", campaign);
        assertEquals(calls, recorded, "one call record per originate");
        assertEquals(0, open, "call records not final");

        Db.rows("select state, outcome, count(*) as calls, round(avg(extract(epoch from end_at - dial_at))::numeric, 3)"
                + " as avg_seconds from call_attempt where campaign_id = ? group by 1, 2 order by 1, 2", campaign)
                .forEach(row -> System.out.println("BENCHMARK calls " + row));
        System.out.println("BENCHMARK AMI events by class " + pbx.typedEventCounts());
        Db.rows("""
                select round(avg(extract(epoch from f.first_at - c.dial_at))::numeric, 3) as first_event_after_dial,
                       round(avg(extract(epoch from f.response_at - c.dial_at))::numeric, 3) as originate_response_after_dial,
                       round(avg(extract(epoch from f.stored_last - f.first_at))::numeric, 3) as last_minus_first
                from call_attempt c join (select call_id, min(received_at) as first_at, max(received_at) as stored_last,
                    min(received_at) filter (where name = 'OriginateResponse') as response_at
                    from call_event group by call_id) f on f.call_id = c.id
                where c.campaign_id = ?""", campaign).forEach(row -> System.out.println("BENCHMARK latency " + row));
        Db.rows("select e.name, count(*) as stored from call_event e join call_attempt c on c.id = e.call_id"
                + " where c.campaign_id = ? group by 1 order by 2 desc", campaign)
                .forEach(row -> System.out.println("BENCHMARK call events stored " + row));
        double serviceRate = calls / seconds(allResponded - start);
        System.out.printf("BENCHMARK service: %,d robot originates sent in %.2f s, all answered by the PBX (OriginateResponse"
                + " applied) in %.2f s = %.0f originates/s; all final in %.2f s; %,d AMI events processed = %.0f events/s;"
                + " records not final: %d%n", calls, seconds(allSent - start), seconds(allResponded - start),
                serviceRate, seconds(allFinal - start), events, events / seconds(allFinal - start), open);

        double bareRate = bareClient(calls);
        double libraryRate = bareAsteriskJavaClient(calls);
        System.out.printf("BENCHMARK ratio service / bare AMI client = %.2f (goal >= 0.5; service goal >= 100 originates/s);"
                + " service / bare asterisk-java client = %.2f%n", serviceRate / bareRate, serviceRate / libraryRate);
    }

    /** The same Originates sent back to back by a bare client to a simulator with the same options. */
    private double bareClient(int calls) throws IOException {
        SimulatedPbx reference = launcher.simulator().orElseThrow();
        try (SimulatedPbx simulator = new SimulatedPbx(reference.options().toBuilder().port(0).build()).start();
             RawAmiClient client = new RawAmiClient(simulator.port())) {
            client.loginWithSecret(reference.options().username(), reference.options().secret(), "on");
            Set<String> responded = ConcurrentHashMap.newKeySet();
            AtomicLong events = new AtomicLong();
            Thread reader = new Thread(() -> read(client, responded, events), "bare-ami-reader");
            reader.setDaemon(true);
            reader.start();
            long start = System.nanoTime();
            for (int i = 1; i <= calls; i++) {
                String callId = "bare-" + i;
                client.send(AmiMessage.of("Action", "Originate").add("ActionID", callId)
                        .add("Channel", "PJSIP/139" + String.format("%08d", i) + "@carrier")
                        .add("Context", "callcenter-robot").add("Exten", "s").add("Priority", "1")
                        .add("Timeout", "30000").add("Async", "true").add("CallerID", "95555")
                        .add("Variable", "CALL_ID=" + callId));
            }
            long sent = System.nanoTime();
            awaitQuietly(start, () -> responded.size() >= calls);
            long allResponded = System.nanoTime();
            awaitQuietly(start, () -> simulator.activeCalls() == 0);
            long allEnded = System.nanoTime();
            assertEquals(calls, responded.size(), "bare client: every OriginateResponse");
            double rate = calls / seconds(allResponded - start);
            System.out.printf("BENCHMARK bare AMI client: %,d originates sent in %.2f s, all answered in %.2f s = %.0f"
                    + " originates/s; all ended in %.2f s; %,d events received = %.0f events/s%n", calls,
                    seconds(sent - start), seconds(allResponded - start), rate, seconds(allEnded - start),
                    events.get(), events.get() / seconds(allEnded - start));
            return rate;
        }
    }

    /**
     * The same Originates through asterisk-java alone (the library the service uses, logged in with the
     * service's event mask, nothing stored): how much of the gap is the AMI library's own parsing.
     */
    private double bareAsteriskJavaClient(int calls) throws Exception {
        SimulatedPbx reference = launcher.simulator().orElseThrow();
        try (SimulatedPbx simulator = new SimulatedPbx(reference.options().toBuilder().port(0).build()).start()) {
            ManagerConnection connection = new ManagerConnectionFactory("127.0.0.1", simulator.port(),
                    reference.options().username(), reference.options().secret()).createManagerConnection();
            connection.registerUserEventClass(RobotChoiceEvent.class);
            Set<String> responded = ConcurrentHashMap.newKeySet();
            AtomicLong events = new AtomicLong();
            connection.addEventListener(event -> {
                events.incrementAndGet();
                if (event instanceof OriginateResponseEvent) {
                    responded.add(((OriginateResponseEvent) event).getActionId());
                }
            });
            connection.login(telephony.ami().events());
            long start = System.nanoTime();
            for (int i = 1; i <= calls; i++) {
                OriginateAction action = new OriginateAction();
                action.setActionId("lib-" + i);
                action.setChannel("PJSIP/139" + String.format("%08d", i) + "@carrier");
                action.setContext("callcenter-robot");
                action.setExten("s");
                action.setPriority(1);
                action.setTimeout(30_000L);
                action.setAsync(true);
                action.setCallerId("95555");
                action.setVariable("CALL_ID", "lib-" + i);
                connection.sendEventGeneratingAction(action, response -> { });
            }
            long sent = System.nanoTime();
            awaitQuietly(start, () -> responded.size() >= calls);
            long allResponded = System.nanoTime();
            awaitQuietly(start, () -> simulator.activeCalls() == 0);
            long allEnded = System.nanoTime();
            assertEquals(calls, responded.size(), "bare asterisk-java client: every OriginateResponse");
            double rate = calls / seconds(allResponded - start);
            System.out.printf("BENCHMARK bare asterisk-java client: %,d originates sent in %.2f s, all answered in %.2f s"
                    + " = %.0f originates/s; all ended in %.2f s; %,d events received = %.0f events/s%n", calls,
                    seconds(sent - start), seconds(allResponded - start), rate, seconds(allEnded - start),
                    events.get(), events.get() / seconds(allEnded - start));
            connection.logoff();
            return rate;
        }
    }

    private static void read(RawAmiClient client, Set<String> responded, AtomicLong events) {
        try {
            AmiMessage message;
            while ((message = client.read()) != null) {
                if ("Event".equals(message.firstKey())) {
                    events.incrementAndGet();
                    if ("OriginateResponse".equals(message.firstValue())) {
                        responded.add(message.get("ActionID"));
                    }
                }
            }
        } catch (IOException e) {
            // closed at the end of the run
        }
    }

    private long serviceEvents() {
        return pbx.typedEventCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    private static void awaitQuietly(long start, BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            deadline(start, "waiting");
            RobotCampaigns.sleep(20);
        }
    }

    private static void deadline(long start, String what) {
        if (System.nanoTime() - start > TIMEOUT_NANOS) {
            throw new AssertionError("benchmark timed out " + what);
        }
    }

    private static double seconds(long nanos) {
        return nanos / NANOS_PER_SECOND;
    }
}
