package com.bank.callcenter.telephony.replay;

import com.bank.callcenter.telephony.sim.AmiMessage;
import com.bank.callcenter.telephony.sim.AmiReader;
import com.bank.callcenter.telephony.sim.AmiTranscript;
import com.bank.callcenter.telephony.sim.AmiTranscript.Scenario;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The Asterisk side of the recorded transcripts, as a TCP peer for the service's asterisk-java client:
 * sends the banner, answers the login (MD5 challenge or plain secret) with the recorded FullyBooted,
 * answers what asterisk-java asks after login with the recorded replies, and plays an armed
 * {@link ReplayStep} when the client sends that step's action (Originate, MessageSend), with the
 * client's ActionID and CALL_ID put in. A step that ends in {@code Event: Shutdown} closes the
 * connection after it, as {@code core stop now} does; the peer keeps listening for the reconnect.
 * Events are filtered by the login's {@code Events:} mask, as Asterisk filters them.
 */
public final class TranscriptReplayPeer implements AutoCloseable {

    static final String BANNER = "Asterisk Call Manager/11.0.0\r\n";
    private static final String LOGIN_QUERIES = "login-queries-errors.txt";
    private static final long UNIQUEID_SHIFT_PER_PLAY = 100_000;

    private final String username;
    private final String secret;
    private final ServerSocket server;
    private final AmiMessage recordedChallenge;
    private final List<AmiMessage> afterLogin;
    /** Replies to what asterisk-java asks after login, by action (and command), as recorded. */
    private final Map<String, AmiMessage> canned = new HashMap<>();
    private final Map<String, Deque<ReplayStep>> armed = new HashMap<>();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final List<AmiMessage> received = new CopyOnWriteArrayList<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicLong plays = new AtomicLong();
    private volatile boolean closed;

    private TranscriptReplayPeer(String username, String secret) throws IOException {
        this.username = username;
        this.secret = secret;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        AmiTranscript transcript = AmiTranscript.load(LOGIN_QUERIES);
        Scenario login = transcript.scenario("challenge login (MD5), the way asterisk-java logs in");
        this.recordedChallenge = login.responses().get(0).message();
        // after the Login's response: FullyBooted (and SuccessfulAuth, a security event the mask may drop)
        this.afterLogin = login.events().stream().map(AmiTranscript.Entry::message).toList();
        for (ReplayStep step : ReplayStep.of(transcript.scenario("what asterisk-java asks after login"))) {
            canned.put(key(step.request()), step.replies().get(0));
        }
    }

    public static TranscriptReplayPeer start(String username, String secret) throws IOException {
        TranscriptReplayPeer peer = new TranscriptReplayPeer(username, secret);
        Thread acceptor = new Thread(peer::accept, "replay-peer-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return peer;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Plays {@code step} when the client next sends the step's action (e.g. Originate). */
    public synchronized void playOnNext(ReplayStep step) {
        armed.computeIfAbsent(step.action().toLowerCase(Locale.ROOT), k -> new ArrayDeque<>()).add(step);
    }

    /** Steps armed and not played yet. */
    public synchronized int armedSteps() {
        return armed.values().stream().mapToInt(Deque::size).sum();
    }

    /** Forgets the steps armed and not played (a test that failed half-way leaves none for the next). */
    public synchronized void disarm() {
        armed.clear();
    }

    private synchronized ReplayStep takeArmed(String action) {
        Deque<ReplayStep> queue = armed.get(action.toLowerCase(Locale.ROOT));
        return queue == null ? null : queue.poll();
    }

    /** Successful logins since the start (a reconnect logs in again). */
    public int logins() {
        return logins.get();
    }

    public int connections() {
        return connections.size();
    }

    /** Every action the client sent, in order, on any connection. */
    public List<AmiMessage> received() {
        return List.copyOf(received);
    }

    /** Actions received that {@code name} names (case-insensitive), on the connection {@code connection} (0 = first). */
    public List<AmiMessage> received(String name, int connection) {
        return connections.get(connection).received.stream()
                .filter(m -> name.equalsIgnoreCase(m.get("Action"))).toList();
    }

    /** Actions the peer could not answer as Asterisk would (e.g. an Originate nobody armed). */
    public List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                Connection connection = new Connection(socket);
                connections.add(connection);
                Thread reader = new Thread(connection::run, "replay-peer-" + connections.size());
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                if (!closed) {
                    unexpected.add("accept failed: " + e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.forEach(Connection::close);
    }

    private static String key(AmiMessage action) {
        String name = action.getOrDefault("Action", "").toLowerCase(Locale.ROOT);
        return name.equals("command") ? name + ":" + action.getOrDefault("Command", "").trim().toLowerCase(Locale.ROOT)
                : name;
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One client connection. */
    private final class Connection {

        final Socket socket;
        final List<AmiMessage> received = new CopyOnWriteArrayList<>();
        String challenge;
        boolean authenticated;
        /** Event classes the client asked for; null = all. */
        volatile Set<String> mask = Set.of();

        Connection(Socket socket) {
            this.socket = socket;
        }

        void run() {
            try {
                OutputStream out = socket.getOutputStream();
                synchronized (this) {
                    out.write(BANNER.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                AmiReader reader = new AmiReader(new BufferedInputStream(socket.getInputStream()));
                AmiMessage message;
                while ((message = reader.read()) != null) {
                    received.add(message);
                    TranscriptReplayPeer.this.received.add(message);
                    handle(message);
                }
            } catch (IOException e) {
                // the client or the peer closed the connection
            } finally {
                close();
            }
        }

        private void handle(AmiMessage message) throws IOException {
            String action = message.getOrDefault("Action", "");
            String actionId = message.get("ActionID");
            switch (action.toLowerCase(Locale.ROOT)) {
                case "challenge" -> {
                    challenge = recordedChallenge.get("Challenge");
                    send(response("Success", actionId).add("Challenge", challenge));
                }
                case "login" -> login(message, actionId);
                case "logoff" -> {
                    send(response("Goodbye", actionId).add("Message", "Thanks for all the fish."));
                    close();
                }
                default -> {
                    if (!authenticated) {
                        send(response("Error", actionId).add("Message", "Permission denied"));
                    } else {
                        act(message, action, actionId);
                    }
                }
            }
        }

        private void login(AmiMessage message, String actionId) throws IOException {
            String key = message.get("Key");
            boolean secretMatches = key != null ? challenge != null && key.equalsIgnoreCase(md5Hex(challenge + secret))
                    : secret.equals(message.get("Secret"));
            if (!username.equals(message.get("Username")) || !secretMatches) {
                send(response("Error", actionId).add("Message", "Authentication failed"));
                close();
                return;
            }
            mask = eventMask(message.get("Events"));
            authenticated = true;
            logins.incrementAndGet();
            send(response("Success", actionId).add("Message", "Authentication accepted"));
            for (AmiMessage event : afterLogin) {
                sendEvent(event);
            }
        }

        private void act(AmiMessage message, String action, String actionId) throws IOException {
            ReplayStep step = takeArmed(action);
            if (step != null) {
                play(step, message);
                return;
            }
            AmiMessage recorded = canned.get(key(message));
            if (recorded != null) {
                send(withActionId(recorded, actionId));
                return;
            }
            switch (action.toLowerCase(Locale.ROOT)) {
                case "events" -> {
                    mask = eventMask(message.get("EventMask"));
                    send(response("Success", actionId).add("Events", mask.isEmpty() ? "Off" : "On"));
                }
                case "coreshowchannels" -> {
                    // after a restart Asterisk has no channels: the list is empty
                    send(response("Success", actionId).add("EventList", "start").add("Message", "Channels will follow"));
                    send(AmiMessage.of("Event", "CoreShowChannelsComplete").add("ActionID", actionId)
                            .add("EventList", "Complete").add("ListItems", 0));
                }
                // the recorded Asterisk kept no robot choice in AstDB: DBGet and DBDel find nothing, as Asterisk 22 says it
                case "dbget" -> send(response("Error", actionId).add("Message", "Database entry not found"));
                case "dbdel" -> send(response("Error", actionId).add("Message", "Database entry not deleted"));
                case "originate", "messagesend" -> {
                    unexpected.add("nothing armed for " + message);
                    send(response("Error", actionId).add("Message", action.equalsIgnoreCase("originate")
                            ? "Originate failed" : "Message failed to send."));
                }
                default -> {
                    unexpected.add("unknown action " + message);
                    send(response("Error", actionId).add("Message", "Invalid/unknown command: " + action
                            + ". Use Action: ListCommands to show available commands."));
                }
            }
        }

        private void play(ReplayStep step, AmiMessage actual) throws IOException {
            long shift = plays.incrementAndGet() * UNIQUEID_SHIFT_PER_PLAY;
            boolean shutdown = false;
            for (AmiMessage reply : step.answering(actual, shift)) {
                if ("Response".equals(reply.firstKey())) {
                    send(reply);
                } else {
                    sendEvent(reply);
                    shutdown |= "Shutdown".equals(reply.get("Event"));
                }
            }
            if (shutdown) {
                close();
            }
        }

        /** As Asterisk filters: an event goes out if its class (first Privilege item) is in the mask. */
        private void sendEvent(AmiMessage event) throws IOException {
            String privilege = event.get("Privilege");
            String eventClass = privilege == null ? null : privilege.split(",")[0].trim().toLowerCase(Locale.ROOT);
            if (mask == null || eventClass == null || mask.contains(eventClass)) {
                send(event);
            }
        }

        synchronized void send(AmiMessage message) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(message.toBytes());
            out.flush();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    /** Login/Events mask: on (all classes), off (none), or a list such as call,user,cdr. */
    private static Set<String> eventMask(String events) {
        if (events == null || events.isBlank() || events.trim().equalsIgnoreCase("on")) {
            return null;
        }
        if (events.trim().equalsIgnoreCase("off")) {
            return Set.of();
        }
        return java.util.Arrays.stream(events.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static AmiMessage response(String response, String actionId) {
        AmiMessage message = AmiMessage.of("Response", response);
        if (actionId != null) {
            message.add("ActionID", actionId);
        }
        return message;
    }

    private static AmiMessage withActionId(AmiMessage recorded, String actionId) {
        AmiMessage message = new AmiMessage();
        for (AmiMessage.Field field : recorded.fields()) {
            if (field.key().equalsIgnoreCase("ActionID")) {
                if (actionId != null) {
                    message.add("ActionID", actionId);
                }
            } else {
                message.add(field.key(), field.value());
            }
        }
        return message;
    }
}
