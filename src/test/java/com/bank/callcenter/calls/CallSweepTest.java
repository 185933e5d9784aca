package com.bank.callcenter.calls;

import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CallSweepTest {

    @Inject
    PasswordHasher hasher;

    @Inject
    AbandonedCalls abandoned;

    @Test
    void callNobodyFollowsAnyMoreBecomesUnknownAfterTheLockTtl() {
        CallBook book = new CallBook(hasher);
        String rm = book.rm();
        String customer = book.customer(rm, '0');
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        insertDialing(old, customer, rm, Duration.ofHours(3));
        insertDialing(recent, customer, rm, Duration.ofMinutes(1));

        assertTrue(abandoned.close(Duration.ofHours(2)) >= 1);

        assertEquals("UNKNOWN", Db.value("select state from call_attempt where id = ?", old));
        assertTrue(((String) Db.value("select reason from call_attempt where id = ?", old)).startsWith("not followed"));
        assertEquals("DIALING", Db.value("select state from call_attempt where id = ?", recent));
    }

    private static void insertDialing(UUID id, String customer, String rm, Duration ago) {
        Timestamp at = Timestamp.from(TestClock.WORKING_HOURS.minus(ago));
        Db.execute("insert into contact_attempt (id, customer_id, channel, staff_id, created_at) values (?, ?, 'AGENT_CALL', ?, ?)",
                id, customer, rm, at);
        Db.execute("insert into call_attempt (id, customer_id, staff_id, kind, state, queued_at, dial_at)"
                + " values (?, ?, ?, 'AGENT_CALL', 'DIALING', ?, ?)", id, customer, rm, at, at);
    }
}
