package com.bank.callcenter.telephony.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

/**
 * A PBX that speaks AMI over TCP the way Asterisk 22 does, for tests and demos where no Asterisk
 * runs. Calls are simulated from {@link SimulatedPbxOptions}: the outcome rule decides what each
 * dialled number does, and the events follow what a real Asterisk 22.9.0 sent for that outcome.
 * One thread per client connection; call timelines run on a small timer pool.
 */
public final class SimulatedPbx implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SimulatedPbx.class);
    private static final int ACCEPT_BACKLOG = 100;

    private final SimulatedPbxOptions options;
    private final Set<AmiSession> sessions = ConcurrentHashMap.newKeySet();
    private CallEngine engine;
    private ServerSocket listener;
    private int boundPort;

    public SimulatedPbx(SimulatedPbxOptions options) {
        this.options = options;
        this.boundPort = options.port();
    }

    public SimulatedPbxOptions options() {
        return options;
    }

    /** Listens for AMI clients; after {@link #stopListening()} or {@link #coreStopNow()} it comes back on the same port. */
    public synchronized SimulatedPbx start() throws IOException {
        if (listener != null) {
            return this;
        }
        if (engine == null) {
            engine = new CallEngine(options);
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(boundPort), ACCEPT_BACKLOG);
        boundPort = socket.getLocalPort();
        listener = socket;
        Thread acceptor = new Thread(() -> acceptLoop(socket), "sim-pbx-accept-" + boundPort);
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.infof("Simulated PBX (AMI %s, Asterisk %s) listening on port %d", options.amiVersion(),
                options.asteriskVersion(), boundPort);
        return this;
    }

    public synchronized int port() {
        return boundPort;
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                client.setTcpNoDelay(true);
                AmiSession session = new AmiSession(client, engine, this);
                sessions.add(session);
                engine.addSession(session);
                Thread reader = new Thread(session::run, "sim-pbx-session-" + client.getPort());
                reader.setDaemon(true);
                reader.start();
            } catch (SocketException e) {
                LOG.debugf("AMI listener on %d closed", boundPort);
            } catch (IOException e) {
                LOG.warnf("AMI accept failed: %s", e.getMessage());
            }
        }
    }

    void sessionClosed(AmiSession session) {
        sessions.remove(session);
    }

    /** Messages written by the PBX and not yet taken by its clients' sockets, over every connection (benchmarks). */
    public int unsentMessages() {
        return sessions.stream().mapToInt(AmiSession::backlog).sum();
    }

    /** Closes every client connection at once (no Shutdown event): clients see a dead socket and reconnect. */
    public void dropConnections() {
        for (AmiSession session : List.copyOf(sessions)) {
            session.close();
        }
    }

    /** Stops accepting and drops every client, like an unreachable PBX; {@link #start()} brings it back. */
    public synchronized void stopListening() {
        closeListener();
        dropConnections();
    }

    /**
     * {@code core stop now}: live calls hang up (cause 0) with their CDRs, every client gets
     * {@code Event: Shutdown}, then the connections close and the port stops listening.
     */
    public synchronized void coreStopNow() {
        if (engine == null) {
            return;
        }
        closeListener();
        engine.shutdownCalls();
        for (AmiSession session : List.copyOf(sessions)) {
            session.closeGracefully();
        }
    }

    /** Stops everything: the listener, the clients and the calls. */
    public synchronized void stop() {
        closeListener();
        dropConnections();
        if (engine != null) {
            engine.stop();
            engine = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void closeListener() {
        if (listener == null) {
            return;
        }
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debugf("closing AMI listener: %s", e.getMessage());
        }
        listener = null;
    }

    public synchronized boolean isListening() {
        return listener != null;
    }

    public synchronized int activeCalls() {
        return engine == null ? 0 : engine.activeCalls();
    }

    public synchronized long originateCount() {
        return engine == null ? 0 : engine.originateCount();
    }

    /** The latest 100,000 Originates, in arrival order: when (wall clock, ms) and the channel dialled. */
    public synchronized java.util.List<ReceivedOriginate> originateTimes() {
        return engine == null ? java.util.List.of() : engine.originateTimes();
    }

    /** Context of the dialplan that raises an inbound SIP MESSAGE (DialplanContract.SMS_IN_CONTEXT). */
    public static final String SMS_IN_CONTEXT = "callcenter-sms-in";
    /** The UserEvent it raises, with From and Body (DialplanContract.SMS_IN_EVENT). */
    public static final String SMS_IN_EVENT = "SmsIn";

    /**
     * An SMS reply arriving from the carrier, as the SIP MESSAGE loopback did in the transcript: on
     * channel {@code Message/ast_msg_queue} in the inbound context, {@code UserEvent: SmsIn} with
     * {@code From} and {@code Body}, to every client whose event mask has {@code user}.
     */
    public synchronized void deliverInboundSms(String from, String body) {
        deliverInboundSms(SMS_IN_CONTEXT, "smsc", SMS_IN_EVENT, from, body);
    }

    public synchronized void deliverInboundSms(String context, String exten, String userEvent, String from, String body) {
        if (engine == null) {
            throw new IllegalStateException("the simulated PBX is not started");
        }
        engine.inboundMessage(context, exten, userEvent, from, body);
    }

    /**
     * From now on a MessageSend whose destination contains {@code destinationPart} (e.g. a number)
     * fails as for an unknown endpoint: {@code Response: Error}, {@code Message failed to send.}
     */
    public synchronized void refuseMessagesTo(String destinationPart) {
        if (engine == null) {
            throw new IllegalStateException("the simulated PBX is not started");
        }
        engine.refusedMessageDestinations().add(destinationPart);
    }

    /** The MessageSends accepted so far (the newest thousand), oldest first. */
    public synchronized List<SimulatedMessage> sentMessages() {
        return engine == null ? List.of() : engine.sentMessages();
    }
}
