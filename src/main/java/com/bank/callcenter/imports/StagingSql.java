package com.bank.callcenter.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** SQL shared by the extract formats; the staging table is always called "staging". */
final class StagingSql {

    static final String TABLE = "staging";

    private StagingSql() {
    }

    /** Every line whose id already appeared on an earlier line of the file. */
    static List<RowError> duplicates(Connection connection, String idColumn, int limit) throws SQLException {
        // group by (a hash aggregate) finds the few repeated ids; only their lines are then sorted
        String sql = """
                with repeated as (
                    select %1$s as id, min(line) as first_line from staging group by %1$s having count(*) > 1)
                select s.line, r.id, r.first_line from staging s join repeated r on r.id = s.%1$s
                where s.line <> r.first_line order by s.line limit ?""".formatted(idColumn);
        List<RowError> errors = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    errors.add(new RowError(rows.getLong(1), idColumn,
                            "duplicate " + idColumn + " " + rows.getString(2) + " (first on line " + rows.getLong(3) + ")"));
                }
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

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
