package com.bank.callcenter.lists;

import com.bank.callcenter.campaigns.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one home of {@code list_entry}: the list build writes entries here, and every worker that
 * works a list (the robot dialer, the SMS campaign sender, soon the RM's desk) claims, records,
 * releases, skips, settles and sweeps them here. A claim is {@code for update skip locked}, so two
 * workers or instances never take the same entry. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class ListEntries {

    private static final Pattern STATE_TOKEN = Pattern.compile("\\{(\\w+)}");

    private final EntityManager em;

    public ListEntries(EntityManager em) {
        this.em = em;
    }

    /** An entry a worker has just claimed, with the attempts made on it so far. */
    public record Claim(long listId, String customerId, int attempts) {
    }

    /** Entries of a list by state; waitingRetry = pending but not due yet. */
    public record Counts(long pending, long done, long skipped, long waitingRetry) {
    }

    /** A claimed entry whose call has ended: what the robot dialer needs to settle it. */
    public record FinishedCall(long listId, String customerId, int attempts, String campaignId, String callState,
                               String outcome, String robotChoice, Instant endedAt) {
    }

    /** A claimed entry whose SMS was recorded before {@code before}: what the SMS sender's sweep settles. */
    public record StaleSms(long listId, String customerId, UUID smsId, String smsState, String campaignDefinition) {
    }

    /** DONE with {@code outcome}, or PENDING again when {@code retryAt} is set. */
    public record Settlement(long listId, String customerId, String outcome, Instant retryAt) {
    }

    // --- building and reading ---------------------------------------------------------------

    /** A new list's entries in COPY text format: list_id, customer_id, priority, reason, manager_id. */
    public void copyIn(Connection connection, Reader rows) throws SQLException, IOException {
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "copy list_entry (list_id, customer_id, priority, reason, manager_id) from stdin", rows);
    }

    /** A page of a list in priority order; only the entries of {@code onlyManager} unless it is null. */
    public List<ListEntryView> page(long listId, String onlyManager, int page, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select customer_id, reason, priority, manager_id from list_entry
                        where list_id = ?1 and (cast(?2 as text) is null or manager_id = ?2)
                        order by priority limit ?3 offset ?4""")
                .setParameter(1, listId).setParameter(2, onlyManager).setParameter(3, size)
                .setParameter(4, (long) page * size).getResultList();
        return rows.stream()
                .map(r -> new ListEntryView((String) r[0], (String) r[1], ((Number) r[2]).intValue(), (String) r[3]))
                .toList();
    }

    public long count(long listId, String onlyManager) {
        return ((Number) em.createNativeQuery("select count(*) from list_entry"
                        + " where list_id = ?1 and (cast(?2 as text) is null or manager_id = ?2)")
                .setParameter(1, listId).setParameter(2, onlyManager).getSingleResult()).longValue();
    }

    /** The list a campaign works from: its newest (by as-of date, then id). */
    public Optional<Long> newestList(String campaignId) {
        @SuppressWarnings("unchecked")
        List<Number> lists = em.createNativeQuery("select id from target_list where campaign_id = ?1"
                + " order by as_of desc, id desc limit 1").setParameter(1, campaignId).getResultList();
        return lists.stream().findFirst().map(Number::longValue);
    }

    public Counts counts(long listId, Instant now) {
        Object[] row = (Object[]) em.createNativeQuery(sql("""
                        select count(*) filter (where state = {PENDING}),
                               count(*) filter (where state = {DONE}),
                               count(*) filter (where state = {SKIPPED}),
                               count(*) filter (where state = {PENDING} and next_attempt_at > ?2)
                        from list_entry where list_id = ?1"""))
                .setParameter(1, listId).setParameter(2, Timestamp.from(now)).getSingleResult();
        return new Counts(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                ((Number) row[3]).longValue());
    }

    /** Entries of any list of the campaign claimed right now (calls or SMS in flight, or about to be). */
    public long inProgress(String campaignId) {
        return ((Number) em.createNativeQuery(sql("select count(*) from list_entry e join target_list t"
                        + " on t.id = e.list_id where t.campaign_id = ?1 and e.state = {IN_PROGRESS}"))
                .setParameter(1, campaignId).getSingleResult()).longValue();
    }

    /** Entries of the list claimed but with no call or SMS recorded yet. */
    public long claimedWithoutAttempt(long listId) {
        return ((Number) em.createNativeQuery(sql("select count(*) from list_entry where list_id = ?1"
                        + " and state = {IN_PROGRESS} and last_call_id is null and last_sms_id is null"))
                .setParameter(1, listId).getSingleResult()).longValue();
    }

    // --- claiming and recording ---------------------------------------------------------------

    /**
     * Claims up to {@code limit} due PENDING entries of the list, first by priority: they become
     * IN_PROGRESS at {@code now}. Entries another transaction holds are passed over, never waited for.
     */
    public List<Claim> claimDue(long listId, Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql("""
                        update list_entry e set state = {IN_PROGRESS}, claimed_at = ?2, last_call_id = null,
                          last_sms_id = null
                        where (e.list_id, e.customer_id) in (
                          select p.list_id, p.customer_id from list_entry p
                          where p.list_id = ?1 and p.state = {PENDING}
                            and (p.next_attempt_at is null or p.next_attempt_at <= ?2)
                          order by p.priority, p.customer_id
                          limit ?3
                          for update skip locked)
                        returning e.customer_id, e.attempts"""))
                .setParameter(1, listId).setParameter(2, Timestamp.from(now)).setParameter(3, limit).getResultList();
        List<Claim> claims = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            claims.add(new Claim(listId, (String) row[0], ((Number) row[1]).intValue()));
        }
        return claims;
    }

    /** The calls placed for claimed entries (customer id → call id), one batch: each counts as an attempt. */
    public void callsPlaced(long listId, Map<String, UUID> calls) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement entry = connection.prepareStatement("update list_entry set attempts = attempts + 1,"
                    + " last_call_id = ?, next_attempt_at = null where list_id = ? and customer_id = ?")) {
                for (Map.Entry<String, UUID> call : calls.entrySet()) {
                    entry.setObject(1, call.getValue());
                    entry.setLong(2, listId);
                    entry.setString(3, call.getKey());
                    entry.addBatch();
                }
                entry.executeBatch();
            }
        });
    }

    /** The SMS recorded for a claimed entry: it counts as an attempt. */
    public void smsRecorded(long listId, String customerId, UUID smsId) {
        em.createNativeQuery("update list_entry set attempts = attempts + 1, last_sms_id = ?3,"
                        + " next_attempt_at = null where list_id = ?1 and customer_id = ?2")
                .setParameter(1, listId).setParameter(2, customerId).setParameter(3, smsId).executeUpdate();
    }

    /**
     * The call or SMS {@code attemptId} never left (the link went down in between): the entry is due
     * again at once, and the attempt does not count.
     */
    public void giveBack(long listId, String customerId, UUID attemptId) {
        em.createNativeQuery(sql("""
                        update list_entry set state = {PENDING}, attempts = greatest(attempts - 1, 0),
                          next_attempt_at = null, last_call_id = null, last_sms_id = null
                        where list_id = ?1 and customer_id = ?2 and state = {IN_PROGRESS}
                          and (last_call_id = ?3 or last_sms_id = ?3)"""))
                .setParameter(1, listId).setParameter(2, customerId).setParameter(3, attemptId).executeUpdate();
    }

    /**
     * Claimed entries back to PENDING, due at {@code dueAt} (null: at once); only while no call or
     * SMS was recorded for the claim.
     */
    public void release(long listId, Collection<String> customerIds, Instant dueAt) {
        if (customerIds.isEmpty()) {
            return;
        }
        em.createNativeQuery(sql("""
                        update list_entry set state = {PENDING},
                          next_attempt_at = case when cast(?3 as timestamptz) > timestamptz 'epoch'
                                                 then cast(?3 as timestamptz) end
                        where list_id = ?1 and customer_id in (?2) and state = {IN_PROGRESS}
                          and last_call_id is null and last_sms_id is null"""))
                .setParameter(1, listId).setParameter(2, new ArrayList<>(customerIds))
                .setParameter(3, Timestamp.from(dueAt == null ? Instant.EPOCH : dueAt)).executeUpdate();
    }

    /** Claimed entries a contact rule refused: SKIPPED with the rule as the reason. */
    public void skip(long listId, Collection<String> customerIds, String reason) {
        if (customerIds.isEmpty()) {
            return;
        }
        em.createNativeQuery(sql("update list_entry set state = {SKIPPED}, skip_reason = ?3"
                        + " where list_id = ?1 and customer_id in (?2) and state = {IN_PROGRESS}"))
                .setParameter(1, listId).setParameter(2, new ArrayList<>(customerIds)).setParameter(3, reason)
                .executeUpdate();
    }

    // --- settling and sweeping ----------------------------------------------------------------

    /** Claimed entries whose call has ended (COMPLETED, FAILED or UNKNOWN), locked for settling. */
    public List<FinishedCall> finishedCalls() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql("""
                select e.list_id, e.customer_id, e.attempts, t.campaign_id, c.state, c.outcome, c.robot_choice, c.end_at
                from list_entry e
                join call_attempt c on c.id = e.last_call_id
                join target_list t on t.id = e.list_id
                where e.state = {IN_PROGRESS} and c.state in ('COMPLETED', 'FAILED', 'UNKNOWN')
                for update of e skip locked""")).getResultList();
        List<FinishedCall> finished = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            finished.add(new FinishedCall(((Number) row[0]).longValue(), (String) row[1], ((Number) row[2]).intValue(),
                    (String) row[3], (String) row[4], (String) row[5], (String) row[6], instant(row[7])));
        }
        return finished;
    }

    /** Settles entries in one batch: DONE with the outcome, or PENDING again at the retry time. */
    public void settle(List<Settlement> settlements) {
        if (settlements.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql("update list_entry set"
                    + " state = case when ? then {PENDING} else {DONE} end, last_outcome = ?,"
                    + " next_attempt_at = ? where list_id = ? and customer_id = ?"))) {
                for (Settlement entry : settlements) {
                    update.setBoolean(1, entry.retryAt() != null);
                    update.setString(2, entry.outcome());
                    update.setTimestamp(3, entry.retryAt() == null ? null : Timestamp.from(entry.retryAt()));
                    update.setLong(4, entry.listId());
                    update.setString(5, entry.customerId());
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }

    /**
     * Settles the entry whose latest SMS is {@code smsId}: PENDING again at {@code retryAt} while
     * fewer than {@code maxAttempts} were made (when a retry is allowed at all), else DONE.
     */
    public void settleSms(long listId, String customerId, UUID smsId, String outcome, Instant retryAt,
                          int maxAttempts) {
        if (retryAt != null) {
            int updated = em.createNativeQuery(sql("""
                            update list_entry set state = {PENDING}, last_outcome = ?4, next_attempt_at = ?5
                            where list_id = ?1 and customer_id = ?2 and last_sms_id = ?3 and state = {IN_PROGRESS}
                              and attempts < ?6"""))
                    .setParameter(1, listId).setParameter(2, customerId).setParameter(3, smsId)
                    .setParameter(4, outcome).setParameter(5, Timestamp.from(retryAt)).setParameter(6, maxAttempts)
                    .executeUpdate();
            if (updated > 0) {
                return;
            }
        }
        em.createNativeQuery(sql("update list_entry set state = {DONE}, last_outcome = ?4, next_attempt_at = null"
                        + " where list_id = ?1 and customer_id = ?2 and last_sms_id = ?3 and state = {IN_PROGRESS}"))
                .setParameter(1, listId).setParameter(2, customerId).setParameter(3, smsId).setParameter(4, outcome)
                .executeUpdate();
    }

    /**
     * Claims of the channel's campaigns left with neither a call nor an SMS since before
     * {@code claimedBefore} (the instance that took them died): back to PENDING.
     */
    public int releaseStaleClaims(Channel channel, Instant claimedBefore) {
        return em.createNativeQuery(sql("""
                        update list_entry e set state = {PENDING} from target_list t, campaign c
                        where t.id = e.list_id and c.id = t.campaign_id and c.channel = ?1
                          and e.state = {IN_PROGRESS} and e.last_call_id is null and e.last_sms_id is null
                          and e.claimed_at < ?2"""))
                .setParameter(1, channel.name()).setParameter(2, Timestamp.from(claimedBefore)).executeUpdate();
    }

    /** Claimed entries whose SMS was recorded before {@code before} and never settled, locked for settling. */
    public List<StaleSms> staleSms(Instant before) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql("""
                        select e.list_id, e.customer_id, s.id, s.state, cast(c.definition as text)
                        from list_entry e
                        join sms_message s on s.id = e.last_sms_id
                        join target_list t on t.id = e.list_id
                        join campaign c on c.id = t.campaign_id
                        where e.state = {IN_PROGRESS} and s.created_at < ?1
                        for update of e skip locked"""))
                .setParameter(1, Timestamp.from(before)).getResultList();
        List<StaleSms> stale = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            stale.add(new StaleSms(((Number) row[0]).longValue(), (String) row[1], (UUID) row[2], (String) row[3],
                    (String) row[4]));
        }
        return stale;
    }

    /**
     * The statement with each {STATE} written as the literal 'STATE' of {@link EntryState}: a literal,
     * not a bound value, so that PostgreSQL can use the partial indexes on list_entry (where state =
     * 'PENDING', where state = 'IN_PROGRESS') in every plan.
     */
    private static String sql(String template) {
        return STATE_TOKEN.matcher(template).replaceAll(token -> "'" + EntryState.valueOf(token.group(1)).name() + "'");
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
