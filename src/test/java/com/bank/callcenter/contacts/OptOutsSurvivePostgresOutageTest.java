package com.bank.callcenter.contacts;

import com.bank.callcenter.robot.DialledRobotCalls;
import com.bank.callcenter.robot.RobotChoiceHandler;
import com.bank.callcenter.sms.SmsOptOutListener;
import com.bank.callcenter.telephony.DialplanContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A press 9 and a reply TD arrive while PostgreSQL is down (a second embedded PostgreSQL of this
 * test's own, stopped and restarted): both are kept in the Redis stream, refused by ContactRules
 * while only pending, and in do_not_call with source and hold once the drainer has run.
 */
@QuarkusTest
@TestProfile(SecondPostgresResource.Profile.class)
class OptOutsSurvivePostgresOutageTest {

    private static final String PRESSED_NINE = "13900000019";
    private static final String REPLIED_TD = "13900000029";

    @Inject
    RobotChoiceHandler robotChoices;

    @Inject
    DialledRobotCalls dialled;

    @Inject
    SmsOptOutListener smsReplies;

    @Inject
    ContactRules rules;

    @Inject
    OptOuts optOuts;

    @Inject
    RedisDataSource redis;

    @Inject
    java.time.Clock clock;

    @Test
    void optOutsReceivedWhilePostgresIsDownAreRefusedAtOnceAndWrittenWhenItIsBack() {
        UUID callId = UUID.randomUUID();
        dialled.dialled(callId, new DialledRobotCalls.Dialled("C-NINE", "robot-campaign", PRESSED_NINE));
        Instant pressedAt = Instant.now();
        long deferredBefore = optOuts.deferredWrites();

        SecondPostgresResource.stopPostgres();
        try {
            robotChoices.onEvent(new com.bank.callcenter.telephony.PbxEvent("sim", DialplanContract.ROBOT_CHOICE_EVENT,
                    Map.of("CallId", callId.toString(), "Choice", "9"), pressedAt));
            smsReplies.onEvent(new com.bank.callcenter.telephony.PbxEvent("sim", DialplanContract.SMS_IN_EVENT,
                    Map.of("From", "sip:+86" + REPLIED_TD + "@carrier", "Body", "TD"), Instant.now()));
            await("both opt-outs pending in Redis", () -> pending(PRESSED_NINE) && pending(REPLIED_TD));
            await("both immediate writes failed", () -> optOuts.deferredWrites() >= deferredBefore + 2);
        } finally {
            SecondPostgresResource.restartPostgres();
        }

        assertEquals(0, dncRows(PRESSED_NINE) + dncRows(REPLIED_TD), "not written yet: the drainer has not run");
        Map<String, String> refused = QuarkusTransaction.requiringNew().call(() -> rules.refusals(
                Map.of("C-NINE", PRESSED_NINE, "C-TD", REPLIED_TD, "C-FREE", "13900000039"), Instant.now(), 7, null));
        assertEquals(ContactRules.DO_NOT_CALL, refused.get("C-NINE"), "a pending press 9 is refused");
        assertEquals(ContactRules.DO_NOT_CALL, refused.get("C-TD"), "a pending reply TD is refused");
        assertTrue(!ContactRules.DO_NOT_CALL.equals(refused.get("C-FREE")), "other numbers are not");

        await("the drainer wrote both", () -> {
            optOuts.drain();
            return dncRows(PRESSED_NINE) + dncRows(REPLIED_TD) == 2;
        });
        assertHeld(PRESSED_NINE, "IVR_OPT_OUT", pressedAt);
        assertHeld(REPLIED_TD, "SMS_TD", clock.instant());
        assertEquals(0, redis.hash(String.class).hlen(PendingOptOuts.PENDING), "nothing pending any more");
        assertEquals(0L, redis.execute("XLEN", PendingOptOuts.STREAM).toLong(), "the stream is emptied");
    }

    private boolean pending(String mobile) {
        return redis.hash(String.class).hget(PendingOptOuts.PENDING, mobile) != null;
    }

    private static void assertHeld(String mobile, String source, Instant around) {
        try (Connection c = DriverManager.getConnection(SecondPostgresResource.jdbcUrl());
             PreparedStatement s = c.prepareStatement("select source, expires_at from do_not_call where mobile = ?")) {
            s.setString(1, mobile);
            try (ResultSet row = s.executeQuery()) {
                assertTrue(row.next(), mobile + " in do_not_call");
                assertEquals(source, row.getString(1));
                ZonedDateTime expires = row.getTimestamp(2).toInstant().atZone(ZoneId.of("Asia/Shanghai"));
                ZonedDateTime sixMonths = around.atZone(ZoneId.of("Asia/Shanghai")).plusMonths(6);
                assertTrue(Math.abs(ChronoUnit.MINUTES.between(sixMonths, expires)) < 5, "held until " + expires);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long dncRows(String mobile) {
        try (Connection c = DriverManager.getConnection(SecondPostgresResource.jdbcUrl());
             PreparedStatement s = c.prepareStatement("select count(*) from do_not_call where mobile = ?")) {
            s.setString(1, mobile);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // not yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(what);
            }
        }
        fail("timed out: " + what);
    }
}
