package com.bank.callcenter.customers;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static com.bank.callcenter.support.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class CustomerCardTest {

    private static final String MOBILE = "13812341234";

    @Inject
    Fixtures fixtures;

    @Test
    void cardNeverContainsTheFullMobileNumber() {
        String branch = unique("BR");
        String customer = fixtures.customer(branch).mobile(MOBILE).insert();

        String body = Api.supervisor().when().get("/api/customers/" + customer)
                .then().statusCode(200).body("mobileMasked", equalTo("138****1234"))
                .extract().asString();

        assertFalse(body.contains(MOBILE), body);
        assertFalse(body.contains("12341234"), body);
    }

    @Test
    void cardShowsTheAttributedBranchTheManagerAndTheHoldings() {
        String home = unique("BR");
        String holdings = unique("BR");
        String rm = fixtures.remoteManager(holdings);
        String customer = fixtures.customer(home).holdingsBranch(holdings).name("李四").aum("23456.78")
                .payroll(true).manager(rm).insert();
        fixtures.holding(customer, holdings, "TIME_DEPOSIT", "20000.00", LocalDate.of(2026, 12, 1));
        fixtures.holding(customer, home, "CURRENT_DEPOSIT", "3456.78", null);

        Api.supervisor().when().get("/api/customers/" + customer)
                .then().statusCode(200)
                .body("customerId", equalTo(customer))
                .body("name", equalTo("李四"))
                .body("tier", equalTo("LONG_TAIL"))
                .body("aum", equalTo(23456.78f))
                .body("branchId", equalTo(holdings))
                .body("homeBranchId", equalTo(home))
                .body("managerId", equalTo(rm))
                .body("managerName", equalTo("Name of " + rm))
                .body("status", equalTo("ACTIVE"))
                .body("payroll", equalTo(true))
                .body("asOf", equalTo("2026-11-20"))
                .body("holdings", hasSize(2))
                .body("holdings[0].productType", equalTo("TIME_DEPOSIT"))
                .body("holdings[0].maturityDate", equalTo("2026-12-01"))
                .body("holdings[0].branchId", equalTo(holdings))
                .body("holdings[1].productType", equalTo("CURRENT_DEPOSIT"))
                .body("holdings[1].maturityDate", nullValue());
    }

    @Test
    void remoteManagerSeesACustomerInTheirOwnBook() {
        String branch = unique("BR");
        String rm = fixtures.remoteManagerWithLogin(branch);
        String customer = fixtures.customer(branch).manager(rm).insert();

        Api.as(rm).when().get("/api/customers/" + customer)
                .then().statusCode(200).body("customerId", equalTo(customer));
    }

    @Test
    void remoteManagerMayNotSeeAnotherManagersCustomer() {
        String branch = unique("BR");
        String rm = fixtures.remoteManagerWithLogin(branch);
        String other = fixtures.remoteManager(branch);
        String customer = fixtures.customer(branch).manager(other).insert();

        Api.as(rm).when().get("/api/customers/" + customer)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void remoteManagerMayNotSeeACustomerInNoBook() {
        String branch = unique("BR");
        String rm = fixtures.remoteManagerWithLogin(branch);
        String customer = fixtures.customer(branch).insert();

        Api.as(rm).when().get("/api/customers/" + customer).then().statusCode(403);
    }

    @Test
    void plannerMayReadAnyCard() {
        String customer = fixtures.customer(unique("BR")).insert();

        Api.planner().when().get("/api/customers/" + customer).then().statusCode(200);
    }

    @Test
    void unknownCustomerIsNotFound() {
        Api.supervisor().when().get("/api/customers/" + unique("C"))
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void everyViewIsWrittenToTheAuditLog() {
        String customer = fixtures.customer(unique("BR")).insert();

        Api.planner().when().get("/api/customers/" + customer).then().statusCode(200);
        Api.admin().when().get("/api/customers/" + customer).then().statusCode(200);

        assertEquals(1, Db.count("""
                select count(*) from audit_log
                where subject = ? and action = 'VIEW_CUSTOMER' and username = 'planner'""", customer));
        assertEquals(2, Db.count("select count(*) from audit_log where subject = ?", customer));
    }

    @Test
    void refusedViewIsNotAuditedAsAView() {
        String branch = unique("BR");
        String rm = fixtures.remoteManagerWithLogin(branch);
        String customer = fixtures.customer(branch).insert();

        Api.as(rm).when().get("/api/customers/" + customer).then().statusCode(403);

        assertEquals(0, Db.count("select count(*) from audit_log where subject = ?", customer));
    }

    @Test
    void anonymousCallerIsChallenged() {
        given().when().get("/api/customers/" + unique("C")).then().statusCode(401);
    }
}
