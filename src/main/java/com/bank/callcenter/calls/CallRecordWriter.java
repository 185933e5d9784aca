package com.bank.callcenter.calls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import com.bank.callcenter.common.CopyRowWriter;
import com.bank.callcenter.telephony.TelephonyConfig;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.postgresql.PGConnection;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Applies what the PBX said about calls to their records, in arrival order, a batch per
 * transaction: the PBX event thread only correlates and queues, so a burst of events never waits
 * for one commit each. The batch's records are read once and written back in one statement
 * ({@link ChangedRecords}), its events in one COPY. Every change is kept with its event in call_event. A batch that meets a
 * concurrent update (optimistic lock) is applied again from fresh records; one that still fails is
 * applied change by change, so a single bad change never costs the others; while the database is out
 * of reach a lane waits and retries rather than drop anything. Queued changes are written before the
 * service stops.
 */
@ApplicationScoped
public class CallRecordWriter {

    private static final Logger LOG = Logger.getLogger(CallRecordWriter.class);
    private static final int MAX_BATCH = 500;
    private static final int OPTIMISTIC_RETRIES = 3;
    private static final long POLL_MILLIS = 100;
    private static final int ROW_SIZE_GUESS = 256;
    private static final long UNREACHABLE_PAUSE_MILLIS = 1_000;

    /** A change to one call record: of the columns {@link ChangedRecords} writes (what the PBX tells of the call). */
    public interface Change {
        void apply(CallAttempt call);
    }

    /** One change and the event it came from. */
    record Pending(UUID callId, Change change, String eventName, Map<String, ?> fields, Instant receivedAt) {
    }

    private final EntityManager em;
    private final ObjectMapper json;
    /** One queue and thread per lane; a call always goes to the same lane, so its changes stay in order. */
    private final List<BlockingQueue<Pending>> lanes = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    /** Registered while beans are created, read by the writer threads. */
    private final List<Consumer<Set<UUID>>> finalListeners = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private final Event<CallStatesChanged> statesChanged;
    private final Event<CallRecordsChanged> recordsChanged;

    public CallRecordWriter(EntityManager em, ObjectMapper json, TelephonyConfig config,
                            Event<CallStatesChanged> statesChanged, Event<CallRecordsChanged> recordsChanged) {
        this.statesChanged = statesChanged;
        this.recordsChanged = recordsChanged;
        this.em = em;
        this.json = json;
        for (int i = 0; i < config.recordWriters(); i++) {
            lanes.add(new LinkedBlockingQueue<>());
        }
    }

    void start(@Observes StartupEvent event) {
        running = true;
        for (int i = 0; i < lanes.size(); i++) {
            BlockingQueue<Pending> lane = lanes.get(i);
            Thread thread = new Thread(() -> run(lane), "call-record-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /** Told (on a writer thread, after each commit) of the calls whose records just became final. */
    void onFinal(Consumer<Set<UUID>> listener) {
        finalListeners.add(listener);
    }

    void submit(UUID callId, Change change, String eventName, Map<String, ?> fields, Instant receivedAt) {
        lanes.get(Math.floorMod(callId.hashCode(), lanes.size()))
                .add(new Pending(callId, change, eventName, fields, receivedAt));
    }

    /** Changes queued and not yet written. */
    public int backlog() {
        return lanes.stream().mapToInt(BlockingQueue::size).sum();
    }

    private void run(BlockingQueue<Pending> queue) {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "call records: %d change(s) not written", batch.size());
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                List<CallStatesChanged.Change> changes = new ArrayList<>();
                List<CallRecordsChanged.Record> records = new ArrayList<>();
                Set<UUID> becameFinal = QuarkusTransaction.requiringNew().call(() -> apply(batch, changes, records));
                if (!becameFinal.isEmpty()) {
                    tellFinal(becameFinal);
                }
                tellChanged(changes);
                tellRecords(records);
                return;
            } catch (RuntimeException e) {
                boolean optimistic = e instanceof OptimisticLockException || e.getCause() instanceof OptimisticLockException;
                if (optimistic && attempt < OPTIMISTIC_RETRIES) {
                    continue;
                }
                if (databaseUnreachable(e) && running) {
                    // nothing is dropped while PostgreSQL is away: this lane waits and writes the batch later
                    LOG.warnf("call records: database unreachable (%s); retrying %d change(s) in %d ms", e.getMessage(),
                            batch.size(), UNREACHABLE_PAUSE_MILLIS);
                    pause();
                    attempt = 0;
                    continue;
                }
                if (batch.size() > 1) {
                    LOG.warnf("call records: a batch of %d failed (%s); writing them one by one", batch.size(), e);
                    batch.forEach(pending -> write(List.of(pending)));
                } else {
                    LOG.errorf(e, "call %s: %s not applied", batch.get(0).callId(), batch.get(0).eventName());
                }
                return;
            }
        }
    }

    /** A lost or refused connection (SQLState class 08, or the server shutting down, 57P), anywhere in the causes. */
    static boolean databaseUnreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(UNREACHABLE_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Set<UUID> apply(List<Pending> batch, List<CallStatesChanged.Change> changes,
                            List<CallRecordsChanged.Record> records) {
        Set<UUID> ids = new LinkedHashSet<>();
        batch.forEach(pending -> ids.add(pending.callId()));
        Map<UUID, CallAttempt> calls = new HashMap<>();
        ChangedRecords changed = new ChangedRecords();
        // read-only (no snapshot, no dirty check, no update per entity: ChangedRecords writes them) and in SQL,
        // so that no batch pays for translating a query of its own size
        @SuppressWarnings("unchecked")
        List<CallAttempt> read = em.createNativeQuery("select * from call_attempt where id in (?1)", CallAttempt.class)
                .setParameter(1, ids).setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
        read.forEach(call -> {
            calls.put(call.id, call);
            changed.read(call);
        });
        Map<UUID, Boolean> wasFinal = new HashMap<>();
        Map<UUID, CallState> wasState = new HashMap<>();
        calls.values().forEach(call -> {
            wasFinal.put(call.id, call.state.isFinal());
            wasState.put(call.id, call.state);
        });
        List<Pending> kept = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            CallAttempt call = calls.get(pending.callId());
            if (call == null) {
                LOG.debugf("call %s: no record for %s", pending.callId(), pending.eventName());
                continue;
            }
            pending.change().apply(call);
            kept.add(pending);
        }
        insertEvents(kept);
        em.unwrap(Session.class).doWork(connection -> changed.write(connection, calls.values()));
        changes.clear();
        calls.values().stream().filter(call -> call.staffId != null && call.state != wasState.get(call.id))
                .forEach(call -> changes.add(new CallStatesChanged.Change(call.id, call.staffId, call.kind, call.state,
                        call.outcome, call.talkSeconds)));
        records.clear();
        if (!kept.isEmpty()) {
            Set<UUID> notSent = notSent(calls.values().stream().filter(CallRecordWriter::mayBeUnsent)
                    .map(call -> call.id).collect(Collectors.toSet()));
            calls.values().forEach(call -> records.add(new CallRecordsChanged.Record(call.id, call.kind, call.staffId,
                    call.customerId, call.queuedAt, call.state, call.answerAt, call.talkSeconds, call.handedOffAt,
                    call.robotChoice, !notSent.contains(call.id))));
        }
        Set<UUID> becameFinal = new LinkedHashSet<>();
        calls.values().stream().filter(call -> !wasFinal.get(call.id) && call.state.isFinal())
                .forEach(call -> becameFinal.add(call.id));
        return becameFinal;
    }

    /**
     * Whether the call's attempt may be marked as having reached no one: contact_attempt.sent is set false only
     * by {@link CallTracker} (Originate refused or not sent), committed just before the change that fails the
     * call with outcome FAILED; a call already final by then can only have become UNKNOWN. Answered, busy,
     * congested or unanswered calls reached the network, so a batch of them costs no query.
     */
    static boolean mayBeUnsent(CallAttempt call) {
        return call.outcome == CallOutcome.FAILED || call.state == CallState.UNKNOWN;
    }

    /** The calls among {@code ids} whose attempt reached no one (contact_attempt.sent false). */
    private Set<UUID> notSent(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> rows = em.createNativeQuery("select id from contact_attempt where id in (?1) and not sent", UUID.class)
                .setParameter(1, ids).getResultList();
        return Set.copyOf(rows);
    }

    /** COPY: a batch of events costs PostgreSQL one statement, not one per row. */
    private void insertEvents(List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        StringWriter rows = new StringWriter(events.size() * ROW_SIZE_GUESS);
        CopyRowWriter copy = new CopyRowWriter(rows);
        for (Pending pending : events) {
            copy.field(pending.callId()).field(pending.receivedAt()).field(pending.eventName())
                    .field(toJson(pending.fields()));
            copy.endRow();
        }
        em.unwrap(Session.class).doWork(connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy call_event (call_id, received_at, name, fields) from stdin", new StringReader(rows.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void tellFinal(Set<UUID> callIds) {
        for (Consumer<Set<UUID>> listener : finalListeners) {
            try {
                listener.accept(callIds);
            } catch (RuntimeException e) {
                LOG.warnf(e, "calls %s: final-state listener failed", callIds);
            }
        }
    }

    private void tellChanged(List<CallStatesChanged.Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        try {
            statesChanged.fire(new CallStatesChanged(List.copyOf(changes)));
        } catch (RuntimeException e) {
            LOG.warnf(e, "calls: state-change observers failed");
        }
    }

    private void tellRecords(List<CallRecordsChanged.Record> records) {
        if (records.isEmpty()) {
            return;
        }
        try {
            recordsChanged.fire(new CallRecordsChanged(List.copyOf(records)));
        } catch (RuntimeException e) {
            LOG.warnf(e, "calls: record observers failed");
        }
    }

    private String toJson(Map<String, ?> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes what is still queued, then stops. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }
}
