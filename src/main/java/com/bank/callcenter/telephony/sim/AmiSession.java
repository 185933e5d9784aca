package com.bank.callcenter.telephony.sim;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.jboss.logging.Logger;

/** One AMI client connection: banner, login, actions in, responses and filtered events out. */
final class AmiSession {

    private static final Logger LOG = Logger.getLogger(AmiSession.class);
    /** Like Asterisk's write timeout: a client this far behind is disconnected rather than buffered without end. */
    private static final int MAX_BACKLOG_MESSAGES = 500_000;
    private static final SecureRandom CHALLENGES = new SecureRandom();
    private static final int CHALLENGE_BOUND = 1_000_000_000;
    private static final DateTimeFormatter EVENT_TV = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private final Socket socket;
    private final CallEngine engine;
    private final SimulatedPbx pbx;
    private final AmiWriter writer;
    private final AmiActions actions;
    private final long connectedAtMs = System.currentTimeMillis();
    private volatile boolean authenticated;
    private volatile int eventMask = EventMask.NONE;
    private volatile String challenge;
    private volatile boolean closed;

    AmiSession(Socket socket, CallEngine engine, SimulatedPbx pbx) throws IOException {
        this.socket = socket;
        this.engine = engine;
        this.pbx = pbx;
        this.writer = new AmiWriter(socket.getOutputStream(), "sim-pbx-writer-" + socket.getPort(), this::close);
        this.actions = new AmiActions(engine, this);
    }

    void run() {
        writer.start();
        writer.sendLine("Asterisk Call Manager/" + engine.options().amiVersion());
        try {
            AmiReader reader = new AmiReader(new BufferedInputStream(socket.getInputStream()));
            AmiMessage message;
            while (!closed && (message = reader.read()) != null) {
                handle(message);
            }
        } catch (IOException e) {
            LOG.debugf("AMI client %s gone: %s", remoteAddress(), e.getMessage());
        } finally {
            if (!closed) {
                writer.closeAfterFlush();
            }
        }
    }

    private void handle(AmiMessage message) {
        String action = message.get("Action");
        String actionId = message.get("ActionID");
        if (action == null) {
            sendResponse(AmiResponses.error(actionId, "Missing action in request"));
            return;
        }
        switch (action.toLowerCase(Locale.ROOT)) {
            case "challenge" -> challenge(message, actionId);
            case "login" -> login(message, actionId);
            case "logoff" -> {
                sendResponse(AmiResponses.goodbye(actionId));
                writer.closeAfterFlush();
            }
            default -> {
                if (!authenticated) {
                    sendResponse(AmiResponses.error(actionId, "Permission denied"));
                } else {
                    actions.handle(action, message, actionId);
                }
            }
        }
    }

    private void challenge(AmiMessage message, String actionId) {
        if (!"md5".equalsIgnoreCase(message.get("AuthType"))) {
            sendResponse(AmiResponses.error(actionId, "Must specify AuthType"));
            return;
        }
        challenge = String.valueOf(CHALLENGES.nextInt(CHALLENGE_BOUND));
        sendResponse(AmiResponses.response("Success", actionId).add("Challenge", challenge));
    }

    private void login(AmiMessage message, String actionId) {
        SimulatedPbxOptions options = engine.options();
        String key = message.get("Key");
        boolean secretMatches = key != null
                ? challenge != null && key.equalsIgnoreCase(md5Hex(challenge + options.secret()))
                : options.secret().equals(message.get("Secret"));
        if (!options.username().equals(message.get("Username")) || !secretMatches) {
            sendResponse(AmiResponses.error(actionId, "Authentication failed"));
            writer.closeAfterFlush();
            return;
        }
        eventMask = EventMask.parse(message.get("Events"));
        authenticated = true;
        sendResponse(AmiResponses.success(actionId, "Authentication accepted"));
        deliver(AmiEvents.fullyBooted(engine.uptimeSeconds()));
        deliver(successfulAuth(key == null));
    }

    private AmiEvent successfulAuth(boolean usingPassword) {
        String now = EVENT_TV.format(Instant.now());
        return AmiEvent.of(EventClass.SECURITY, AmiMessage.event("SuccessfulAuth", EventClass.SECURITY)
                .add("EventTV", now)
                .add("Severity", "Informational")
                .add("Service", "AMI")
                .add("EventVersion", 1)
                .add("AccountID", engine.options().username())
                .add("SessionID", "0x" + Integer.toHexString(System.identityHashCode(this)))
                .add("LocalAddress", "IPV4/TCP/" + socket.getLocalAddress().getHostAddress() + "/" + socket.getLocalPort())
                .add("RemoteAddress", remoteAddress())
                .add("UsingPassword", usingPassword ? 1 : 0)
                .add("SessionTV", EVENT_TV.format(Instant.ofEpochMilli(connectedAtMs))));
    }

    String remoteAddress() {
        return "IPV4/TCP/" + socket.getInetAddress().getHostAddress() + "/" + socket.getPort();
    }

    void setEventMask(int mask) {
        eventMask = mask;
    }

    int backlog() {
        return writer.backlog();
    }

    /** A broadcast event, if this connection is logged in, its mask lets the event's class through and its user's filters the event. */
    void deliver(AmiEvent event) {
        if (authenticated && EventMask.allows(eventMask, event.eventClass())
                && engine.options().eventFilter().allows(event)) {
            if (writer.backlog() > MAX_BACKLOG_MESSAGES) {
                LOG.warnf("AMI client %s is %d messages behind; disconnecting it", remoteAddress(), writer.backlog());
                close();
                return;
            }
            writer.send(event.bytes());
        }
    }

    void sendResponse(AmiMessage response) {
        writer.send(response);
    }

    /** Replies addressed to this connection only (list events of CoreShowChannels, Status). */
    void sendAll(List<AmiMessage> messages) {
        for (AmiMessage message : messages) {
            writer.send(message);
        }
    }

    SimulatedPbx pbx() {
        return pbx;
    }

    /** Writes what is queued (e.g. the Shutdown event), then closes. */
    void closeGracefully() {
        writer.closeAfterFlush();
    }

    /** Closes the socket at once, like a crashed or unplugged Asterisk. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        engine.removeSession(this);
        writer.interrupt();
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debugf("closing AMI client socket: %s", e.getMessage());
        }
        pbx.sessionClosed(this);
    }

    static String md5Hex(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
    }
}
