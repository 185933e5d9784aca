package com.bank.callcenter.sms;

import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An SMS whose answer was never recorded is settled UNKNOWN with a reason after stale-after, not left QUEUED. */
@QuarkusTest
class UnansweredSmsTest {

    @Inject
    PasswordHasher hasher;

    @Inject
    TestClock clock;

    @Inject
    UnansweredSms unanswered;

    private SmsBook book;

    @BeforeEach
    void setUp() {
        book = new SmsBook(hasher);
        clock.reset();
    }

    @Test
    void anRmsSmsWhoseAnswerWasNeverRecordedIsSettledUnknownWithTheReason() {
        String rm = book.rm();
        String customer = book.customer(rm);
        UUID stale = queuedSms(rm, customer, Duration.ofMinutes(6));
        UUID recent = queuedSms(rm, customer, Duration.ofMinutes(1));

        assertTrue(unanswered.sweep() >= 1, "the stale SMS is settled");

        JsonPath sms = Api.as(rm).when().get("/api/sms/" + stale).then().statusCode(200).extract().jsonPath();
        assertEquals("UNKNOWN", sms.getString("state"));
        assertTrue(sms.getString("gatewayStatus").startsWith("not recorded: "), sms.getString("gatewayStatus"));
        assertEquals("QUEUED", Db.value("select state from sms_message where id = ?", recent),
                "an SMS younger than stale-after may still be answered");
    }

    /** An SMS recorded QUEUED {@code age} ago (TestClock) whose answer never came or was never written. */
    private UUID queuedSms(String rm, String customer, Duration age) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(clock.instant().minus(age));
        Db.execute("insert into contact_attempt (id, customer_id, channel, marketing, staff_id, created_at)"
                + " values (?, ?, 'SMS', true, ?, ?)", id, customer, rm, at);
        Db.execute("insert into sms_message (id, customer_id, staff_id, body, state, ami_server, created_at)"
                + " values (?, ?, ?, '您好', 'QUEUED', 'sim', ?)", id, customer, rm, at);
        return id;
    }
}
