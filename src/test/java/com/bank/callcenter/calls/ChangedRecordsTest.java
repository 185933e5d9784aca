package com.bank.callcenter.calls;

import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The call-record writer's set-based write: every column an event changes reaches the row, each changed record
 * once at its version (bumped), unchanged records are not written, and a record another transaction changed
 * since it was read fails the whole batch (nothing written) so that the writer applies it again.
 */
@QuarkusTest
class ChangedRecordsTest {

    private static final Instant DIALLED = TestClock.WORKING_HOURS;

    @Inject
    PasswordHasher hasher;

    @Inject
    EntityManager em;

    @Test
    void everyChangedColumnIsWrittenOnceAndTheVersionBumped() {
        String customer = customer();
        UUID answered = dialling(customer);
        UUID untouched = dialling(customer);
        Instant answerAt = DIALLED.plusMillis(2_345);
        Instant endAt = answerAt.plusMillis(31_007);

        writeBatch(List.of(answered, untouched), Map.of(answered, call -> {
            call.channel = "PJSIP/carrier-00000001";
            call.uniqueId = "1764000000.1";
            call.linkedId = "1764000000.1";
            call.customerChannel = "PJSIP/carrier-00000002";
            call.customerUniqueId = "1764000000.2";
            call.ringing(DIALLED.plusMillis(500));
            call.answered(answerAt, "robot/rec-1");
            call.robotChoice = "2";
            call.hangupCause = 16;
            call.hangupCauseText = "Normal Clearing";
            call.completed(endAt);
            call.reason = "a reason";
        }));

        Map<String, Object> row = Db.rows("select * from call_attempt where id = ?", answered).get(0);
        assertEquals("COMPLETED", row.get("state"));
        assertEquals("ANSWERED", row.get("outcome"));
        assertEquals("PJSIP/carrier-00000001", row.get("channel"));
        assertEquals("1764000000.1", row.get("unique_id"));
        assertEquals("1764000000.1", row.get("linked_id"));
        assertEquals("PJSIP/carrier-00000002", row.get("customer_channel"));
        assertEquals("1764000000.2", row.get("customer_unique_id"));
        assertEquals(DIALLED.plusMillis(500), instant(row.get("ring_at")));
        assertEquals(answerAt, instant(row.get("answer_at")));
        assertEquals(endAt, instant(row.get("end_at")));
        assertEquals(32, row.get("talk_seconds"));
        assertEquals(16, row.get("hangup_cause"));
        assertEquals("Normal Clearing", row.get("hangup_cause_text"));
        assertEquals("robot/rec-1", row.get("recording_file"));
        assertEquals("2", row.get("robot_choice"));
        assertEquals("a reason", row.get("reason"));
        assertEquals(1, row.get("version"));
        assertEquals(0, Db.value("select version from call_attempt where id = ?", untouched), "unchanged: not written");
        assertNull(Db.value("select end_at from call_attempt where id = ?", untouched));
    }

    @Test
    void aRecordChangedMeanwhileFailsTheBatchAndNothingIsWritten() {
        String customer = customer();
        UUID first = dialling(customer);
        UUID second = dialling(customer);

        assertThrows(OptimisticLockException.class, () -> writeBatch(List.of(first, second), Map.of(
                first, call -> call.failed(CallOutcome.BUSY, DIALLED.plusSeconds(1)),
                second, call -> {
                    // another transaction (a disposition, an adoption) changes the record after the batch read it
                    Db.execute("update call_attempt set follower = 'other', version = version + 1 where id = ?", second);
                    call.failed(CallOutcome.NO_ANSWER, DIALLED.plusSeconds(2));
                })));

        assertEquals("DIALING", Db.value("select state from call_attempt where id = ?", first), "rolled back");
        assertEquals("DIALING", Db.value("select state from call_attempt where id = ?", second));
        assertEquals(1, Db.value("select version from call_attempt where id = ?", second));
    }

    /** Reads the records as the writer does (read-only), applies the changes, writes them in one transaction. */
    private void writeBatch(List<UUID> ids, Map<UUID, Consumer<CallAttempt>> changes) {
        QuarkusTransaction.requiringNew().run(() -> {
            ChangedRecords changed = new ChangedRecords();
            List<CallAttempt> calls = CallAttempt.<CallAttempt>find("id in ?1", ids)
                    .withHint(HibernateHints.HINT_READ_ONLY, true).list();
            calls.forEach(changed::read);
            calls.forEach(call -> changes.getOrDefault(call.id, c -> { }).accept(call));
            em.unwrap(Session.class).doWork(connection -> changed.write(connection, calls));
        });
    }

    private String customer() {
        CallBook book = new CallBook(hasher);
        return book.customer(book.rm(), '0');
    }

    private static UUID dialling(String customer) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(DIALLED);
        Db.execute("insert into contact_attempt (id, customer_id, channel, created_at) values (?, ?, 'ROBOT_CALL', ?)",
                id, customer, at);
        Db.execute("insert into call_attempt (id, customer_id, kind, state, queued_at, dial_at)"
                + " values (?, ?, 'ROBOT_CALL', 'DIALING', ?, ?)", id, customer, at, at);
        return id;
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant()
                : ((java.time.OffsetDateTime) value).toInstant();
    }
}
