package com.bank.callcenter.pages;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RM's desk page (Qute): for the role RM only, in Chinese by default and in English with ?lang=en. */
@QuarkusTest
class DeskPageTest {

    private static final String RM = "rm-desk-page";

    @BeforeEach
    void aRemoteManagerExists() {
        TestUsers.remoteManager(RM);
    }

    @Test
    void deskIsInChineseByDefaultWithEveryPart() {
        Api.as(RM).when().get("/desk").then().statusCode(200).contentType(containsString("text/html"))
                .body(allOf(containsString("lang=\"zh\""), containsString("客户经理工作台"),
                        containsString("id=\"state-ready\""), containsString("id=\"state-pause\""),
                        containsString("id=\"state-offline\""), containsString("id=\"pause-reason\""),
                        containsString("data-state-on-call=\"通话中\""), containsString("data-state-wrap-up=\"话后整理\""),
                        containsString("id=\"next\""), containsString("id=\"call\""), containsString("id=\"hangup\""),
                        containsString("id=\"customer-mobile\""), containsString("id=\"holdings\""),
                        containsString("id=\"outflows\""), containsString("id=\"contacts\""),
                        containsString("id=\"campaign-script\""), containsString("id=\"disposition-form\""),
                        containsString("id=\"callback-at\""), containsString("type=\"datetime-local\""),
                        containsString("id=\"product-code\""), containsString("id=\"sms-template\""),
                        containsString("id=\"today-progress\""), containsString("id=\"queue-length\""),
                        containsString("id=\"callbacks\""), containsString("有效通话"), containsString("预约回访"),
                        containsString("/static/desk.js")));
    }

    @Test
    void everyDispositionCodeHasItsShortcutKey() {
        String page = Api.as(RM).when().get("/desk").then().statusCode(200).extract().asString();
        String[] codes = {"INTERESTED", "NOT_INTERESTED", "CALLBACK", "SOLD", "WRONG_NUMBER", "NO_ANSWER", "DO_NOT_CALL"};
        for (int i = 0; i < codes.length; i++) {
            assertTrue(page.contains("data-code=\"" + codes[i] + "\" data-key=\"" + (i + 1) + "\""), codes[i]);
        }
        assertTrue(page.contains("<kbd>N</kbd>") && page.contains("<kbd>C</kbd>"), "N and C are shown");
    }

    @Test
    void deskSpeaksEnglishWithLangEn() {
        Api.as(RM).queryParam("lang", "en").when().get("/desk").then().statusCode(200)
                .body(allOf(containsString("lang=\"en\""), containsString("Remote manager desk"),
                        containsString("Next"), containsString("Call back"), containsString("Effective calls"),
                        containsString("Wrap-up"), containsString("Send SMS"), not(containsString("客户经理工作台"))));
    }

    @Test
    void deskFollowsTheBrowserLanguage() {
        Api.as(RM).header("Accept-Language", "en-US,en;q=0.9").when().get("/desk").then().statusCode(200)
                .body(containsString("Remote manager desk"));
    }

    @Test
    void deskIsForbiddenToThePlannerTheSupervisorAndTheAdmin() {
        Api.planner().when().get("/desk").then().statusCode(403);
        Api.supervisor().when().get("/desk").then().statusCode(403);
        Api.admin().when().get("/desk").then().statusCode(403);
    }

    @Test
    void anonymousVisitorIsSentToTheLoginForm() {
        given().redirects().follow(false).when().get("/desk").then().statusCode(302)
                .header("Location", endsWith("/login"));
    }

    @Test
    void homePageSendsARemoteManagerToTheDesk() {
        Api.as(RM).redirects().follow(false).when().get("/").then().statusCode(303)
                .header("Location", endsWith("/desk"));
        Api.as(RM).redirects().follow(false).queryParam("lang", "en").when().get("/").then().statusCode(303)
                .header("Location", endsWith("/desk?lang=en"));
        Api.as(RM).when().get("/").then().statusCode(200).body(containsString("id=\"agent-state\""));
    }

    @Test
    void homePageOfOtherRolesHasNoDesk() {
        Api.planner().when().get("/").then().statusCode(200).body(not(containsString("href=\"/desk\"")));
        Api.supervisor().when().get("/").then().statusCode(200).body(not(containsString("href=\"/desk\"")));
    }

    @Test
    void deskScriptIsServedWithoutLoginAndShowsOnlyTheMaskedMobile() {
        String script = given().when().get("/static/desk.js").then().statusCode(200)
                .body(allOf(containsString("new EventSource('/api/agent/events')"), containsString("/api/agent/next"),
                        containsString("/api/agent/today"), containsString("/disposition"),
                        containsString("mobileMasked")))
                .extract().asString();
        assertFalse(Pattern.compile("\\.mobile\\b(?!Masked)").matcher(script).find(),
                "the desk reads no other mobile field than mobileMasked");
    }
}
