package com.bank.callcenter.security;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static com.bank.callcenter.support.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An admin switches a login off by hand: refused at once, with a password and with a login cookie. */
@QuarkusTest
class LeaverLoginTest {

    private static final String COOKIE = "quarkus-credential";

    @Inject
    Fixtures fixtures;

    private static void setActive(String username, boolean active) {
        Api.admin().contentType("application/json").body("{\"active\": " + active + "}")
                .when().put("/api/users/" + username + "/active")
                .then().statusCode(200).body("active", equalTo(active));
    }

    @Test
    void inactiveUserIsRefusedAtOnceWithBasic() {
        String rm = fixtures.remoteManagerWithLogin(unique("BR"));
        Api.as(rm).when().get("/api/users/me").then().statusCode(200);

        setActive(rm, false);

        Api.as(rm).when().get("/api/users/me").then().statusCode(401);
    }

    @Test
    void inactiveUserIsRefusedAtOnceWithAnExistingLoginCookie() {
        String rm = fixtures.remoteManagerWithLogin(unique("BR"));
        String cookie = given().redirects().follow(false).formParam("j_username", rm).formParam("j_password", rm)
                .when().post("/j_security_check").then().statusCode(302).extract().cookie(COOKIE);
        given().cookie(COOKIE, cookie).when().get("/api/users/me").then().statusCode(200)
                .body("username", equalTo(rm));

        setActive(rm, false);

        // refused: a failed cookie sends the browser back to the login form (a 401 would do as well)
        given().redirects().follow(false).cookie(COOKIE, cookie).when().get("/api/users/me").then()
                .statusCode(anyOf(is(401), is(302))).header("Location", anyOf(nullValue(), endsWith("/login")));
        given().redirects().follow(false).cookie(COOKIE, cookie).when().get("/").then().statusCode(302)
                .header("Location", endsWith("/login"));
    }

    @Test
    void reactivatedUserLogsInAgainAndBothChangesAreAudited() {
        String rm = fixtures.remoteManagerWithLogin(unique("BR"));
        setActive(rm, false);
        setActive(rm, true);

        Api.as(rm).when().get("/api/users/me").then().statusCode(200);
        assertEquals(true, Db.value("select active from staff where staff_id = ?", rm));
        assertEquals(2, Db.count("""
                select count(*) from audit_log where action = 'CHANGE_ACTIVE' and subject = ? and username = 'admin'
                and before_value is not null and after_value is not null""", rm));
    }

    @Test
    void deactivatingAStaffLoginMakesTheStaffMemberInactive() {
        String rm = fixtures.remoteManagerWithLogin(unique("BR"));
        setActive(rm, false);
        assertEquals(false, Db.value("select active from staff where staff_id = ?", rm));
    }

    @Test
    void adminCannotDeactivateThemselves() {
        Api.admin().contentType("application/json").body("{\"active\": false}")
                .when().put("/api/users/admin/active")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("cannot-deactivate-yourself"));
        Api.admin().when().get("/api/users/me").then().statusCode(200);
    }

    @Test
    void deactivatingAnUnknownUserIsNotFound() {
        Api.admin().contentType("application/json").body("{\"active\": false}")
                .when().put("/api/users/" + unique("nobody") + "/active")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyAnAdminDeactivatesUsers() {
        Api.supervisor().contentType("application/json").body("{\"active\": false}")
                .when().put("/api/users/planner/active").then().statusCode(403);
        Api.planner().when().get("/api/users/me").then().statusCode(200);
    }

    @Test
    void activeIsRequired() {
        Api.admin().contentType("application/json").body("{}")
                .when().put("/api/users/planner/active")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
