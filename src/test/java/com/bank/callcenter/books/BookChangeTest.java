package com.bank.callcenter.books;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.bank.callcenter.support.Fixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class BookChangeTest {

    @Inject
    Fixtures fixtures;

    @Inject
    BookPeriods periods;

    @AfterEach
    void unlockTheCurrentPeriod() {
        fixtures.unlockPeriod(periods.current().toString());
    }

    private void lockTheCurrentPeriod() {
        Api.supervisor().when().post("/api/books/lock?period=" + periods.current()).then().statusCode(200);
    }

    private static Map<String, Object> change(String customerId, String toManagerId, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId);
        body.put("toManagerId", toManagerId);
        body.put("reason", reason);
        return body;
    }

    private static long request(RequestSpecification as, String customerId, String toManagerId, String state) {
        return as.contentType(ContentType.JSON).body(change(customerId, toManagerId, "moved house"))
                .when().post("/api/books/changes")
                .then().statusCode(201).body("state", equalTo(state))
                .extract().jsonPath().getLong("id");
    }

    @Test
    void supervisorsChangeIsAppliedAtOnceWhileThePeriodIsOpen() {
        String branch = unique("BR");
        String from = fixtures.remoteManager(branch);
        String to = fixtures.remoteManager(branch);
        String customer = fixtures.customer(branch).manager(from).insert();

        Api.supervisor().contentType(ContentType.JSON).body(change(customer, to, "moved house"))
                .when().post("/api/books/changes")
                .then().statusCode(201)
                .body("state", equalTo("APPLIED"))
                .body("fromManagerId", equalTo(from))
                .body("toManagerId", equalTo(to))
                .body("requestedBy", equalTo("supervisor"))
                .body("decidedBy", equalTo("supervisor"))
                .body("decidedAt", notNullValue());

        assertEquals(to, fixtures.managerOf(customer));
    }

    @Test
    void supervisorsChangeWaitsForApprovalWhileThePeriodIsLocked() {
        String branch = unique("BR");
        String from = fixtures.remoteManager(branch);
        String to = fixtures.remoteManager(branch);
        String customer = fixtures.customer(branch).manager(from).insert();
        lockTheCurrentPeriod();

        request(Api.supervisor(), customer, to, "PENDING");

        assertEquals(from, fixtures.managerOf(customer));
    }

    @Test
    void approvingAPendingChangeMovesTheCustomerAndRecordsWhoWhenAndWhy() {
        String branch = unique("BR");
        String from = fixtures.remoteManager(branch);
        String to = fixtures.remoteManager(branch);
        String customer = fixtures.customer(branch).manager(from).insert();
        lockTheCurrentPeriod();
        long id = request(Api.admin(), customer, to, "PENDING");

        Api.supervisor().when().post("/api/books/changes/" + id + "/approve")
                .then().statusCode(200).body("state", equalTo("APPLIED"));

        assertEquals(to, fixtures.managerOf(customer));
        Map<String, Object> row = Db.rows("""
                select requested_by, decided_by, decided_at, reason, from_manager_id, to_manager_id, state
                from book_change where id = ?""", id).get(0);
        assertEquals("admin", row.get("requested_by"));
        assertEquals("supervisor", row.get("decided_by"));
        assertNotNull(row.get("decided_at"));
        assertEquals("moved house", row.get("reason"));
        assertEquals(from, row.get("from_manager_id"));
        assertEquals(to, row.get("to_manager_id"));
        assertEquals("APPLIED", row.get("state"));
    }

    @Test
    void rejectingAPendingChangeLeavesTheCustomerWhereTheyAre() {
        String branch = unique("BR");
        String from = fixtures.remoteManager(branch);
        String to = fixtures.remoteManager(branch);
        String customer = fixtures.customer(branch).manager(from).insert();
        lockTheCurrentPeriod();
        long id = request(Api.supervisor(), customer, to, "PENDING");

        Api.admin().when().post("/api/books/changes/" + id + "/reject")
                .then().statusCode(200)
                .body("state", equalTo("REJECTED"))
                .body("decidedBy", equalTo("admin"))
                .body("decidedAt", notNullValue());

        assertEquals(from, fixtures.managerOf(customer));
    }

    @Test
    void decidingAChangeTwiceIsAConflict() {
        String branch = unique("BR");
        String from = fixtures.remoteManager(branch);
        String to = fixtures.remoteManager(branch);
        String customer = fixtures.customer(branch).manager(from).insert();
        lockTheCurrentPeriod();
        long id = request(Api.supervisor(), customer, to, "PENDING");
        Api.supervisor().when().post("/api/books/changes/" + id + "/approve").then().statusCode(200);

        Api.supervisor().when().post("/api/books/changes/" + id + "/reject")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("already-decided"));
        Api.supervisor().when().post("/api/books/changes/" + id + "/approve")
                .then().statusCode(409).body("code", equalTo("already-decided"));
    }

    @Test
    void remoteManagersOwnRequestAlwaysWaitsForApproval() {
        String branch = unique("BR");
        String rm = fixtures.remoteManagerWithLogin(branch);
        String to = fixtures.remoteManager(branch);
        String customer = fixtures.customer(branch).manager(rm).insert();

        request(Api.as(rm), customer, to, "PENDING");

        assertEquals(rm, fixtures.managerOf(customer));
    }

    @Test
    void remoteManagerMayNotRequestAChangeForAnotherManagersCustomer() {
        String branch = unique("BR");
        String rm = fixtures.remoteManagerWithLogin(branch);
        String other = fixtures.remoteManager(branch);
        String customer = fixtures.customer(branch).manager(other).insert();

        Api.as(rm).contentType(ContentType.JSON).body(change(customer, rm, "I know them"))
                .when().post("/api/books/changes")
                .then().statusCode(403).contentType("application/problem+json");

        assertEquals(0, Db.count("select count(*) from book_change where customer_id = ?", customer));
    }

    @Test
    void changeWithoutReasonIsABadRequestNamingTheField() {
        String branch = unique("BR");
        String customer = fixtures.customer(branch).insert();

        Api.supervisor().contentType(ContentType.JSON).body(change(customer, fixtures.remoteManager(branch), "  "))
                .when().post("/api/books/changes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("reason"))
                .body("violations.field", hasItem("reason"));
    }

    @Test
    void changeWithoutBodyIsABadRequest() {
        Api.supervisor().contentType(ContentType.JSON)
                .when().post("/api/books/changes")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void changeWithoutTargetTakesTheCustomerOutOfTheBook() {
        String branch = unique("BR");
        String from = fixtures.remoteManager(branch);
        String customer = fixtures.customer(branch).manager(from).insert();

        Api.supervisor().contentType(ContentType.JSON).body(change(customer, null, "customer left the area"))
                .when().post("/api/books/changes")
                .then().statusCode(201).body("state", equalTo("APPLIED")).body("toManagerId", nullValue());

        assertNull(fixtures.managerOf(customer));
    }

    @Test
    void movingACustomerToSomeoneWhoIsNotARemoteManagerIsAConflict() {
        String branch = unique("BR");
        String from = fixtures.remoteManager(branch);
        String supervisor = fixtures.staff("SUPERVISOR", branch, true);
        String customer = fixtures.customer(branch).manager(from).insert();

        Api.supervisor().contentType(ContentType.JSON).body(change(customer, supervisor, "try"))
                .when().post("/api/books/changes")
                .then().statusCode(409).body("code", equalTo("not-a-remote-manager"));

        assertEquals(from, fixtures.managerOf(customer));
    }

    @Test
    void approvalIsRefusedWhenTheTargetManagerLeftMeanwhile() {
        String branch = unique("BR");
        String from = fixtures.remoteManager(branch);
        String to = fixtures.remoteManager(branch);
        String customer = fixtures.customer(branch).manager(from).insert();
        lockTheCurrentPeriod();
        long id = request(Api.supervisor(), customer, to, "PENDING");
        Db.execute("update staff set active = false where staff_id = ?", to);

        Api.supervisor().when().post("/api/books/changes/" + id + "/approve")
                .then().statusCode(409).body("code", equalTo("not-a-remote-manager"));

        assertEquals(from, fixtures.managerOf(customer));
        assertEquals("PENDING", Db.value("select state from book_change where id = ?", id));
    }

    @Test
    void changeForAnUnknownCustomerIsNotFound() {
        Api.supervisor().contentType(ContentType.JSON).body(change(unique("C"), null, "why not"))
                .when().post("/api/books/changes")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void decidingAnUnknownChangeIsNotFound() {
        Api.supervisor().when().post("/api/books/changes/987654321/approve")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void changesAreListedByStateAndCustomer() {
        String branch = unique("BR");
        String from = fixtures.remoteManager(branch);
        String to = fixtures.remoteManager(branch);
        String customer = fixtures.customer(branch).manager(from).insert();
        request(Api.supervisor(), customer, to, "APPLIED");
        lockTheCurrentPeriod();
        long pending = request(Api.supervisor(), customer, from, "PENDING");

        List<Integer> ids = Api.supervisor().queryParam("state", "PENDING").queryParam("customerId", customer)
                .when().get("/api/books/changes")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("customerId", everyItem(equalTo(customer)))
                .extract().jsonPath().getList("id");
        assertEquals(List.of((int) pending), ids);
    }

    @Test
    void listingIsCutAtTheLimit() {
        String branch = unique("BR");
        String first = fixtures.remoteManager(branch);
        String second = fixtures.remoteManager(branch);
        String customer = fixtures.customer(branch).manager(first).insert();
        request(Api.supervisor(), customer, second, "APPLIED");
        long newest = request(Api.supervisor(), customer, first, "APPLIED");

        Api.supervisor().queryParam("customerId", customer).queryParam("limit", 1)
                .when().get("/api/books/changes")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo((int) newest));
    }

    @Test
    void listingWithALimitBelowOneIsABadRequestNamingTheField() {
        Api.supervisor().queryParam("limit", 0).when().get("/api/books/changes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("limit"));
    }

    @Test
    void listingByAnUnknownStateIsABadRequest() {
        Api.supervisor().queryParam("state", "MAYBE").when().get("/api/books/changes")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
