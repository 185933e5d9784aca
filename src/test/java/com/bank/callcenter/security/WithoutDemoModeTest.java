package com.bank.callcenter.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Outside the embedded default no password exists by default. */
@QuarkusTest
@TestProfile(WithoutDemoModeTest.Production.class)
class WithoutDemoModeTest {

    private static final String ADMIN_PASSWORD = "first-admin-secret";

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("callcenter.demo.enabled", "false",
                    "callcenter.security.admin-password", ADMIN_PASSWORD);
        }
    }

    @Test
    void demoUsersDoNotExist() {
        given().auth().preemptive().basic("planner", "planner").when().get("/api/users/me").then().statusCode(401);
        given().auth().preemptive().basic("admin", "admin").when().get("/api/users/me").then().statusCode(401);
    }

    @Test
    void importedStaffHaveNoUsablePasswordUntilAnAdminSetsOne() {
        given().auth().preemptive().basic("admin", ADMIN_PASSWORD).contentType("text/csv; charset=UTF-8")
                .body("staff_id,name,role,branch_id,extension\nprod-rm1,生产,REMOTE_MANAGER,BR-P,9201\n")
                .when().post("/api/imports/staff").then().statusCode(200);
        given().auth().preemptive().basic("prod-rm1", "prod-rm1").when().get("/api/users/me").then().statusCode(401);
        given().auth().preemptive().basic("prod-rm1", "").when().get("/api/users/me").then().statusCode(401);

        given().auth().preemptive().basic("admin", ADMIN_PASSWORD).contentType("application/json")
                .body("{\"password\":\"rm-chosen-secret\"}")
                .when().put("/api/users/prod-rm1/password").then().statusCode(204);
        given().auth().preemptive().basic("prod-rm1", "rm-chosen-secret").when().get("/api/users/me")
                .then().statusCode(200).body("staffId", equalTo("prod-rm1"));
    }
}
