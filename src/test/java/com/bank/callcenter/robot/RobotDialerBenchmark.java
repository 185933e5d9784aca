package com.bank.callcenter.robot;

import com.bank.callcenter.calls.CallRecordWriter;
import com.bank.callcenter.calls.CallTracker;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.telephony.AsteriskPbx;
import com.bank.callcenter.telephony.RobotChoiceEvent;
import com.bank.callcenter.telephony.SimulatedPbxLauncher;
import com.bank.callcenter.telephony.TelephonyConfig;
import com.bank.callcenter.telephony.sim.AmiMessage;
import com.bank.callcenter.telephony.sim.RawAmiClient;
import com.bank.callcenter.telephony.sim.ReceivedOriginate;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Not a test: the robot dialer's throughput against the simulated PBX over TCP, beside two bare AMI
 * clients sending the same Originates to an identical simulator under the same limits (at most
 * {@code benchmark.rate} Originates a second, evenly spread, and {@code benchmark.concurrency} calls at
 * once): (a) asterisk-java alone, the library the service uses — the goal (ratio ≥ 0.5) — and (b) a bare
 * socket client that only counts replies — the upper bound no real client reaches. The service is driven
 * as in production: its scheduled tick and the start kick, nothing else.
 * Run with {@code ./mvnw -Pbenchmark verify -Dtest=RobotDialerBenchmark} ({@code -Dbenchmark.calls=N},
 * {@code -Dbenchmark.rate=R}, {@code -Dbenchmark.concurrency=C}).
 * Prints lines starting with BENCHMARK; the assertions are about correctness only (every call
 * originated once, every record final, no one-second window over the rate at the PBX, the bare
 * clients' every OriginateResponse received).
 */
@QuarkusTest
@TestProfile(RobotDialerBenchmark.FastSimulator.class)
class RobotDialerBenchmark {

    private static final int DEFAULT_CALLS = 10_000;
    private static final int DEFAULT_CONCURRENCY = 1000;
    private static final int DEFAULT_RATE = 1000;
    private static final long TIMEOUT_NANOS = 600_000_000_000L;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double MILLIS_PER_SECOND = 1e3;
    private static final long REPORT_EVERY_NANOS = 1_000_000_000L;
    private static final String CALL_STATES_FINAL = "('COMPLETED', 'FAILED', 'UNKNOWN')";

    /** Calls short enough that the concurrency rarely limits the rate (ring 10 ms, talk 30 ms); the scheduled dialer. */
    public static class FastSimulator implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("telephony.simulator.time-scale", "0.01",
                    "callcenter.robot.enabled", "true", "callcenter.robot.claim-ahead-windows", System.getProperty("benchmark.claim-ahead", "2"),
                    "callcenter.scheduler.start-delay", "1s",
                    "quarkus.log.category.\"com.bank.callcenter\".level", "WARN",
                    "quarkus.log.category.\"com.bank.callcenter.robot.RobotDialer\".level", "DEBUG",
                    "quarkus.log.category.\"com.bank.callcenter.robot.OriginatePacer\".level", "DEBUG");
        }
    }

    /** What one client achieved over the window in which its calls were active. */
    record Run(String name, int calls, long firstSentMillis, long allRespondedMillis, long allEndedMillis, long events,
               OriginateWindows received) {

        double originatesPerSecond() {
            return calls * MILLIS_PER_SECOND / (allRespondedMillis - firstSentMillis);
        }

        double eventsPerSecond() {
            return events * MILLIS_PER_SECOND / (allEndedMillis - firstSentMillis);
        }

        void print() {
            System.out.printf("BENCHMARK %s: %,d originates, the PBX received them at %.0f/s (at most %d in one second),"
                            + " all answered (OriginateResponse) %.2f s after the first = %.0f originates/s; all ended after"
                            + " %.2f s; %,d AMI events (%.1f per call) = %.0f events/s over the active window%n", name, calls,
                    received.rate(), received.mostInOneSecond(), (allRespondedMillis - firstSentMillis) / MILLIS_PER_SECOND,
                    originatesPerSecond(), (allEndedMillis - firstSentMillis) / MILLIS_PER_SECOND, events,
                    (double) events / calls, eventsPerSecond());
        }
    }

    /** The limits both the service and the bare clients keep. */
    record Limits(int rate, int concurrency) {
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

    @Inject
    CallTracker tracker;

    @Inject
    java.time.Clock clock;

    @Test
    void robotOriginatesThroughTheServiceComparedWithBareAmiClients() throws Exception {
        int calls = Integer.getInteger("benchmark.calls", DEFAULT_CALLS);
        Limits limits = new Limits(Integer.getInteger("benchmark.rate", DEFAULT_RATE),
                Integer.getInteger("benchmark.concurrency", DEFAULT_CONCURRENCY));
        System.out.printf("BENCHMARK %,d robot calls, at most %d originates/s and %d calls at once for every client;"
                + " load average before: %s%n", calls, limits.rate(), limits.concurrency(), loadAverage());
        Run service = service(calls, limits);
        Run library = bareAsteriskJavaClient(calls, limits);
        Run socket = bareClient(calls, limits);
        service.print();
        library.print();
        socket.print();
        System.out.printf("BENCHMARK ratio service / bare asterisk-java client = %.2f originates/s, %.2f events/s (goal >= 0.5);"
                        + " service / bare socket client (upper bound) = %.2f originates/s, %.2f events/s;"
                        + " service at %.2f x its limit of %d/s; load average after: %s%n",
                service.originatesPerSecond() / library.originatesPerSecond(),
                service.eventsPerSecond() / library.eventsPerSecond(),
                service.originatesPerSecond() / socket.originatesPerSecond(),
                service.eventsPerSecond() / socket.eventsPerSecond(),
                service.received().rate() / limits.rate(), limits.rate(), loadAverage());
    }

    /** A ROBOT_CALL campaign over {@code calls} customers, started and left to the scheduled dialer. */
    private Run service(int calls, Limits limits) {
        RobotCampaigns data = new RobotCampaigns(dialer);
        Db.execute("""
                insert into customer (customer_id, name, mobile, home_branch_id, aum, tier, as_of)
                select 'bm-' || i, '客户' || i, '139' || lpad(i::text, 8, '0'), ?, 20000, 'LONG_TAIL', current_date
                from generate_series(1, ?) i""", data.branch, calls);
        String campaign = data.robotCampaign(",\"robot\":{\"concurrency\":%d,\"callsPerSecond\":%d}"
                .formatted(limits.concurrency(), limits.rate()));
        RobotCampaigns.buildList(campaign);
        SimulatedPbx simulator = launcher.simulator().orElseThrow();
        int receivedBefore = simulator.originateTimes().size();
        long eventsBefore = serviceEvents();

        Map<UUID, Long> finalAt = new ConcurrentHashMap<>();
        tracker.onFinal(ids -> {
            long now = System.currentTimeMillis();
            ids.forEach(id -> finalAt.putIfAbsent(id, now));
        });
        long start = System.nanoTime();
        RobotCampaigns.start(campaign);
        long nextReport = start;
        while (Db.count("select count(*) from call_attempt where campaign_id = ? and state not in ('QUEUED', 'DIALING')",
                campaign) < calls) {
            deadline(start, "originating");
            if (System.nanoTime() > nextReport) {
                nextReport = System.nanoTime() + REPORT_EVERY_NANOS;
                System.out.printf("BENCHMARK progress at %.1f s: %,d received by the PBX, %,d messages unread by its"
                                + " clients, %,d call-record changes queued, calls not final %,d, entries in progress %,d%n",
                        seconds(System.nanoTime() - start),
                        simulator.originateTimes().size() - receivedBefore, simulator.unsentMessages(), writer.backlog(),
                        Db.count("select count(*) from call_attempt where campaign_id = ?"
                                + " and state not in " + CALL_STATES_FINAL, campaign),
                        Db.count("select count(*) from list_entry e join target_list t on t.id = e.list_id"
                                + " where t.campaign_id = ? and e.state = 'IN_PROGRESS'", campaign));
            }
            RobotCampaigns.sleep(20);
        }
        long allResponded = System.currentTimeMillis();
        awaitQuietly(start, () -> Db.count("select count(*) from call_attempt where campaign_id = ?"
                + " and state not in " + CALL_STATES_FINAL, campaign) == 0);
        long allFinal = System.currentTimeMillis();
        long events = serviceEvents() - eventsBefore;
        awaitQuietly(start, () -> Db.count("select count(*) from list_entry e join target_list t on t.id = e.list_id"
                + " where t.campaign_id = ? and e.state = 'IN_PROGRESS'", campaign) == 0);
        List<ReceivedOriginate> received = simulator.originateTimes();
        OriginateWindows windows = new OriginateWindows(received.subList(receivedBefore, received.size()).stream()
                .map(ReceivedOriginate::atMillis).sorted().toList());

        long open = Db.count("select count(*) from call_attempt where campaign_id = ? and state not in "
                + CALL_STATES_FINAL, campaign);
        assertEquals(calls, Db.count("select count(*) from call_attempt where campaign_id = ?", campaign),
                "one call record per entry");
        assertEquals(calls, windows.count(), "one Originate per entry");
        assertEquals(0, open, "call records not final");
        assertTrue(windows.mostInOneSecond() <= limits.rate(),
                "the PBX got " + windows.mostInOneSecond() + " Originates in one second");

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
        printStages(campaign, received.subList(receivedBefore, received.size()), finalAt,
                System.currentTimeMillis() - clock.millis());
        return new Run("service", calls, windows.times().get(0), allResponded, allFinal, events, windows);
    }

    /**
     * Where a line's time goes, call by call (medians and 90th percentiles, ms): claimed (dial_at) -> sent
     * (the Originate handed to asterisk-java) -> the PBX got it -> OriginateResponse read (asterisk-java's
     * dispatch thread) -> Hangup read (end_at) -> the record final (the writer's commit). The records' times are
     * the service's clock (the test clock), the PBX's and the commits' the wall clock: {@code wallMinusClock} apart.
     */
    private static void printStages(String campaign, List<ReceivedOriginate> received, Map<UUID, Long> finalAt,
                                    long wallMinusClock) {
        Map<String, Long> atPbx = new HashMap<>();
        received.forEach(originate -> atPbx.put(originate.channel(), originate.atMillis()));
        Map<String, List<Long>> stages = new LinkedHashMap<>();
        for (String stage : List.of("claimed->sent", "sent->pbx", "pbx->response", "response->hangup",
                "hangup->final", "claimed->final")) {
            stages.put(stage, new ArrayList<>());
        }
        Db.rows("""
                select c.id, c.dial_at, c.end_at, o.received_at as sent_at, o.fields ->> 'Channel' as channel,
                       r.received_at as response_at
                from call_attempt c
                join call_event o on o.call_id = c.id and o.name = 'Originate'
                join call_event r on r.call_id = c.id and r.name = 'OriginateResponse'
                where c.campaign_id = ?""", campaign).forEach(row -> {
            long claimed = millis(row.get("dial_at")) + wallMinusClock;
            long sent = millis(row.get("sent_at")) + wallMinusClock;
            long response = millis(row.get("response_at")) + wallMinusClock;
            Long pbx = atPbx.get((String) row.get("channel"));
            Long committed = finalAt.get(UUID.fromString(row.get("id").toString()));
            stages.get("claimed->sent").add(sent - claimed);
            if (pbx != null) {
                stages.get("sent->pbx").add(pbx - sent);
                stages.get("pbx->response").add(response - pbx);
            }
            if (row.get("end_at") != null) {
                long hangup = millis(row.get("end_at")) + wallMinusClock;
                stages.get("response->hangup").add(hangup - response);
                if (committed != null) {
                    stages.get("hangup->final").add(committed - hangup);
                }
            }
            if (committed != null) {
                stages.get("claimed->final").add(committed - claimed);
            }
        });
        stages.forEach((stage, values) -> {
            Collections.sort(values);
            if (!values.isEmpty()) {
                System.out.printf("BENCHMARK stage %-16s median %5d ms, p90 %5d ms, mean %5.0f ms (%d calls)%n", stage,
                        values.get(values.size() / 2), values.get(values.size() * 9 / 10),
                        values.stream().mapToLong(Long::longValue).average().orElse(0), values.size());
            }
        });
    }

    private static long millis(Object timestamp) {
        if (timestamp instanceof java.sql.Timestamp t) {
            return t.getTime();
        }
        if (timestamp instanceof java.time.OffsetDateTime t) {
            return t.toInstant().toEpochMilli();
        }
        return ((java.time.Instant) timestamp).toEpochMilli();
    }

    /** The same Originates from a bare client (counts replies, stores nothing) to a simulator with the same options. */
    private Run bareClient(int calls, Limits limits) throws IOException {
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
            Pacing pacing = new Pacing(limits, simulator, start);
            for (int i = 1; i <= calls; i++) {
                pacing.await(i);
                String callId = "bare-" + i;
                client.send(AmiMessage.of("Action", "Originate").add("ActionID", callId)
                        .add("Channel", "PJSIP/139" + String.format("%08d", i) + "@carrier")
                        .add("Context", "callcenter-robot").add("Exten", "s").add("Priority", "1")
                        .add("Timeout", "30000").add("Async", "true").add("CallerID", "95555")
                        .add("Variable", "CALL_ID=" + callId));
            }
            awaitQuietly(start, () -> responded.size() >= calls);
            long allResponded = System.currentTimeMillis();
            awaitQuietly(start, () -> simulator.activeCalls() == 0);
            long allEnded = System.currentTimeMillis();
            assertEquals(calls, responded.size(), "bare client: every OriginateResponse");
            return run("bare socket client", calls, simulator, allResponded, allEnded, events.get());
        }
    }

    /**
     * The same Originates through asterisk-java alone (the library the service uses, logged in with the
     * service's event mask, nothing stored): how much of the gap is the AMI library's own parsing.
     */
    private Run bareAsteriskJavaClient(int calls, Limits limits) throws Exception {
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
            Pacing pacing = new Pacing(limits, simulator, start);
            for (int i = 1; i <= calls; i++) {
                pacing.await(i);
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
            awaitQuietly(start, () -> responded.size() >= calls);
            long allResponded = System.currentTimeMillis();
            awaitQuietly(start, () -> simulator.activeCalls() == 0);
            long allEnded = System.currentTimeMillis();
            assertEquals(calls, responded.size(), "bare asterisk-java client: every OriginateResponse");
            connection.logoff();
            return run("bare asterisk-java client", calls, simulator, allResponded, allEnded, events.get());
        }
    }

    private static Run run(String name, int calls, SimulatedPbx simulator, long allResponded, long allEnded, long events) {
        OriginateWindows windows = new OriginateWindows(simulator.originateTimes().stream()
                .map(ReceivedOriginate::atMillis).sorted().toList());
        assertEquals(calls, windows.count(), name + ": every Originate received");
        return new Run(name, calls, windows.times().get(0), allResponded, allEnded, events, windows);
    }

    /**
     * A bare client's limits, kept as the service's sender keeps them: one Originate every 1 / rate on a
     * fixed schedule that never catches up by more than one, and none while the concurrency is full.
     */
    private static final class Pacing {
        private final Limits limits;
        private final SimulatedPbx simulator;
        private final long startNanos;
        private final long spacingNanos;
        private long nextNanos;

        Pacing(Limits limits, SimulatedPbx simulator, long startNanos) {
            this.limits = limits;
            this.simulator = simulator;
            this.startNanos = startNanos;
            this.spacingNanos = (long) (NANOS_PER_SECOND / limits.rate());
            this.nextNanos = startNanos;
        }

        void await(int i) {
            nextNanos = Math.max(nextNanos, System.nanoTime() - spacingNanos);
            while (simulator.activeCalls() >= limits.concurrency() || System.nanoTime() < nextNanos) {
                deadline(startNanos, "pacing");
                LockSupport.parkNanos(Math.max(1_000, Math.min(nextNanos - System.nanoTime(), 1_000_000)));
            }
            nextNanos += spacingNanos;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
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
