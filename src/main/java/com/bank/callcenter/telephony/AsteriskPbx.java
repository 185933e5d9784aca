package com.bank.callcenter.telephony;

import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.DbDelAction;
import org.asteriskjava.manager.action.DbGetAction;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.MessageSendAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DbGetResponseEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.GetVarResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@link Pbx} over asterisk-java: one {@link AmiLink} per configured server, which hands every event
 * from asterisk-java's single dispatch thread to the server's own single-threaded executor, where it
 * is translated and passed to the listeners; nothing here ever blocks the dispatch thread or sends an
 * action synchronously. asterisk-java reconnects by itself after a drop; its Connect/Disconnect
 * events drive the link state that the readiness check reports. The listeners are every
 * {@link PbxListener} bean, told in the order of their {@code @Priority} (highest first), plus those
 * added with {@link #addListener}.
 */
@ApplicationScoped
public class AsteriskPbx implements Pbx {

    /** Asterisk's device state 0 (AST_DEVICE_UNKNOWN): a QueueMember without a Status. */
    private static final int DEVICE_STATE_UNKNOWN = 0;

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
     * adoption asks Redis and the database), so every bean they use must have been created on the main
     * thread first — the Redis client's creation is not safe against a second thread.
     */
    void start(@Observes @Priority(LINKS_START_PRIORITY) StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("pbx-timer"));
        for (AmiServerAddress address : servers.servers()) {
            AmiLink link = new AmiLink(address, config.ami(), timer, clock, listeners);
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
        List<String> up = links.values().stream().filter(AmiLink::isUp).map(AmiLink::name).toList();
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
        links.values().forEach(l -> l.typedEventCounts().forEach((name, n) -> counts.merge(name, n, Long::sum)));
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
        // async: the callback fires on the OriginateResponse, a refusal or a disconnect; never a 5 s wait
        link.sendEventGenerating(action, responses -> {
            ManagerResponse response = responses.getResponse();
            if (response instanceof ManagerError) {
                link.runOnEventThread(() -> onRefused.accept(response.getMessage()));
            }
        });
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
            link.sendEventGenerating(new CoreShowChannelsAction(), responses -> {
                if (responses.getResponse() instanceof ManagerError) {
                    raw.completeExceptionally(new IllegalStateException(responses.getResponse().getMessage()));
                    return;
                }
                List<LiveChannel> live = new ArrayList<>();
                for (ResponseEvent event : responses.getEvents()) {
                    if (event instanceof CoreShowChannelEvent) {
                        CoreShowChannelEvent c = (CoreShowChannelEvent) event;
                        Integer state = c.getChannelState();
                        live.add(new LiveChannel(c.getChannel(), c.getUniqueid(), c.getLinkedid(),
                                state == null ? LiveChannel.STATE_UNKNOWN : state));
                    }
                }
                raw.complete(live);
            });
        } catch (PbxUnavailableException e) {
            raw.completeExceptionally(e);
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

    @Override
    public CompletionStage<Optional<String>> dbGet(String server, String family, String key) {
        AmiLink link = link(server);
        CompletableFuture<Optional<String>> raw = new CompletableFuture<>();
        try {
            // Asterisk 22: Success + DBGetResponse (Family, Key, Val) + DBGetComplete; a missing entry: Error
            link.sendEventGenerating(new DbGetAction(family, key), responses -> {
                if (responses.getResponse() instanceof ManagerError) {
                    raw.complete(Optional.empty());
                    return;
                }
                Optional<String> value = Optional.empty();
                for (ResponseEvent event : responses.getEvents()) {
                    if (event instanceof DbGetResponseEvent) {
                        value = Optional.ofNullable(((DbGetResponseEvent) event).getVal());
                    }
                }
                raw.complete(value);
            });
        } catch (PbxUnavailableException e) {
            raw.completeExceptionally(e);
        }
        return link.onEventThread(raw);
    }

    @Override
    public CompletionStage<Boolean> dbDel(String server, String family, String key) {
        AmiLink link = link(server);
        return link.send(new DbDelAction(family, key), response -> !(response instanceof ManagerError));
    }

    @Override
    public CompletionStage<ActionResult> queueAdd(String server, QueueMemberSpec member) {
        AmiLink link = link(server);
        QueueAddAction action = new QueueAddAction(member.queue(), member.memberInterface());
        action.setMemberName(member.memberName());
        action.setPaused(member.paused());
        return link.send(action, AsteriskPbx::actionResult);
    }

    @Override
    public CompletionStage<ActionResult> queuePause(String server, String queue, String memberInterface, boolean paused,
                                                    String reason) {
        AmiLink link = link(server);
        QueuePauseAction action = new QueuePauseAction();
        action.setQueue(queue);
        action.setInterface(memberInterface);
        action.setPaused(paused);
        if (paused && reason != null && !reason.isBlank()) {
            action.setReason(reason);
        }
        return link.send(action, AsteriskPbx::actionResult);
    }

    @Override
    public CompletionStage<ActionResult> queueRemove(String server, String queue, String memberInterface) {
        AmiLink link = link(server);
        return link.send(new QueueRemoveAction(queue, memberInterface), AsteriskPbx::actionResult);
    }

    @Override
    public CompletionStage<List<QueueMemberState>> queueStatus(String server, String queue) {
        AmiLink link = link(server);
        CompletableFuture<List<QueueMemberState>> raw = new CompletableFuture<>();
        QueueStatusAction action = new QueueStatusAction();
        action.setQueue(queue);
        try {
            link.sendEventGenerating(action, responses -> {
                if (responses.getResponse() instanceof ManagerError) {
                    raw.completeExceptionally(new IllegalStateException(responses.getResponse().getMessage()));
                    return;
                }
                List<QueueMemberState> members = new ArrayList<>();
                for (ResponseEvent event : responses.getEvents()) {
                    if (event instanceof QueueMemberEvent member) {
                        members.add(memberState(member));
                    }
                }
                raw.complete(members);
            });
        } catch (PbxUnavailableException e) {
            raw.completeExceptionally(e);
        }
        return link.onEventThread(raw);
    }

    /** QueueStatus names a member by {@code Name} and {@code Location} (not MemberName / Interface as the events do). */
    private static QueueMemberState memberState(QueueMemberEvent member) {
        String name = member.getName() != null ? member.getName() : member.getMemberName();
        String location = member.getLocation() != null ? member.getLocation() : member.getInterface();
        Integer status = member.getStatus();
        Integer inCall = member.getIncall();
        return new QueueMemberState(member.getQueue(), name, location, Boolean.TRUE.equals(member.getPaused()),
                member.getPausedreason() == null ? "" : member.getPausedreason(),
                status == null ? DEVICE_STATE_UNKNOWN : status, inCall != null && inCall > 0);
    }

    private static ActionResult actionResult(ManagerResponse response) {
        return new ActionResult(!(response instanceof ManagerError), response.getMessage());
    }

    private AmiLink link(String server) {
        AmiLink link = links.get(server);
        if (link == null) {
            throw new IllegalArgumentException("unknown PBX server " + server);
        }
        return link;
    }
}
