package com.bank.callcenter.targeting.churn;

import com.bank.callcenter.calls.CallBook;
import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.targeting.Book;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ChurnExplanationTest {

    @Inject
    PasswordHasher hasher;

    @Test
    void everyFactorOfTheScoreIsShownWithItsValueWeightAndPoints() {
        Book book = new Book("CE-EXPL");
        String customer = book.customer("CE-1", "LONG_TAIL", 10000);
        // 2026-10-21 is the latest snapshot date on or before asOf - 30 days, whatever other tests stored
        book.snapshot(customer, LocalDate.parse("2026-10-21"), "LONG_TAIL", 40000);
        book.outflow(customer, 5000, "2026-11-15T10:00:00+08:00", true);

        // AUM fell 75% (0.75 × 40), outflows are half of AUM (0.5 × 30), nothing matured (0 × 20),
        // never contacted (1 × 10): (30 + 15 + 0 + 10) / 100 × 100 = 55
        Api.planner().when().get("/api/customers/" + customer + "/churn?asOf=2026-11-20").then().statusCode(200)
                .body("score", equalTo(55.0f))
                .body("factors", hasSize(4))
                .body("factors.name", contains("aumDecline", "sameNameOutflow", "maturedNotRenewed", "noRecentContact"))
                .body("factors.weight", contains(40, 30, 20, 10))
                .body("factors.points", contains(30.0f, 15.0f, 0.0f, 10.0f));
    }

    @Test
    void anRmSeesTheScoreOfTheirOwnCustomersOnly() {
        CallBook book = new CallBook(hasher);
        String rm = book.rm();
        String own = book.customer(rm, '0');
        String others = book.customer(book.rm(), '0');
        Api.as(rm).when().get("/api/customers/" + own + "/churn?asOf=2026-11-20").then().statusCode(200);
        Api.as(rm).when().get("/api/customers/" + others + "/churn?asOf=2026-11-20").then().statusCode(403);
        given().when().get("/api/customers/" + own + "/churn").then().statusCode(401);
    }

    @Test
    void unknownCustomerHasNoScore() {
        Api.planner().when().get("/api/customers/CE-NOBODY/churn").then().statusCode(404);
    }
}
