package com.bank.callcenter.demo;

import com.bank.callcenter.campaigns.Campaign;
import com.bank.callcenter.support.ShippedCampaigns;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.EmbeddedServersTestResource;
import com.bank.callcenter.targeting.ListBuilder;
import com.bank.callcenter.targeting.ListSql;
import com.bank.callcenter.targeting.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds the shipped churn-risk list over the demo bank (50,000 customers with their history, as
 * the demo start-up loads it) through the {@link ListBuilder} the demo desk uses, and prints the
 * build time and a digest of the entries (customer, priority, reason) to compare runs of two
 * versions of the compiler. {@code -Dbenchmark.customers=N} changes the size,
 * {@code -Dbenchmark.explain=true} prints the plan of the list's statement,
 * {@code -Dbenchmark.digest=true} a digest of every customer's score.
 */
@QuarkusTest
class ChurnListBenchmark {

    private static final int DEFAULT_CUSTOMERS = 50_000;
    private static final String CAMPAIGN = "churn-risk";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    DemoData demoData;

    @Inject
    ListBuilder listBuilder;

    @Inject
    ListSql listSql;

    @Inject
    com.bank.callcenter.targeting.churn.ChurnModel churn;

    @Test
    void churnRiskListOverTheDemoBank() throws Exception {
        int customers = Integer.getInteger("benchmark.customers", DEFAULT_CUSTOMERS);
        LocalDate today = LocalDate.now(ZONE);
        // as the demo start-up does: the RMs' calls and SMS are written while the lists build, no ANALYZE
        boolean asAtStartUp = !Boolean.getBoolean("benchmark.analyze");
        assertTrue(demoData.load(DemoDataGenerator.Options.defaults(today).withCustomers(customers)
                .withManagers(10).withBranches(5).withSeed(20261123), asAtStartUp));
        if (!asAtStartUp) {
            try (Connection connection = DriverManager.getConnection(EmbeddedServersTestResource.jdbcUrl());
                 Statement statement = connection.createStatement()) {
                statement.execute("vacuum analyze");
            }
        }
        System.out.printf("BENCHMARK demo bank: %,d customers, %,d holdings, %,d transfers, %,d contact attempts, "
                        + "%,d snapshots%n", Db.count("select count(*) from customer"),
                Db.count("select count(*) from holding"), Db.count("select count(*) from transfer"),
                Db.count("select count(*) from contact_attempt"), Db.count("select count(*) from customer_snapshot"));
        ShippedCampaigns.store(CAMPAIGN);
        Campaign campaign = QuarkusTransaction.requiringNew().call(() -> Campaign.findByCampaignId(CAMPAIGN).orElseThrow());
        if (Boolean.getBoolean("benchmark.explain")) {
            explain(campaign, today);
        }
        long started = System.nanoTime();
        ListBuilder.Built built = listBuilder.build(campaign, today, "benchmark");
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("BENCHMARK churn-risk list: %,d entries, excluded %s, in %.3f s%n", built.size(),
                built.excluded(), seconds);
        System.out.printf("BENCHMARK churn-risk entries digest %s%n", Db.value("""
                select md5(string_agg(customer_id || '|' || priority || '|' || reason || '|'
                                      || coalesce(manager_id, '-'), E'\\n' order by priority))
                from list_entry where list_id = ?""", built.listId()));
        if (!Boolean.getBoolean("benchmark.digest")) {
            return;
        }
        Sql scores = churn.score(today).wrap("select md5(string_agg(c.customer_id || '=' || (%s), ',' "
                + "order by c.customer_id)), count(*) filter (where (%1$s) >= 60), max(%1$s) from customer c ")
                .then(churn.join(today));
        // the score's parameters appear three times in the text above
        Sql scoresThrice = new Sql(scores.text(), thrice(churn.score(today).parameters(), churn.join(today).parameters()));
        try (Connection connection = DriverManager.getConnection(EmbeddedServersTestResource.jdbcUrl());
             PreparedStatement statement = scoresThrice.prepare(connection); ResultSet rows = statement.executeQuery()) {
            rows.next();
            System.out.printf("BENCHMARK churn scores digest %s, %d customers >= 60, highest %s%n", rows.getString(1),
                    rows.getLong(2), rows.getBigDecimal(3));
        }
        assertEquals(built.size(), Db.count("select count(*) from list_entry where list_id = ?", built.listId()));
    }

    private static java.util.List<Object> thrice(java.util.List<Object> score, java.util.List<Object> join) {
        java.util.List<Object> all = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            all.addAll(score);
        }
        all.addAll(join);
        return all;
    }

    private void explain(Campaign campaign, LocalDate asOf) throws Exception {
        Sql sql = listSql.flagged(listBuilder.definitionOf(campaign), asOf)
                .then(Sql.of(" select excluded_by, count(*), max(rank), max(length(reason)) from ranked group by excluded_by"));
        try (Connection connection = DriverManager.getConnection(EmbeddedServersTestResource.jdbcUrl());
             PreparedStatement statement = sql.wrap("explain (analyze, costs off) %s").prepare(connection);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                System.out.println("PLAN " + rows.getString(1));
            }
        }
    }
}
