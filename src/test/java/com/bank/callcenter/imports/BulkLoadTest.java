package com.bank.callcenter.imports;

import com.bank.callcenter.support.EmbeddedServersTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A first load into an empty table (BulkLoad) and the duplicate check over such a table, on tables of
 * their own: a key, a unique constraint, an index, a foreign key of the table and one referring to it.
 */
@QuarkusTest
class BulkLoadTest {

    /** Every key, index and foreign key touching the probe tables, as PostgreSQL prints them. */
    private static final String DEFINITIONS = """
            select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
            where conrelid in ('bulk_probe'::regclass, 'bulk_probe_ref'::regclass) and contype in ('p', 'u', 'f')
            union all
            select pg_get_indexdef(indexrelid) from pg_index
            where indrelid in ('bulk_probe'::regclass, 'bulk_probe_ref'::regclass)
            order by 1""";

    private static final Duration LOCK_WAIT = Duration.ofMillis(300);

    private Connection connection;

    @BeforeEach
    void probeTables() throws SQLException {
        connection = DriverManager.getConnection(EmbeddedServersTestResource.jdbcUrl());
        StagingSql.execute(connection, """
                drop table if exists bulk_probe_ref, bulk_probe, bulk_probe_parent;
                create table bulk_probe_parent (code text primary key);
                insert into bulk_probe_parent values ('P1');
                create table bulk_probe (id text primary key, code text references bulk_probe_parent, label text,
                    unique (label));
                create index bulk_probe_code on bulk_probe (code) where code is not null;
                create table bulk_probe_ref (id text references bulk_probe (id))""");
    }

    @AfterEach
    void dropProbeTables() throws SQLException {
        connection.setAutoCommit(true);
        StagingSql.execute(connection, "drop table if exists bulk_probe_ref, bulk_probe, bulk_probe_parent");
        connection.close();
    }

    @Test
    void anEmptyTableLosesItsKeysWhileLoadingAndGetsTheSameOnesBack() throws SQLException {
        List<String> before = definitions();
        connection.setAutoCommit(false);
        BulkLoad load = BulkLoad.ifEmpty(connection, "bulk_probe", LOCK_WAIT).orElseThrow();
        assertTrue(definitions().isEmpty(), "keys, indexes and foreign keys dropped while loading: " + definitions());
        StagingSql.execute(connection, "insert into bulk_probe values ('A', 'P1', 'a'), ('B', null, 'b')");
        load.rebuild();
        connection.commit();
        assertEquals(before, definitions());
        assertEquals(2L, count("select count(*) from bulk_probe"));
    }

    @Test
    void aRolledBackLoadLeavesTheTableAsItWas() throws SQLException {
        List<String> before = definitions();
        connection.setAutoCommit(false);
        BulkLoad.ifEmpty(connection, "bulk_probe", LOCK_WAIT).orElseThrow();
        StagingSql.execute(connection, "insert into bulk_probe values ('A', 'P1', 'a'), ('A', 'P1', 'b')");
        connection.rollback();
        assertEquals(before, definitions());
        assertEquals(0L, count("select count(*) from bulk_probe"));
    }

    @Test
    void rebuildingRefusesRowsThatBreakAKeyOrAForeignKey() throws SQLException {
        connection.setAutoCommit(false);
        BulkLoad load = BulkLoad.ifEmpty(connection, "bulk_probe", LOCK_WAIT).orElseThrow();
        StagingSql.execute(connection, "insert into bulk_probe values ('A', 'NO-SUCH-PARENT', 'a')");
        assertThrows(SQLException.class, load::rebuild);
        connection.rollback();
    }

    /**
     * A job holding a table a foreign key joins to the empty one (one referring to it, the one it refers
     * to): the load neither waits for it holding locks nor deadlocks, and loads row by row instead.
     */
    @ParameterizedTest
    @ValueSource(strings = {"bulk_probe_ref", "bulk_probe_parent"})
    void aLoadThatCannotLockEveryTableAtOnceLocksNoneAndLoadsRowByRow(String heldByAJob) throws SQLException {
        List<String> before = definitions();
        try (Connection job = DriverManager.getConnection(EmbeddedServersTestResource.jdbcUrl())) {
            job.setAutoCommit(false);
            StagingSql.execute(job, "lock table " + heldByAJob + " in row exclusive mode");
            connection.setAutoCommit(false);

            assertFalse(BulkLoad.ifEmpty(connection, "bulk_probe", LOCK_WAIT).isPresent());

            assertEquals(before, definitions());
            // no exclusive lock stays behind: the job can write to the empty table at once
            StagingSql.execute(job, "lock table bulk_probe in row exclusive mode nowait");
            job.rollback();
        }
        assertTrue(BulkLoad.ifEmpty(connection, "bulk_probe", LOCK_WAIT).isPresent(), "the job is gone: a first load");
        connection.rollback();
    }

    @Test
    void aTableWithRowsIsLeftAlone() throws SQLException {
        StagingSql.execute(connection, "insert into bulk_probe values ('A', null, 'a')");
        List<String> before = definitions();
        connection.setAutoCommit(false);
        assertFalse(BulkLoad.ifEmpty(connection, "bulk_probe", LOCK_WAIT).isPresent());
        assertEquals(before, definitions());
        connection.rollback();
    }

    @Test
    void duplicatesInTheLoadedTableNameTheirLineAndTheFirstOne() throws SQLException {
        // Lines 2..7: a, x, b, a, y, y — where y hashes like x (a collision: line 6 is no duplicate).
        StagingSql.execute(connection,
                "insert into bulk_probe (id) values ('a'), ('x'), ('b'), ('y')");
        StagingSql.execute(connection, "alter table bulk_probe drop constraint bulk_probe_pkey cascade");
        StagingSql.execute(connection, "insert into bulk_probe (id) values ('a'), ('y')");
        List<ExtractReader.RepeatedId> repeated = List.of(
                new ExtractReader.RepeatedId("a", 5, 2, ""),
                new ExtractReader.RepeatedId("y", 6, 3, ""),
                new ExtractReader.RepeatedId("y", 7, 3, ""));
        List<RowError> errors = StagingSql.duplicatesIn(connection, "bulk_probe", "id", repeated, 10);
        assertEquals(List.of(
                new RowError(5, "id", "duplicate id a (first on line 2)"),
                new RowError(7, "id", "duplicate id y (first on line 6)")), errors);
    }

    @Test
    void unknownCustomersInTheLoadedTableAreReportedByTheirLine() throws SQLException {
        connection.setAutoCommit(false);
        StagingSql.execute(connection, """
                insert into customer (customer_id, name, home_branch_id, aum, tier, as_of)
                values ('UP-KNOWN', 'probe', 'BR-PROBE', 0, 'MASS', '2026-11-23');
                create temp table unknown_probe (id text, customer_id text) on commit drop""");
        // Lines 2..9 as a file would bring them: a duplicate id whose second line names an unknown customer (5),
        // and one whose first line does (8), told apart from its other line by the customer each kept.
        String[][] lines = {{"a", "UP-KNOWN"}, {"b", "UP-NOBODY-1"}, {"c", "UP-KNOWN"}, {"a", "UP-NOBODY-2"},
                {"d", "UP-NOBODY-3"}, {"e", "UP-KNOWN"}, {"f", "UP-NOBODY-5"}, {"f", "UP-KNOWN"}};
        SeenIds seen = new SeenIds();
        List<ExtractReader.RepeatedId> repeated = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            long line = i + 2;
            StagingSql.update(connection, "insert into unknown_probe values (?, ?)", lines[i][0], lines[i][1]);
            long first = seen.firstLineOf(lines[i][0], line);
            if (first >= 0) {
                repeated.add(new ExtractReader.RepeatedId(lines[i][0], line, first, lines[i][1]));
            }
        }
        ExtractReader.Read read = new ExtractReader.Read(lines.length, repeated, seen);

        assertEquals(List.of(unknown(3, "UP-NOBODY-1"), unknown(5, "UP-NOBODY-2"), unknown(6, "UP-NOBODY-3"),
                        unknown(8, "UP-NOBODY-5")),
                StagingSql.unknownCustomersIn(connection, "unknown_probe", "id", read, 10));
        assertEquals(List.of(unknown(3, "UP-NOBODY-1"), unknown(5, "UP-NOBODY-2")),
                StagingSql.unknownCustomersIn(connection, "unknown_probe", "id", read, 2), "the first lines only");
        connection.rollback();
    }

    private static RowError unknown(long line, String customer) {
        return new RowError(line, "customer_id", "unknown customer " + customer);
    }

    /** Read on the test's own connection: inside its transaction, before the commit. */
    private List<String> definitions() throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(DEFINITIONS)) {
            while (rows.next()) {
                definitions.add(rows.getString(1));
            }
        }
        return definitions;
    }

    private long count(String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
