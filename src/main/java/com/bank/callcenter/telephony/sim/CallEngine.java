package com.bank.callcenter.telephony.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The switching side of the simulated PBX: live calls and channels, Uniqueids, the clock, and the
 * broadcast of events to every logged-in connection.
 */
final class CallEngine {

    /** Calls are cheap timers; two threads keep up with thousands of concurrent calls. */
    private static final int TIMELINE_THREADS = 2;
    /** Decorrelates the per-call generators drawn from one seed. */
    private static final long CALL_SEED_STRIDE = 0x9E3779B97F4A7C15L;

    private final SimulatedPbxOptions options;
    private final SimClock clock;
    private final ScheduledExecutorService scheduler;
    private final Set<AmiSession> sessions = new CopyOnWriteArraySet<>();
    private final Map<String, ChannelSnapshot> channels = new ConcurrentHashMap<>();
    private final Set<SimulatedCall> calls = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> channelSuffixes = new ConcurrentHashMap<>();
    private final AtomicLong uniqueidCounter = new AtomicLong();
    private final AtomicLong channelSequence = new AtomicLong();
    private final AtomicLong callCounter = new AtomicLong();
    private final AtomicLong originates = new AtomicLong();
    /** When (wall clock, ms) the latest Originates arrived: what a carrier's per-second limit is held against. */
    private final java.util.Deque<ReceivedOriginate> originateTimes = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private static final int ORIGINATE_TIMES_KEPT = 100_000;
    private final long bootedAtMs;
    private final Set<String> refusedMessageDestinations = ConcurrentHashMap.newKeySet();
    private final java.util.Deque<SimulatedMessage> sentMessages = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private static final int SENT_MESSAGES_KEPT = 1000;
    /** The simulated AstDB: family + '/' + key → value (DBPut, DBGet, DBDel; the robot dialplan's Set(DB(...))). */
    private final Map<String, String> astDb = new ConcurrentHashMap<>();
    private final SimulatedQueues queues;

    CallEngine(SimulatedPbxOptions options) {
        this.options = options;
        this.clock = new SimClock(options.timeScale());
        this.bootedAtMs = clock.nowMs();
        this.queues = new SimulatedQueues(options.queues());
        AtomicInteger threadNumber = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(TIMELINE_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "sim-pbx-calls-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    SimulatedPbxOptions options() {
        return options;
    }

    SimClock clock() {
        return clock;
    }

    SimulatedQueues queues() {
        return queues;
    }

    /** Whether a live channel of {@code device} (e.g. PJSIP/9101, Local/9101@ctx) exists: a call on that phone. */
    boolean deviceInUse(String device) {
        String prefix = device + "-";
        return channels.values().stream().anyMatch(c -> c.name().startsWith(prefix) && !c.hungUp());
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    long uptimeSeconds() {
        return (clock.nowMs() - bootedAtMs) / 1000;
    }

    /** AstDB: a value, as DBGet reads it. */
    Optional<String> dbGet(String family, String key) {
        return Optional.ofNullable(astDb.get(family + "/" + key));
    }

    /** AstDB: stores a value, as DBPut or the dialplan's Set(DB(family/key)=value) do. */
    void dbPut(String family, String key, String value) {
        astDb.put(family + "/" + key, value);
    }

    /** AstDB: removes a value; false when there was none. */
    boolean dbDel(String family, String key) {
        return astDb.remove(family + "/" + key) != null;
    }

    void addSession(AmiSession session) {
        sessions.add(session);
    }

    void removeSession(AmiSession session) {
        sessions.remove(session);
    }

    void broadcast(AmiEvent event) {
        for (AmiSession session : sessions) {
            session.deliver(event);
        }
    }

    /** Starts an Originate; its events follow on the timeline threads. */
    SimulatedCall originate(OriginateRequest request, AmiSession requester) {
        long callNumber = callCounter.getAndIncrement();
        SimulatedCall call = new SimulatedCall(this, request, requester, options.seed() + callNumber * CALL_SEED_STRIDE);
        new CallScenario(call).plan();
        calls.add(call);
        originates.incrementAndGet();
        originateTimes.addLast(new ReceivedOriginate(System.currentTimeMillis(), request.channel()));
        if (originates.get() > ORIGINATE_TIMES_KEPT) {
            originateTimes.pollFirst();
        }
        call.start();
        return call;
    }

    Set<String> refusedMessageDestinations() {
        return refusedMessageDestinations;
    }

    void messageSent(SimulatedMessage message) {
        sentMessages.addLast(message);
        while (sentMessages.size() > SENT_MESSAGES_KEPT) {
            sentMessages.pollFirst();
        }
    }

    List<SimulatedMessage> sentMessages() {
        return List.copyOf(sentMessages);
    }

    /** A SIP MESSAGE coming in on a message endpoint: its message_context raises {@code userEvent}. */
    void inboundMessage(String context, String exten, String userEvent, String from, String body) {
        String uniqueid = clock.nowSeconds() + "." + uniqueidCounter.getAndIncrement();
        ChannelSnapshot channel = new ChannelSnapshot("Message/ast_msg_queue", "Message", uniqueid, uniqueid,
                channelSequence.getAndIncrement(), clock.nowMs(), ChannelState.UP, context, exten, null);
        broadcast(AmiEvents.userEvent(channel, userEvent, "From", from, "Body", body));
    }

    void callFinished(SimulatedCall call) {
        calls.remove(call);
    }

    int activeCalls() {
        return calls.size();
    }

    long originateCount() {
        return originates.get();
    }

    java.util.List<ReceivedOriginate> originateTimes() {
        return java.util.List.copyOf(originateTimes);
    }

    /** Delay on the wall clock for a simulated one, with the configured jitter drawn from the call's generator. */
    long wallClockDelay(long simulatedMs, Random random) {
        if (simulatedMs <= 0) {
            return 0;
        }
        double jitter = options.timingJitter() * (2 * random.nextDouble() - 1);
        return Math.max(1, options.scaled(Math.round(simulatedMs * (1 + jitter))));
    }

    ChannelSnapshot newChannelSnapshot(SimulatedCall call, String name, String type, String linkedid,
            ChannelState state, String context, String exten) {
        String uniqueid = clock.nowSeconds() + "." + uniqueidCounter.getAndIncrement();
        ChannelSnapshot channel = new ChannelSnapshot(name, type, uniqueid, linkedid == null ? uniqueid : linkedid,
                channelSequence.getAndIncrement(), 0, state, context, exten, call);
        call.track(channel);
        return channel;
    }

    String nextChannelSuffix(String technology) {
        int n = channelSuffixes.computeIfAbsent(technology, t -> new AtomicInteger()).getAndIncrement();
        return String.format("%08x", n);
    }

    void register(ChannelSnapshot channel) {
        channels.put(channel.name(), channel);
    }

    void unregister(ChannelSnapshot channel) {
        channels.remove(channel.name(), channel);
    }

    Optional<ChannelSnapshot> channel(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(channels.get(name));
    }

    /** Live channels in creation order, as CoreShowChannels and Status list them. */
    List<ChannelSnapshot> liveChannels() {
        List<ChannelSnapshot> live = new ArrayList<>(channels.values());
        live.sort(Comparator.comparingLong(ChannelSnapshot::sequence));
        return live;
    }

    /** AMI Hangup: ends the channel's whole call. */
    boolean hangup(String channelName, HangupCause cause) {
        Optional<ChannelSnapshot> channel = channel(channelName);
        channel.ifPresent(c -> c.call().terminate(cause, c));
        return channel.isPresent();
    }

    /** {@code core stop now}: every call ends with cause 0, then Shutdown goes to every connection. */
    void shutdownCalls() {
        for (SimulatedCall call : List.copyOf(calls)) {
            call.terminate(HangupCause.UNKNOWN, null);
        }
        // persistentmembers = no: the members added with QueueAdd do not survive the restart
        queues.restart();
        broadcast(AmiEvents.shutdown());
    }

    void stop() {
        scheduler.shutdownNow();
        calls.clear();
        channels.clear();
    }
}
