package com.bank.callcenter.books;

import com.bank.callcenter.customers.CustomerStatus;
import com.bank.callcenter.customers.Tier;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.Fixtures;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.bank.callcenter.support.Fixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class BookAssignmentTest {

    @Inject
    Fixtures fixtures;

    @Inject
    RedisDataSource redis;

    /** Assigns whatever other tests left waiting, so that the next assignment counts only ours. */
    private AssignmentOutcome drain() {
        return Api.supervisor().when().post("/api/books/assign")
                .then().statusCode(200).extract().as(AssignmentOutcome.class);
    }

    @Test
    void leastLoadedManagerIsFilledFirst() {
        String branch = unique("BR");
        String busy = fixtures.remoteManager(branch);
        String idle = fixtures.remoteManager(branch);
        fixtures.fillBook(busy, branch, 2);
        for (int i = 0; i < 4; i++) {
            fixtures.customer(branch).insert();
        }

        drain();

        // water filling: idle takes 1 and 2, then both grow to 3
        assertEquals(3, fixtures.bookSize(busy));
        assertEquals(3, fixtures.bookSize(idle));
    }

    @Test
    void branchesAssignedTogetherEachKeepTheirOwnCustomers() {
        // customers are numbered across branches in branch order: a branch without managers in
        // between must not shift the next branch's customers onto the wrong managers
        String prefix = unique("BR");
        String first = prefix + "-A";
        String unstaffed = prefix + "-B";
        String last = prefix + "-C";
        String firstOne = fixtures.remoteManager(first);
        String firstTwo = fixtures.remoteManager(first);
        String lastOnly = fixtures.remoteManager(last);
        List<String> firstCustomers = List.of(fixtures.customer(first).insert(), fixtures.customer(first).insert(),
                fixtures.customer(first).insert());
        String waitsOn = fixtures.customer(unstaffed).insert();
        List<String> lastCustomers = List.of(fixtures.customer(last).insert(), fixtures.customer(last).insert());

        drain();

        for (String customer : firstCustomers) {
            assertTrue(List.of(firstOne, firstTwo).contains(fixtures.managerOf(customer)), customer);
        }
        assertEquals(3, fixtures.bookSize(firstOne) + fixtures.bookSize(firstTwo));
        assertEquals(1, Math.abs(fixtures.bookSize(firstOne) - fixtures.bookSize(firstTwo)));
        assertNull(fixtures.managerOf(waitsOn));
        for (String customer : lastCustomers) {
            assertEquals(lastOnly, fixtures.managerOf(customer));
        }
    }

    @Test
    void onlyActiveLongTailCustomersWithoutManagerAreAssigned() {
        String branch = unique("BR");
        String manager = fixtures.remoteManager(branch);
        String otherManager = fixtures.remoteManager(unique("BR"));
        String waiting = fixtures.customer(branch).insert();
        String closed = fixtures.customer(branch).status(CustomerStatus.CLOSED).insert();
        String deceased = fixtures.customer(branch).status(CustomerStatus.DECEASED).insert();
        String mass = fixtures.customer(branch).tier(Tier.MASS).aum("500.00").insert();
        String midHigh = fixtures.customer(branch).tier(Tier.MID_HIGH).aum("80000.00").insert();
        String managed = fixtures.customer(branch).manager(otherManager).insert();

        drain();

        assertEquals(manager, fixtures.managerOf(waiting));
        assertNull(fixtures.managerOf(closed));
        assertNull(fixtures.managerOf(deceased));
        assertNull(fixtures.managerOf(mass));
        assertNull(fixtures.managerOf(midHigh));
        assertEquals(otherManager, fixtures.managerOf(managed));
    }

    @Test
    void customerGoesToTheBranchHoldingTheLargestAssetsNotTheHomeBranch() {
        String home = unique("BR");
        String holdings = unique("BR");
        fixtures.remoteManager(home);
        String holdingsManager = fixtures.remoteManager(holdings);
        String customer = fixtures.customer(home).holdingsBranch(holdings).insert();

        drain();

        assertEquals(holdingsManager, fixtures.managerOf(customer));
    }

    @Test
    void inactiveManagerGetsNoCustomers() {
        String branch = unique("BR");
        String inactive = fixtures.staff("REMOTE_MANAGER", branch, false);
        String customer = fixtures.customer(branch).insert();

        drain();

        assertNull(fixtures.managerOf(customer));
        assertEquals(0, fixtures.bookSize(inactive));
    }

    @Test
    void supervisorIsNeverGivenABook() {
        String branch = unique("BR");
        fixtures.staff("SUPERVISOR", branch, true);
        String customer = fixtures.customer(branch).insert();

        drain();

        assertNull(fixtures.managerOf(customer));
    }

    @Test
    void answerCountsAssignedCustomersAndThoseWithoutAManager() {
        AssignmentOutcome before = drain();
        String staffed = unique("BR");
        fixtures.remoteManager(staffed);
        fixtures.customer(staffed).insert();
        fixtures.customer(staffed).insert();
        fixtures.customer(unique("BR")).insert();

        Api.supervisor().when().post("/api/books/assign")
                .then().statusCode(200)
                .body("assigned", equalTo(2))
                .body("unassigned", equalTo((int) before.unassigned() + 1));
    }

    @Test
    void everyAssignmentIsRecordedAsAnAppliedChangeWithWhoAndWhy() {
        String branch = unique("BR");
        String manager = fixtures.remoteManager(branch);
        String customer = fixtures.customer(branch).insert();

        Api.admin().when().post("/api/books/assign").then().statusCode(200);

        List<Map<String, Object>> changes = Db.rows("""
                select from_manager_id, to_manager_id, state, reason, requested_by, decided_by, decided_at
                from book_change where customer_id = ?""", customer);
        assertEquals(1, changes.size());
        Map<String, Object> change = changes.get(0);
        assertNull(change.get("from_manager_id"));
        assertEquals(manager, change.get("to_manager_id"));
        assertEquals("APPLIED", change.get("state"));
        assertEquals("automatic assignment", change.get("reason"));
        assertEquals("admin", change.get("requested_by"));
        assertEquals("admin", change.get("decided_by"));
        assertNotNull(change.get("decided_at"));
    }

    @Test
    void assignmentIsRefusedWhileAnotherInstanceIsAssigning() {
        String key = "callcenter:books:assign";
        redis.value(String.class).set(key, "another-instance");
        try {
            Api.supervisor().when().post("/api/books/assign")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("code", equalTo("assignment-running"));
        } finally {
            redis.key().del(key);
        }
    }

    @Test
    void assignmentReleasesItsLockWhenDone() {
        drain();

        Api.supervisor().when().post("/api/books/assign").then().statusCode(200);
        assertFalse(redis.key().exists("callcenter:books:assign"));
    }
}
