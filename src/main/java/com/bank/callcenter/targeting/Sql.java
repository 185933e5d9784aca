package com.bank.callcenter.targeting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A piece of SQL with its positional parameters, in the order the ? marks appear. */
public record Sql(String text, List<Object> parameters) {

    public static Sql of(String text, Object... parameters) {
        return new Sql(text, List.of(parameters));
    }

    public static Sql join(String separator, List<Sql> parts) {
        StringBuilder text = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                text.append(separator);
            }
            text.append(parts.get(i).text());
            parameters.addAll(parts.get(i).parameters());
        }
        return new Sql(text.toString(), Collections.unmodifiableList(parameters));
    }

    /** Wraps this SQL: {@code format} has one %s where this text goes. */
    public Sql wrap(String format) {
        return new Sql(format.formatted(text), parameters);
    }

    public Sql then(Sql next) {
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(next.parameters);
        return new Sql(text + next.text, Collections.unmodifiableList(all));
    }

    /** A statement of this text on the connection, its parameters bound (a String[] as a text array). */
    public PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text);
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof String[] array) {
                statement.setArray(i + 1, connection.createArrayOf("text", array));
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }
}
