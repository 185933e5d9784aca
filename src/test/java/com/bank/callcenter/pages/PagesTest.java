package com.bank.callcenter.pages;

import com.bank.callcenter.security.AppUser;
import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.security.Roles;
import com.bank.callcenter.staff.Staff;
import com.bank.callcenter.staff.StaffRole;
import com.bank.callcenter.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class PagesTest {

    private static final String RM = "rm901";

    @Inject
    PasswordHasher hasher;

    @BeforeEach
    void remoteManagerCanLogIn() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (Staff.findByStaffId(RM).isEmpty()) {
                Staff staff = new Staff();
                staff.staffId = RM;
                staff.name = "测试经理";
                staff.role = StaffRole.REMOTE_MANAGER;
                staff.branchId = "BR901";
                staff.extension = "9901";
                staff.persist();
            }
            if (AppUser.findByUsername(RM).isEmpty()) {
                AppUser user = new AppUser();
                user.username = RM;
                user.roles = Roles.RM;
                user.staffId = RM;
                user.passwordHash = hasher.hash(RM);
                user.persist();
            }
        });
    }

    @Test
    void loginPageShowsTheFormInChineseByDefault() {
        given().when().get("/login").then().statusCode(200).contentType(containsString("text/html"))
                .body(allOf(containsString("action=\"/j_security_check\""), containsString("name=\"j_username\""),
                        containsString("name=\"j_password\""), containsString("用户名"), containsString("lang=\"zh\"")));
    }

    @Test
    void loginPageSpeaksEnglishWithLangEn() {
        given().queryParam("lang", "en").when().get("/login").then().statusCode(200)
                .body(allOf(containsString("User name"), containsString("Sign in"), not(containsString("用户名"))));
    }

    @Test
    void loginPageFollowsTheBrowserLanguage() {
        given().header("Accept-Language", "en-US,en;q=0.9").when().get("/login").then().statusCode(200)
                .body(containsString("User name"));
    }

    @Test
    void langParameterWinsOverTheBrowserLanguage() {
        given().header("Accept-Language", "en-US").queryParam("lang", "zh").when().get("/login").then()
                .statusCode(200).body(containsString("用户名"));
    }

    @Test
    void loginPageShowsAnErrorAfterAFailedLogin() {
        given().queryParam("error", "true").when().get("/login").then().statusCode(200)
                .body(containsString("用户名或密码错误"));
    }

    @Test
    void loginPageShowsNoErrorBeforeALogin() {
        given().when().get("/login").then().statusCode(200).body(not(containsString("用户名或密码错误")));
    }

    @Test
    void anonymousVisitorIsSentToTheLoginForm() {
        given().redirects().follow(false).when().get("/").then().statusCode(302)
                .header("Location", endsWith("/login"));
    }

    @Test
    void homePageShowsWhoIsSignedInAndTheirRoles() {
        Api.planner().when().get("/").then().statusCode(200)
                .body(allOf(containsString("planner"), containsString("PLANNER"), containsString("/q/openapi"),
                        containsString("href=\"/imports\"")));
    }

    @Test
    void homePageOfARemoteManagerIsTheirDeskWithNoImports() {
        Api.as(RM).when().get("/").then().statusCode(200)
                .body(allOf(containsString(RM), containsString("id=\"agent-state\""), not(containsString("/imports"))));
    }

    @Test
    void importsPageIsForbiddenToARemoteManager() {
        Api.as(RM).when().get("/imports").then().statusCode(403);
    }

    @Test
    void importsPageOffersTheUploadToAPlanner() {
        Api.planner().when().get("/imports").then().statusCode(200)
                .body(allOf(containsString("id=\"import-form\""), containsString("type=\"file\""),
                        containsString("value=\"customers\""), containsString("/static/imports.js")));
    }

    @Test
    void importsPageOffersStaffOnlyToAnAdmin() {
        Api.planner().when().get("/imports").then().statusCode(200)
                .body(not(containsString("value=\"staff\"")));
        Api.admin().when().get("/imports").then().statusCode(200)
                .body(containsString("value=\"staff\""));
    }

    @Test
    void loginFormSignsInAndLandsOnTheHomePage() {
        Response login = given().redirects().follow(false).formParam("j_username", "supervisor")
                .formParam("j_password", "supervisor").when().post("/j_security_check");
        login.then().statusCode(302).header("Location", endsWith("/"));
        given().cookie("quarkus-credential", login.getCookie("quarkus-credential")).when().get("/").then()
                .statusCode(200).body(containsString("supervisor"));
    }

    @Test
    void wrongPasswordOnTheFormGoesBackToTheLoginWithAnError() {
        given().redirects().follow(false).formParam("j_username", "supervisor").formParam("j_password", "nope")
                .when().post("/j_security_check").then().statusCode(302)
                .header("Location", endsWith("/login?error=true"));
    }

    @Test
    void logoutForgetsTheLoginCookie() {
        given().redirects().follow(false).when().get("/logout").then().statusCode(303)
                .header("Location", endsWith("/login")).header("Set-Cookie", containsString("quarkus-credential=;"));
    }

    @Test
    void stylesheetAndScriptAreServedWithoutLogin() {
        given().when().get("/static/app.css").then().statusCode(200);
        given().when().get("/static/imports.js").then().statusCode(200).body(containsString("/api/imports/"));
    }
}
