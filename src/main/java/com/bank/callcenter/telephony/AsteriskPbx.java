package com.bank.callcenter.telephony;

import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.MessageSendAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PingAction;
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
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.asteriskjava.manager.response.GetVarResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * {@link Pbx} over asterisk-java: one {@link ManagerConnection} per configured server. Every event is
 * handed at once from asterisk-java's single dispatch thread to the server's own single-threaded
 * executor, where it is translated and passed to the listeners; nothing here ever blocks the
 * dispatch thread or sends an action synchronously. asterisk-java reconnects by itself after a
 * drop; its Connect/Disconnect events drive the link state that the readiness check reports.
 */
@ApplicationScoped
public class AsteriskPbx implements Pbx {

    private static final Logger LOG = Logger.getLogger(AsteriskPbx.class);

    /** The events the service reads, registered by hand so parsing never depends on asterisk-java's classpath scan. */
    private static final List<Class<? extends ManagerEvent>> EVENT_CLASSES = List.of(
            OriginateResponseEvent.class, VarSetEvent.class, NewChannelEvent.class, NewStateEvent.class,
            DialBeginEvent.class, DialStateEvent.class, DialEndEvent.class, BridgeEnterEvent.class,
            HangupEvent.class, CdrEvent.class, CoreShowChannelEvent.class, CoreShowChannelsCompleteEvent.class,
            FullyBootedEvent.class, RobotChoiceEvent.class, SmsInEvent.class);

    private static final int SILENT_PINGS_BEFORE_DEAD = 3;
    private static final int LINKS_START_PRIORITY = jakarta.interceptor.Interceptor.Priority.PLATFORM_AFTER + 1000;

    private final TelephonyConfig config;
    private final SimulatedPbxLauncher servers;
    private final Clock clock;
    private final List<PbxListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, AmiLink> links = new LinkedHashMap<>();
    private final AtomicInteger nextServer = new AtomicInteger();
    private ScheduledExecutorService timer;

    public AsteriskPbx(TelephonyConfig config, SimulatedPbxLauncher servers, Clock clock, @All List<PbxListener> beans) {
        this.config = config;
        this.servers = servers;
        this.clock = clock;
        this.listeners.addAll(beans);
    }

    /**
     * Late among the start-up observers: once a link is up, listeners work on the PBX threads (the call
     * tracker asks Redis and the database), so every bean they use must have been created on the main
     * thread first — the Redis client's creation is not safe against a second thread.
     */
    void start(@Observes @Priority(LINKS_START_PRIORITY) StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(daemon("pbx-timer"));
        for (AmiServerAddress address : servers.servers()) {
            AmiLink link = new AmiLink(address);
            links.put(address.name(), link);
            link.connect();
        }
        long ping = config.ami().pingInterval().toMillis();
        timer.scheduleWithFixedDelay(() -> links.values().forEach(AmiLink::ping), ping, ping, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
        links.values().forEach(AmiLink::close);
    }

    @Override
    public List<String> servers() {
        return List.copyOf(links.keySet());
    }

    @Override
    public boolean isUp(String server) {
        AmiLink link = links.get(server);
        return link != null && link.isUp();
    }

    @Override
    public Optional<String> availableServer() {
        List<String> up = links.values().stream().filter(AmiLink::isUp).map(l -> l.address.name()).toList();
        if (up.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(up.get(Math.floorMod(nextServer.getAndIncrement(), up.size())));
    }

    @Override
    public void addListener(PbxListener listener) {
        listeners.add(listener);
    }

    public void removeListener(PbxListener listener) {
        listeners.remove(listener);
    }

    /** How many events of each asterisk-java class arrived, per class simple name (events are parsed typed). */
    public Map<String, Long> typedEventCounts() {
        Map<String, Long> counts = new TreeMap<>();
        links.values().forEach(l -> l.typedEvents.forEach((name, n) -> counts.merge(name, n.sum(), Long::sum)));
        return counts;
    }

    @Override
    public void originate(String server, OriginateCommand command, Consumer<String> onRefused) {
        AmiLink link = link(server);
        OriginateAction action = new OriginateAction();
        action.setActionId(command.actionId());
        action.setChannel(command.channel());
        action.setContext(command.context());
        action.setExten(command.exten());
        action.setPriority(1);
        action.setCallerId(command.callerId());
        action.setTimeout(command.timeoutMs());
        action.setAsync(true);
        command.variables().forEach(action::setVariable);
        try {
            // async: the callback fires on the OriginateResponse, a refusal or a disconnect; never a 5 s wait
            link.connection.sendEventGeneratingAction(action, responses -> {
                ManagerResponse response = responses.getResponse();
                if (response instanceof ManagerError) {
                    link.events.execute(() -> onRefused.accept(response.getMessage()));
                }
            });
        } catch (IOException | IllegalStateException e) {
            throw new PbxUnavailableException(server, e);
        }
    }

    @Override
    public CompletionStage<Boolean> hangup(String server, String channel) {
        AmiLink link = link(server);
        return link.send(new HangupAction(channel), response -> !(response instanceof ManagerError));
    }

    @Override
    public CompletionStage<MessageSendResult> sendMessage(String server, OutboundMessage message) {
        AmiLink link = link(server);
        MessageSendAction action = new MessageSendAction();
        action.setTo(message.to());
        action.setFrom(message.from());
        if (OutboundMessage.fitsOnAmiLine(message.body())) {
            action.setBody(message.body());
        } else {
            // an AMI header cannot carry CR/LF or other control characters: send the UTF-8 bytes as Base64Body
            action.setBase64body(java.util.Base64.getEncoder().encodeToString(
                    message.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        message.variables().forEach(action::setVariable);
        return link.send(action, response -> new MessageSendResult(!(response instanceof ManagerError),
                response.getResponse(), response.getMessage()));
    }

    @Override
    public CompletionStage<List<LiveChannel>> liveChannels(String server) {
        AmiLink link = link(server);
        CompletableFuture<List<LiveChannel>> raw = new CompletableFuture<>();
        try {
            link.connection.sendEventGeneratingAction(new CoreShowChannelsAction(), responses -> {
                if (responses.getResponse() instanceof ManagerError) {
                    raw.completeExceptionally(new IllegalStateException(responses.getResponse().getMessage()));
                    return;
                }
                List<LiveChannel> live = new ArrayList<>();
                for (ResponseEvent event : responses.getEvents()) {
                    if (event instanceof CoreShowChannelEvent) {
                        CoreShowChannelEvent c = (CoreShowChannelEvent) event;
                        Integer state = c.getChannelState();
                        live.add(new LiveChannel(c.getChannel(), c.getUniqueid(), c.getLinkedid(), state == null ? -1 : state));
                    }
                }
                raw.complete(live);
            });
        } catch (IOException | IllegalStateException e) {
            raw.completeExceptionally(new PbxUnavailableException(server, e));
        }
        return link.onEventThread(raw);
    }

    @Override
    public CompletionStage<Optional<String>> getVar(String server, String channel, String variable) {
        AmiLink link = link(server);
        return link.send(new GetVarAction(channel, variable), response -> {
            if (response instanceof GetVarResponse) {
                String value = ((GetVarResponse) response).getValue();
                return value == null || value.isEmpty() ? Optional.<String>empty() : Optional.of(value);
            }
            return Optional.<String>empty();
        });
    }

    private AmiLink link(String server) {
        AmiLink link = links.get(server);
        if (link == null) {
            throw new IllegalArgumentException("unknown PBX server " + server);
        }
        return link;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One server: its connection, its event thread, its link state. */
    private final class AmiLink implements ManagerEventListener {

        final AmiServerAddress address;
        final ManagerConnection connection;
        final ExecutorService events;
        final Map<String, LongAdder> typedEvents = new ConcurrentHashMap<>();
        volatile boolean up;
        /** Asterisk opens AMI before it has finished loading: no dialing before FullyBooted. */
        volatile boolean booted;
        volatile boolean closed;

        AmiLink(AmiServerAddress address) {
            this.address = address;
            this.events = Executors.newSingleThreadExecutor(daemon("pbx-events-" + address.name()));
            this.connection = new ManagerConnectionFactory(address.host(), address.port(), address.username(),
                    address.secret()).createManagerConnection();
            EVENT_CLASSES.forEach(connection::registerUserEventClass);
            // with a Ping every interval there is always traffic: silence this long means a dead link,
            // which asterisk-java then handles like a drop (DisconnectEvent, reconnect)
            connection.setSocketReadTimeout((int) Math.min(Integer.MAX_VALUE,
                    config.ami().pingInterval().toMillis() * SILENT_PINGS_BEFORE_DEAD));
            connection.addEventListener(this);
        }

        boolean isUp() {
            return up && (booted || !config.ami().waitForFullyBooted())
                    && connection.getState() == ManagerConnectionState.CONNECTED;
        }

        /** The first login; until it succeeds it is retried. After it, asterisk-java reconnects by itself. */
        void connect() {
            if (closed) {
                return;
            }
            try {
                connection.login(config.ami().events());
                up = true;
                LOG.infof("AMI %s logged in (%s)", address, connection.getVersion());
            } catch (Exception e) {
                LOG.warnf("AMI %s: login failed (%s); retrying in %s", address, e.getMessage(), config.ami().connectRetry());
                timer.schedule(this::connect, config.ami().connectRetry().toMillis(), TimeUnit.MILLISECONDS);
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

        <T> CompletionStage<T> send(org.asteriskjava.manager.action.ManagerAction action,
                                    java.util.function.Function<ManagerResponse, T> read) {
            CompletableFuture<T> raw = new CompletableFuture<>();
            try {
                connection.sendAction(action, response -> raw.complete(read.apply(response)));
            } catch (IOException | IllegalStateException e) {
                raw.completeExceptionally(new PbxUnavailableException(address.name(), e));
            }
            return onEventThread(raw);
        }

        /** Completes on this server's event thread, or fails after the query timeout. */
        <T> CompletionStage<T> onEventThread(CompletableFuture<T> raw) {
            CompletableFuture<T> result = new CompletableFuture<>();
            raw.orTimeout(config.ami().queryTimeout().toMillis(), TimeUnit.MILLISECONDS)
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
}
