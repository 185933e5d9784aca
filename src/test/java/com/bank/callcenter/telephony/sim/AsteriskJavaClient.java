package com.bank.callcenter.telephony.sim;

import com.bank.callcenter.telephony.RobotChoiceEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.ManagerEvent;

/** asterisk-java as the service will use it, logged in to a simulated PBX, keeping every event it receives. */
final class AsteriskJavaClient implements AutoCloseable {

    static final Duration AWAIT = Duration.ofSeconds(20);
    private static final long POLL_MS = 5;

    private final ManagerConnection connection;
    private final List<ManagerEvent> events = new CopyOnWriteArrayList<>();

    AsteriskJavaClient(int port, String username, String secret) {
        connection = new ManagerConnectionFactory("127.0.0.1", port, username, secret).createManagerConnection();
        connection.registerUserEventClass(RobotChoiceEvent.class);
        connection.addEventListener(events::add);
    }

    static AsteriskJavaClient loggedIn(SimulatedPbx pbx) throws Exception {
        AsteriskJavaClient client = new AsteriskJavaClient(pbx.port(), pbx.options().username(), pbx.options().secret());
        client.connection.login();
        return client;
    }

    ManagerConnection connection() {
        return connection;
    }

    List<ManagerEvent> events() {
        return events;
    }

    <T extends ManagerEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    void clearEvents() {
        events.clear();
    }

    /** The Originate as recorded in a transcript, sent through asterisk-java's OriginateAction. */
    static OriginateAction originateLike(AmiMessage recorded) {
        OriginateAction action = new OriginateAction();
        action.setActionId(recorded.get("ActionID"));
        action.setChannel(recorded.get("Channel"));
        action.setContext(recorded.get("Context"));
        action.setExten(recorded.get("Exten"));
        action.setPriority(Integer.valueOf(recorded.getOrDefault("Priority", "1")));
        if (recorded.get("Timeout") != null) {
            action.setTimeout(Long.valueOf(recorded.get("Timeout")));
        }
        if (recorded.get("CallerID") != null) {
            action.setCallerId(recorded.get("CallerID"));
        }
        action.setAsync(OriginateRequest.isTrue(recorded.get("Async")));
        for (String variable : recorded.getAll("Variable")) {
            int equals = variable.indexOf('=');
            action.setVariable(variable.substring(0, equals), variable.substring(equals + 1));
        }
        return action;
    }

    /** Polls until {@code condition} holds; fails with {@code description} after {@link #AWAIT}. */
    static void await(String description, BooleanSupplier condition) {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + description);
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + description, e);
            }
        }
    }

    @Override
    public void close() {
        try {
            connection.logoff();
        } catch (IllegalStateException e) {
            // already disconnected (e.g. after core stop now): nothing to log off
        }
    }
}
