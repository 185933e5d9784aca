package com.bank.callcenter.calls;

import jakarta.persistence.OptimisticLockException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The call records a batch of the {@link CallRecordWriter} changed, written back in one statement
 * ({@code UPDATE … FROM unnest(…)}) instead of one entity update each: only records whose columns
 * below changed, each only at the version it was read at (and bumped), as Hibernate's versioned
 * update would. These are the columns an event can change ({@link CallRecordWriter.Change}); the
 * others (who, what for, the RM's disposition) are written by their own code.
 */
final class ChangedRecords {

    /** One written column: its name, its SQL array type, and its value as the driver takes it. */
    private record Column(String name, String arrayType, Function<CallAttempt, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("state", "text", call -> call.state.name()),
            new Column("outcome", "text", call -> call.outcome == null ? null : call.outcome.name()),
            new Column("channel", "text", call -> call.channel),
            new Column("unique_id", "text", call -> call.uniqueId),
            new Column("linked_id", "text", call -> call.linkedId),
            new Column("customer_channel", "text", call -> call.customerChannel),
            new Column("customer_unique_id", "text", call -> call.customerUniqueId),
            new Column("ring_at", "timestamptz", call -> text(call.ringAt)),
            new Column("answer_at", "timestamptz", call -> text(call.answerAt)),
            new Column("end_at", "timestamptz", call -> text(call.endAt)),
            new Column("talk_seconds", "int4", call -> call.talkSeconds),
            new Column("hangup_cause", "int4", call -> call.hangupCause),
            new Column("hangup_cause_text", "text", call -> call.hangupCauseText),
            new Column("recording_file", "text", call -> call.recordingFile),
            new Column("robot_choice", "text", call -> call.robotChoice),
            new Column("reason", "text", call -> call.reason));

    private static final String UPDATE = """
            update call_attempt c set %s, version = c.version + 1
            from unnest(?::uuid[], ?::int4[], %s) as v(id, version, %s)
            where c.id = v.id and c.version = v.version""".formatted(
            String.join(", ", COLUMNS.stream().map(column -> column.name() + " = v." + column.name()).toList()),
            String.join(", ", COLUMNS.stream().map(column -> "?::" + column.arrayType() + "[]").toList()),
            String.join(", ", COLUMNS.stream().map(Column::name).toList()));

    /** The columns' values of each record as read. */
    private final Map<UUID, List<Object>> read = new HashMap<>();

    /** Remembers the record as read, before any change. */
    void read(CallAttempt call) {
        read.put(call.id, values(call));
    }

    /**
     * Writes the records whose columns changed since {@link #read}; an {@link OptimisticLockException} when one
     * of them was changed meanwhile by another transaction (the caller's transaction then rolls back).
     */
    void write(Connection connection, Collection<CallAttempt> calls) throws SQLException {
        List<CallAttempt> changed = calls.stream().filter(call -> !values(call).equals(read.get(call.id))).toList();
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setArray(1, connection.createArrayOf("uuid", changed.stream().map(call -> call.id).toArray()));
            update.setArray(2, connection.createArrayOf("int4", changed.stream().map(call -> call.version).toArray()));
            for (int i = 0; i < COLUMNS.size(); i++) {
                Function<CallAttempt, Object> value = COLUMNS.get(i).value();
                // sent as text[] and cast by the statement: no type of the driver's own for Instant arrays
                String type = "timestamptz".equals(COLUMNS.get(i).arrayType()) ? "text" : COLUMNS.get(i).arrayType();
                update.setArray(i + 3, connection.createArrayOf(type, changed.stream().map(value).toArray()));
            }
            int updated = update.executeUpdate();
            if (updated != changed.size()) {
                throw new OptimisticLockException(changed.size() - updated + " of " + changed.size()
                        + " call record(s) changed by another transaction since they were read");
            }
        }
    }

    private static List<Object> values(CallAttempt call) {
        List<Object> values = new ArrayList<>(COLUMNS.size());
        COLUMNS.forEach(column -> values.add(column.value().apply(call)));
        return values;
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
