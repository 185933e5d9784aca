package com.bank.callcenter.lists;

import com.bank.callcenter.common.SqlValues;
import com.bank.callcenter.campaigns.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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

    /**
     * A new list's entries written by the statement that selects them: a data-modifying common
     * table expression to append to a statement that defines {@code ranked} (customer_id, rank,
     * reason, manager_id, excluded_by); its one parameter is the list's id. The rows kept go
     * straight into the table, nothing travels to the service and back.
     */
    public String insertKeptFromRanked() {
        return "written as (insert into list_entry (list_id, customer_id, priority, reason, manager_id) "
                + "select ?, customer_id, rank, reason, manager_id from ranked where excluded_by is null)";
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

    /**
     * Entries of the campaign's lists whose as-of date (the day the list is for) lies in [from, to]:
     * the "listed" step of the campaign funnel.
     */
    public long listedBetween(String campaignId, LocalDate from, LocalDate to) {
        return ((Number) em.createNativeQuery("select count(*) from list_entry e join target_list t on t.id = e.list_id"
                        + " where t.campaign_id = ?1 and t.as_of between ?2 and ?3")
                .setParameter(1, campaignId).setParameter(2, Date.valueOf(from)).setParameter(3, Date.valueOf(to))
                .getSingleResult()).longValue();
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

    /** Claimed entries of the channel's campaigns whose call has ended (COMPLETED, FAILED or UNKNOWN), locked for settling. */
    public List<FinishedCall> finishedCalls(Channel channel) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql("""
                select e.list_id, e.customer_id, e.attempts, t.campaign_id, c.state, c.outcome, c.robot_choice, c.end_at
                from list_entry e
                join call_attempt c on c.id = e.last_call_id
                join target_list t on t.id = e.list_id
                join campaign k on k.id = t.campaign_id
                where e.state = {IN_PROGRESS} and c.state in ('COMPLETED', 'FAILED', 'UNKNOWN') and k.channel = ?1
                for update of e skip locked""")).setParameter(1, channel.name()).getResultList();
        List<FinishedCall> finished = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            finished.add(new FinishedCall(((Number) row[0]).longValue(), (String) row[1], ((Number) row[2]).intValue(),
                    (String) row[3], (String) row[4], (String) row[5], (String) row[6], SqlValues.instant(row[7])));
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

    // --- the RM's desk: one entry at a time, by its id -----------------------------------------

    /**
     * An entry of an AGENT_CALL campaign as the desk serves it. {@code campaignPriority} and
     * {@code priority} order the RM's queue (lower first).
     */
    public record AgentEntry(long entryId, long listId, String customerId, String campaignId, String managerId,
                             int campaignPriority, int priority, int attempts, String reason) {
    }

    private static final String AGENT_ENTRY_COLUMNS = "e.id, e.list_id, e.customer_id, t.campaign_id, cu.manager_id,"
            + " k.priority, e.priority, e.attempts, e.reason";

    /** The newest list of every ACTIVE AGENT_CALL campaign (the lists the desk serves). */
    private static final String SERVED_LISTS = """
            select distinct on (t.campaign_id) t.id from target_list t join campaign k on k.id = t.campaign_id
            where k.channel = 'AGENT_CALL' and k.state = 'ACTIVE' order by t.campaign_id, t.as_of desc, t.id desc""";

    /** The served lists' ids, in order: what the live queues were filled from. */
    public List<Long> servedLists() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from (" + SERVED_LISTS + ") s order by id").getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Due PENDING entries of the served lists whose customer is in {@code staffId}'s book now (null:
     * every RM's), for filling the live queues.
     */
    public List<AgentEntry> dueForDesk(String staffId, Instant now) {
        return agentEntries(sql("""
                select %s from list_entry e
                join target_list t on t.id = e.list_id join campaign k on k.id = t.campaign_id
                join customer cu on cu.customer_id = e.customer_id
                where e.list_id in (%s) and e.state = {PENDING}
                  and (e.next_attempt_at is null or e.next_attempt_at <= ?2)
                  and cu.manager_id is not null and (cast(?1 as text) is null or cu.manager_id = ?1)""")
                .formatted(AGENT_ENTRY_COLUMNS, SERVED_LISTS), staffId, Timestamp.from(now));
    }

    /** Entries of the served lists that became due in ({@code from}, {@code to}]: retries whose time came. */
    public List<AgentEntry> becameDueForDesk(Instant from, Instant to) {
        return agentEntries(sql("""
                select %s from list_entry e
                join target_list t on t.id = e.list_id join campaign k on k.id = t.campaign_id
                join customer cu on cu.customer_id = e.customer_id
                where e.list_id in (%s) and e.state = {PENDING}
                  and e.next_attempt_at > ?1 and e.next_attempt_at <= ?2 and cu.manager_id is not null""")
                .formatted(AGENT_ENTRY_COLUMNS, SERVED_LISTS), Timestamp.from(from), Timestamp.from(to));
    }

    /**
     * Claims one entry for the RM: IN_PROGRESS, held by {@code staffId}, only while it is PENDING and
     * due, of a served list, and its customer is in the RM's book now. Empty when any of that fails
     * (another RM or click took it, the campaign stopped, the book changed, a newer list replaced it).
     */
    public Optional<AgentEntry> claimForAgent(long entryId, String staffId, Instant now) {
        List<AgentEntry> claimed = agentEntries(sql("""
                with claimed as (
                  update list_entry e set state = {IN_PROGRESS}, claimed_by = ?1, claimed_at = ?2, last_call_id = null,
                    last_sms_id = null
                  from customer cu
                  where e.id = ?3 and e.state = {PENDING} and (e.next_attempt_at is null or e.next_attempt_at <= ?2)
                    and cu.customer_id = e.customer_id and cu.manager_id = ?1 and e.list_id in (%s)
                  returning e.id, e.list_id, e.customer_id, e.priority, e.attempts, e.reason, cu.manager_id)
                select e.id, e.list_id, e.customer_id, t.campaign_id, e.manager_id, k.priority, e.priority, e.attempts,
                  e.reason
                from claimed e join target_list t on t.id = e.list_id join campaign k on k.id = t.campaign_id""")
                .formatted(SERVED_LISTS), staffId, Timestamp.from(now), entryId);
        return claimed.stream().findFirst();
    }

    /** These entries while they are PENDING (to put given-back claims into their RM's live queue). */
    public List<AgentEntry> pendingAgentEntries(Collection<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return List.of();
        }
        return agentEntries(sql("""
                select %s from list_entry e
                join target_list t on t.id = e.list_id join campaign k on k.id = t.campaign_id
                join customer cu on cu.customer_id = e.customer_id
                where e.id in (?1) and e.state = {PENDING}""").formatted(AGENT_ENTRY_COLUMNS), new ArrayList<>(entryIds));
    }

    /** The entry {@code staffId} holds now (IN_PROGRESS, claimed by them). */
    public Optional<AgentEntry> heldBy(long entryId, String staffId) {
        return agentEntries(sql("""
                select %s from list_entry e
                join target_list t on t.id = e.list_id join campaign k on k.id = t.campaign_id
                join customer cu on cu.customer_id = e.customer_id
                where e.id = ?1 and e.state = {IN_PROGRESS} and e.claimed_by = ?2""")
                .formatted(AGENT_ENTRY_COLUMNS), entryId, staffId).stream().findFirst();
    }

    /** The entries {@code staffId} holds now, newest claim first. */
    public List<AgentEntry> heldBy(String staffId) {
        return agentEntries(sql("""
                select %s from list_entry e
                join target_list t on t.id = e.list_id join campaign k on k.id = t.campaign_id
                join customer cu on cu.customer_id = e.customer_id
                where e.state = {IN_PROGRESS} and e.claimed_by = ?1
                order by e.claimed_at desc""").formatted(AGENT_ENTRY_COLUMNS), staffId);
    }

    /** The agent call placed for a held entry: it counts as an attempt. */
    public void agentCallPlaced(long entryId, UUID callId) {
        em.createNativeQuery("update list_entry set attempts = attempts + 1, last_call_id = ?2, next_attempt_at = null"
                + " where id = ?1").setParameter(1, entryId).setParameter(2, callId).executeUpdate();
    }

    /**
     * Desk claims made before {@code claimedBefore} on which no call was placed: back to PENDING, and
     * returned so that they go back into their RM's live queue.
     */
    public List<AgentEntry> releaseExpiredAgentClaims(Instant claimedBefore) {
        return agentEntries(sql("""
                with released as (
                  update list_entry e set state = {PENDING}, claimed_by = null
                  where e.state = {IN_PROGRESS} and e.claimed_by is not null and e.last_call_id is null
                    and e.claimed_at < ?1
                  returning e.*)
                select e.id, e.list_id, e.customer_id, t.campaign_id, cu.manager_id, k.priority, e.priority, e.attempts,
                  e.reason
                from released e join target_list t on t.id = e.list_id join campaign k on k.id = t.campaign_id
                join customer cu on cu.customer_id = e.customer_id"""), Timestamp.from(claimedBefore));
    }

    /** A held entry given back without a call (the RM skipped it, or a contact rule deferred it). */
    public void releaseAgentClaim(long entryId, Instant dueAt) {
        em.createNativeQuery(sql("update list_entry set state = {PENDING}, claimed_by = null,"
                        + " next_attempt_at = cast(nullif(?2, '') as timestamptz)"
                        + " where id = ?1 and state = {IN_PROGRESS} and last_call_id is null"))
                .setParameter(1, entryId).setParameter(2, dueAt == null ? "" : dueAt.toString()).executeUpdate();
    }

    /** A held entry a contact rule refused: SKIPPED with the rule as the reason. */
    public void skipAgentClaim(long entryId, String reason) {
        em.createNativeQuery(sql("update list_entry set state = {SKIPPED}, skip_reason = ?2, claimed_by = null"
                        + " where id = ?1 and state = {IN_PROGRESS}"))
                .setParameter(1, entryId).setParameter(2, reason).executeUpdate();
    }

    /**
     * The RM's disposition of the entry's latest call: DONE with it as the outcome, or PENDING again at
     * {@code retryAt} (a NO_ANSWER the campaign retries).
     */
    public void dispositioned(long entryId, UUID callId, String outcome, Instant retryAt) {
        if (retryAt != null) {
            em.createNativeQuery(sql("update list_entry set state = {PENDING}, claimed_by = null, last_outcome = ?3,"
                            + " next_attempt_at = ?4 where id = ?1 and last_call_id = ?2"))
                    .setParameter(1, entryId).setParameter(2, callId).setParameter(3, outcome)
                    .setParameter(4, Timestamp.from(retryAt)).executeUpdate();
            return;
        }
        em.createNativeQuery(sql("update list_entry set state = {DONE}, last_outcome = ?3, next_attempt_at = null"
                        + " where id = ?1 and last_call_id = ?2"))
                .setParameter(1, entryId).setParameter(2, callId).setParameter(3, outcome).executeUpdate();
    }

    /** The list an entry belongs to. */
    public Optional<Long> listOf(long entryId) {
        @SuppressWarnings("unchecked")
        List<Number> lists = em.createNativeQuery("select list_id from list_entry where id = ?1")
                .setParameter(1, entryId).getResultList();
        return lists.stream().findFirst().map(Number::longValue);
    }

    /** Calls made on the entry so far. */
    public int attemptsOf(long entryId) {
        @SuppressWarnings("unchecked")
        List<Number> attempts = em.createNativeQuery("select attempts from list_entry where id = ?1")
                .setParameter(1, entryId).getResultList();
        return attempts.stream().findFirst().map(Number::intValue).orElse(0);
    }

    /** The RMs whose book has due PENDING entries in the list (customers' managers now). */
    public List<String> managersWithDue(long listId, Instant now) {
        @SuppressWarnings("unchecked")
        List<String> managers = em.createNativeQuery(sql("""
                select distinct cu.manager_id from list_entry e join customer cu on cu.customer_id = e.customer_id
                where e.list_id = ?1 and e.state = {PENDING} and (e.next_attempt_at is null or e.next_attempt_at <= ?2)
                  and cu.manager_id is not null""")).setParameter(1, listId).setParameter(2, Timestamp.from(now))
                .getResultList();
        return managers;
    }

    /** Length of the RM's queue as PostgreSQL has it: due PENDING entries of the served lists in their book. */
    public long dueCountForDesk(String staffId, Instant now) {
        return ((Number) em.createNativeQuery(sql("""
                select count(*) from list_entry e join customer cu on cu.customer_id = e.customer_id
                where e.list_id in (%s) and e.state = {PENDING}
                  and (e.next_attempt_at is null or e.next_attempt_at <= ?2) and cu.manager_id = ?1""")
                .formatted(SERVED_LISTS)).setParameter(1, staffId).setParameter(2, Timestamp.from(now))
                .getSingleResult()).longValue();
    }

    /** Runs a statement selecting the AgentEntry columns, with {@code parameters} bound to ?1, ?2, … */
    private List<AgentEntry> agentEntries(String statement, Object... parameters) {
        jakarta.persistence.Query query = em.createNativeQuery(statement);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<AgentEntry> entries = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            entries.add(new AgentEntry(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (String) row[2],
                    (String) row[3], (String) row[4], ((Number) row[5]).intValue(), ((Number) row[6]).intValue(),
                    ((Number) row[7]).intValue(), (String) row[8]));
        }
        return entries;
    }

    /**
     * The statement with each {STATE} written as the literal 'STATE' of {@link EntryState}: a literal,
     * not a bound value, so that PostgreSQL can use the partial indexes on list_entry (where state =
     * 'PENDING', where state = 'IN_PROGRESS') in every plan.
     */
    private static String sql(String template) {
        return STATE_TOKEN.matcher(template).replaceAll(token -> "'" + EntryState.valueOf(token.group(1)).name() + "'");
    }

}
