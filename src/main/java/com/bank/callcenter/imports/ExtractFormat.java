package com.bank.callcenter.imports;

import com.bank.callcenter.common.CopyRowWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One kind of extract: its columns, how a row is checked and staged, the checks that need the
 * whole file or the database, and how the staged rows are applied.
 */
interface ExtractFormat {

    ImportKind kind();

    /** Columns the header must name. */
    List<String> requiredColumns();

    /** Columns that may be absent from the header (read as empty). */
    default List<String> optionalColumns() {
        return List.of();
    }

    /** Column definitions of the temporary staging table, after "line bigint". */
    String stagingColumns();

    /** The column that must be unique within a file (for a key of several columns: their names, as reported). */
    String idColumn();

    /**
     * The SQL expression over the staging table giving the id {@link #stage} returns; the id column
     * itself unless the key has several columns.
     */
    default String idExpression() {
        return idColumn();
    }

    /**
     * Checks one row; writes its fields (the {@link #stagingColumns}, without the line) only when it is good,
     * and returns its id then (else null). The reader frames them: the staging table's line before, or the
     * target's as_of after when a first load goes straight into the {@link #directLoad} table.
     */
    String stage(RowParser row, CopyRowWriter out);

    /**
     * A first load (the target empty) that may COPY straight into the durable table: the staged fields are
     * its {@code columns} but the last, which the reader adds (the extract's as_of). Empty: always staged.
     */
    default Optional<DirectLoad> directLoad() {
        return java.util.Optional.empty();
    }

    /** The table a first load is COPYed into and its columns, in the order {@link #stage} writes them. */
    record DirectLoad(String table, String columns) {
    }

    /**
     * Checks against the database of a first load already COPYed into the {@link #directLoad} table (what
     * {@link #check} does over the staging table), at most {@code limit}; the rows carry no line, {@code read}
     * tells them.
     */
    default List<RowError> checkLoaded(Connection connection, ExtractReader.Read read, int limit) throws SQLException {
        return List.of();
    }

    /**
     * Applies a first load already COPYed into the {@link #directLoad} table, its keys built again (every row
     * of the file was accepted).
     */
    default void applyDirect(Connection connection, LocalDate asOf) throws SQLException {
        throw new UnsupportedOperationException(kind() + " has no direct load");
    }

    /**
     * The table an import of many rows fills when that table is empty: its keys and indexes are then
     * dropped and built by sort after {@link #applyToEmpty}. Empty: always {@link #apply}.
     */
    default Optional<String> bulkTable() {
        return Optional.empty();
    }

    /** Applies the staged rows to the empty {@link #bulkTable}, its keys dropped: plain inserts (the file's ids are unique). */
    default long applyToEmpty(Connection connection, LocalDate asOf) throws SQLException {
        throw new UnsupportedOperationException(kind() + " has no bulk load");
    }

    /** Checks against the database (e.g. unknown customers), at most {@code limit}; duplicates are found on reading. */
    default List<RowError> check(Connection connection, int limit) throws SQLException {
        return List.of();
    }

    /**
     * The newest extract date already applied for the customers the staged rows name, for a format
     * that refuses late extracts (empty: none applied, or the format takes late extracts).
     */
    default Optional<LocalDate> newestAppliedForStaged(Connection connection) throws SQLException {
        return Optional.empty();
    }

    /** Applies the staged rows; returns how many rows were accepted. */
    long apply(Connection connection, LocalDate asOf) throws SQLException;

    /** The same, for formats that record who made the changes (the user who posted the file). */
    default long apply(Connection connection, LocalDate asOf, String requestedBy) throws SQLException {
        return apply(connection, asOf);
    }
}
