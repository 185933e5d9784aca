package com.bank.callcenter.calls;

import com.bank.callcenter.contacts.ContactAttempts;
import com.bank.callcenter.telephony.DialplanContract;
import com.bank.callcenter.telephony.Pbx;
import com.bank.callcenter.telephony.Pbx.LiveChannel;
import com.bank.callcenter.telephony.PbxEvent;
import com.bank.callcenter.telephony.PbxListener;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows the calls this instance sent: ties each PBX event to its call — by the Originate's
 * ActionID (= the call id), the CALL_ID channel variable (VarSet) or the RobotChoice CallId, and
 * then by the Uniqueids and Linkedids learned from those events; never by arrival order or channel
 * name — and applies it to the call record through {@link CallEventRules}. Runs on the PBX
 * server's own event thread. When a link drops, the calls in flight on it are reconciled after
 * the reconnect: still up → followed on; gone → UNKNOWN with the reason. Calls whose follower (another
 * instance, or this one before a restart) stopped are reconciled the same way once {@link CallAdoption}
 * has claimed them. Finished calls release their dialing lock.
 */
@ApplicationScoped
public class CallTracker implements PbxListener {

    private static final Logger LOG = Logger.getLogger(CallTracker.class);
    /** Late events (a CDR after the hang-up) still reach a finished call for this long. */
    private static final Duration KEEP_FINISHED = Duration.ofMinutes(2);

    private final Pbx pbx;
    private final DialingLock lock;
    private final CallRecordWriter writer;
    private final CallFollowers followers;
    private final ContactAttempts attempts;
    private final Clock clock;
    private final Event<RecoveredRobotChoice> recoveredChoices;
    private final ManagedExecutor executor;
    private final Map<UUID, Track> tracks = new ConcurrentHashMap<>();
    /** server|Uniqueid or server|Linkedid → call. */
    private final Map<String, UUID> byChannelId = new ConcurrentHashMap<>();
    private final ScheduledExecutorService evictor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "call-tracker-evictor");
        thread.setDaemon(true);
        return thread;
    });

    public CallTracker(Pbx pbx, DialingLock lock, CallRecordWriter writer, CallFollowers followers,
                       ContactAttempts attempts, Clock clock, Event<RecoveredRobotChoice> recoveredChoices,
                       ManagedExecutor executor) {
        this.pbx = pbx;
        this.lock = lock;
        this.writer = writer;
        this.followers = followers;
        this.attempts = attempts;
        this.clock = clock;
        this.recoveredChoices = recoveredChoices;
        this.executor = executor;
        writer.onFinal(this::finish);
    }

    /** Told (on a call-record writer thread, after each commit) of the calls whose records just became final. */
    public void onFinal(java.util.function.Consumer<Set<UUID>> listener) {
        writer.onFinal(listener);
    }

    /** What this instance keeps about a call it follows. */
    private static final class Track {
        final UUID callId;
        final String server;
        final String customerId;
        final Set<String> channelIds = ConcurrentHashMap.newKeySet();
        final CallEventRules.Memory memory;
        volatile Instant lostAt;
        /** How it was lost: "link lost at …" or "its follower … stopped". */
        volatile String lostHow;
        volatile boolean finished;

        Track(UUID callId, String server, String customerId, String recording) {
            this.callId = callId;
            this.server = server;
            this.customerId = customerId;
            this.memory = new CallEventRules.Memory(recording);
        }
    }

    /** Written on every call this instance places (call_attempt.follower). */
    public String followerId() {
        return followers.self();
    }

    /** Starts following a call; before its Originate is sent. */
    public void follow(UUID callId, String server, String customerId, String recording) {
        tracks.put(callId, new Track(callId, server, customerId, recording));
    }

    /** True while this instance follows the call (also for a while after it finished, for late events). */
    boolean follows(UUID callId) {
        return tracks.containsKey(callId);
    }

    /** Stops following a call without touching its record: what an instance that stops leaves behind (tests). */
    void forget(UUID callId) {
        Track track = tracks.remove(callId);
        if (track != null) {
            track.channelIds.forEach(byChannelId::remove);
        }
    }

    /** The Originate went out: kept with the call (channel, dialplan target, variables) as an "Originate" event. */
    public void sent(Pbx.OriginateCommand command, Instant at) {
        parseUuid(command.actionId()).ifPresent(callId -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("ActionID", command.actionId());
            fields.put("Channel", command.channel());
            fields.put("Context", command.context());
            fields.put("Exten", command.exten());
            fields.put("Timeout", command.timeoutMs());
            fields.put("Variables", command.variables());
            update(callId, call -> { }, "Originate", fields, at);
        });
    }

    /** The PBX refused the Originate outright (on the server's event thread). */
    public void refused(UUID callId, String message) {
        notAContact(callId);
        update(callId, call -> {
            call.reason = "originate refused: " + message;
            call.failed(CallOutcome.FAILED, clock.instant());
        }, "OriginateRefused", Map.of("Message", String.valueOf(message)), clock.instant());
    }

    /** The Originate could not be sent (link down): the attempt ends here. */
    public void notSent(UUID callId, String why) {
        notAContact(callId);
        update(callId, call -> {
            call.reason = why;
            call.failed(CallOutcome.FAILED, clock.instant());
        }, "NotSent", Map.of("Reason", why), clock.instant());
    }

    /** Nothing reached the customer's network: the attempt stays on record but is no contact for the cap. */
    private void notAContact(UUID callId) {
        try {
            QuarkusTransaction.requiringNew().run(() -> attempts.markNotSent(callId));
        } catch (RuntimeException e) {
            LOG.errorf(e, "call %s: not marked as unsent", callId);
        }
    }

    @Override
    public void onEvent(PbxEvent event) {
        UUID callId = correlate(event);
        if (callId == null || !CallEventRules.kept(event)) {
            return;
        }
        Track track = tracks.get(callId);
        update(callId, call -> CallEventRules.apply(call, event, track.memory), event.name(), event.fields(),
                event.receivedAt());
    }

    @Override
    public void onLinkDown(String server, Instant at) {
        for (Track track : tracks.values()) {
            if (track.server.equals(server) && !track.finished && track.lostAt == null) {
                track.lostHow = "link lost at " + at;
                track.lostAt = at;
            }
        }
    }

    @Override
    public void onLinkUp(String server) {
        List<Track> lost = tracks.values().stream()
                .filter(t -> t.server.equals(server) && !t.finished && t.lostAt != null).toList();
        if (!lost.isEmpty()) {
            LOG.infof("reconciling %d call(s) in flight when the link to %s dropped", lost.size(), server);
            reconcile(server, lost, "not found after reconnect");
        }
    }

    /**
     * Follows the calls {@link CallAdoption} claimed on {@code server} from a follower that stopped, and
     * reconciles them with the PBX like calls of a dropped link: still up → followed to their end;
     * gone → UNKNOWN.
     */
    void followAdopted(String server, List<OrphanedCall> adopted) {
        Instant now = clock.instant();
        List<Track> lost = new ArrayList<>();
        for (OrphanedCall orphan : adopted) {
            Track track = new Track(orphan.callId(), server, orphan.customerId(), orphan.recording());
            track.lostAt = now;
            track.lostHow = "its follower " + orphan.follower() + " stopped";
            tracks.put(orphan.callId(), track);
            learn(server, orphan.callId(), orphan.channelIds().toArray(new String[0]));
            lost.add(track);
        }
        if (!lost.isEmpty()) {
            LOG.infof("adopted %d call(s) on %s whose follower stopped; reconciling them", lost.size(), server);
            reconcile(server, lost, "not found on " + server);
        }
    }

    /**
     * Asks the PBX which of the lost calls are still up: those are followed on, the others become UNKNOWN.
     * A robot call whose record holds no choice may have had its digit pressed while nobody listened:
     * the choice the dialplan kept in AstDB is read back and applied.
     */
    private void reconcile(String server, List<Track> lost, String notFound) {
        // it reads the records: not on the PBX event thread, which reconciles the calls of a dropped link
        executor.runAsync(() -> recoverRobotChoices(server, lost));
        pbx.liveChannels(server).whenComplete((live, error) -> {
            if (error != null) {
                for (Track track : lost) {
                    gone(track, track.lostHow + "; reconciliation failed: " + error.getMessage());
                }
                return;
            }
            Map<UUID, List<LiveChannel>> found = new ConcurrentHashMap<>();
            List<CompletableFuture<Void>> questions = new ArrayList<>();
            for (LiveChannel channel : live) {
                UUID callId = lookup(server, channel.uniqueId(), channel.linkedId());
                if (callId != null) {
                    found.computeIfAbsent(callId, k -> new ArrayList<>()).add(channel);
                    continue;
                }
                // a channel we never learned: ask it for its CALL_ID
                questions.add(pbx.getVar(server, channel.channel(), DialplanContract.CALL_ID).toCompletableFuture()
                        .handle((value, failure) -> {
                            Optional<UUID> id = value == null ? Optional.empty() : value.flatMap(CallTracker::parseUuid);
                            if (id.isPresent() && tracks.containsKey(id.get())) {
                                learn(server, id.get(), channel.uniqueId(), channel.linkedId());
                                found.computeIfAbsent(id.get(), k -> new ArrayList<>()).add(channel);
                            }
                            return null;
                        }));
            }
            CompletableFuture.allOf(questions.toArray(new CompletableFuture<?>[0]))
                    .whenComplete((ignored, failure) -> {
                        sameLinkedId(server, live, found);
                        settle(lost, found, notFound);
                    });
        });
    }

    /**
     * The channels of a found call that carry no CALL_ID (agent-first: the customer leg Dial() created)
     * but share the Linkedid of one that did: they belong to the same call.
     */
    private void sameLinkedId(String server, List<LiveChannel> live, Map<UUID, List<LiveChannel>> found) {
        Set<LiveChannel> placed = ConcurrentHashMap.newKeySet();
        found.values().forEach(placed::addAll);
        for (LiveChannel channel : live) {
            if (placed.contains(channel) || channel.linkedId() == null) {
                continue;
            }
            UUID callId = lookup(server, channel.linkedId());
            if (callId != null && found.containsKey(callId)) {
                learn(server, callId, channel.uniqueId());
                found.get(callId).add(channel);
            }
        }
    }

    private void settle(List<Track> lost, Map<UUID, List<LiveChannel>> found, String notFound) {
        for (Track track : lost) {
            if (track.finished) {
                continue;
            }
            List<LiveChannel> channels = found.get(track.callId);
            if (channels == null) {
                gone(track, track.lostHow + "; " + notFound);
                continue;
            }
            Map<String, Object> fields = lostFields(track, "true");
            fields.put("Channels", channels.stream().map(LiveChannel::channel).toList());
            track.lostAt = null;
            update(track.callId, call -> {
                // the follower that stopped may have stored none of the call's events: its legs, from the channels found
                CallEventRules.learnLegs(call, channels);
                boolean customerUp = channels.stream().anyMatch(c -> c.isUp()
                        && (call.kind == CallKind.ROBOT_CALL ? c.uniqueId().equals(call.uniqueId)
                        : c.uniqueId().equals(call.customerUniqueId)));
                if (customerUp) {
                    call.answered(clock.instant(), track.memory.recording);
                }
            }, "Reconciled", fields, clock.instant());
        }
    }

    /**
     * The robot calls among {@code lost} whose record has no robot_choice: each asks AstDB (DBGet, family
     * {@link DialplanContract#ROBOT_CHOICE_DB_FAMILY}, key = the call id) for a digit pressed while no instance
     * heard the RobotChoice UserEvent. One found goes on the record as a RobotChoice event — unless a choice
     * reached the record meanwhile — and is handed on as a {@link RecoveredRobotChoice}, whose handler applies
     * it and deletes the entry.
     */
    private void recoverRobotChoices(String server, List<Track> lost) {
        List<UUID> ids = lost.stream().map(track -> track.callId).toList();
        List<UUID> withoutChoice;
        try {
            withoutChoice = QuarkusTransaction.requiringNew().call(() -> CallAttempt.<CallAttempt>list(
                            "id in ?1 and kind = ?2 and robotChoice is null", ids, CallKind.ROBOT_CALL))
                    .stream().map(call -> call.id).toList();
        } catch (RuntimeException e) {
            LOG.warnf(e, "robot choices kept in AstDB for %d call(s) on %s not read: their records are out of reach",
                    ids.size(), server);
            return;
        }
        for (UUID callId : withoutChoice) {
            pbx.dbGet(server, DialplanContract.ROBOT_CHOICE_DB_FAMILY, callId.toString())
                    .whenComplete((value, error) -> {
                        if (error != null) {
                            LOG.warnf("robot call %s: its choice kept in AstDB not read: %s", callId, error.getMessage());
                            return;
                        }
                        value.map(String::trim).filter(choice -> !choice.isEmpty())
                                .ifPresent(choice -> recovered(server, callId, choice));
                    });
        }
    }

    private void recovered(String server, UUID callId, String choice) {
        Instant now = clock.instant();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("CallId", callId.toString());
        fields.put("Choice", choice);
        fields.put("Source", "AstDB " + DialplanContract.ROBOT_CHOICE_DB_FAMILY);
        LOG.infof("robot call %s: choice %s pressed while no instance followed the call, read from AstDB", callId, choice);
        update(callId, call -> {
            if (call.robotChoice == null) {
                call.robotChoice = choice;
                recoveredChoices.fire(new RecoveredRobotChoice(server, callId, choice, now));
            }
        }, DialplanContract.ROBOT_CHOICE_EVENT, fields, now);
    }

    private void gone(Track track, String reason) {
        update(track.callId, call -> call.unknown(reason, clock.instant()), "Reconciled", lostFields(track, "false"),
                clock.instant());
    }

    private static Map<String, Object> lostFields(Track track, String found) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("LinkLostAt", String.valueOf(track.lostAt));
        fields.put("Lost", track.lostHow);
        fields.put("Found", found);
        return fields;
    }

    private UUID correlate(PbxEvent event) {
        String server = event.server();
        UUID callId = null;
        switch (event.name()) {
            case "OriginateResponse":
                callId = parseUuid(event.get("ActionID")).filter(tracks::containsKey).orElse(null);
                break;
            case "RobotChoice":
                callId = parseUuid(event.get("CallId")).filter(tracks::containsKey).orElse(null);
                break;
            case "VarSet":
                if (DialplanContract.CALL_ID.equals(event.get("Variable"))) {
                    callId = parseUuid(event.get("Value")).filter(tracks::containsKey).orElse(null);
                }
                break;
            default:
                break;
        }
        if (callId == null) {
            callId = lookup(server, event.get("Uniqueid"), event.get("Linkedid"), event.get("DestUniqueid"),
                    event.get("DestLinkedid"));
        }
        if (callId == null) {
            return null;
        }
        learn(server, callId, event.get("Uniqueid"), event.get("Linkedid"), event.get("DestUniqueid"),
                event.get("DestLinkedid"));
        return callId;
    }

    private UUID lookup(String server, String... ids) {
        for (String id : ids) {
            if (id != null) {
                UUID callId = byChannelId.get(server + "|" + id);
                if (callId != null) {
                    return callId;
                }
            }
        }
        return null;
    }

    private void learn(String server, UUID callId, String... ids) {
        Track track = tracks.get(callId);
        if (track == null) {
            return;
        }
        for (String id : ids) {
            if (id != null && !id.isEmpty() && !id.startsWith("<")) {
                String key = server + "|" + id;
                byChannelId.putIfAbsent(key, callId);
                track.channelIds.add(key);
            }
        }
    }

    /** Queues a change to the record with its event; the writer applies it in arrival order and finishes the call when it became final. */
    private void update(UUID callId, CallRecordWriter.Change change, String eventName, Map<String, ?> fields,
                        Instant receivedAt) {
        writer.submit(callId, change, eventName, fields, receivedAt);
    }

    /** Calls whose records became final: their dialing locks released in one round trip, forgotten later. */
    private void finish(Set<UUID> callIds) {
        Map<String, UUID> locks = new HashMap<>();
        List<Track> finished = new ArrayList<>();
        for (UUID callId : callIds) {
            Track track = tracks.get(callId);
            if (track != null && !track.finished) {
                track.finished = true;
                locks.put(track.customerId, callId);
                finished.add(track);
            }
        }
        try {
            lock.releaseAll(locks);
        } catch (RuntimeException e) {
            LOG.warnf("dialing locks of %d finished call(s) not released (%s); they expire by themselves", locks.size(),
                    e.getMessage());
        }
        evictor.schedule(() -> finished.forEach(track -> {
            tracks.remove(track.callId);
            track.channelIds.forEach(byChannelId::remove);
        }), KEEP_FINISHED.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Optional<UUID> parseUuid(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @PreDestroy
    void stop() {
        evictor.shutdownNow();
    }
}
