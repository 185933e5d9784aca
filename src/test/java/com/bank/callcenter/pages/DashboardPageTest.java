package com.bank.callcenter.pages;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The supervisor's dashboard page (Qute): for SUPERVISOR and ADMIN, in Chinese by default and in English with ?lang=en. */
@QuarkusTest
class DashboardPageTest {

    private static final String RM = "rm-dashboard-page";

    @Test
    void dashboardIsInChineseByDefaultWithEveryPartAndTheDailyStandard() {
        Api.supervisor().when().get("/dashboard").then().statusCode(200).contentType(containsString("text/html"))
                .body(allOf(containsString("lang=\"zh\""), containsString("实时看板"),
                        containsString("id=\"live-indicator\""), containsString("id=\"total-calls-in-progress\""),
                        containsString("id=\"total-dialled\""), containsString("id=\"total-answered\""),
                        containsString("id=\"total-answer-rate\""), containsString("id=\"total-effective\""),
                        containsString("id=\"total-avg-talk\""), containsString("id=\"total-sms\""),
                        containsString("id=\"state-count-READY\""), containsString("id=\"state-count-ON_CALL\""),
                        containsString("id=\"state-count-WRAP_UP\""), containsString("id=\"state-count-PAUSED\""),
                        containsString("id=\"state-count-OFFLINE\""), containsString("id=\"agents\""),
                        containsString("id=\"hourly-chart\""), containsString("id=\"robot-pressed1\""),
                        containsString("id=\"robot-no-input\""), containsString("接通率"), containsString("按 9"),
                        containsString("data-effective-standard=\"60\""), containsString("data-sms-standard=\"20\""),
                        containsString("有效通话 60 通、短信 20 条"),
                        containsString("/webjars/chart.js/4.4.7/dist/chart.umd.js"), containsString("/static/dashboard.js")));
    }

    @Test
    void dashboardSpeaksEnglishWithLangEn() {
        Api.admin().queryParam("lang", "en").when().get("/dashboard").then().statusCode(200)
                .body(allOf(containsString("lang=\"en\""), containsString("Live dashboard"),
                        containsString("Calls in progress"), containsString("Answer rate"),
                        containsString("Pressed 1"), containsString("60 effective calls and 20 SMS"),
                        not(containsString("实时看板"))));
    }

    @Test
    void theChartScriptIsServedWithoutALogin() {
        given().when().get("/webjars/chart.js/4.4.7/dist/chart.umd.js").then().statusCode(200)
                .body(containsString("Chart"));
        given().when().get("/static/dashboard.js").then().statusCode(200).body(containsString("/api/dashboard/stream"));
    }

    @Test
    void dashboardIsForTheSupervisorAndTheAdminOnly() {
        TestUsers.remoteManager(RM);
        Api.as(RM).when().get("/dashboard").then().statusCode(403);
        Api.planner().when().get("/dashboard").then().statusCode(403);
        Api.supervisor().when().get("/dashboard").then().statusCode(200);
        Api.admin().when().get("/dashboard").then().statusCode(200);
    }

    @Test
    void theNavigationOffersTheDashboardToWhoMayOpenIt() {
        Api.supervisor().when().get("/").then().statusCode(200).body(containsString("href=\"/dashboard\""));
        Api.planner().when().get("/").then().statusCode(200).body(not(containsString("href=\"/dashboard\"")));
    }

    @Test
    void anonymousVisitorIsSentToTheLoginForm() {
        given().redirects().follow(false).when().get("/dashboard").then().statusCode(302)
                .header("Location", containsString("/login"));
    }
}
