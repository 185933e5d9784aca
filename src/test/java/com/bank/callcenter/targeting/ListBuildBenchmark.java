package com.bank.callcenter.targeting;

import com.bank.callcenter.demo.DemoDataGenerator;
import com.bank.callcenter.demo.DemoExtracts;
import com.bank.callcenter.imports.ImportKind;
import com.bank.callcenter.imports.ImportService;
import com.bank.callcenter.support.ShippedCampaigns;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.EmbeddedServersTestResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds the shipped maturing-retention list over 1,000,000 customers and about 3,000,000
 * holdings through the service, and runs the equivalent hand-written single SQL statement in
 * the same run; prints both times and their ratio (goal: service ≤ 1.5 × the statement, < 3 s).
 * Run with {@code ./mvnw -Pbenchmark verify}; {@code -Dbenchmark.rows=N} changes the size.
 */
@QuarkusTest
class ListBuildBenchmark {

    private static final int DEFAULT_ROWS = 1_000_000;
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private static final String CAMPAIGN = "maturing-retention";

    private static final int DEFAULT_ROUNDS = 3;
    private static final double GOAL_RATIO = 1.5;
    private static final double GOAL_SECONDS = 3.0;

    /**
     * The fastest single statement we could write for the entries of campaigns/maturing-retention.yaml
     * — the limit the service is measured against, not a mirror of the service's statement: driven
     * from the maturing holdings (a range of holding (product_type, maturity_date)), each customer's
     * first one kept by DISTINCT ON as the reason (sorted by byte, collate "C"), joined to the long-tail customers, the standing
     * exclusions as anti-joins, the priority from each picked customer's next maturity (one probe of
     * holding (customer_id, maturity_date)). Same exclusions as the service: a do-not-call entry
     * still in force, an open complaint, a marketing contact sent since midnight (Asia/Shanghai)
     * seven days before, no manager (an AGENT_CALL list).
     */
    private static final String FAST_SELECT = """
            with maturing as (
              select distinct on (h.customer_id collate "C") h.customer_id,
                     case h.product_type when 'TIME_DEPOSIT' then '定期存款' else '理财' end || ' '
                       || to_char(h.maturity_date, 'YYYY-MM-DD') || '到期 '
                       || to_char(h.amount, 'FM999,999,999,990.00') || '元' as holding_reason
              from holding h
              where h.product_type in ('TIME_DEPOSIT', 'WEALTH')
                and h.maturity_date between date '%1$s' + 3 and date '%1$s' + 15
              order by h.customer_id collate "C", h.maturity_date, h.amount desc, h.holding_id)
            select c.customer_id, c.manager_id,
                   row_number() over (order by (select min(n.maturity_date) from holding n
                                                where n.customer_id = c.customer_id and n.maturity_date >= date '%1$s'),
                                      c.customer_id) as priority,
                   '等级 ' || c.tier || '；' || m.holding_reason as reason
            from maturing m join customer c on c.customer_id = m.customer_id
            where c.tier = 'LONG_TAIL' and c.status = 'ACTIVE' and c.mobile is not null and c.manager_id is not null
              and not exists (select 1 from do_not_call d where d.mobile = c.mobile
                              and (d.expires_at is null or d.expires_at > timestamptz '%1$s 00:00 Asia/Shanghai'))
              and not exists (select 1 from complaint p where p.customer_id = c.customer_id and p.closed_at is null)
              and not exists (select 1 from contact_attempt a where a.customer_id = c.customer_id and a.marketing
                              and a.sent and a.created_at >= timestamptz '%2$s 00:00 Asia/Shanghai'
                              and a.created_at < timestamptz '%3$s 00:00 Asia/Shanghai')"""
            .formatted(AS_OF, AS_OF.minusDays(7), AS_OF.plusDays(1));

    /** The statement's result as a new table: the baseline, nothing paid for keys or indexes. */
    private static final String FAST_STATEMENT = "create table bench_entries as " + FAST_SELECT;

    /**
     * The same statement writing what the service writes: rows of a table like list_entry (its
     * keys, indexes, identity, the per-statement check of the list and the two foreign keys), for comparison.
     */
    private static final String FAST_INSERT = "insert into bench_list_entry (list_id, customer_id, manager_id, priority, "
            + "reason) select %d, e.* from (" + FAST_SELECT + ") e";

    @Inject
    ImportService imports;

    @Inject
    ListSql listSql;

    @Inject
    com.bank.callcenter.books.BookAssignment assignment;

    @Inject
    com.bank.callcenter.config.CallCenterConfig config;

    @Inject
    ListBuilder listBuilder;

    @Inject
    com.bank.callcenter.lists.ListEntries listEntries;

    @TestHTTPResource("/")
    URI base;

    @Test
    void maturingRetentionListThroughTheServiceComparedWithOneStatement() throws Exception {
        int rows = Integer.getInteger("benchmark.rows", DEFAULT_ROWS);
        Path dir = Files.createTempDirectory("list-benchmark");
        DemoExtracts extracts = DemoDataGenerator.generate(DemoDataGenerator.Options.defaults(AS_OF)
                .withCustomers(rows).withManagers(100).withBranches(20), dir,
                EnumSet.of(ImportKind.STAFF, ImportKind.CUSTOMERS, ImportKind.HOLDINGS, ImportKind.DNC));
        for (var file : extracts.files().entrySet()) {
            try (InputStream in = Files.newInputStream(file.getValue())) {
                imports.importCsv(file.getKey(), AS_OF, in, StandardCharsets.UTF_8, "benchmark");
            }
        }
        // an AGENT_CALL list keeps only customers with a manager: the books are assigned as the bank's are
        var books = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                assignment.assignUnassigned(config.books().maxCustomersPerManager(), "benchmark"));
        System.out.printf("BENCHMARK books assigned: %,d customers given a manager, %,d without capacity%n",
                books.assigned(), books.unassigned());
        long holdings = Db.count("select count(*) from holding");
        System.out.printf("BENCHMARK loaded %,d customers and %,d holdings%n", rows, holdings);
        ShippedCampaigns.store(CAMPAIGN);
        try (Connection connection = DriverManager.getConnection(EmbeddedServersTestResource.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze");
        }

        // warm-up, not timed: the same rule through the preview, so neither side runs cold
        HttpResponse<String> preview = post("/api/campaigns/" + CAMPAIGN + "/preview?asOf=" + AS_OF);
        assertEquals(200, preview.statusCode(), preview.body());

        // alternate rounds, the medians compared: the service's list is dropped after each round but the last
        int rounds = Integer.getInteger("benchmark.rounds", DEFAULT_ROUNDS);
        double[] service = new double[rounds];
        double[] fast = new double[rounds];
        double[] written = new double[rounds];
        int size = 0;
        long statementRows = 0;
        for (int round = 0; round < rounds; round++) {
            if (round > 0) {
                Db.execute("drop table if exists bench_list_entry");
                Db.execute("delete from list_entry where list_id in (select id from target_list where campaign_id = ?)",
                        CAMPAIGN);
                Db.execute("delete from target_list where campaign_id = ?", CAMPAIGN);
                // untimed: the previous round's entries are gone before this round's build, not vacuumed during it
                try (Connection connection = DriverManager.getConnection(EmbeddedServersTestResource.jdbcUrl());
                     Statement statement = connection.createStatement()) {
                    statement.execute("vacuum list_entry, target_list");
                }
            }
            long serviceStart = System.nanoTime();
            HttpResponse<String> response = post("/api/campaigns/" + CAMPAIGN + "/lists?asOf=" + AS_OF);
            service[round] = (System.nanoTime() - serviceStart) / 1e9;
            assertEquals(201, response.statusCode(), response.body());
            size = new ObjectMapper().readTree(response.body()).get("size").asInt();
            try (Connection connection = DriverManager.getConnection(EmbeddedServersTestResource.jdbcUrl());
                 Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists bench_entries");
                long start = System.nanoTime();
                statement.execute(FAST_STATEMENT);
                fast[round] = (System.nanoTime() - start) / 1e9;
            }
            statementRows = Db.count("select count(*) from bench_entries");
            long listId = Db.count("select id from target_list where campaign_id = ? and as_of = ?", CAMPAIGN, AS_OF);
            try (Connection connection = DriverManager.getConnection(EmbeddedServersTestResource.jdbcUrl());
                 Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists bench_list_entry");
                statement.execute("create table bench_list_entry (like list_entry including all)");
                // what list_entry checks on a write: its list (once per statement, V550/V570) and the two foreign keys
                statement.execute("create trigger bench_list_entry_lists_exist after insert on bench_list_entry"
                        + " referencing new table as new_entries for each statement execute function list_entry_lists_exist()");
                statement.execute("alter table bench_list_entry add foreign key (last_call_id) references call_attempt (id),"
                        + " add foreign key (last_sms_id) references sms_message (id)");
                long start = System.nanoTime();
                statement.execute(FAST_INSERT.formatted(listId));
                written[round] = (System.nanoTime() - start) / 1e9;
            }
            System.out.printf("BENCHMARK round %d: service %.3f s, statement %.3f s, statement writing like the service "
                    + "%.3f s; load average %s%n", round + 1, service[round], fast[round], written[round], loadAverage());
        }
        double serviceSeconds = median(service);
        double statementSeconds = median(fast);
        double ratio = serviceSeconds / statementSeconds;
        System.out.printf("BENCHMARK service  POST /api/campaigns/%s/lists: %,d entries in %.3f s (median)%n", CAMPAIGN, size,
                serviceSeconds);
        System.out.printf("BENCHMARK fastest single statement (create table as select, driven from the maturing "
                + "holdings): %,d rows in %.3f s (median)%n", statementRows, statementSeconds);
        System.out.printf("BENCHMARK ratio service/statement = %.2f: <= %.1f %s; service < %.0f s %s%n", ratio,
                GOAL_RATIO, ratio <= GOAL_RATIO ? "MET" : "NOT MET", GOAL_SECONDS,
                serviceSeconds < GOAL_SECONDS ? "MET" : "NOT MET");
        double writtenSeconds = median(written);
        System.out.printf("BENCHMARK the statement writing its entries into a table like list_entry (keys, indexes, "
                + "the list's check and foreign keys): %.3f s (median); ratio service/that = %.2f: <= %.1f %s%n", writtenSeconds,
                serviceSeconds / writtenSeconds, GOAL_RATIO, serviceSeconds / writtenSeconds <= GOAL_RATIO ? "MET" : "NOT MET");
        double[] roundRatios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            roundRatios[round] = service[round] / fast[round];
        }
        System.out.printf("BENCHMARK median of the rounds' own ratios service/statement (each round's pair ran back to "
                + "back, under the same load) = %.2f%n", median(roundRatios));
        System.out.println("BENCHMARK load average (1, 5, 15 min): " + loadAverage());
        if (Boolean.getBoolean("benchmark.explain")) {
            explainServiceStatement();
            try (Connection connection = DriverManager.getConnection(EmbeddedServersTestResource.jdbcUrl());
                 Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists bench_entries");
                try (var plan = statement.executeQuery("explain (analyze, buffers, costs off) " + FAST_STATEMENT)) {
                    while (plan.next()) {
                        System.out.println("FAST PLAN " + plan.getString(1));
                    }
                }
            }
        }
        assertEquals(statementRows, size, "the service and the statement select the same number of customers");
        assertEquals(0, Db.count("""
                select count(*) from bench_entries b
                full join (select * from list_entry
                           where list_id = (select id from target_list where campaign_id = ? and as_of = ?)) e
                     on e.customer_id = b.customer_id
                where e.customer_id is null or b.customer_id is null or e.priority <> b.priority
                   or e.reason <> b.reason or e.manager_id is distinct from b.manager_id""", CAMPAIGN, AS_OF),
                "the service wrote the same entries: customers, priorities, reasons and managers");
        for (var sample : Db.rows("""
                select b.priority, b.customer_id, b.manager_id, b.reason, e.reason as service_reason
                from bench_entries b join list_entry e on e.customer_id = b.customer_id
                     and e.list_id = (select id from target_list where campaign_id = ? and as_of = ?)
                where b.priority in (1, 2, ?) order by b.priority""", CAMPAIGN, AS_OF, statementRows)) {
            System.out.println("BENCHMARK sample entry " + sample);
            assertEquals(sample.get("reason"), sample.get("service_reason"));
        }
        assertTrue(size > 0);
    }

    private static String loadAverage() throws java.io.IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static double median(double[] seconds) {
        double[] sorted = seconds.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private HttpResponse<String> post(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Prints the plan of the service's own statement as a build runs it (the entries written, the
     * triggers' times), in a transaction rolled back afterwards, to see where the time goes.
     */
    private void explainServiceStatement() throws Exception {
        com.bank.callcenter.campaigns.Campaign campaign = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> com.bank.callcenter.campaigns.Campaign.findByCampaignId(CAMPAIGN).orElseThrow());
        try (Connection connection = DriverManager.getConnection(EmbeddedServersTestResource.jdbcUrl())) {
            connection.setAutoCommit(false);
            long listId;
            try (var claim = connection.prepareStatement("insert into target_list (campaign_id, as_of, campaign_version,"
                    + " size, excluded, build_millis, built_by) values (?, ?, 1, 0, '{}', 0, 'explain') returning id")) {
                claim.setString(1, CAMPAIGN);
                claim.setObject(2, AS_OF.plusYears(1));
                try (var id = claim.executeQuery()) {
                    id.next();
                    listId = id.getLong(1);
                }
            }
            com.bank.callcenter.targeting.Sql sql = listSql.flagged(listBuilder.definitionOf(campaign), AS_OF)
                    .then(com.bank.callcenter.targeting.Sql.of(", " + listEntries.insertKeptFromRanked(), listId))
                    .then(com.bank.callcenter.targeting.Sql.of(" select excluded_by, count(*) from ranked group by excluded_by"));
            try (var statement = sql.wrap("explain (analyze, buffers, costs off) %s").prepare(connection);
                 var rows = statement.executeQuery()) {
                while (rows.next()) {
                    System.out.println("PLAN " + rows.getString(1));
                }
            } finally {
                connection.rollback();
            }
        }
    }
}
