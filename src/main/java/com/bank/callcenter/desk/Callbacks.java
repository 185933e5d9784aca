package com.bank.callcenter.desk;

import com.bank.callcenter.common.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The callbacks RMs promised (table callback). A due callback is served before any list entry and
 * dialled like any call: do-not-call, the calling window and the frequency cap apply (its own list's
 * attempts excepted, as for a retry). Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class Callbacks {

    private final EntityManager em;

    public Callbacks(EntityManager em) {
        this.em = em;
    }

    /** One callback, as the RM's list shows it. */
    public record Callback(long callbackId, String staffId, String customerId, String customerName, String campaignId,
                           Long listId, Instant dueAt, String note, String state) {
    }

    private static final String COLUMNS = "b.id, b.staff_id, b.customer_id, cu.name, b.campaign_id, b.list_id, b.due_at,"
            + " b.note, b.state";

    public long create(String staffId, String customerId, String campaignId, Long listId, UUID originCall, Instant dueAt,
                       String note, Instant now) {
        return ((Number) em.createNativeQuery("""
                        insert into callback (staff_id, customer_id, campaign_id, list_id, origin_call_id, due_at, note, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) returning id""")
                .setParameter(1, staffId).setParameter(2, customerId).setParameter(3, campaignId)
                .setParameter(4, listId == null ? null : listId).setParameter(5, originCall)
                .setParameter(6, Timestamp.from(dueAt)).setParameter(7, note).setParameter(8, Timestamp.from(now))
                .getSingleResult()).longValue();
    }

    /** The RM's open callbacks (pending or held), due first. */
    public List<Callback> open(String staffId) {
        return list("where b.staff_id = ?1 and b.state in ('PENDING', 'CLAIMED') order by b.due_at", staffId);
    }

    /** Every pending callback, for filling the live queues. */
    public List<Callback> pending() {
        return list("where b.state = 'PENDING'");
    }

    /** Claims a due pending callback of the RM's; empty when it is not (any more). */
    public Optional<Callback> claim(long callbackId, String staffId, Instant now) {
        int claimed = em.createNativeQuery("update callback set state = 'CLAIMED', claimed_at = ?3, last_call_id = null"
                        + " where id = ?1 and staff_id = ?2 and state = 'PENDING' and due_at <= ?3")
                .setParameter(1, callbackId).setParameter(2, staffId).setParameter(3, Timestamp.from(now)).executeUpdate();
        return claimed == 0 ? Optional.empty() : held(callbackId, staffId);
    }

    /** The callback, if {@code staffId} holds it now. */
    public Optional<Callback> held(long callbackId, String staffId) {
        return list("where b.id = ?1 and b.staff_id = ?2 and b.state = 'CLAIMED'", callbackId, staffId).stream()
                .findFirst();
    }

    /** The callbacks {@code staffId} holds now. */
    public List<Callback> heldBy(String staffId) {
        return list("where b.staff_id = ?1 and b.state = 'CLAIMED' order by b.claimed_at desc", staffId);
    }

    public void called(long callbackId, UUID callId) {
        em.createNativeQuery("update callback set last_call_id = ?2 where id = ?1")
                .setParameter(1, callbackId).setParameter(2, callId).executeUpdate();
    }

    /** The callback's call was dispositioned: it is done. */
    public void done(long callbackId, Instant now) {
        em.createNativeQuery("update callback set state = 'DONE', done_at = ?2 where id = ?1 and state <> 'CANCELLED'")
                .setParameter(1, callbackId).setParameter(2, Timestamp.from(now)).executeUpdate();
    }

    /** Given back without a call (skipped, or a contact rule deferred it): pending again, due at {@code dueAt}. */
    public void release(long callbackId, Instant dueAt) {
        em.createNativeQuery("update callback set state = 'PENDING', claimed_at = null, due_at = ?2"
                        + " where id = ?1 and state = 'CLAIMED' and last_call_id is null")
                .setParameter(1, callbackId).setParameter(2, Timestamp.from(dueAt)).executeUpdate();
    }

    /** A callback a contact rule refused for good (do-not-call): cancelled. */
    public void cancel(long callbackId, Instant now) {
        em.createNativeQuery("update callback set state = 'CANCELLED', done_at = ?2 where id = ?1")
                .setParameter(1, callbackId).setParameter(2, Timestamp.from(now)).executeUpdate();
    }

    /** Claims made before {@code claimedBefore} with no call: pending again, returned for the live queues. */
    public List<Callback> releaseExpired(Instant claimedBefore) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("update callback set state = 'PENDING', claimed_at = null"
                        + " where state = 'CLAIMED' and last_call_id is null and claimed_at < ?1 returning id")
                .setParameter(1, Timestamp.from(claimedBefore)).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return list("where b.id in (?1)", ids.stream().map(Number::longValue).toList());
    }

    /** The callbacks {@code where} selects, with {@code parameters} bound to ?1, ?2, … */
    private List<Callback> list(String where, Object... parameters) {
        jakarta.persistence.Query query = em.createNativeQuery("select " + COLUMNS + " from callback b"
                + " join customer cu on cu.customer_id = b.customer_id " + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Callback> callbacks = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            callbacks.add(new Callback(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], r[5] == null ? null : ((Number) r[5]).longValue(), SqlValues.instant(r[6]),
                    (String) r[7], (String) r[8]));
        }
        return callbacks;
    }
}
