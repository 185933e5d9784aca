package com.bank.callcenter.targeting;

import com.bank.callcenter.campaigns.CampaignDefinition;
import com.bank.callcenter.demo.DemoDataGenerator;
import com.bank.callcenter.demo.DemoExtracts;
import com.bank.callcenter.imports.ImportKind;
import com.bank.callcenter.imports.ImportService;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.EmbeddedServersTestResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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

    /**
     * The rule of campaigns/maturing-retention.yaml written by hand as one statement, with the
     * standing exclusions and the same entries: priority by maturity and the reason text.
     */
    private static final String SINGLE_STATEMENT = """
            create table bench_entries as
            select c.customer_id, c.manager_id,
                   row_number() over (order by (select min(h.maturity_date) from holding h
                                                where h.customer_id = c.customer_id and h.maturity_date >= date '%1$s'),
                                      c.customer_id) as priority,
                   '等级 ' || c.tier || '；' ||
                   (select case h.product_type when 'TIME_DEPOSIT' then '定期存款' else '理财' end || ' '
                           || to_char(h.maturity_date, 'YYYY-MM-DD') || '到期 '
                           || to_char(h.amount, 'FM999,999,999,990.00') || '元'
                    from holding h where h.customer_id = c.customer_id and h.product_type in ('TIME_DEPOSIT', 'WEALTH')
                      and h.maturity_date between date '%1$s' + 3 and date '%1$s' + 15
                    order by h.maturity_date, h.amount desc, h.holding_id limit 1) as reason
            from customer c
            where c.tier = 'LONG_TAIL'
              and exists (select 1 from holding h where h.customer_id = c.customer_id
                          and h.product_type in ('TIME_DEPOSIT', 'WEALTH')
                          and h.maturity_date between date '%1$s' + 3 and date '%1$s' + 15)
              and c.status = 'ACTIVE' and c.mobile is not null
              and not exists (select 1 from do_not_call d where d.mobile = c.mobile
                              and (d.expires_at is null or d.expires_at > date '%1$s'))
              and not exists (select 1 from complaint p where p.customer_id = c.customer_id and p.closed_at is null)
              and not exists (select 1 from contact_attempt a where a.customer_id = c.customer_id and a.marketing
                              and a.created_at >= date '%1$s' - 7)""".formatted(AS_OF);

    @Inject
    ImportService imports;

    @Inject
    ListSql listSql;

    @Inject
    ListBuilder listBuilder;

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
        long holdings = Db.count("select count(*) from holding");
        System.out.printf("BENCHMARK loaded %,d customers and %,d holdings%n", rows, holdings);
        storeShippedCampaign();
        try (Connection connection = DriverManager.getConnection(EmbeddedServersTestResource.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze");
        }

        // warm-up, not timed: the same rule through the preview, so neither side runs cold
        HttpResponse<String> preview = post("/api/campaigns/" + CAMPAIGN + "/preview?asOf=" + AS_OF);
        assertEquals(200, preview.statusCode(), preview.body());

        long serviceStart = System.nanoTime();
        HttpResponse<String> response = post("/api/campaigns/" + CAMPAIGN + "/lists?asOf=" + AS_OF);
        double serviceSeconds = (System.nanoTime() - serviceStart) / 1e9;
        assertEquals(201, response.statusCode(), response.body());
        int size = new ObjectMapper().readTree(response.body()).get("size").asInt();

        long statementRows;
        double statementSeconds;
        try (Connection connection = DriverManager.getConnection(EmbeddedServersTestResource.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists bench_entries");
            long start = System.nanoTime();
            statement.execute(SINGLE_STATEMENT);
            statementSeconds = (System.nanoTime() - start) / 1e9;
            statementRows = Db.count("select count(*) from bench_entries");
        }
        System.out.printf("BENCHMARK service  POST /api/campaigns/%s/lists: %,d entries in %.3f s%n", CAMPAIGN, size,
                serviceSeconds);
        System.out.printf("BENCHMARK single SQL statement (create table as select): %,d rows in %.3f s%n",
                statementRows, statementSeconds);
        System.out.printf("BENCHMARK ratio service/statement = %.2f (goal <= 1.5, and service < 3 s)%n",
                serviceSeconds / statementSeconds);
        if (Boolean.getBoolean("benchmark.explain")) {
            explainServiceStatement();
        }
        assertEquals(statementRows, size, "the service and the statement select the same customers");
        assertEquals(0, Db.count("""
                select count(*) from bench_entries b
                left join list_entry e on e.customer_id = b.customer_id
                     and e.list_id = (select id from target_list where campaign_id = ? and as_of = ?)
                where e.customer_id is null or e.priority <> b.priority or e.reason <> b.reason""", CAMPAIGN, AS_OF),
                "the service wrote the same entries, priorities and reasons");
        assertTrue(size > 0);
    }

    private HttpResponse<String> post(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Prints the plan of the service's statement (as a preview count), to see where the time goes. */
    private void explainServiceStatement() throws Exception {
        com.bank.callcenter.campaigns.Campaign campaign = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> com.bank.callcenter.campaigns.Campaign.findByCampaignId(CAMPAIGN).orElseThrow());
        com.bank.callcenter.targeting.Sql sql = listSql.flagged(listBuilder.definitionOf(campaign), AS_OF)
                .then(com.bank.callcenter.targeting.Sql.of(
                        " select excluded_by, count(*), max(rank), max(length(reason)) from ranked group by excluded_by"));
        try (Connection connection = DriverManager.getConnection(EmbeddedServersTestResource.jdbcUrl());
             var statement = ListBuilder.prepare(connection, sql.wrap("explain (analyze, costs off) %s"));
             var rows = statement.executeQuery()) {
            while (rows.next()) {
                System.out.println("PLAN " + rows.getString(1));
            }
        }
    }

    private static void storeShippedCampaign() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).findAndRegisterModules();
        CampaignDefinition definition = yaml.readValue(Path.of("campaigns", CAMPAIGN + ".yaml").toFile(),
                CampaignDefinition.class);
        String json = new ObjectMapper().findAndRegisterModules().writeValueAsString(definition);
        Db.execute("""
                insert into campaign (id, name, channel, state, priority, definition, source, updated_by)
                values (?, ?, ?, 'ACTIVE', 100, ?::jsonb, 'FILE', 'benchmark')
                on conflict (id) do update set definition = excluded.definition, state = 'ACTIVE'""",
                CAMPAIGN, definition.name(), definition.channel().name(), json);
    }
}
