package com.bank.callcenter.books;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class BookLockTest {

    @Inject
    Fixtures fixtures;

    @Inject
    BookPeriods periods;

    @AfterEach
    void unlockTheCurrentPeriod() {
        fixtures.unlockPeriod(periods.current().toString());
    }

    @Test
    void lockingAPeriodRecordsWhoLockedIt() {
        Api.supervisor().when().post("/api/books/lock?period=2091-03")
                .then().statusCode(200)
                .body("period", equalTo("2091-03"))
                .body("lockedBy", equalTo("supervisor"));
    }

    @Test
    void lockingALockedPeriodAgainChangesNothing() {
        Api.supervisor().when().post("/api/books/lock?period=2092-04").then().statusCode(200);

        Api.admin().when().post("/api/books/lock?period=2092-04")
                .then().statusCode(200).body("lockedBy", equalTo("supervisor"));
        assertEquals(1, Db.count("select count(*) from book_lock where period = '2092-04'"));
    }

    @Test
    void lockedPeriodsAreListed() {
        Api.admin().when().post("/api/books/lock?period=2093-05").then().statusCode(200);

        Api.supervisor().when().get("/api/books/locks")
                .then().statusCode(200).body("period", hasItem("2093-05"));
    }

    @Test
    void unlockingRemovesTheLock() {
        Api.supervisor().when().post("/api/books/lock?period=2094-06").then().statusCode(200);

        Api.supervisor().when().delete("/api/books/lock?period=2094-06").then().statusCode(204);

        Api.supervisor().when().get("/api/books/locks")
                .then().statusCode(200).body("period", not(hasItem("2094-06")));
    }

    @Test
    void lockingAndUnlockingAreAudited() {
        Api.supervisor().when().post("/api/books/lock?period=2096-07").then().statusCode(200);
        Api.admin().when().delete("/api/books/lock?period=2096-07").then().statusCode(204);

        assertEquals(1, Db.count("""
                select count(*) from audit_log
                where subject = '2096-07' and action = 'LOCK_BOOKS' and username = 'supervisor'"""));
        assertEquals(1, Db.count("""
                select count(*) from audit_log
                where subject = '2096-07' and action = 'UNLOCK_BOOKS' and username = 'admin'"""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "2026-1", "26-11", "2026/11", "november", ""})
    void malformedPeriodIsABadRequest(String period) {
        Api.supervisor().queryParam("period", period).when().post("/api/books/lock")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("bad-period"));
    }

    @Test
    void missingPeriodIsABadRequest() {
        Api.supervisor().when().delete("/api/books/lock")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("bad-period"));
    }

    @Test
    void assignmentIsRefusedWhileTheCurrentPeriodIsLocked() {
        String current = periods.current().toString();
        Api.supervisor().when().post("/api/books/lock?period=" + current).then().statusCode(200);

        Api.supervisor().when().post("/api/books/assign")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("book-locked"))
                .body("period", equalTo(current))
                .body("detail", containsString(current));
    }

    @Test
    void lockingAnotherPeriodDoesNotStopAssignment() {
        Api.supervisor().when().post("/api/books/lock?period=" + periods.current().plusMonths(1))
                .then().statusCode(200);
        try {
            Api.supervisor().when().post("/api/books/assign").then().statusCode(200);
        } finally {
            fixtures.unlockPeriod(periods.current().plusMonths(1).toString());
        }
    }
}
