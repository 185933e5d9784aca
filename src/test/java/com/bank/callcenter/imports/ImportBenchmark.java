package com.bank.callcenter.imports;

import com.bank.callcenter.demo.DemoDataGenerator;
import com.bank.callcenter.demo.DemoDataGenerator.Options;
import com.bank.callcenter.demo.DemoExtracts;
import com.bank.callcenter.support.EmbeddedServersTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Not a test: measures one import kind through the HTTP API against PostgreSQL's own COPY of the
 * very same file into an equivalent durable table (the file's columns, the service table's primary
 * key). Run with {@code ./mvnw -Pbenchmark verify -Dtest=ImportBenchmark}
 * ({@code -Dbenchmark.kind=customers|holdings|transfers|staff|dnc|sales|penetration}, default
 * customers; {@code -Dbenchmark.rows=N} the file's size; {@code -Dbenchmark.rounds=N} alternate
 * rounds, default 3). Before each service round the kind's tables are emptied (untimed), so every
 * round is the same first load the COPY does; {@code -Dbenchmark.day-after=true} imports the file the
 * day before first (untimed) and times the daily import. Prints lines starting with BENCHMARK; the only
 * assertions are about correctness: every row accepted and copied, and every row of the service's
 * table equal to the copied row (all columns compared).
 */
@QuarkusTest
@TestProfile(ImportBenchmark.ProductionLogins.class)
class ImportBenchmark {

    /**
     * Logins as in production: without the demo mode an imported staff member's login gets no
     * password (the demo mode hashes one per new login, which a staff import would be timed with).
     */
    public static class ProductionLogins implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("callcenter.demo.enabled", "false", "callcenter.security.admin-password", "admin");
        }
    }

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    /**
     * {@code -Dbenchmark.day-after=true}: the tables already hold the same file imported the day
     * before (untimed), so the timed import is the daily one (every row known, nothing to change, a new
     * snapshot day) instead of a first load into empty tables.
     */
    private static final boolean DAY_AFTER = Boolean.getBoolean("benchmark.day-after");
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(30);
    private static final String COPY_TABLE = "benchmark_import_copy";
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double GOAL = 0.5;
    private static final int DEFAULT_ROUNDS = 3;
    /** Customers and staff written straight into the tables for the kinds that refer to them. */
    private static final String BASE_CUSTOMER = "BC";
    private static final String BASE_STAFF = "BSX";
    private static final int BASE_STAFF_COUNT = 200;
    private static final long SEED = 16;
    private static final String DEADLOCK = "40P01";
    private static final int CLEAR_ATTEMPTS = 5;
    private static final int FLOOR_REQUESTS = 5;

    @TestHTTPResource("/api/imports")
    URL importsUrl;

    /** One import kind: its file, the equivalent table, what to empty and how to compare. */
    private record Kind(ImportKind kind, int defaultRows, String copyColumns, List<String> clear, String equalRows) {
    }

    @Test
    void importThroughTheServiceComparedWithCopy() throws Exception {
        ImportKind importKind = ImportKind.valueOf(System.getProperty("benchmark.kind", "customers")
                .toUpperCase(Locale.ROOT));
        Kind kind = kind(importKind);
        int requestedRows = Integer.getInteger("benchmark.rows", kind.defaultRows());
        int rounds = Integer.getInteger("benchmark.rounds", DEFAULT_ROUNDS);
        Path dir = Files.createTempDirectory("import-benchmark");
        long generationStarted = System.nanoTime();
        Path file;
        long rows;
        try (Connection connection = connect()) {
            Prepared prepared = prepare(importKind, requestedRows, dir, connection);
            file = prepared.file();
            rows = prepared.rows();
        }
        System.out.printf("BENCHMARK %s: %,d rows (%,d bytes) ready in %.2f s, load %s%n", importKind.pathName(),
                rows, Files.size(file), seconds(System.nanoTime() - generationStarted), load());

        List<Double> serviceSeconds = new ArrayList<>();
        List<Double> copySeconds = new ArrayList<>();
        long copied = 0;
        try (Connection connection = connect()) {
            for (int round = 1; round <= rounds; round++) {
                clear(connection, kind.clear());
                if (DAY_AFTER) {
                    HttpResponse<String> dayBefore = post(importKind, file, AS_OF.minusDays(1));
                    assertEquals(200, dayBefore.statusCode(), () -> abbreviate(dayBefore.body()));
                    execute(connection, List.of("vacuum analyze"));
                }
                execute(connection, List.of("checkpoint"));
                String loadBefore = load();
                long serviceStarted = System.nanoTime();
                HttpResponse<String> response = post(importKind, file);
                double service = seconds(System.nanoTime() - serviceStarted);
                assertEquals(200, response.statusCode(), () -> abbreviate(response.body()));
                JsonNode result = new ObjectMapper().readTree(response.body());
                assertEquals(rows, result.get("accepted").asLong());
                assertEquals(0, result.get("rejected").asLong());
                serviceSeconds.add(service);

                execute(connection, List.of("drop table if exists " + COPY_TABLE,
                        "create table " + COPY_TABLE + " (" + kind.copyColumns() + ")", "checkpoint"));
                long copyStarted = System.nanoTime();
                try (InputStream body = Files.newInputStream(file)) {
                    copied = connection.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("COPY " + COPY_TABLE + " FROM STDIN (FORMAT csv, HEADER true)", body);
                }
                double copy = seconds(System.nanoTime() - copyStarted);
                copySeconds.add(copy);
                System.out.printf("BENCHMARK round %d: service %.2f s (%,.0f rows/s), COPY %.2f s (%,.0f rows/s),"
                                + " ratio %.2f; load before %s, after %s%n", round, service, rows / service, copy,
                        copied / copy, copy / service, loadBefore, load());
            }
            assertEquals(rows, copied);
            // the daily import leaves unchanged rows as they were: their as_of stays the day before
            long equal = count(connection, DAY_AFTER
                    ? kind.equalRows().replace("c.as_of = '" + AS_OF + "'", "c.as_of <= '" + AS_OF + "'")
                    : kind.equalRows());
            System.out.printf("BENCHMARK check: %,d of %,d rows in the service's tables equal the copied rows%n",
                    equal, rows);
            assertEquals(rows, equal, "rows of the service's tables that equal the copied file");
            if (importKind == ImportKind.HOLDINGS) {
                checkBranchAttribution(connection);
            }
            execute(connection, List.of("drop table " + COPY_TABLE));
        }

        double floor = authenticatedRequestFloor();
        System.out.printf("BENCHMARK floor: GET /api/users/me as the same ADMIN (Basic credentials checked by bcrypt,"
                + " nothing imported) median of %d: %.3f s, load %s%n", FLOOR_REQUESTS, floor, load());

        double service = median(serviceSeconds);
        double copy = median(copySeconds);
        double ratio = copy / service;
        System.out.printf("BENCHMARK service  POST /api/imports/%s: %,d rows, median of %d %.2f s = %,.0f rows/s"
                        + " (rounds %s)%n", importKind.pathName(), rows, rounds, service, rows / service,
                format(serviceSeconds));
        System.out.printf("BENCHMARK postgres COPY ... FROM STDIN (csv) into an equivalent table: median %.2f s"
                + " = %,.0f rows/s (rounds %s)%n", copy, rows / copy, format(copySeconds));
        System.out.printf("BENCHMARK ratio service/COPY = %.2f (goal >= %.1f): %s; load %s%n", ratio, GOAL,
                ratio >= GOAL ? "MET" : "NOT MET", load());
    }

    /**
     * Every customer's attributed branch, computed afresh from the copied file: the branch holding the
     * largest total, the home branch on a tie or without holdings.
     */
    private static void checkBranchAttribution(Connection connection) throws Exception {
        long customers = count(connection, "select count(*) from customer");
        long attributed = count(connection, """
                with totals as (
                    select customer_id, branch_id, sum(amount) as total from %s group by customer_id, branch_id),
                ranked as (
                    select customer_id, branch_id, total, max(total) over (partition by customer_id) as top from totals),
                winners as (
                    select customer_id, case when count(*) filter (where total = top) = 1
                                             then max(branch_id) filter (where total = top) end as branch_id
                    from ranked group by customer_id)
                select count(*) from customer c left join winners w on w.customer_id = c.customer_id
                where c.branch_id = coalesce(w.branch_id, c.home_branch_id)""".formatted(COPY_TABLE));
        long elsewhere = count(connection, "select count(*) from customer where branch_id <> home_branch_id");
        System.out.printf("BENCHMARK check: %,d of %,d customers attributed to the branch the copied file gives"
                + " (%,d of them away from their home branch)%n", attributed, customers, elsewhere);
        assertEquals(customers, attributed, "customers attributed to the branch with their largest holdings");
    }

    // --- the kinds ---------------------------------------------------------------------------

    private static Kind kind(ImportKind kind) {
        return switch (kind) {
            case CUSTOMERS -> new Kind(kind, 1_000_000, """
                    customer_id text primary key, name text not null, mobile varchar(11),
                    home_branch_id text not null, aum numeric(18, 2) not null, payroll boolean not null,
                    status text not null""",
                    List.of("truncate customer, customer_snapshot cascade"), """
                    select count(*) from %s b
                    join customer c on c.customer_id = b.customer_id and c.name = b.name
                         and c.mobile is not distinct from b.mobile and c.home_branch_id = b.home_branch_id
                         and c.aum = b.aum and c.payroll = b.payroll and c.status = b.status and c.as_of = '%s'
                    join customer_snapshot s on s.customer_id = b.customer_id and s.as_of = '%2$s' and s.aum = b.aum
                         and s.tier = c.tier""".formatted(COPY_TABLE, AS_OF));
            case HOLDINGS -> new Kind(kind, 3_000_000, """
                    holding_id text primary key, customer_id text not null, branch_id text not null,
                    product_type text not null, amount numeric(18, 2) not null, maturity_date date""",
                    List.of("truncate holding cascade",
                            "update customer set holdings_branch_id = null where holdings_branch_id is not null"), """
                    select count(*) from %s b join holding h on h.holding_id = b.holding_id
                         and h.customer_id = b.customer_id and h.branch_id = b.branch_id
                         and h.product_type = b.product_type and h.amount = b.amount
                         and h.maturity_date is not distinct from b.maturity_date and h.as_of = '%s'
                    """.formatted(COPY_TABLE, AS_OF));
            case TRANSFERS -> new Kind(kind, 1_000_000, """
                    transfer_id text primary key, customer_id text not null, occurred_at timestamptz not null,
                    amount numeric(18, 2) not null, direction text not null, counterparty_bank text,
                    same_name boolean not null""",
                    List.of("truncate transfer cascade"), """
                    select count(*) from %s b join transfer t on t.transfer_id = b.transfer_id
                         and t.customer_id = b.customer_id and t.occurred_at = b.occurred_at and t.amount = b.amount
                         and t.direction = b.direction and t.counterparty_bank is not distinct from b.counterparty_bank
                         and t.same_name = b.same_name and t.as_of = '%s'""".formatted(COPY_TABLE, AS_OF));
            case SALES -> new Kind(kind, 1_000_000, """
                    sale_id text primary key, customer_id text not null, staff_id text not null,
                    product_code varchar(64) not null, product_type text not null, amount numeric(18, 2) not null,
                    sold_on date not null""",
                    List.of("truncate sale cascade"), """
                    select count(*) from %s b join sale s on s.sale_id = b.sale_id and s.customer_id = b.customer_id
                         and s.staff_id = b.staff_id and s.product_code = b.product_code
                         and s.product_type = b.product_type and s.amount = b.amount and s.sold_on = b.sold_on
                         and s.as_of = '%s'""".formatted(COPY_TABLE, AS_OF));
            case PENETRATION -> new Kind(kind, 1_000_000, """
                    customer_id text not null, product text not null, acquired_on date not null,
                    primary key (customer_id, product)""",
                    List.of("truncate penetration cascade"), """
                    select count(*) from %s b join penetration p on p.customer_id = b.customer_id
                         and p.product = b.product and p.acquired_on = b.acquired_on and p.as_of = '%s'
                    """.formatted(COPY_TABLE, AS_OF));
            case DNC -> new Kind(kind, 200_000, "mobile varchar(11) primary key, reason text",
                    List.of("truncate do_not_call"), """
                    select count(*) from %s b join do_not_call d on d.mobile = b.mobile
                         and d.reason is not distinct from b.reason and d.source = 'BANK_LIST'""".formatted(COPY_TABLE));
            case STAFF -> new Kind(kind, 2_000, """
                    staff_id text primary key, name text not null, role text not null, branch_id text not null,
                    extension text""",
                    List.of("delete from app_user where staff_id like 'BF%'",
                            "delete from staff where staff_id like 'BF%'"), """
                    select count(*) from %s b join staff s on s.staff_id = b.staff_id and s.name = b.name
                         and s.role = b.role and s.branch_id = b.branch_id
                         and s.extension is not distinct from b.extension and s.active
                    join app_user u on u.username = b.staff_id and u.staff_id = b.staff_id""".formatted(COPY_TABLE));
        };
    }

    private record Prepared(Path file, long rows) {
    }

    /** Writes the file and whatever it refers to (customers, staff), untimed. */
    private Prepared prepare(ImportKind kind, int rows, Path dir, Connection connection) throws Exception {
        if (kind == ImportKind.CUSTOMERS || kind == ImportKind.HOLDINGS) {
            int customers = kind == ImportKind.CUSTOMERS ? rows : rows / 3;
            DemoExtracts extracts = DemoDataGenerator.generate(Options.defaults(AS_OF).withCustomers(customers), dir,
                    kind == ImportKind.CUSTOMERS ? EnumSet.of(ImportKind.CUSTOMERS)
                            : EnumSet.of(ImportKind.CUSTOMERS, ImportKind.HOLDINGS));
            if (kind == ImportKind.HOLDINGS) {
                HttpResponse<String> customersLoaded = post(ImportKind.CUSTOMERS, extracts.file(ImportKind.CUSTOMERS));
                assertEquals(200, customersLoaded.statusCode(), () -> abbreviate(customersLoaded.body()));
            }
            return new Prepared(extracts.file(kind), extracts.rows(kind));
        }
        int customers = kind == ImportKind.PENETRATION ? rows / PenetrationExtract.Product.values().length
                : Math.max(1, rows / 5);
        execute(connection, List.of("""
                insert into customer (customer_id, name, home_branch_id, aum, tier, as_of)
                select '%s' || lpad(i::text, 8, '0'), 'benchmark ' || i, 'BR001', 1000, 'MASS', '%s'
                from generate_series(0, %d) i on conflict do nothing""".formatted(BASE_CUSTOMER, AS_OF, customers - 1),
                """
                insert into staff (staff_id, name, role, branch_id)
                select '%s' || lpad(i::text, 4, '0'), 'benchmark ' || i, 'REMOTE_MANAGER', 'BR001'
                from generate_series(0, %d) i on conflict do nothing""".formatted(BASE_STAFF, BASE_STAFF_COUNT - 1),
                "analyze customer", "analyze staff"));
        Path file = dir.resolve(DemoDataGenerator.fileName(kind));
        SplittableRandom random = new SplittableRandom(SEED);
        long written = 0;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            switch (kind) {
                case TRANSFERS -> {
                    out.write(DemoDataGenerator.TRANSFERS_HEADER + "\n");
                    for (int i = 0; i < rows; i++, written++) {
                        out.write("T" + i + "," + customer(random.nextInt(customers)) + ",2026-11-"
                                + (10 + random.nextInt(13)) + "T" + (10 + random.nextInt(12)) + ":"
                                + (10 + random.nextInt(50)) + ":00+08:00," + cents(random) + ","
                                + (random.nextBoolean() ? "OUT" : "IN") + "," + (random.nextInt(4) == 0 ? "" : "招商银行")
                                + "," + random.nextBoolean() + "\n");
                    }
                }
                case SALES -> {
                    out.write("sale_id,customer_id,staff_id,product_code,product_type,amount,sold_on\n");
                    for (int i = 0; i < rows; i++, written++) {
                        out.write("S" + i + "," + customer(random.nextInt(customers)) + "," + BASE_STAFF
                                + String.format("%04d", random.nextInt(BASE_STAFF_COUNT)) + ",P-" + random.nextInt(500)
                                + "," + HoldingsExtract.ProductType.values()[random.nextInt(6)] + ","
                                + cents(random) + ",2026-11-" + (10 + random.nextInt(13)) + "\n");
                    }
                }
                case PENETRATION -> {
                    out.write("customer_id,product,acquired_on\n");
                    for (int c = 0; c < customers; c++) {
                        for (PenetrationExtract.Product product : PenetrationExtract.Product.values()) {
                            out.write(customer(c) + "," + product + ",2026-" + (10 + random.nextInt(3)) + "-"
                                    + (10 + random.nextInt(19)) + "\n");
                            written++;
                        }
                    }
                }
                case DNC -> {
                    out.write(DemoDataGenerator.DNC_HEADER + "\n");
                    for (int i = 0; i < rows; i++, written++) {
                        out.write("139" + String.format("%08d", i) + "," + (i % 3 == 0 ? "" : "客户要求不再来电") + "\n");
                    }
                }
                case STAFF -> {
                    out.write(DemoDataGenerator.STAFF_HEADER + "\n");
                    for (int i = 0; i < rows; i++, written++) {
                        out.write("BF" + String.format("%05d", i) + ",员工" + i + ","
                                + (i % 20 == 0 ? "SUPERVISOR" : "REMOTE_MANAGER") + ",BR00" + (1 + i % 5) + ","
                                + (20000 + i) + "\n");
                    }
                }
                default -> throw new IllegalStateException("no generator for " + kind);
            }
        }
        return new Prepared(file, written);
    }

    private static String customer(int number) {
        return BASE_CUSTOMER + String.format("%08d", number);
    }

    private static String cents(SplittableRandom random) {
        return random.nextInt(1_000_000) + "." + String.format("%02d", random.nextInt(100));
    }

    // --- helpers -----------------------------------------------------------------------------

    private HttpResponse<String> post(ImportKind kind, Path file) throws Exception {
        return post(kind, file, AS_OF);
    }

    /**
     * What every request of the benchmark pays before any row is read: an authenticated request that
     * does nothing (the Basic credentials are checked by bcrypt on each request). Small files are
     * measured against it.
     */
    private double authenticatedRequestFloor() throws Exception {
        String credentials = Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI me = URI.create(importsUrl.toString().replace("/api/imports", "/api/users/me"));
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < FLOOR_REQUESTS; i++) {
            HttpRequest request = HttpRequest.newBuilder(me).header("Authorization", "Basic " + credentials)
                    .header("Accept", "application/json").GET().build();
            long started = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            seconds.add(seconds(System.nanoTime() - started));
            assertEquals(200, response.statusCode(), response::body);
        }
        return median(seconds);
    }

    private HttpResponse<String> post(ImportKind kind, Path file, LocalDate asOf) throws Exception {
        String credentials = Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(importsUrl + "/" + kind.pathName() + "?asOf=" + asOf))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "text/csv; charset=UTF-8")
                .header("Accept", "application/json")
                .timeout(IMPORT_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Connection connect() throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(EmbeddedServersTestResource.jdbcUrl());
        return dataSource.getConnection();
    }

    private static void execute(Connection connection, List<String> statements) throws Exception {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /**
     * Empties the kind's tables; the truncate cascades over tables the service's background jobs read,
     * so it may lose a deadlock to one of them: then it is tried again.
     */
    private static void clear(Connection connection, List<String> statements) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                execute(connection, statements);
                return;
            } catch (java.sql.SQLException e) {
                if (!DEADLOCK.equals(e.getSQLState()) || attempt == CLEAR_ATTEMPTS) {
                    throw e;
                }
                System.out.printf("BENCHMARK clearing the tables lost a deadlock (attempt %d), again%n", attempt);
            }
        }
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "n/a";
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String format(List<Double> values) {
        return values.stream().map(value -> String.format("%.2f", value)).toList().toString();
    }

    private static double seconds(long nanos) {
        return nanos / NANOS_PER_SECOND;
    }

    private static String abbreviate(String text) {
        int limit = 500;
        return text.length() <= limit ? text : text.substring(0, limit) + "…";
    }
}
