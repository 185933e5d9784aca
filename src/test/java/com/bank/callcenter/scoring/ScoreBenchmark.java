package com.bank.callcenter.scoring;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.EmbeddedServersTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Not a test: 1,000 RMs ({@code benchmark.rms}) with books of {@code benchmark.customers-per-rm} customers
 * (default 500), and {@code benchmark.calls} call records (default 10,000,000) placed in October 2026, plus
 * {@code benchmark.sms} SMS (default 500,000), written set-based; then the period's scores through
 * {@code GET /api/scores?period=2026-10} (as ADMIN, every row) against the physical limit: the one SQL
 * aggregate that counts each RM's effective calls (RM-placed AGENT_CALL, answered, talk ≥ 15 s, at most one
 * per customer per Asia/Shanghai day). Both sides run against the same database, alternately
 * ({@code benchmark.rounds}, default 5, after one untimed warm-up each); it prints best and median of each,
 * the ratios and the goal's verdict (service ≤ 2 × the statement and < 15 s).
 * <p>
 * It asserts only that the results are right: one row per RM, and the service's CALLS measured values equal
 * the statement's counts RM by RM. {@code -Dbenchmark.explain=true} prints the plans of the service's call
 * count and of the statement. Run with {@code ./mvnw -Pbenchmark verify -Dtest=ScoreBenchmark}
 * ({@code -Dbenchmark.calls=200000} for a quick run).
 */
@QuarkusTest
class ScoreBenchmark {

    private static final int DEFAULT_RMS = 1_000;
    private static final int DEFAULT_CUSTOMERS_PER_RM = 500;
    private static final long DEFAULT_CALLS = 10_000_000;
    private static final long DEFAULT_SMS = 500_000;
    private static final int DEFAULT_ROUNDS = 5;
    private static final long CHUNK = 1_000_000;
    private static final int BRANCHES = 20;
    private static final String PERIOD = "2026-10";
    private static final String FROM = "2026-10-01 00:00:00+08";
    private static final String TO = "2026-11-01 00:00:00+08";
    private static final String ZONE = "Asia/Shanghai";
    private static final int EFFECTIVE_SECONDS = 15;
    private static final double GOAL_RATIO = 2.0;
    private static final double GOAL_SECONDS = 15.0;
    private static final double NANOS_PER_SECOND = 1e9;

    /**
     * The physical limit: effective calls per RM as one statement. A call is counted once per distinct
     * (RM, customer, Shanghai day) among the RM's own answered AGENT_CALLs of at least 15 s talk.
     */
    static final String PER_RM_STATEMENT = """
            select staff_id, count(*) from (
              select distinct staff_id, customer_id, cast(queued_at at time zone '%s' as date)
              from call_attempt
              where queued_at >= timestamptz '%s' and queued_at < timestamptz '%s'
                and staff_id is not null and kind = 'AGENT_CALL' and handed_off_at is null
                and answer_at is not null and talk_seconds >= %d) d
            group by staff_id""".formatted(ZONE, FROM, TO, EFFECTIVE_SECONDS);

    /** The weekdays of October 2026, numbered from 0: calls are placed on these, 09:00–20:00 Shanghai. */
    private static final String DAYS = """
            days as materialized (
              select (row_number() over (order by d) - 1)::int as n, d::date as day
              from generate_series(date '2026-10-01', date '2026-10-31', interval '1 day') d
              where extract(isodow from d) < 6)""";

    /**
     * Calls lo..hi of n, in the order they were placed (so the heap is in time order, as in production):
     * 8 % robot calls of a campaign (no RM), 4 % robot calls handed off to an RM (press 1), 88 % the RM's own
     * AGENT_CALLs; 60 % answered with talk 0–14 s (a quarter) or 15–300 s, the rest busy / no answer. The
     * customer is one of the RM's book, so the same customer is called again the same day now and then.
     */
    private static final String CALLS = """
            with %s,
            gen as materialized (
              select g, x.rm, x.j, x.r1, x.r2, x.r3,
                     (((d.day + time '09:00') + (pos - floor(pos)) * interval '11 hours') at time zone '%s') as at
              from (select g, (g - 1)::float8 * (select count(*) from days) / %d as pos,
                           floor(random() * %d)::int as rm, floor(random() * %d)::int as j,
                           random() as r1, random() as r2, random() as r3
                    from generate_series(%d, %d) g) x
              join days d on d.n = floor(x.pos)::int),
            calls as (
              select '00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0') as id,
                     'SB-C-' || lpad((j * %d + rm)::text, 8, '0') as customer_id,
                     case when r1 >= 0.08 then 'SB-RM-' || lpad((rm + 1)::text, 4, '0') end as staff_id,
                     case when r1 < 0.12 then 'ROBOT_CALL' else 'AGENT_CALL' end as kind,
                     case when r1 >= 0.08 and r1 < 0.12 then at + interval '40 seconds' end as handed_off_at,
                     r2 < 0.6 as answered,
                     case when r3 < 0.25 then floor(r3 / 0.25 * 15)::int else 15 + floor((r3 - 0.25) / 0.75 * 286)::int end
                       as talk,
                     r3, at
              from gen),
            contacts as (
              insert into contact_attempt (id, customer_id, channel, marketing, staff_id, created_at, sent)
              select id::uuid, customer_id, kind, true, staff_id, at, true from calls)
            insert into call_attempt (id, customer_id, staff_id, kind, state, outcome, queued_at, dial_at, answer_at,
                                      end_at, talk_seconds, handed_off_at)
            select id::uuid, customer_id, staff_id, kind,
                   case when answered then 'COMPLETED' else 'FAILED' end,
                   case when answered then 'ANSWERED' when r3 < 0.5 then 'NO_ANSWER' else 'BUSY' end,
                   at, at + interval '1 second',
                   case when answered then at + interval '8 seconds' end,
                   case when answered then at + interval '8 seconds' + talk * interval '1 second'
                        else at + interval '30 seconds' end,
                   case when answered then talk end,
                   handed_off_at
            from calls""";

    /** SMS lo..hi of n, sent by the RMs to the first tenth of their books (some twice a day): 92 % SENT. */
    private static final String SMS = """
            with %s,
            gen as materialized (
              select g, x.rm, x.j, x.r1,
                     (((d.day + time '09:00') + (pos - floor(pos)) * interval '11 hours') at time zone '%s') as at
              from (select g, (g - 1)::float8 * (select count(*) from days) / %d as pos,
                           floor(random() * %d)::int as rm, floor(random() * %d)::int as j, random() as r1
                    from generate_series(%d, %d) g) x
              join days d on d.n = floor(x.pos)::int),
            sms as (
              select '00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0') as id,
                     'SB-C-' || lpad((j * %d + rm)::text, 8, '0') as customer_id,
                     'SB-RM-' || lpad((rm + 1)::text, 4, '0') as staff_id, r1, at
              from gen),
            contacts as (
              insert into contact_attempt (id, customer_id, channel, marketing, staff_id, created_at, sent)
              select id::uuid, customer_id, 'SMS', true, staff_id, at, true from sms)
            insert into sms_message (id, customer_id, staff_id, template_id, body, state, created_at, sent_at)
            select id::uuid, customer_id, staff_id, 'maturity-reminder', '尊敬的客户，您的定期存款将于近日到期。',
                   case when r1 < 0.92 then 'SENT' else 'FAILED' end, at,
                   case when r1 < 0.92 then at + interval '2 seconds' end
            from sms""";

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    Measures measures;

    @Inject
    ContactCounting counting;

    @Inject
    PeriodScores scores;

    @Test
    void periodScoresComparedWithTheOneStatementCount() throws Exception {
        int rms = Integer.getInteger("benchmark.rms", DEFAULT_RMS);
        int perRm = Integer.getInteger("benchmark.customers-per-rm", DEFAULT_CUSTOMERS_PER_RM);
        long calls = Long.getLong("benchmark.calls", DEFAULT_CALLS);
        long sms = Long.getLong("benchmark.sms", DEFAULT_SMS);
        int rounds = Integer.getInteger("benchmark.rounds", DEFAULT_ROUNDS);
        System.out.printf("BENCHMARK machine: %d cores (available to the JVM), max heap %,d MB, load average %s;"
                        + " settings: %,d RMs, %,d customers each, %,d calls and %,d SMS in %s, %d rounds%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, loadAverage(),
                rms, perRm, calls, sms, PERIOD, rounds);

        load(rms, perRm, calls, sms);

        Map<String, Long> expected = statementCounts();
        Map<String, Long> measured = serviceCounts();
        List<Double> service = new ArrayList<>();
        List<Double> statement = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            measured = serviceCounts();
            service.add((System.nanoTime() - start) / NANOS_PER_SECOND);
            start = System.nanoTime();
            expected = statementCounts();
            statement.add((System.nanoTime() - start) / NANOS_PER_SECOND);
            System.out.printf("BENCHMARK round %d: service %.3f s, statement %.3f s (load average %s)%n", round,
                    service.get(round - 1), statement.get(round - 1), loadAverage());
        }
        double serviceBest = Collections.min(service);
        double statementBest = Collections.min(statement);
        double serviceMedian = median(service);
        double statementMedian = median(statement);
        long effective = expected.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("BENCHMARK service   GET /api/scores?period=%s (%,d rows, JSON): best %.3f s, median %.3f s%n",
                PERIOD, measured.size(), serviceBest, serviceMedian);
        System.out.printf("BENCHMARK statement effective calls per RM (%,d RMs, %,d effective calls): best %.3f s,"
                + " median %.3f s%n", expected.size(), effective, statementBest, statementMedian);
        double ratio = serviceMedian / statementMedian;
        System.out.printf("BENCHMARK ratio service/statement: best %.2f, median %.2f%n", serviceBest / statementBest,
                ratio);
        System.out.printf("BENCHMARK goal service <= %.0f x statement and < %.0f s (medians): %s%n", GOAL_RATIO,
                GOAL_SECONDS, ratio <= GOAL_RATIO && serviceMedian < GOAL_SECONDS ? "MET" : "NOT MET");
        explainOneRm(measured);
        if (Boolean.getBoolean("benchmark.explain")) {
            explain();
        }

        // the count per RM agrees with the rule applied to every record (what GET /api/scores/{period}/{staffId} lists)
        Map<String, Long> byRecord = counts(("select staff_id, count(*) from (" + ContactCounting.CALLS + ") c"
                + " where rule is null group by staff_id").replace("?1", "'" + ZONE + "'")
                .replace("?2", "timestamptz '" + FROM + "'").replace("?3", "timestamptz '" + TO + "'")
                .replace("?4", String.valueOf(EFFECTIVE_SECONDS)).replace("?5", "null"));
        System.out.printf("BENCHMARK check: %,d RMs scored, CALLS measured = the statement's count for each, = the"
                + " records counted by the per-record rule: %s%n", measured.size(), byRecord.equals(expected));
        assertEquals(expected, byRecord, "the per-record rule counts the same calls");
        assertEquals(rms, measured.size(), "one row per active RM");
        for (Map.Entry<String, Long> rm : measured.entrySet()) {
            assertEquals(expected.getOrDefault(rm.getKey(), 0L), rm.getValue(), "effective calls of " + rm.getKey());
        }
        assertTrue(effective > 0, "some calls are effective");
    }

    // --- data ----------------------------------------------------------------------------------------

    private void load(int rms, int perRm, long calls, long sms) throws SQLException {
        long rmsBefore = Db.count("select count(*) from staff where role = 'REMOTE_MANAGER' and active");
        assertEquals(0, rmsBefore, "a fresh database: no other active RM");
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(EmbeddedServersTestResource.jdbcUrl());
             Statement sql = connection.createStatement()) {
            sql.execute("""
                    insert into staff (staff_id, name, role, branch_id)
                    select 'SB-RM-' || lpad(g::text, 4, '0'), 'RM ' || g, 'REMOTE_MANAGER',
                           'SB-BR-' || lpad((g %% %d)::text, 2, '0')
                    from generate_series(1, %d) g""".formatted(BRANCHES, rms));
            // customer k is in the book of RM k % rms + 1; a third moved up a tier in October, all gained assets
            sql.execute("""
                    insert into customer (customer_id, name, mobile, home_branch_id, aum, tier, manager_id, as_of)
                    select 'SB-C-' || lpad(k::text, 8, '0'), '客户' || k, '138' || lpad(k::text, 8, '0'),
                           'SB-BR-' || lpad(((k %% %1$d + 1) %% %2$d)::text, 2, '0'), 20000 + k %% 1000, 'LONG_TAIL',
                           'SB-RM-' || lpad((k %% %1$d + 1)::text, 4, '0'), date '2026-10-31'
                    from generate_series(0, %3$d - 1) k""".formatted(rms, BRANCHES, rms * perRm));
            sql.execute("""
                    insert into customer_snapshot (as_of, customer_id, aum, tier)
                    select date '2026-09-30', customer_id, aum - 500, 'LONG_TAIL' from customer where customer_id like 'SB-C-%'
                    union all
                    select date '2026-10-31', customer_id, aum,
                           case when right(customer_id, 1) in ('0', '3', '6') then 'MID_HIGH' else 'LONG_TAIL' end
                    from customer where customer_id like 'SB-C-%'""");
            System.out.printf("BENCHMARK generated %,d RMs, %,d customers and their snapshots in %.1f s%n", rms,
                    rms * perRm, (System.nanoTime() - started) / NANOS_PER_SECOND);

            // the load itself: indexes built once afterwards and no per-row FK checks (the data is valid by
            // construction); the same indexes as the migrations made, recreated from their definitions
            long loadStart = System.nanoTime();
            List<String> indexes = dropSecondaryIndexes(sql, "contact_attempt", "call_attempt", "sms_message");
            sql.execute("set session_replication_role = replica");
            sql.execute("select setseed(0.42)");
            for (long lo = 1; lo <= calls; lo += CHUNK) {
                long hi = Math.min(calls, lo + CHUNK - 1);
                sql.execute(CALLS.formatted(DAYS, ZONE, calls, rms, perRm, lo, hi, rms));
                System.out.printf("BENCHMARK   calls %,d..%,d written (%.0f s)%n", lo, hi,
                        (System.nanoTime() - loadStart) / NANOS_PER_SECOND);
            }
            for (long lo = 1; lo <= sms; lo += CHUNK) {
                long hi = Math.min(sms, lo + CHUNK - 1);
                sql.execute(SMS.formatted(DAYS, ZONE, sms, rms, Math.max(1, perRm / 10), lo, hi, rms));
            }
            sql.execute("set session_replication_role = origin");
            double written = (System.nanoTime() - loadStart) / NANOS_PER_SECOND;
            long indexStart = System.nanoTime();
            for (String index : indexes) {
                sql.execute(index);
            }
            double indexed = (System.nanoTime() - indexStart) / NANOS_PER_SECOND;
            long analyzeStart = System.nanoTime();
            sql.execute("vacuum analyze");
            System.out.printf("BENCHMARK wrote %,d calls and %,d SMS (with their contact attempts) in %.1f s, built %d"
                            + " indexes in %.1f s, vacuum analyze %.1f s; call_attempt %s, contact_attempt %s%n",
                    calls, sms, written, indexes.size(), indexed, (System.nanoTime() - analyzeStart) / NANOS_PER_SECOND,
                    size(sql, "call_attempt"), size(sql, "contact_attempt"));
        }
        System.out.printf("BENCHMARK data generated in %.1f s (load average %s)%n",
                (System.nanoTime() - started) / NANOS_PER_SECOND, loadAverage());
    }

    private static List<String> dropSecondaryIndexes(Statement sql, String... tables) throws SQLException {
        List<String> definitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("""
                select i.indexname, i.indexdef from pg_indexes i
                where i.schemaname = current_schema() and i.tablename in ('%s')
                  and not exists (select 1 from pg_constraint c where c.conname = i.indexname)"""
                .formatted(String.join("', '", tables)))) {
            while (rows.next()) {
                names.add(rows.getString(1));
                definitions.add(rows.getString(2));
            }
        }
        for (String name : names) {
            sql.execute("drop index " + name);
        }
        return definitions;
    }

    private static String size(Statement sql, String table) throws SQLException {
        try (ResultSet rows = sql.executeQuery("select pg_size_pretty(pg_table_size('" + table + "')) || ' + indexes '"
                + " || pg_size_pretty(pg_indexes_size('" + table + "'))")) {
            rows.next();
            return rows.getString(1);
        }
    }

    // --- the two sides -------------------------------------------------------------------------------

    /** The service: every RM's row as ADMIN; CALLS' measured value per RM. */
    private Map<String, Long> serviceCounts() throws Exception {
        String body = Api.admin().queryParam("period", PERIOD).when().get("/api/scores")
                .then().statusCode(200).extract().asString();
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode row : json.readTree(body)) {
            for (JsonNode indicator : row.get("indicators")) {
                if (Indicator.CALLS.name().equals(indicator.get("code").asText())) {
                    counts.put(row.get("staffId").asText(), indicator.get("measured").asLong());
                }
            }
        }
        return counts;
    }

    /**
     * What a supervisor's click on one row costs: GET /api/scores/{period}/{staffId} (the row and the
     * records behind it, measured for that RM alone), for the RM with the most effective calls.
     */
    private void explainOneRm(Map<String, Long> measured) throws Exception {
        String busiest = Collections.max(measured.entrySet(), Map.Entry.comparingByValue()).getKey();
        List<Double> times = new ArrayList<>();
        JsonNode row = null;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            String body = Api.admin().when().get("/api/scores/{period}/{staffId}", PERIOD, busiest)
                    .then().statusCode(200).extract().asString();
            times.add((System.nanoTime() - start) / NANOS_PER_SECOND);
            row = json.readTree(body);
        }
        long calls = 0;
        for (JsonNode indicator : row.get("indicators")) {
            if (Indicator.CALLS.name().equals(indicator.get("code").asText())) {
                calls = indicator.get("measured").asLong();
            }
        }
        System.out.printf("BENCHMARK service   GET /api/scores/%s/%s (one RM, %,d effective calls, %,d records):"
                        + " median of 3 %.3f s (load average %s)%n", PERIOD, busiest, calls,
                row.get("records").get("CALLS").get("counted").size()
                        + row.get("records").get("CALLS").get("notCounted").size(), median(times), loadAverage());
        assertEquals(measured.get(busiest), calls, "the explanation's count = the list's");
    }

    private static Map<String, Long> statementCounts() throws SQLException {
        return counts(PER_RM_STATEMENT);
    }

    private static Map<String, Long> counts(String statement) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(EmbeddedServersTestResource.jdbcUrl());
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery(statement)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    /** Where the service's time goes: each part of the measures timed through the beans, and the plans. */
    private void explain() throws SQLException {
        LocalDate first = LocalDate.of(2026, 10, 1);
        LocalDate end = LocalDate.of(2026, 10, 31);
        Instant from = first.atStartOfDay(ZoneId.of(ZONE)).toInstant();
        Instant to = end.plusDays(1).atStartOfDay(ZoneId.of(ZONE)).toInstant();
        timed("Measures.of (every quantitative indicator)", () -> measures.of(first, end));
        timed("ContactCounting.effectiveCalls", () -> counting.effectiveCalls(from, to));
        timed("ContactCounting.countedSms", () -> counting.countedSms(from, to));
        timed("PeriodScores.rows (everything but HTTP and JSON)", () -> scores.rows(YearMonth.of(2026, 10)));
        String zone = "'" + ZONE + "'";
        String fromLiteral = "timestamptz '" + FROM + "'";
        String toLiteral = "timestamptz '" + TO + "'";
        plan("service calls", ContactCounting.CALLS_PER_RM.replace("?1", zone).replace("?2", fromLiteral)
                .replace("?3", toLiteral).replace("?4", String.valueOf(EFFECTIVE_SECONDS)).replace("?5", "null"));
        plan("service sms", ContactCounting.SMS_PER_RM.replace("?1", zone).replace("?2", fromLiteral)
                .replace("?3", toLiteral).replace("?4", "null"));
        plan("service book moves", ("select manager_id, count(*) filter (where developed),"
                + " sum(end_aum - coalesce(start_aum, 0)) from (" + Measures.BOOK_MOVES + ") m group by manager_id")
                .replace("?1", "date '2026-10-01'").replace("?2", "date '2026-10-31'").replace("?3", "null"));
        plan("statement", PER_RM_STATEMENT);
    }

    private static void timed(String what, Runnable work) {
        long start = System.nanoTime();
        QuarkusTransaction.requiringNew().run(work);
        System.out.printf("BENCHMARK profile %s: %.3f s%n", what, (System.nanoTime() - start) / NANOS_PER_SECOND);
    }

    private static void plan(String what, String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(EmbeddedServersTestResource.jdbcUrl());
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("explain (analyze, buffers) " + statement)) {
            while (rows.next()) {
                System.out.println("PLAN " + what + ": " + rows.getString(1));
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }
}
