package com.bank.callcenter.desk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The desks' event streams (GET /api/agent/events). An event for an RM is delivered to that RM's
 * open streams on this instance and published on Redis ({@value #CHANNEL}) for the streams other
 * instances hold (each instance skips what it published itself). Without Redis, streams on this
 * instance still get their events.
 */
@ApplicationScoped
public class DeskEvents {

    private static final Logger LOG = Logger.getLogger(DeskEvents.class);
    static final String CHANNEL = "callcenter:desk:events";

    /** One event for one RM's desk: a name (state, call, today, handoff) and its JSON body. */
    public record DeskEvent(String staffId, String name, String json) {
    }

    /** What travels on the Redis channel. */
    private record Envelope(String origin, String staffId, String name, String json) {
    }

    private final String origin = UUID.randomUUID().toString();
    private final Map<String, Set<MultiEmitter<? super DeskEvent>>> streams = new ConcurrentHashMap<>();
    private final RedisDataSource redis;
    private final ObjectMapper json;
    private volatile PubSubCommands.RedisSubscriber subscriber;

    public DeskEvents(RedisDataSource redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    /** The RM's stream, open until the client goes away. */
    public Multi<DeskEvent> stream(String staffId) {
        subscribeOnce();
        return Multi.createFrom().emitter(emitter -> {
            Set<MultiEmitter<? super DeskEvent>> mine = streams.computeIfAbsent(staffId, k -> ConcurrentHashMap.newKeySet());
            mine.add(emitter);
            emitter.onTermination(() -> mine.remove(emitter));
        });
    }

    /** Sends {@code body} as event {@code name} to the RM's desks, here and on the other instances. */
    public void send(String staffId, String name, Object body) {
        String payload;
        try {
            payload = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        deliver(new DeskEvent(staffId, name, payload));
        try {
            pubsub().publish(CHANNEL, json.writeValueAsString(new Envelope(origin, staffId, name, payload)));
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.debugf("desk event %s for %s not published to other instances: %s", name, staffId, e.getMessage());
        }
    }

    private void deliver(DeskEvent event) {
        Set<MultiEmitter<? super DeskEvent>> mine = streams.get(event.staffId());
        if (mine != null) {
            mine.forEach(emitter -> emitter.emit(event));
        }
    }

    /** Subscribes to the other instances' events; tried again on the next stream or upkeep while Redis is away. */
    void subscribeOnce() {
        if (subscriber != null) {
            return;
        }
        synchronized (this) {
            if (subscriber != null) {
                return;
            }
            try {
                subscriber = pubsub().subscribe(CHANNEL, this::received);
            } catch (RuntimeException e) {
                LOG.debugf("desk events: not subscribed to other instances yet: %s", e.getMessage());
            }
        }
    }

    private void received(String message) {
        try {
            Envelope envelope = json.readValue(message, Envelope.class);
            if (!origin.equals(envelope.origin())) {
                deliver(new DeskEvent(envelope.staffId(), envelope.name(), envelope.json()));
            }
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.debugf("desk events: unreadable message skipped: %s", e.getMessage());
        }
    }

    private PubSubCommands<String> pubsub() {
        return redis.pubsub(String.class);
    }

    void stop(@Observes ShutdownEvent event) {
        streams.values().forEach(set -> set.forEach(MultiEmitter::complete));
        PubSubCommands.RedisSubscriber current = subscriber;
        if (current != null) {
            try {
                current.unsubscribe();
            } catch (RuntimeException e) {
                LOG.debugf("desk events: unsubscribe failed: %s", e.getMessage());
            }
        }
    }
}
