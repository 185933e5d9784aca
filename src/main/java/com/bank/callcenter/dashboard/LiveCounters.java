package com.bank.callcenter.dashboard;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The dashboard's state in Redis, shared by every instance. Per day (callcenter.zone), with a hash tag
 * so that one script may touch them all, each expiring callcenter.dashboard.key-ttl after its last change:
 * <ul>
 *   <li>{@code dashboard:{day}:counters} — field → count ({@link CounterFields});</li>
 *   <li>{@code dashboard:{day}:records} — {@code call:<id>} / {@code sms:<id>} → the record's current
 *       {@link Contribution} (what to take back when the record changes);</li>
 *   <li>{@code dashboard:{day}:unique} — {@code <field> TAB <customer>} → how many records count that
 *       customer (the field counts the customer while it is above 0);</li>
 *   <li>{@code dashboard:{day}:version} — bumped on every change (the streams look at it);</li>
 *   <li>{@code dashboard:{day}:built} — set once the day was rebuilt from PostgreSQL.</li>
 * </ul>
 * Not per day: {@code dashboard:agents} (staff id → state TAB since, epoch ms) and {@code dashboard:live}
 * (call id → staff id, empty for a robot call no RM took yet).
 */
@ApplicationScoped
public class LiveCounters {

    static final String AGENTS = "dashboard:agents";
    static final String LIVE = "dashboard:live";
    private static final String SEPARATOR = "\t";

    /**
     * KEYS: counters, records, unique, version. ARGV: record field, new contribution, "1" = only when the
     * record is absent (a rebuild never overwrites what an event wrote), ttl seconds. Returns 1 when applied.
     */
    private static final String APPLY = """
            local old = redis.call('HGET', KEYS[2], ARGV[1])
            if old and ARGV[3] == '1' then return 0 end
            if not old then old = '' end
            if old == ARGV[2] then return 0 end
            local function each(text, sign)
              for line in string.gmatch(text, '[^\\n]+') do
                local kind, field, value = string.match(line, '^(%a)\\t([^\\t]*)\\t(.*)$')
                if kind == 'c' then
                  redis.call('HINCRBY', KEYS[1], field, sign * tonumber(value))
                elseif kind == 'u' then
                  local member = field .. '\\t' .. value
                  local n = redis.call('HINCRBY', KEYS[3], member, sign)
                  if sign > 0 and n == 1 then redis.call('HINCRBY', KEYS[1], field, 1) end
                  if sign < 0 and n <= 0 then
                    redis.call('HDEL', KEYS[3], member)
                    if n == 0 then redis.call('HINCRBY', KEYS[1], field, -1) end
                  end
                end
              end
            end
            each(old, -1)
            each(ARGV[2], 1)
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
            for i = 1, 4 do redis.call('EXPIRE', KEYS[i], ARGV[4]) end
            redis.call('INCR', KEYS[4])
            return 1""";

    /** What the dashboard reads from Redis for one day. */
    record Snapshot(LocalDate day, Map<String, Long> counters, Map<String, AgentNow> agents, Map<String, String> live,
                    long version) {
    }

    /** An RM's state as the last AgentStateChanged told it. */
    record AgentNow(String state, Instant since) {
    }

    private final RedisDataSource redis;
    private final HashCommands<String, String, String> hashes;
    private final ValueCommands<String, String> values;
    private final KeyCommands<String> keys;
    private final DashboardConfig config;

    public LiveCounters(RedisDataSource redis, DashboardConfig config) {
        this.redis = redis;
        this.config = config;
        this.hashes = redis.hash(String.class, String.class, String.class);
        this.values = redis.value(String.class, String.class);
        this.keys = redis.key(String.class);
    }

    static String key(LocalDate day, String what) {
        return "dashboard:{" + day + "}:" + what;
    }

    /** Applies a record's contribution (replacing what it contributed before); onlyIfAbsent for rebuilds. */
    boolean apply(LocalDate day, String record, Contribution contribution, boolean onlyIfAbsent) {
        long ttl = config.keyTtl().toSeconds();
        return redis.execute("EVAL", APPLY, "4", key(day, "counters"), key(day, "records"), key(day, "unique"),
                key(day, "version"), record, contribution.encoded(), onlyIfAbsent ? "1" : "0", Long.toString(ttl))
                .toLong() == 1;
    }

    /** A call still in progress (staffId empty: a robot call no RM took yet), or ended (removed). */
    void live(LocalDate today, String callId, String staffId, boolean inProgress) {
        if (inProgress) {
            hashes.hset(LIVE, callId, staffId == null ? "" : staffId);
        } else {
            hashes.hdel(LIVE, callId);
        }
        bump(today);
    }

    void agent(LocalDate today, String staffId, String state, Instant since) {
        hashes.hset(AGENTS, staffId, agentValue(state, since));
        bump(today);
    }

    private void bump(LocalDate today) {
        String version = key(today, "version");
        values.incr(version);
        keys.expire(version, config.keyTtl());
    }

    long version(LocalDate day) {
        String value = values.get(key(day, "version"));
        return value == null ? 0 : Long.parseLong(value);
    }

    Snapshot read(LocalDate day) {
        long version = version(day);
        Map<String, Long> counters = new HashMap<>();
        hashes.hgetall(key(day, "counters")).forEach((field, value) -> counters.put(field, Long.parseLong(value)));
        Map<String, AgentNow> agents = new HashMap<>();
        hashes.hgetall(AGENTS).forEach((staffId, value) -> agents.put(staffId, agentNow(value)));
        return new Snapshot(day, counters, agents, Map.copyOf(hashes.hgetall(LIVE)), version);
    }

    private static AgentNow agentNow(String value) {
        String[] parts = value.split(SEPARATOR, -1);
        Instant since = parts.length < 2 || parts[1].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(parts[1]));
        return new AgentNow(parts[0], since);
    }

    Map<String, Long> counters(LocalDate day) {
        Map<String, Long> counters = new HashMap<>();
        hashes.hgetall(key(day, "counters")).forEach((field, value) -> counters.put(field, Long.parseLong(value)));
        return counters;
    }

    boolean built(LocalDate day) {
        return keys.exists(key(day, "built"));
    }

    void markBuilt(LocalDate day, Instant at) {
        values.set(key(day, "built"), at.toString(), new SetArgs().ex(config.keyTtl()));
    }

    /** Forgets the day's counters (a rebuild follows). */
    void reset(LocalDate day) {
        keys.del(key(day, "counters"), key(day, "records"), key(day, "unique"), key(day, "built"));
        bump(day);
    }

    /** The calls in progress and the RMs' states, replaced as a whole (a rebuild). */
    void replaceLiveAndAgents(LocalDate today, Map<String, String> live, Map<String, String> agentStates) {
        keys.del(LIVE, AGENTS);
        if (!live.isEmpty()) {
            hashes.hset(LIVE, live);
        }
        if (!agentStates.isEmpty()) {
            hashes.hset(AGENTS, agentStates);
        }
        bump(today);
    }

    static String agentValue(String state, Instant since) {
        return state + SEPARATOR + (since == null ? "" : Long.toString(since.toEpochMilli()));
    }
}
