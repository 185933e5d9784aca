package com.bank.callcenter.desk;

import com.bank.callcenter.lists.ListEntries.AgentEntry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RMs' live queues in Redis, shared by every instance. Per RM: a sorted set of due list entries
 * ({@value #QUEUE}{staffId}, member {@code e:<entry id>}, score = campaign priority, then entry
 * priority) and one of callbacks ({@value #CALLBACKS}{staffId}, member {@code c:<callback id>},
 * score = due time in epoch ms). A pop takes the earliest due callback, else the first entry, in one
 * script: two clicks never pop the same member. PostgreSQL stays the record: every pop is confirmed
 * there by a conditional claim, and a member whose claim fails is simply dropped. After Redis lost
 * its data ({@value #BUILT} missing) or the served lists changed, the queues are filled again from
 * PostgreSQL ({@link DeskQueueUpkeep}).
 */
@ApplicationScoped
public class DeskQueue {

    static final String QUEUE = "callcenter:desk:queue:";
    static final String CALLBACKS = "callcenter:desk:callbacks:";
    /** Set after a full fill; its value is the served lists the fill was made from. */
    static final String BUILT = "callcenter:desk:built";
    /** The RMs that have queues, so that a fill can remove the queues of RMs left with nothing. */
    static final String RMS = "callcenter:desk:rms";
    private static final String FILLING = ":filling";

    /** Campaign priority (0–1000) times this, plus the entry's priority (1…list size), stays exact in a double. */
    private static final double CAMPAIGN_WEIGHT = 1e10;
    private static final String ENTRY = "e:";
    private static final String CALLBACK = "c:";
    /** ZADDs per command when filling. */
    private static final int FILL_BATCH = 1000;

    private static final String POP = """
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 1)
            if #due > 0 then
                redis.call('ZREM', KEYS[1], due[1])
                return due[1]
            end
            local first = redis.call('ZPOPMIN', KEYS[2])
            if #first > 0 then
                return first[1]
            end
            return false""";

    private final RedisDataSource redis;

    public DeskQueue(RedisDataSource redis) {
        this.redis = redis;
    }

    /** What a pop gave: a list entry or a callback, by id. */
    public record Item(boolean callback, long id) {
    }

    /** The RM's next item: the earliest due callback, else the first entry; empty when both are empty. */
    public Optional<Item> pop(String staffId, Instant now) {
        Response popped = redis.execute("EVAL", POP, "2", CALLBACKS + staffId, QUEUE + staffId,
                Long.toString(now.toEpochMilli()));
        if (popped == null) {
            return Optional.empty();
        }
        String member = popped.toString();
        return Optional.of(new Item(member.startsWith(CALLBACK), Long.parseLong(member.substring(2))));
    }

    /** Entries (back) into their RM's queue; an entry already there keeps one place. */
    public void addEntries(Collection<AgentEntry> entries) {
        Map<String, List<String>> byManager = new HashMap<>();
        for (AgentEntry entry : entries) {
            if (entry.managerId() == null) {
                continue;
            }
            List<String> args = byManager.computeIfAbsent(entry.managerId(), k -> {
                redis.execute("SADD", RMS, k);
                return new ArrayList<>();
            });
            args.add(Double.toString(score(entry)));
            args.add(ENTRY + entry.entryId());
            if (args.size() >= 2 * FILL_BATCH) {
                zadd(QUEUE + entry.managerId(), args);
                args.clear();
            }
        }
        byManager.forEach((staffId, args) -> {
            if (!args.isEmpty()) {
                zadd(QUEUE + staffId, args);
            }
        });
    }

    /** A callback (back) into its RM's callbacks, due at {@code dueAt}. */
    public void addCallback(String staffId, long callbackId, Instant dueAt) {
        redis.execute("SADD", RMS, staffId);
        zadd(CALLBACKS + staffId, List.of(Long.toString(dueAt.toEpochMilli()), CALLBACK + callbackId));
    }

    /** Entries waiting plus callbacks due now. */
    public long length(String staffId, Instant now) {
        Response entries = redis.execute("ZCARD", QUEUE + staffId);
        Response callbacks = redis.execute("ZCOUNT", CALLBACKS + staffId, "-inf", Long.toString(now.toEpochMilli()));
        return entries.toLong() + callbacks.toLong();
    }

    /** The served lists the queues were last filled from; empty when Redis has no fill (flushed, restarted). */
    public Optional<String> builtFrom() {
        Response built = redis.execute("GET", BUILT);
        return built == null ? Optional.empty() : Optional.of(built.toString());
    }

    public void markBuilt(String servedLists) {
        redis.execute("SET", BUILT, servedLists);
    }

    /**
     * Every RM's queues replaced by these entries and callbacks, each RM's at once (built aside, then
     * RENAMEd over the live one): entries of stopped campaigns and replaced lists go, RMs never see
     * a half-filled queue. RMs left with nothing lose their queues.
     */
    public void replaceAll(Collection<AgentEntry> entries, Collection<Callbacks.Callback> callbacks) {
        Map<String, List<AgentEntry>> entriesByRm = new HashMap<>();
        entries.forEach(e -> {
            if (e.managerId() != null) {
                entriesByRm.computeIfAbsent(e.managerId(), k -> new ArrayList<>()).add(e);
            }
        });
        Map<String, List<Callbacks.Callback>> callbacksByRm = new HashMap<>();
        callbacks.forEach(cb -> callbacksByRm.computeIfAbsent(cb.staffId(), k -> new ArrayList<>()).add(cb));

        java.util.Set<String> rms = new java.util.HashSet<>(entriesByRm.keySet());
        rms.addAll(callbacksByRm.keySet());
        Response known = redis.execute("SMEMBERS", RMS);
        java.util.Set<String> gone = new java.util.HashSet<>();
        if (known != null) {
            known.forEach(member -> gone.add(member.toString()));
        }
        gone.removeAll(rms);

        for (String staffId : rms) {
            List<String> entryArgs = new ArrayList<>();
            entriesByRm.getOrDefault(staffId, List.of()).forEach(e -> {
                entryArgs.add(Double.toString(score(e)));
                entryArgs.add(ENTRY + e.entryId());
            });
            swapIn(QUEUE + staffId, entryArgs);
            List<String> callbackArgs = new ArrayList<>();
            callbacksByRm.getOrDefault(staffId, List.of()).forEach(cb -> {
                callbackArgs.add(Long.toString(cb.dueAt().toEpochMilli()));
                callbackArgs.add(CALLBACK + cb.callbackId());
            });
            swapIn(CALLBACKS + staffId, callbackArgs);
            redis.execute("SADD", RMS, staffId);
        }
        for (String staffId : gone) {
            redis.execute("DEL", QUEUE + staffId, CALLBACKS + staffId);
            redis.execute("SREM", RMS, staffId);
        }
    }

    /** Builds the sorted set under a side key, then renames it over {@code key} (or deletes {@code key} when empty). */
    private void swapIn(String key, List<String> scoreMemberPairs) {
        if (scoreMemberPairs.isEmpty()) {
            redis.execute("DEL", key);
            return;
        }
        String aside = key + FILLING;
        redis.execute("DEL", aside);
        for (int from = 0; from < scoreMemberPairs.size(); from += 2 * FILL_BATCH) {
            zadd(aside, scoreMemberPairs.subList(from, Math.min(scoreMemberPairs.size(), from + 2 * FILL_BATCH)));
        }
        redis.execute("RENAME", aside, key);
    }

    static double score(AgentEntry entry) {
        return entry.campaignPriority() * CAMPAIGN_WEIGHT + entry.priority();
    }

    private void zadd(String key, List<String> scoreMemberPairs) {
        List<String> args = new ArrayList<>(scoreMemberPairs.size() + 1);
        args.add(key);
        args.addAll(scoreMemberPairs);
        redis.execute("ZADD", args.toArray(new String[0]));
    }
}
