package com.bank.callcenter.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native query results, whichever Java type the driver and Hibernate chose for them. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A timestamptz column: Instant, OffsetDateTime or Timestamp; null stays null. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
