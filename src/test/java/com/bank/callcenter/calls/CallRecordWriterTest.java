package com.bank.callcenter.calls;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures make the call-record writer wait for the database instead of giving a change up. */
class CallRecordWriterTest {

    @Test
    void aLostConnectionAnywhereInTheCausesMeansWait() {
        assertTrue(CallRecordWriter.databaseUnreachable(new IllegalStateException("tx",
                new RuntimeException(new SQLException("An I/O error occurred", "08006")))));
        assertTrue(CallRecordWriter.databaseUnreachable(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(CallRecordWriter.databaseUnreachable(new RuntimeException(
                new SQLTransientConnectionException("Acquisition timeout"))));
    }

    @Test
    void anyOtherFailureIsNotWaitedFor() {
        assertFalse(CallRecordWriter.databaseUnreachable(new RuntimeException(
                new SQLException("duplicate key value violates unique constraint", "23505"))));
        assertFalse(CallRecordWriter.databaseUnreachable(new IllegalStateException("a bug")));
    }
}
