package com.bank.callcenter.desk;

import com.bank.callcenter.common.SqlValues;
import com.bank.callcenter.common.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The RMs' states, kept in agent_state: what each RM chose, the call they are on and the end of
 * their wrap-up. Every change is committed first, then announced as an {@link AgentStateChanged}
 * (queue membership, the desk's event stream).
 */
@ApplicationScoped
public class AgentStates {

    private final EntityManager em;
    private final DeskConfig config;
    private final Clock clock;
    private final Event<AgentStateChanged> changed;

    public AgentStates(EntityManager em, DeskConfig config, Clock clock, Event<AgentStateChanged> changed) {
        this.em = em;
        this.config = config;
        this.clock = clock;
        this.changed = changed;
    }

    /** One row of agent_state. */
    private record Row(String staffId, AgentState chosen, String reason, Instant since, UUID onCallId,
                       Instant wrapUpUntil) {

        AgentStateView view(Instant now) {
            AgentState effective = onCallId != null ? AgentState.ON_CALL
                    : wrapUpUntil != null && wrapUpUntil.isAfter(now) ? AgentState.WRAP_UP : chosen;
            UUID call = onCallId;
            return new AgentStateView(staffId, effective, effective == chosen ? reason : null, since, call,
                    effective == AgentState.WRAP_UP ? wrapUpUntil : null);
        }
    }

    public AgentStateView view(String staffId) {
        Instant now = clock.instant();
        return QuarkusTransaction.joiningExisting().call(() -> read(staffId, false)
                .map(row -> row.view(now))
                .orElse(new AgentStateView(staffId, AgentState.OFFLINE, null, null, null, null)));
    }

    /** The RM's choice: READY, PAUSED (a reason is required) or OFFLINE. */
    public AgentStateView choose(String staffId, AgentState state, String reason) {
        if (state == null || !state.isChosen()) {
            throw ProblemException.badRequest("invalid-state", "state must be READY, PAUSED or OFFLINE");
        }
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        if (state == AgentState.PAUSED && why == null) {
            throw ProblemException.badRequest("reason-required", "a pause needs a reason");
        }
        return change(staffId, row -> new Row(staffId, state, state == AgentState.PAUSED ? why : null,
                row.since(), row.onCallId(), row.wrapUpUntil()));
    }

    /** A call of the RM's began (click-to-call placed, progressive dial, a hand-off from the team queue). */
    public void callStarted(String staffId, UUID callId) {
        change(staffId, row -> new Row(staffId, row.chosen(), row.reason(), row.since(), callId, null));
    }

    /** The RM's call ended: WRAP_UP until the disposition, at most callcenter.desk.wrap-up. */
    public void callEnded(String staffId, UUID callId) {
        Instant until = clock.instant().plus(config.wrapUp());
        change(staffId, row -> callId.equals(row.onCallId())
                ? new Row(staffId, row.chosen(), row.reason(), row.since(), null, until) : row);
    }

    /** The RM dispositioned {@code callId}: the wrap-up ends at once (unless another call is in progress). */
    public void dispositioned(String staffId, UUID callId) {
        change(staffId, row -> row.onCallId() == null && row.wrapUpUntil() != null
                ? new Row(staffId, row.chosen(), row.reason(), row.since(), null, null) : row);
    }

    /** Wrap-ups whose time is up: the RMs return to what they chose. */
    public void endWrapUps() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<String> ended = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select staff_id from agent_state where on_call_id is null and wrap_up_until <= ?1")
                .setParameter(1, Timestamp.from(now)).getResultList());
        for (String staffId : ended) {
            change(staffId, row -> row.onCallId() == null && row.wrapUpUntil() != null && !row.wrapUpUntil().isAfter(now)
                    ? new Row(staffId, row.chosen(), row.reason(), row.since(), null, null) : row);
        }
    }

    /** Every RM not OFFLINE, as they are now. */
    public List<AgentStateView> present() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select staff_id, state, reason, since, on_call_id, wrap_up_until from agent_state"
                        + " where state <> 'OFFLINE' or on_call_id is not null").getResultList());
        List<AgentStateView> views = new ArrayList<>(rows.size());
        rows.forEach(r -> views.add(row(r).view(now)));
        return views;
    }

    private interface Transition {
        Row apply(Row row);
    }

    /** Applies the transition under the row's lock; announces the new state when the effective one changed. */
    private AgentStateView change(String staffId, Transition transition) {
        Instant now = clock.instant();
        AgentStateView[] result = new AgentStateView[2];
        QuarkusTransaction.requiringNew().run(() -> {
            Row before = read(staffId, true).orElse(new Row(staffId, AgentState.OFFLINE, null, now, null, null));
            Row after = transition.apply(before);
            AgentStateView was = before.view(now);
            AgentStateView is = after.view(now);
            boolean effectiveChanged = was.state() != is.state() || !java.util.Objects.equals(was.reason(), is.reason());
            Row stored = effectiveChanged ? new Row(after.staffId(), after.chosen(), after.reason(), now,
                    after.onCallId(), after.wrapUpUntil()) : after;
            write(stored, now);
            result[0] = was;
            result[1] = stored.view(now);
        });
        if (result[0].state() != result[1].state() || !java.util.Objects.equals(result[0].reason(), result[1].reason())
                || !java.util.Objects.equals(result[0].callId(), result[1].callId())) {
            changed.fire(new AgentStateChanged(result[1], result[0].state()));
        }
        return result[1];
    }

    private Optional<Row> read(String staffId, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select staff_id, state, reason, since, on_call_id, wrap_up_until"
                + " from agent_state where staff_id = ?1" + (lock ? " for update" : "")).setParameter(1, staffId)
                .getResultList();
        return rows.stream().findFirst().map(AgentStates::row);
    }

    private void write(Row row, Instant now) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into agent_state (staff_id, state, reason, since, on_call_id, wrap_up_until, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (staff_id) do update set state = excluded.state, reason = excluded.reason,
                      since = excluded.since, on_call_id = excluded.on_call_id,
                      wrap_up_until = excluded.wrap_up_until, updated_at = excluded.updated_at""")) {
                upsert.setString(1, row.staffId());
                upsert.setString(2, row.chosen().name());
                upsert.setString(3, row.reason());
                upsert.setTimestamp(4, Timestamp.from(row.since() == null ? now : row.since()));
                upsert.setObject(5, row.onCallId(), Types.OTHER);
                upsert.setTimestamp(6, row.wrapUpUntil() == null ? null : Timestamp.from(row.wrapUpUntil()));
                upsert.setTimestamp(7, Timestamp.from(now));
                upsert.executeUpdate();
            }
        });
    }

    private static Row row(Object[] r) {
        return new Row((String) r[0], AgentState.valueOf((String) r[1]), (String) r[2], SqlValues.instant(r[3]), (UUID) r[4],
                SqlValues.instant(r[5]));
    }

}
