package com.bank.callcenter.books;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.bank.callcenter.support.Fixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@TestProfile(BookCapacityOfThree.class)
class BookCapacityTest {

    @Inject
    Fixtures fixtures;

    private AssignmentOutcome drain() {
        return Api.supervisor().when().post("/api/books/assign")
                .then().statusCode(200).extract().as(AssignmentOutcome.class);
    }

    @Test
    void assignmentNeverFillsABookBeyondTheCapacity() {
        AssignmentOutcome before = drain();
        String branch = unique("BR");
        String almostFull = fixtures.remoteManager(branch);
        String empty = fixtures.remoteManager(branch);
        fixtures.fillBook(almostFull, branch, 2);
        for (int i = 0; i < 6; i++) {
            fixtures.customer(branch).insert();
        }

        Api.supervisor().when().post("/api/books/assign")
                .then().statusCode(200)
                .body("assigned", equalTo(4))
                .body("unassigned", equalTo((int) before.unassigned() + 2));

        assertEquals(BookCapacityOfThree.CAPACITY, fixtures.bookSize(almostFull));
        assertEquals(BookCapacityOfThree.CAPACITY, fixtures.bookSize(empty));
    }

    @Test
    void fullBookTakesNoMoreCustomersOnTheNextAssignment() {
        drain();
        String branch = unique("BR");
        String full = fixtures.remoteManager(branch);
        fixtures.fillBook(full, branch, BookCapacityOfThree.CAPACITY);
        String waiting = fixtures.customer(branch).insert();

        drain();

        assertNull(fixtures.managerOf(waiting));
        assertEquals(BookCapacityOfThree.CAPACITY, fixtures.bookSize(full));
    }

    @Test
    void movingACustomerIntoAFullBookIsAConflict() {
        String branch = unique("BR");
        String full = fixtures.remoteManager(branch);
        fixtures.fillBook(full, branch, BookCapacityOfThree.CAPACITY);
        String current = fixtures.remoteManager(branch);
        String customer = fixtures.customer(branch).manager(current).insert();

        Api.supervisor().contentType("application/json")
                .body(Map.of("customerId", customer, "toManagerId", full, "reason", "customer asked"))
                .when().post("/api/books/changes")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("book-full"));

        assertEquals(current, fixtures.managerOf(customer));
    }
}
