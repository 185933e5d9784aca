package com.bank.callcenter.security;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SecurityTest {

    @Test
    void anonymousCallerIsChallengedOnTheApi() {
        given().when().get("/api/users/me").then().statusCode(401);
    }

    @Test
    void wrongPasswordIsRejected() {
        given().auth().preemptive().basic("admin", "not-the-password")
                .when().get("/api/users/me").then().statusCode(401);
    }

    @Test
    void demoAdminLogsInWithItsUserName() {
        Api.admin().when().get("/api/users/me").then().statusCode(200)
                .body("username", equalTo("admin")).body("roles", hasItem("ADMIN"));
    }

    @Test
    void onlyAnAdminSetsPasswords() {
        Api.planner().contentType("application/json").body("{\"password\":\"another-secret\"}")
                .when().put("/api/users/supervisor/password")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void passwordThatIsTooShortIsAProblem() {
        Api.admin().contentType("application/json").body("{\"password\":\"short\"}")
                .when().put("/api/users/planner/password")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("password"));
    }

    @Test
    void healthStaysOpen() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void openApiNeedsALogin() {
        given().when().get("/q/openapi").then().statusCode(401).header("WWW-Authenticate", startsWith("Basic"));
        Api.as(TestUsers.remoteManager("openapi-rm")).when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void metricsAreForAdminsAndSupervisors() {
        given().when().get("/q/metrics").then().statusCode(401);
        Api.as(TestUsers.remoteManager("metrics-rm")).when().get("/q/metrics").then().statusCode(403);
        Api.planner().when().get("/q/metrics").then().statusCode(403);
        Api.supervisor().when().get("/q/metrics").then().statusCode(200);
        Api.admin().when().get("/q/metrics").then().statusCode(200);
    }
}
