package com.bank.callcenter.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/** SQL shared by the extract formats; the staging table is always called "staging". */
final class StagingSql {

    static final String TABLE = "staging";
    /** Rows fetched at a time by a check that may find every row of a large file (a cursor, not all at once). */
    private static final int UNKNOWN_FETCH_SIZE = 10_000;

    private StagingSql() {
    }

    /**
     * The repeated ids that really repeat in the staged rows (a repeated hash could be a
     * collision), each reported on its later line with the line it first appeared on; the id is
     * {@code idExpression} over the staged rows, reported under {@code idColumn}.
     */
    static List<RowError> duplicates(Connection connection, String idColumn, String idExpression,
                                     List<ExtractReader.RepeatedId> repeated, int limit) throws SQLException {
        if (repeated.isEmpty() || limit == 0) {
            return List.of();
        }
        String sql = """
                select %1$s, min(line) from staging where %1$s = any(?) group by %1$s having count(*) > 1
                """.formatted(idExpression);
        Map<String, Long> firstLines = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text",
                    repeated.stream().map(ExtractReader.RepeatedId::id).distinct().toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    firstLines.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        List<RowError> errors = new ArrayList<>();
        for (ExtractReader.RepeatedId candidate : repeated) {
            Long first = firstLines.get(candidate.id());
            if (first != null && first != candidate.line() && errors.size() < limit) {
                errors.add(new RowError(candidate.line(), idColumn,
                        "duplicate " + idColumn + " " + candidate.id() + " (first on line " + first + ")"));
            }
        }
        return errors;
    }

    /**
     * The same for rows COPYed straight into {@code table} (empty before, so its rows are the file's
     * rows; they carry no line): each repeated id is counted there. Of the lines with one hash only
     * the first is not a repeated line, so an id counted once more than its repeated lines is on the
     * first line of its hash too; else its first repeated line is its first line.
     */
    static List<RowError> duplicatesIn(Connection connection, String table, String idColumn,
                                       List<ExtractReader.RepeatedId> repeated, int limit) throws SQLException {
        if (repeated.isEmpty() || limit == 0) {
            return List.of();
        }
        Map<String, List<ExtractReader.RepeatedId>> linesOfId = new HashMap<>();
        repeated.forEach(candidate -> linesOfId.computeIfAbsent(candidate.id(), id -> new ArrayList<>()).add(candidate));
        String sql = "select %1$s, count(*) from %2$s where %1$s = any(?) group by %1$s having count(*) > 1"
                .formatted(idColumn, table);
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", linesOfId.keySet().toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        List<RowError> errors = new ArrayList<>();
        for (ExtractReader.RepeatedId candidate : repeated) {
            Long count = counts.get(candidate.id());
            if (count == null || errors.size() >= limit) {
                continue;
            }
            List<ExtractReader.RepeatedId> lines = linesOfId.get(candidate.id());
            long first = count > lines.size() ? candidate.firstLineOfHash() : lines.get(0).line();
            if (candidate.line() != first) {
                errors.add(new RowError(candidate.line(), idColumn,
                        "duplicate " + idColumn + " " + candidate.id() + " (first on line " + first + ")"));
            }
        }
        return errors;
    }

    /** Every line whose customer_id is not in the customer book. */
    static List<RowError> unknownCustomers(Connection connection, int limit) throws SQLException {
        String sql = """
                select s.line, s.customer_id from staging s
                where not exists (select 1 from customer c where c.customer_id = s.customer_id)
                order by s.line limit ?""";
        List<RowError> errors = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    errors.add(new RowError(rows.getLong(1), "customer_id",
                            "unknown customer " + rows.getString(2)));
                }
            }
        }
        return errors;
    }

    /**
     * The same for rows COPYed straight into {@code table} (empty before; its rows carry no line): the
     * first {@code limit} lines, by line, whose customer_id is not in the customer book. A row's line is
     * that of its id ({@link ExtractReader.Read#lineOfUnrepeated}); the rows of a repeated id are told
     * apart by the customer_id each repeated line kept, the one left over being on the first line of
     * the id's hash.
     */
    static List<RowError> unknownCustomersIn(Connection connection, String table, String idColumn,
                                             ExtractReader.Read read, int limit) throws SQLException {
        if (limit == 0) {
            return List.of();
        }
        Map<String, List<ExtractReader.RepeatedId>> repeatedLines = new HashMap<>();
        read.repeatedIds().forEach(r -> repeatedLines.computeIfAbsent(r.id(), id -> new ArrayList<>()).add(r));
        PriorityQueue<RowError> first = new PriorityQueue<>(
                Comparator.comparingLong(RowError::line).reversed());
        Map<String, Set<String>> unknownOfRepeated = new HashMap<>();
        String sql = """
                select t.%1$s, t.customer_id from %2$s t
                where not exists (select 1 from customer c where c.customer_id = t.customer_id)""".formatted(idColumn, table);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(UNKNOWN_FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    String customer = rows.getString(2);
                    if (repeatedLines.containsKey(id)) {
                        unknownOfRepeated.computeIfAbsent(id, any -> new HashSet<>()).add(customer);
                    } else {
                        keepFirst(first, limit, unknownCustomer(read.lineOfUnrepeated(id), customer));
                    }
                }
            }
        }
        if (!unknownOfRepeated.isEmpty()) {
            Map<String, List<String>> customersOfId = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "select %1$s, customer_id from %2$s where %1$s = any(?)".formatted(idColumn, table))) {
                statement.setArray(1, connection.createArrayOf("text", unknownOfRepeated.keySet().toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        customersOfId.computeIfAbsent(rows.getString(1), any -> new ArrayList<>()).add(rows.getString(2));
                    }
                }
            }
            unknownOfRepeated.forEach((id, unknown) -> {
                List<String> leftOver = new ArrayList<>(customersOfId.get(id));
                for (ExtractReader.RepeatedId line : repeatedLines.get(id)) {
                    leftOver.remove(line.customerId());
                    if (unknown.contains(line.customerId())) {
                        keepFirst(first, limit, unknownCustomer(line.line(), line.customerId()));
                    }
                }
                // more rows than repeated lines: the first line of the id's hash holds the one left over
                if (!leftOver.isEmpty() && unknown.contains(leftOver.get(0))) {
                    keepFirst(first, limit, unknownCustomer(repeatedLines.get(id).get(0).firstLineOfHash(),
                            leftOver.get(0)));
                }
            });
        }
        List<RowError> errors = new ArrayList<>(first);
        errors.sort(Comparator.comparingLong(RowError::line));
        return errors;
    }

    private static RowError unknownCustomer(long line, String customer) {
        return new RowError(line, "customer_id", "unknown customer " + customer);
    }

    /** Keeps the {@code limit} errors of the lowest lines in {@code first} (highest line on top). */
    private static void keepFirst(PriorityQueue<RowError> first, int limit, RowError error) {
        first.add(error);
        if (first.size() > limit) {
            first.poll();
        }
    }

    /** Every line whose staff_id is not a staff record (a leaver's record still counts). */
    static List<RowError> unknownStaff(Connection connection, int limit) throws SQLException {
        String sql = """
                select s.line, s.staff_id from staging s
                where not exists (select 1 from staff t where t.staff_id = s.staff_id)
                order by s.line limit ?""";
        List<RowError> errors = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    errors.add(new RowError(rows.getLong(1), "staff_id", "unknown staff " + rows.getString(2)));
                }
            }
        }
        return errors;
    }

    /**
     * The newest {@code as_of} in {@code table} (with a customer_id column) among the customers the
     * staged rows name.
     */
    static Optional<LocalDate> newestAsOfOfStagedCustomers(Connection connection, String table)
            throws SQLException {
        String sql = "select max(t.as_of) from " + table + " t where t.customer_id in (select customer_id from staging)";
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return Optional.ofNullable(rows.getObject(1, LocalDate.class));
        }
    }

    static long update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeLargeUpdate();
        }
    }

    static boolean exists(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** A setting for the rest of the current transaction only. */
    static void setLocal(Connection connection, String name, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select set_config(?, ?, true)")) {
            statement.setString(1, name);
            statement.setString(2, value);
            statement.executeQuery().close();
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
