package com.bank.callcenter.dashboard;

import com.bank.callcenter.common.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open dashboard streams of this instance (GET /api/dashboard/stream). Every
 * callcenter.dashboard.push-interval one look at the day's version in Redis — bumped by whichever instance
 * counted a change — decides whether the streams get a fresh {@code today} event (one body per viewer
 * scope, read from Redis, never from PostgreSQL); so a viewer gets at most one push per interval. A
 * stream with nothing new for callcenter.dashboard.heartbeat gets a {@code heartbeat}; while Redis is
 * away each stream is told once with an {@code unavailable} event.
 */
@ApplicationScoped
public class DashboardStreams {

    private static final Logger LOG = Logger.getLogger(DashboardStreams.class);

    /** One event: its name (today, heartbeat, unavailable) and JSON body. */
    public record StreamEvent(String name, String json) {
    }

    /** An open stream and what it was last told. */
    private static final class Open {
        final Viewer viewer;
        final MultiEmitter<? super StreamEvent> emitter;
        volatile long version = -1;
        volatile LocalDate day;
        volatile Instant lastSent = Instant.MIN;
        volatile boolean toldUnavailable;

        Open(Viewer viewer, MultiEmitter<? super StreamEvent> emitter) {
            this.viewer = viewer;
            this.emitter = emitter;
        }
    }

    private final Set<Open> streams = ConcurrentHashMap.newKeySet();
    private final Dashboard dashboard;
    private final LiveCounters live;
    private final DashboardConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public DashboardStreams(Dashboard dashboard, LiveCounters live, DashboardConfig config, ObjectMapper json, Clock clock) {
        this.dashboard = dashboard;
        this.live = live;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** A stream for {@code viewer}; its first event (today, or unavailable) comes at the next tick. */
    Multi<StreamEvent> open(Viewer viewer) {
        return Multi.createFrom().emitter(emitter -> {
            Open open = new Open(viewer, emitter);
            streams.add(open);
            emitter.onTermination(() -> streams.remove(open));
        });
    }

    int openStreams() {
        return streams.size();
    }

    @Scheduled(identity = "dashboard-streams", every = "{callcenter.dashboard.push-interval}",
            delayed = "{callcenter.scheduler.start-delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (streams.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        LiveCounters.Snapshot snapshot;
        try {
            snapshot = dashboard.snapshot();
        } catch (ProblemException e) {
            streams.forEach(open -> {
                if (!open.toldUnavailable) {
                    open.toldUnavailable = true;
                    emit(open, new StreamEvent("unavailable", toJson(Map.of("code", e.code(), "detail", e.getMessage()))),
                            now);
                }
            });
            heartbeats(now);
            return;
        }
        Map<Viewer, String> bodies = new HashMap<>();
        for (Open open : streams) {
            if (open.version == snapshot.version() && snapshot.day().equals(open.day) && !open.toldUnavailable) {
                continue;
            }
            String body = bodies.computeIfAbsent(open.viewer, viewer -> toJson(dashboard.body(snapshot, viewer)));
            open.version = snapshot.version();
            open.day = snapshot.day();
            open.toldUnavailable = false;
            emit(open, new StreamEvent("today", body), now);
        }
        heartbeats(now);
    }

    private void heartbeats(Instant now) {
        for (Open open : streams) {
            if (!open.lastSent.plus(config.heartbeat()).isAfter(now)) {
                emit(open, new StreamEvent("heartbeat", toJson(Map.of("at", clock.instant().toString()))), now);
            }
        }
    }

    private static void emit(Open open, StreamEvent event, Instant now) {
        open.lastSent = now;
        open.emitter.emit(event);
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        streams.forEach(open -> open.emitter.complete());
        LOG.debugf("dashboard: %d stream(s) closed", streams.size());
    }
}
