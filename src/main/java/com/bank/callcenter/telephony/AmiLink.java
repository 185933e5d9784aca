package com.bank.callcenter.telephony;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.SendEventGeneratingActionCallback;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.CdrEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DialStateEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.QueueStatusCompleteEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The link to one Asterisk server: its asterisk-java connection, its own single event thread and its
 * link state. Every event is handed at once from asterisk-java's dispatch thread to the event thread,
 * where it is translated and passed to the listeners; asterisk-java's Connect/Disconnect events drive
 * the link state and tell the listeners.
 */
final class AmiLink implements ManagerEventListener {

    private static final Logger LOG = Logger.getLogger(AmiLink.class);

    /**
     * The events the service reads, registered by hand so parsing never depends on asterisk-java's classpath scan.
     * Asterisk 22 names a member's pause {@code QueueMemberPause} (QueueMemberPauseEvent; QueueMemberPausedEvent
     * is the old name) and QueueStatus lists members as {@code QueueMember}.
     */
    private static final List<Class<? extends ManagerEvent>> EVENT_CLASSES = List.of(
            OriginateResponseEvent.class, VarSetEvent.class, NewChannelEvent.class, NewStateEvent.class,
            DialBeginEvent.class, DialStateEvent.class, DialEndEvent.class, BridgeEnterEvent.class,
            HangupEvent.class, CdrEvent.class, CoreShowChannelEvent.class, CoreShowChannelsCompleteEvent.class,
            FullyBootedEvent.class, RobotChoiceEvent.class, SmsInEvent.class,
            AgentCalledEvent.class, AgentConnectEvent.class, AgentCompleteEvent.class, QueueCallerJoinEvent.class,
            QueueCallerLeaveEvent.class, QueueCallerAbandonEvent.class, QueueMemberAddedEvent.class,
            QueueMemberPauseEvent.class, QueueMemberRemovedEvent.class, QueueMemberStatusEvent.class,
            QueueParamsEvent.class, QueueMemberEvent.class, QueueEntryEvent.class, QueueStatusCompleteEvent.class);

    private static final int SILENT_PINGS_BEFORE_DEAD = 3;

    private final AmiServerAddress address;
    private final TelephonyConfig.Ami config;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    /** The PBX's live list: a listener added later is told too. */
    private final List<PbxListener> listeners;
    private final ManagerConnection connection;
    private final ExecutorService events;
    private final Map<String, LongAdder> typedEvents = new ConcurrentHashMap<>();
    private volatile boolean up;
    /** Asterisk opens AMI before it has finished loading: no dialing before FullyBooted. */
    private volatile boolean booted;
    private volatile boolean closed;

    AmiLink(AmiServerAddress address, TelephonyConfig.Ami config, ScheduledExecutorService timer, Clock clock,
            List<PbxListener> listeners) {
        this.address = address;
        this.config = config;
        this.timer = timer;
        this.clock = clock;
        this.listeners = listeners;
        this.events = Executors.newSingleThreadExecutor(DaemonThreads.named("pbx-events-" + address.name()));
        this.connection = new ManagerConnectionFactory(address.host(), address.port(), address.username(),
                address.secret()).createManagerConnection();
        EVENT_CLASSES.forEach(connection::registerUserEventClass);
        // with a Ping every interval there is always traffic: silence this long means a dead link,
        // which asterisk-java then handles like a drop (DisconnectEvent, reconnect)
        connection.setSocketReadTimeout((int) Math.min(Integer.MAX_VALUE,
                config.pingInterval().toMillis() * SILENT_PINGS_BEFORE_DEAD));
        connection.addEventListener(this);
    }

    /** The server's name (host:port), as {@link Pbx#servers()} lists it. */
    String name() {
        return address.name();
    }

    boolean isUp() {
        return up && (booted || !config.waitForFullyBooted())
                && connection.getState() == ManagerConnectionState.CONNECTED;
    }

    /** The first login; until it succeeds it is retried. After it, asterisk-java reconnects by itself. */
    void connect() {
        if (closed) {
            return;
        }
        try {
            connection.login(config.events());
            up = true;
            LOG.infof("AMI %s logged in (%s)", address, connection.getVersion());
        } catch (Exception e) {
            LOG.warnf("AMI %s: login failed (%s); retrying in %s", address, e.getMessage(), config.connectRetry());
            timer.schedule(this::connect, config.connectRetry().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** On asterisk-java's dispatch thread: note the link state, hand everything else off at once. */
    @Override
    public void onManagerEvent(ManagerEvent event) {
        Instant receivedAt = clock.instant();
        if (event instanceof ConnectEvent) {
            up = true;
            events.execute(() -> {
                LOG.infof("AMI %s connected", address);
                listeners.forEach(l -> l.onLinkUp(address.name()));
            });
            return;
        }
        if (event instanceof FullyBootedEvent) {
            booted = true;
            return;
        }
        if (event instanceof DisconnectEvent) {
            up = false;
            booted = false;
            events.execute(() -> {
                LOG.warnf("AMI %s disconnected; asterisk-java is reconnecting", address);
                listeners.forEach(l -> l.onLinkDown(address.name(), receivedAt));
            });
            return;
        }
        events.execute(() -> deliver(event, receivedAt));
    }

    private void deliver(ManagerEvent event, Instant receivedAt) {
        typedEvents.computeIfAbsent(event.getClass().getSimpleName(), k -> new LongAdder()).increment();
        PbxEvent translated = AmiEventTranslator.translate(address.name(), event, receivedAt);
        if (translated == null) {
            return;
        }
        for (PbxListener listener : listeners) {
            try {
                listener.onEvent(translated);
            } catch (RuntimeException e) {
                LOG.errorf(e, "listener failed on %s from %s", translated.name(), address.name());
            }
        }
    }

    /** How many events of each asterisk-java class arrived, per class simple name. */
    Map<String, Long> typedEventCounts() {
        Map<String, Long> counts = new TreeMap<>();
        typedEvents.forEach((name, n) -> counts.put(name, n.sum()));
        return counts;
    }

    void ping() {
        if (!isUp()) {
            return;
        }
        try {
            connection.sendAction(new PingAction(), response -> {
                if (response instanceof ManagerError) {
                    LOG.warnf("AMI %s: Ping answered %s", address, response.getMessage());
                }
            });
        } catch (IOException | IllegalStateException e) {
            LOG.debugf("AMI %s: Ping not sent: %s", address, e.getMessage());
        }
    }

    /** Sends an action; completes on this server's event thread with what {@code read} makes of the response. */
    <T> CompletionStage<T> send(ManagerAction action, Function<ManagerResponse, T> read) {
        CompletableFuture<T> raw = new CompletableFuture<>();
        try {
            connection.sendAction(action, response -> raw.complete(read.apply(response)));
        } catch (IOException | IllegalStateException e) {
            raw.completeExceptionally(new PbxUnavailableException(address.name(), e));
        }
        return onEventThread(raw);
    }

    /**
     * Sends an action answered by a list of events; the callback runs on asterisk-java's thread.
     *
     * @throws PbxUnavailableException when the link is down: nothing was sent
     */
    void sendEventGenerating(EventGeneratingAction action, SendEventGeneratingActionCallback callback) {
        try {
            connection.sendEventGeneratingAction(action, callback);
        } catch (IOException | IllegalStateException e) {
            throw new PbxUnavailableException(address.name(), e);
        }
    }

    /** Runs {@code task} on this server's event thread, after what is already queued there. */
    void runOnEventThread(Runnable task) {
        events.execute(task);
    }

    /** Completes on this server's event thread, or fails after the query timeout. */
    <T> CompletionStage<T> onEventThread(CompletableFuture<T> raw) {
        CompletableFuture<T> result = new CompletableFuture<>();
        raw.orTimeout(config.queryTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((value, error) -> events.execute(() -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(value);
                    }
                }));
        return result;
    }

    void close() {
        closed = true;
        up = false;
        try {
            if (connection.getState() == ManagerConnectionState.CONNECTED
                    || connection.getState() == ManagerConnectionState.RECONNECTING) {
                connection.logoff();
            }
        } catch (RuntimeException e) {
            LOG.debugf("AMI %s logoff: %s", address, e.getMessage());
        }
        events.shutdown();
    }
}
