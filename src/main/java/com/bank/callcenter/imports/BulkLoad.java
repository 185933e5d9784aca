package com.bank.callcenter.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A first load into an empty table: its keys, indexes and foreign keys (its own and those that
 * refer to it) are dropped inside the import's transaction and built again by sort once the rows
 * are in, instead of being maintained row by row. PostgreSQL's DDL is transactional, so a rejected
 * file or a crash rolls the drop back with the rows. The table (and the tables whose foreign keys
 * refer to it) stay locked until the commit: they were empty, so a reader waits instead of seeing
 * no rows, and never sees the table without its keys.
 */
final class BulkLoad {

    /** Each foreign key touching the table: how to drop it, how to add it again (same name, same definition). */
    private static final String FOREIGN_KEYS = """
            select format('alter table %s drop constraint %I', conrelid::regclass, conname),
                   format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
            from pg_constraint where contype = 'f' and (confrelid = ?::regclass or conrelid = ?::regclass)
            order by oid""";
    /** The table's primary key, unique and exclusion constraints (each backed by an index). */
    private static final String KEYS = """
            select format('alter table %s drop constraint %I', conrelid::regclass, conname),
                   format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
            from pg_constraint where contype in ('p', 'u', 'x') and conrelid = ?::regclass
            order by oid""";
    /** The table's other indexes. */
    private static final String INDEXES = """
            select format('drop index %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
            from pg_index i where i.indrelid = ?::regclass
              and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid
                              and c.conrelid = i.indrelid and c.contype in ('p', 'u', 'x'))
            order by i.indexrelid""";

    /**
     * The other tables a foreign key joins the table to, either way: dropping a foreign key locks
     * both of its tables (their triggers go), so all of them are locked with the table, up front.
     */
    private static final String JOINED_TABLES = """
            select distinct (case when conrelid = ?::regclass then confrelid else conrelid end)::regclass::text
            from pg_constraint
            where contype = 'f' and (confrelid = ?::regclass or conrelid = ?::regclass) and conrelid <> confrelid""";
    private static final String LOCK_SAVEPOINT = "bulk_load_lock";
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Duration LOCK_RETRY_PAUSE = Duration.ofMillis(50);

    private final Connection connection;
    private final List<String> rebuild;

    private BulkLoad(Connection connection, List<String> rebuild) {
        this.connection = connection;
        this.rebuild = rebuild;
    }

    /**
     * When {@code table} has no rows and it and the tables referring to it can be locked within
     * {@code lockWait}: locks them, drops the table's keys, indexes and foreign keys, and returns the
     * load that builds them again; else empty (the tables are then left as they were, unlocked).
     */
    static Optional<BulkLoad> ifEmpty(Connection connection, String table, Duration lockWait) throws SQLException {
        if (!isEmpty(connection, table) || !lockedWithin(connection, table, lockWait)) {
            return Optional.empty();
        }
        if (!isEmpty(connection, table)) {
            return Optional.empty(); // another first load committed while this one waited for the lock
        }
        List<String> drop = new ArrayList<>();
        List<String> add = new ArrayList<>();
        for (String sql : List.of(FOREIGN_KEYS, KEYS, INDEXES)) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bindTable(statement, sql, table);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        drop.add(rows.getString(1));
                        add.add(0, rows.getString(2));
                    }
                }
            }
        }
        for (String statement : drop) {
            StagingSql.execute(connection, statement);
        }
        return Optional.of(new BulkLoad(connection, add));
    }

    /** Builds the indexes, then the keys, then the foreign keys again (each checked over the loaded rows). */
    void rebuild() throws SQLException {
        for (String statement : rebuild) {
            StagingSql.execute(connection, statement);
        }
    }

    /**
     * Locks the table and the tables its foreign keys join it to all at once or not at all: NOWAIT
     * under a savepoint, tried again until {@code wait} has passed. A load that never waits while it
     * holds some of them cannot deadlock with a job that holds one and waits for another (a 500).
     */
    private static boolean lockedWithin(Connection connection, String table, Duration wait) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(JOINED_TABLES)) {
            bindTable(statement, JOINED_TABLES, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        tables.add(table);
        String lock = "lock table " + String.join(", ", tables) + " in access exclusive mode nowait";
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            StagingSql.execute(connection, "savepoint " + LOCK_SAVEPOINT);
            try {
                StagingSql.execute(connection, lock);
                StagingSql.execute(connection, "release savepoint " + LOCK_SAVEPOINT);
                return true;
            } catch (SQLException e) {
                if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    throw e;
                }
                StagingSql.execute(connection, "rollback to savepoint " + LOCK_SAVEPOINT);
            }
            if (System.nanoTime() >= deadline || !pause()) {
                return false;
            }
        }
    }

    /** Every parameter of {@code sql} is the table's name. */
    private static void bindTable(PreparedStatement statement, String sql, String table) throws SQLException {
        long parameters = sql.chars().filter(c -> c == '?').count();
        for (int i = 1; i <= parameters; i++) {
            statement.setString(i, table);
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(LOCK_RETRY_PAUSE.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isEmpty(Connection connection, String table) throws SQLException {
        return !StagingSql.exists(connection, "select 1 from " + table + " limit 1");
    }
}
