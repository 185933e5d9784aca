package com.bank.callcenter.desk;

import com.bank.callcenter.calls.CallAttempt;
import com.bank.callcenter.calls.CallState;
import com.bank.callcenter.telephony.PbxEvent;
import com.bank.callcenter.telephony.PbxListener;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A robot call's customer pressed 1 and the team queue connected them to an RM (AgentConnect,
 * MemberName = the staff id): the call is recorded as handed off to that RM (who may then
 * disposition it like any call of theirs), the robot's team request as taken, the RM goes ON_CALL,
 * and the RM's desk gets the customer's card at once. The call is found by the customer leg's
 * Uniqueid (Agent* events are raised on the customer's channel); its record may lag the PBX by a
 * moment, so a miss is tried again a few times.
 */
@ApplicationScoped
public class HandOffs implements PbxListener {

    private static final Logger LOG = Logger.getLogger(HandOffs.class);
    static final String AGENT_CONNECT = "AgentConnect";
    private static final int FIND_ATTEMPTS = 10;
    private static final long RETRY_MILLIS = 300;
    private static final long DRAIN_ON_STOP_SECONDS = 5;

    private final EntityManager em;
    private final AgentStates states;
    private final NextCustomer next;
    private final DeskEvents events;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "desk-hand-offs");
        thread.setDaemon(true);
        return thread;
    });

    public HandOffs(EntityManager em, AgentStates states, NextCustomer next, DeskEvents events) {
        this.em = em;
        this.states = states;
        this.next = next;
        this.events = events;
    }

    /** A connected hand-off: the robot call and who took it. */
    private record Taken(UUID callId, String customerId, String campaignId) {
    }

    @Override
    public void onEvent(PbxEvent event) {
        if (!AGENT_CONNECT.equals(event.name())) {
            return;
        }
        String staffId = event.get("MemberName");
        String uniqueId = event.get("Uniqueid");
        String linkedId = event.get("Linkedid");
        if (staffId == null || staffId.isBlank() || uniqueId == null) {
            return;
        }
        worker.execute(() -> take(staffId.trim(), uniqueId, linkedId, event.receivedAt(), 1));
    }

    private void take(String staffId, String uniqueId, String linkedId, Instant at, int attempt) {
        try {
            Optional<Taken> taken = QuarkusTransaction.requiringNew().call(() -> record(staffId, uniqueId, linkedId, at));
            if (taken.isEmpty()) {
                if (attempt < FIND_ATTEMPTS) {
                    worker.schedule(() -> take(staffId, uniqueId, linkedId, at, attempt + 1), RETRY_MILLIS,
                            TimeUnit.MILLISECONDS);
                } else {
                    LOG.warnf("hand-off to %s: no robot call with Uniqueid %s", staffId, uniqueId);
                }
                return;
            }
            Taken call = taken.get();
            states.callStarted(staffId, call.callId());
            String username = QuarkusTransaction.requiringNew().call(() -> usernameOf(staffId));
            next.handOff(call.callId(), call.customerId(), call.campaignId(), staffId, username)
                    .ifPresent(card -> events.send(staffId, "handoff", card));
            LOG.infof("robot call %s: customer %s handed off to %s", call.callId(), call.customerId(), staffId);
        } catch (RuntimeException e) {
            LOG.errorf(e, "hand-off to %s (Uniqueid %s) not recorded", staffId, uniqueId);
        }
    }

    private Optional<Taken> record(String staffId, String uniqueId, String linkedId, Instant at) {
        @SuppressWarnings("unchecked")
        // among the calls in flight (the partial index call_attempt_open), not the whole history
        List<UUID> ids = em.createNativeQuery("select id from call_attempt where state in " + CallState.IN_FLIGHT_SQL
                        + " and kind = 'ROBOT_CALL' and (unique_id = ?1 or linked_id = ?2) order by queued_at desc limit 1")
                .setParameter(1, uniqueId).setParameter(2, linkedId == null ? uniqueId : linkedId).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        CallAttempt call = CallAttempt.findById(ids.get(0));
        call.handedOffTo(staffId, at);
        em.createNativeQuery("update robot_team_request set taken_by = ?2, taken_at = ?3 where call_id = ?1"
                        + " and taken_by is null")
                .setParameter(1, call.id).setParameter(2, staffId).setParameter(3, Timestamp.from(at)).executeUpdate();
        return Optional.of(new Taken(call.id, call.customerId, call.campaignId));
    }

    private String usernameOf(String staffId) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("select username from app_user where staff_id = ?1 limit 1")
                .setParameter(1, staffId).getResultList();
        return names.isEmpty() ? staffId : names.get(0);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(DRAIN_ON_STOP_SECONDS, TimeUnit.SECONDS);
    }
}
