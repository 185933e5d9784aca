package com.bank.callcenter.calendar;

import com.bank.callcenter.calls.CallBook;
import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/** No calls on a holiday of the calendar, calls on an extra working day (a Saturday worked). */
@QuarkusTest
@TestProfile(HolidayCallingTest.Calendar.class)
class HolidayCallingTest {

    /** Wednesday 2026-11-25 (the test clock's day) is a holiday; Saturday 2026-11-28 is worked. */
    public static class Calendar implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("callcenter.calendar.holidays", "2026-11-25,2026-12-25",
                    "callcenter.calendar.extra-working-days", "2026-11-28");
        }
    }

    /** Saturday 2026-11-28 10:00 Asia/Shanghai. */
    private static final Instant SATURDAY_WORKED = Instant.parse("2026-11-28T02:00:00Z");

    @Inject
    PasswordHasher hasher;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void nobodyIsCalledOnAHolidayButOnTheSaturdayWorked() {
        CallBook book = new CallBook(hasher);
        String rm = book.rm();
        String customer = book.customer(rm, '0');
        String body = "{\"customerId\":\"" + customer + "\"}";

        clock.reset(); // Wednesday 10:00, a holiday
        Api.as(rm).contentType("application/json").body(body).when().post("/api/calls").then().statusCode(409)
                .body("code", equalTo("outside-calling-window"));

        clock.setTo(SATURDAY_WORKED);
        Api.as(rm).contentType("application/json").body(body).when().post("/api/calls").then().statusCode(202);
    }
}
