package com.bank.callcenter.pages;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The /scores page (Qute): who may open it, what each role is offered, both languages. */
@QuarkusTest
class ScoresPageTest {

    @Test
    void aSupervisorGetsTheTableWithTheFormsInChineseForTheCurrentMonth() {
        Api.supervisor().when().get("/scores").then().statusCode(200).contentType(containsString("text/html"))
                .body(allOf(containsString("lang=\"zh\""), containsString("客户经理考核得分"),
                        containsString("value=\"2026-11\""), containsString("id=\"close-period\""),
                        containsString("id=\"qualitative-form\""), containsString("id=\"targets-form\""),
                        containsString("data-key=\"total\""), containsString("/static/scores.js"),
                        containsString("href=\"/scores\"")));
    }

    @Test
    void anRmGetsTheTableWithoutForms() {
        Api.as(TestUsers.remoteManager("rm-scores-page")).queryParam("period", "2026-10").when().get("/scores")
                .then().statusCode(200)
                .body(allOf(containsString("value=\"2026-10\""), containsString("id=\"scores\""),
                        not(containsString("id=\"close-period\"")), not(containsString("id=\"qualitative-form\"")),
                        not(containsString("id=\"targets-form\""))));
    }

    @Test
    void theSameInEnglish() {
        Api.admin().queryParam("lang", "en").when().get("/scores").then().statusCode(200)
                .body(allOf(containsString("lang=\"en\""), containsString("Close the period"),
                        containsString("Daily management (0–75)")));
    }

    @Test
    void aPlannerMayNotOpenIt() {
        Api.planner().when().get("/scores").then().statusCode(403);
        given().redirects().follow(false).when().get("/scores").then().statusCode(302);
    }
}
