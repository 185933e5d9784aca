package com.bank.callcenter.books;

import com.bank.callcenter.customers.Tier;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static com.bank.callcenter.support.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class BookSummaryTest {

    @Inject
    Fixtures fixtures;

    @Test
    void summaryCountsTheBookByTierWithEveryTierPresent() {
        String branch = unique("BR");
        String rm = fixtures.remoteManager(branch);
        fixtures.customer(branch).manager(rm).insert();
        fixtures.customer(branch).manager(rm).insert();
        fixtures.customer(branch).manager(rm).tier(Tier.MID_HIGH).aum("60000.00").insert();

        Api.supervisor().when().get("/api/books/" + rm)
                .then().statusCode(200)
                .body("staffId", equalTo(rm))
                .body("name", equalTo("Name of " + rm))
                .body("branchId", equalTo(branch))
                .body("size", equalTo(3))
                .body("capacity", equalTo(10000))
                .body("tiers.LONG_TAIL", equalTo(2))
                .body("tiers.MID_HIGH", equalTo(1))
                .body("tiers.MASS", equalTo(0))
                .body("tiers.WEALTH", equalTo(0))
                .body("tiers.PRIVATE_BANKING", equalTo(0));
    }

    @Test
    void remoteManagerSeesTheirOwnBook() {
        String rm = fixtures.remoteManagerWithLogin(unique("BR"));

        Api.as(rm).when().get("/api/books/" + rm).then().statusCode(200).body("size", equalTo(0));
    }

    @Test
    void remoteManagerMayNotSeeAnotherManagersBook() {
        String branch = unique("BR");
        String rm = fixtures.remoteManagerWithLogin(branch);
        String other = fixtures.remoteManager(branch);

        Api.as(rm).when().get("/api/books/" + other)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void plannerSeesAnyBook() {
        String rm = fixtures.remoteManager(unique("BR"));

        Api.planner().when().get("/api/books/" + rm).then().statusCode(200).body("staffId", equalTo(rm));
    }

    @Test
    void unknownStaffIsNotFound() {
        Api.admin().when().get("/api/books/" + unique("S"))
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anonymousCallerIsChallenged() {
        given().when().get("/api/books/" + unique("S")).then().statusCode(401);
    }
}
