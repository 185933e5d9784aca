package com.bank.callcenter.contacts;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Opt-outs received but not yet in do_not_call, shared by every instance: a Redis stream
 * ({@value #STREAM}, one entry per opt-out, in arrival order) and a hash of the pending mobiles
 * ({@value #PENDING}, mobile → its latest stream entry), both written by one script. Falls back to
 * the local {@link OptOutSpool} when Redis is out of reach.
 */
@ApplicationScoped
public class PendingOptOuts {

    static final String STREAM = "callcenter:opt-outs";
    static final String PENDING = "callcenter:opt-outs:pending";

    private static final String ADD = """
            local id = redis.call('XADD', KEYS[1], '*', 'mobile', ARGV[1], 'source', ARGV[2], 'reason', ARGV[3],
                'at', ARGV[4], 'holdUntil', ARGV[5])
            redis.call('HSET', KEYS[2], ARGV[1], id)
            return id""";

    /** ARGV = (id, mobile) pairs: removes each entry, and its mobile from the hash unless a later entry is pending. */
    private static final String WRITTEN = """
            for i = 1, #ARGV, 2 do
                redis.call('XDEL', KEYS[1], ARGV[i])
                if redis.call('HGET', KEYS[2], ARGV[i + 1]) == ARGV[i] then
                    redis.call('HDEL', KEYS[2], ARGV[i + 1])
                end
            end
            return 1""";

    /** An opt-out waiting in the stream, with its entry id. */
    record Entry(String id, OptOut optOut) {
    }

    private final RedisDataSource redis;
    private final OptOutSpool spool;

    public PendingOptOuts(RedisDataSource redis, ContactsConfig config) {
        this.redis = redis;
        this.spool = new OptOutSpool(config.optOuts().spoolDir());
    }

    /** Keeps the opt-out durably (Redis stream, else the local spool file: empty) before anything else is tried. */
    Optional<Entry> add(OptOut optOut) {
        try {
            return Optional.of(new Entry(toStream(optOut), optOut));
        } catch (RuntimeException e) {
            spool.append(optOut);
            return Optional.empty();
        }
    }

    private String toStream(OptOut optOut) {
        return redis.execute("EVAL", ADD, "2", STREAM, PENDING, optOut.mobile(), optOut.source().name(), optOut.reason(),
                Long.toString(optOut.at().toEpochMilli()), Long.toString(optOut.holdUntil().toEpochMilli())).toString();
    }

    /**
     * Which of these mobiles have an opt-out still pending (on any instance through Redis, on this one
     * through its spool file). Throws when Redis cannot be read: nobody may be contacted unchecked.
     */
    Set<String> among(Collection<String> mobiles) {
        Set<String> pending = new HashSet<>(spool.mobiles());
        pending.retainAll(mobiles);
        List<String> asked = new ArrayList<>(new HashSet<>(mobiles));
        if (asked.isEmpty()) {
            return pending;
        }
        List<String> args = new ArrayList<>(asked.size() + 1);
        args.add(PENDING);
        args.addAll(asked);
        Response values = redis.execute("HMGET", args.toArray(new String[0]));
        for (int i = 0; i < asked.size(); i++) {
            Response value = values.get(i);
            if (value != null && value.toString() != null) {
                pending.add(asked.get(i));
            }
        }
        return pending;
    }

    /** The oldest opt-outs of the stream, at most {@code count}. */
    List<Entry> oldest(int count) {
        Response rows = redis.execute("XRANGE", STREAM, "-", "+", "COUNT", Integer.toString(count));
        List<Entry> entries = new ArrayList<>();
        if (rows == null) {
            return entries;
        }
        for (Response row : rows) {
            String id = row.get(0).toString();
            Response fields = row.get(1);
            java.util.Map<String, String> values = new java.util.HashMap<>();
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                values.put(fields.get(i).toString(), fields.get(i + 1).toString());
            }
            entries.add(new Entry(id, new OptOut(values.get("mobile"), DoNotCall.Source.valueOf(values.get("source")),
                    values.get("reason"), Instant.ofEpochMilli(Long.parseLong(values.get("at"))),
                    Instant.ofEpochMilli(Long.parseLong(values.get("holdUntil"))))));
        }
        return entries;
    }

    /** These entries are in do_not_call: off the stream, and their mobiles off the pending hash. */
    void written(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>();
        args.add(WRITTEN);
        args.add("2");
        args.add(STREAM);
        args.add(PENDING);
        entries.forEach(entry -> {
            args.add(entry.id());
            args.add(entry.optOut().mobile());
        });
        redis.execute("EVAL", args.toArray(new String[0]));
    }

    /** The opt-outs of the local spool file, oldest first. */
    List<OptOut> spooled() {
        return spool.readAll();
    }

    /** The first {@code count} spooled opt-outs were handed on (to do_not_call or to the stream). */
    void unspool(int count) {
        spool.removeFirst(count);
    }

    /** Moves spooled opt-outs to the shared stream (Redis back, PostgreSQL still away); false if Redis is still away. */
    boolean moveSpooledToStream(List<OptOut> spooled) {
        try {
            spooled.forEach(this::toStream);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
