package com.bank.callcenter.books;

import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.EmbeddedServersTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Not a test: the first assignment of {@code benchmark.customers} (default 1,000,000) waiting ACTIVE LONG_TAIL
 * customers to 110 RMs in 20 branches through {@code POST /api/books/assign}, against the fastest single
 * set-based statement we could write for the same result (the customers' managers set and one APPLIED
 * book_change row per assignment). Some RMs already hold customers (0, 1,000, 2,000 or 3,000), one customer in
 * seven is attributed to the branch of their largest holdings, two branches have fewer places than customers,
 * and a few customers are not eligible (CLOSED, MASS).
 * <p>
 * The rule lets several answers be right (which customer goes to which of the branch's RMs is not part of it),
 * so both sides are checked equivalent, each round: the same number assigned, the same count per RM, every
 * customer with an RM of their attributed branch, no book over the capacity, the water level (within a branch
 * the RMs who received customers end within one of each other, those who received none hold at least as many,
 * and a branch with customers left over has every book full), one APPLIED book_change per assignment, and no
 * ineligible customer touched. Every round starts from the same state: the round's assignments are undone and
 * book_change emptied, then {@code vacuum analyze}, untimed. After one untimed warm-up of each side, the two
 * alternate {@code benchmark.rounds} times (default 3); it prints each round, the medians, the ratio, the
 * verdict (goal: service ≤ 2 × the statement) and the load average. {@code -Dbenchmark.explain=true} prints the
 * plans of both (in a transaction rolled back). Run with
 * {@code ./mvnw -Pbenchmark verify -Dtest=BookAssignmentBenchmark}.
 */
@QuarkusTest
class BookAssignmentBenchmark {

    private static final int DEFAULT_CUSTOMERS = 1_000_000;
    private static final int DEFAULT_ROUNDS = 3;
    private static final int RMS = 110;
    private static final int BRANCHES = 20;
    /** RM g already holds (g % 4) × this many customers, so the least-loaded come first. */
    private static final int PRELOAD_STEP = 1_000;
    /** One waiting-looking customer in this many is not eligible (half CLOSED, half MASS). */
    private static final int INELIGIBLE_EVERY = 40;
    private static final double GOAL_RATIO = 2.0;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final String USERNAME = "supervisor";

    /**
     * The limit: one statement, the writes the service makes and nothing else. Managers' loads from the
     * customer_manager index; the waiting customers numbered per branch in physical order (no order is part of
     * the rule); each RM's places are the book sizes it would reach (load + 1 … the capacity, cut at what the
     * branch can need), numbered per branch by (size, RM): customer n of a branch takes place n, which is water
     * filling. The customers are written back by ctid, in physical order.
     */
    static final String STATEMENT = """
            with manager as (
              select s.staff_id, s.branch_id,
                     (select count(*) from customer c where c.manager_id = s.staff_id) as load
              from staff s
              where s.active and s.role = 'REMOTE_MANAGER'),
            waiting as (
              select c.ctid as row_id, c.branch_id, row_number() over (partition by c.branch_id order by c.ctid) as n
              from customer c
              where c.manager_id is null and c.status = 'ACTIVE' and c.tier = 'LONG_TAIL'),
            demand as (
              select branch_id, count(*) as todo from waiting group by branch_id),
            place as (
              select m.branch_id, m.staff_id,
                     row_number() over (partition by m.branch_id order by g.size, m.staff_id) as n
              from manager m
              join demand d on d.branch_id = m.branch_id
              cross join lateral generate_series(m.load + 1, least(%1$d, m.load + d.todo)) g(size)),
            pick as (
              select w.row_id, p.staff_id from waiting w join place p on p.branch_id = w.branch_id and p.n = w.n
              order by w.row_id),
            assigned as (
              update customer c set manager_id = p.staff_id, updated_at = now()
              from pick p
              where c.ctid = p.row_id
              returning c.customer_id, c.manager_id)
            insert into book_change (customer_id, from_manager_id, to_manager_id, reason, state,
                                     requested_by, requested_at, decided_by, decided_at)
            select customer_id, null, manager_id, '%2$s', 'APPLIED', '%3$s', now(), '%3$s', now() from assigned""";

    @Inject
    CallCenterConfig config;

    @TestHTTPResource("/")
    URI base;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void firstAssignmentComparedWithOneStatement() throws Exception {
        int customers = Integer.getInteger("benchmark.customers", DEFAULT_CUSTOMERS);
        int rounds = Integer.getInteger("benchmark.rounds", DEFAULT_ROUNDS);
        int capacity = config.books().maxCustomersPerManager();
        String statement = STATEMENT.formatted(capacity, BookAssignment.REASON, USERNAME);
        System.out.printf("BENCHMARK machine: %d cores (available to the JVM), load average %s; settings: %,d waiting"
                        + " customers, %d RMs in %d branches, capacity %,d, %d rounds%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), customers, RMS, BRANCHES, capacity, rounds);

        load(customers);
        long waiting = Db.count("""
                select count(*) from customer where manager_id is null and status = 'ACTIVE' and tier = 'LONG_TAIL'""");
        Map<String, Long> booksBefore = books();

        // warm-up, untimed: both sides once, so the heap and the caches are as in every later round
        Result serviceResult = checked("warm-up service", service(), waiting, booksBefore, capacity);
        reset();
        Result statementResult = checked("warm-up statement", statement(statement), waiting, booksBefore, capacity);
        reset();

        List<Double> serviceSeconds = new ArrayList<>();
        List<Double> statementSeconds = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            Outcome byService = service();
            serviceSeconds.add((System.nanoTime() - start) / NANOS_PER_SECOND);
            serviceResult = checked("service round " + round, byService, waiting, booksBefore, capacity);
            reset();
            start = System.nanoTime();
            Outcome byStatement = statement(statement);
            statementSeconds.add((System.nanoTime() - start) / NANOS_PER_SECOND);
            statementResult = checked("statement round " + round, byStatement, waiting, booksBefore, capacity);
            reset();
            System.out.printf("BENCHMARK round %d: service %.3f s, statement %.3f s (load average %s)%n", round,
                    serviceSeconds.get(round - 1), statementSeconds.get(round - 1), loadAverage());
        }
        double service = median(serviceSeconds);
        double limit = median(statementSeconds);
        double ratio = service / limit;
        System.out.printf("BENCHMARK service   POST /api/books/assign: %,d assigned, %,d without a place: best %.3f s,"
                        + " median %.3f s%n", serviceResult.assigned(), waiting - serviceResult.assigned(),
                min(serviceSeconds), service);
        System.out.printf("BENCHMARK statement one UPDATE … RETURNING into INSERT book_change: %,d assigned: best %.3f s,"
                + " median %.3f s%n", statementResult.assigned(), min(statementSeconds), limit);
        System.out.printf("BENCHMARK ratio service/statement: best %.2f, median %.2f%n",
                min(serviceSeconds) / min(statementSeconds), ratio);
        System.out.printf("BENCHMARK goal service <= %.0f x statement (medians): %s%n", GOAL_RATIO,
                ratio <= GOAL_RATIO ? "MET" : "NOT MET");
        System.out.println("BENCHMARK load average (1, 5, 15 min): " + loadAverage());
        System.out.printf("BENCHMARK check: the same %,d assigned and the same count for each of %d RMs: %s%n",
                serviceResult.assigned(), serviceResult.perManager().size(),
                serviceResult.equals(statementResult));
        if (Boolean.getBoolean("benchmark.explain")) {
            explain(statement, capacity);
        }
        assertEquals(statementResult, serviceResult, "the same number assigned, the same count for each RM");
    }

    // --- data ----------------------------------------------------------------------------------------

    /**
     * 110 RMs, RM g in branch g % 20 (branches 11–19 and 0 have five, the others six); customer g's home branch
     * is g % 20, one in seven is attributed to branch g % 13 by their holdings, so branches 0–12 get more
     * customers (11 and 12 more than their five RMs can take).
     */
    private static void load(int customers) throws SQLException {
        assertEquals(0, Db.count("select count(*) from book_change"), "a fresh database: no book changes");
        assertEquals(0, Db.count("select count(*) from customer"), "a fresh database: no customers");
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(EmbeddedServersTestResource.jdbcUrl());
             Statement sql = connection.createStatement()) {
            sql.execute("""
                    insert into staff (staff_id, name, role, branch_id)
                    select 'BENCH-RM-' || lpad(g::text, 3, '0'), 'rm ' || g, 'REMOTE_MANAGER', 'BENCH-BR-' || (g %% %d)
                    from generate_series(1, %d) g""".formatted(BRANCHES, RMS));
            // the books the RMs already hold (no book_change rows: they came before the history)
            sql.execute("""
                    insert into customer (customer_id, name, mobile, home_branch_id, aum, tier, manager_id, as_of)
                    select 'BENCH-H-' || lpad(g::text, 3, '0') || '-' || lpad(k::text, 5, '0'), 'c', '13800000000',
                           'BENCH-BR-' || (g %% %d), 30000, 'LONG_TAIL', 'BENCH-RM-' || lpad(g::text, 3, '0'),
                           date '2026-11-20'
                    from generate_series(1, %d) g cross join lateral generate_series(1, (g %% 4) * %d) k"""
                    .formatted(BRANCHES, RMS, PRELOAD_STEP));
            sql.execute("""
                    insert into customer (customer_id, name, mobile, home_branch_id, holdings_branch_id, aum, tier,
                                          status, as_of)
                    select 'BENCH-C-' || lpad(g::text, 8, '0'), 'c', '13800000000', 'BENCH-BR-' || (g %% %1$d),
                           case when g %% 7 = 0 then 'BENCH-BR-' || (g %% 13) end,
                           case when g %% (2 * %2$d) = 1 then 5000 else 20000 end,
                           case when g %% (2 * %2$d) = 1 then 'MASS' else 'LONG_TAIL' end,
                           case when g %% (2 * %2$d) = %2$d + 1 then 'CLOSED' else 'ACTIVE' end,
                           date '2026-11-20'
                    from generate_series(1, %3$d + %3$d / (%2$d - 1)) g""".formatted(BRANCHES, INELIGIBLE_EVERY,
                    customers));
            sql.execute("vacuum analyze");
        }
        System.out.printf("BENCHMARK generated %,d customers (%,d of them waiting and eligible), %,d already in books,"
                        + " in %.1f s (load average %s)%n", Db.count("select count(*) from customer"),
                Db.count("select count(*) from customer where manager_id is null and status = 'ACTIVE' and tier = 'LONG_TAIL'"),
                Db.count("select count(*) from customer where manager_id is not null"),
                (System.nanoTime() - started) / NANOS_PER_SECOND, loadAverage());
    }

    /** Undoes a round: the assigned customers wait again, the history is emptied; untimed. */
    private static void reset() throws SQLException {
        try (Connection connection = DriverManager.getConnection(EmbeddedServersTestResource.jdbcUrl());
             Statement sql = connection.createStatement()) {
            sql.execute("""
                    update customer c set manager_id = null
                    from book_change b where b.customer_id = c.customer_id and b.reason = '%s'"""
                    .formatted(BookAssignment.REASON));
            sql.execute("truncate book_change");
            sql.execute("vacuum analyze customer, book_change");
        }
    }

    // --- the two sides -------------------------------------------------------------------------------

    private record Outcome(long assigned, Long unassigned) {
    }

    private record Result(long assigned, Map<String, Long> perManager) {
    }

    private Outcome service() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        base.resolve("/api/books/assign"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((USERNAME + ":" + USERNAME).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode outcome = json.readTree(response.body());
        return new Outcome(outcome.get("assigned").asLong(), outcome.get("unassigned").asLong());
    }

    private static Outcome statement(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(EmbeddedServersTestResource.jdbcUrl());
             Statement sql = connection.createStatement()) {
            return new Outcome(sql.executeUpdate(statement), null);
        }
    }

    // --- checks --------------------------------------------------------------------------------------

    /** What a side did, checked against the rule whatever the other side did. */
    private static Result checked(String side, Outcome outcome, long waiting, Map<String, Long> booksBefore,
                                  int capacity) {
        long recorded = Db.count("select count(*) from book_change");
        assertEquals(outcome.assigned(), recorded, side + ": one book_change per assignment");
        if (outcome.unassigned() != null) {
            assertEquals(waiting - outcome.assigned(), outcome.unassigned(), side + ": the unassigned are the rest");
        }
        assertEquals(0, Db.count("""
                select count(*) from book_change b left join customer c on c.customer_id = b.customer_id
                where c.customer_id is null or c.manager_id is distinct from b.to_manager_id
                   or b.from_manager_id is not null or b.state <> 'APPLIED' or b.reason <> ?
                   or b.requested_by <> ? or b.decided_by <> ? or b.decided_at is null
                   or c.status <> 'ACTIVE' or c.tier <> 'LONG_TAIL'""", BookAssignment.REASON, USERNAME, USERNAME),
                side + ": each change is an APPLIED one to the customer's new manager, of an eligible customer");
        assertEquals(0, Db.count("""
                select count(*) from customer c join staff s on s.staff_id = c.manager_id
                where c.branch_id <> s.branch_id"""), side + ": every customer with an RM of their branch");
        assertEquals(0, Db.count("""
                select count(*) from customer where manager_id is not null and (status <> 'ACTIVE' or tier <> 'LONG_TAIL')
                  and customer_id not like 'BENCH-H-%'"""), side + ": no ineligible customer assigned");
        Map<String, Long> books = books();
        for (Map.Entry<String, Long> book : books.entrySet()) {
            assertTrue(book.getValue() <= capacity, side + ": " + book.getKey() + " holds " + book.getValue());
            assertTrue(book.getValue() >= booksBefore.getOrDefault(book.getKey(), 0L), side + ": nobody lost customers");
        }
        // the water level, branch by branch
        assertEquals(0, Db.count("""
                with book as (
                  select s.staff_id, s.branch_id, count(c.customer_id) as size,
                         count(b.id) as received
                  from staff s
                  left join customer c on c.manager_id = s.staff_id
                  left join book_change b on b.customer_id = c.customer_id
                  where s.active and s.role = 'REMOTE_MANAGER'
                  group by s.staff_id, s.branch_id),
                branch as (
                  select branch_id, max(size) filter (where received > 0) as top,
                         min(size) filter (where received > 0) as bottom,
                         min(size) filter (where received = 0) as idle_bottom,
                         min(size) as smallest
                  from book group by branch_id),
                leftover as (
                  select distinct branch_id from customer
                  where manager_id is null and status = 'ACTIVE' and tier = 'LONG_TAIL')
                select count(*) from branch b
                where b.top - b.bottom > 1 or b.idle_bottom < b.bottom
                   or (b.branch_id in (select branch_id from leftover) and b.smallest < ?)""", capacity),
                side + ": least-loaded first, level within one, a branch with customers left over is full");
        Map<String, Long> perManager = new HashMap<>();
        for (Map<String, Object> row : Db.rows("select to_manager_id, count(*) as n from book_change group by 1")) {
            perManager.put((String) row.get("to_manager_id"), ((Number) row.get("n")).longValue());
        }
        return new Result(outcome.assigned(), perManager);
    }

    private static Map<String, Long> books() {
        Map<String, Long> books = new HashMap<>();
        for (Map<String, Object> row : Db.rows("""
                select manager_id, count(*) as n from customer where manager_id is not null group by 1""")) {
            books.put((String) row.get("manager_id"), ((Number) row.get("n")).longValue());
        }
        return books;
    }

    // --- profile -------------------------------------------------------------------------------------

    /** Both plans, each in a transaction that is rolled back. */
    private static void explain(String statement, int capacity) throws SQLException {
        plan("service", BookAssignment.ASSIGN.replace(":capacity", String.valueOf(capacity))
                .replace(":reason", "'" + BookAssignment.REASON + "'").replace(":username", "'" + USERNAME + "'"));
        plan("statement", statement);
    }

    private static void plan(String what, String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(EmbeddedServersTestResource.jdbcUrl())) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute("set local work_mem = '128MB'");
                try (ResultSet rows = sql.executeQuery("explain (analyze, buffers) " + statement)) {
                    while (rows.next()) {
                        System.out.println("PLAN " + what + ": " + rows.getString(1));
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        reset();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }
}
