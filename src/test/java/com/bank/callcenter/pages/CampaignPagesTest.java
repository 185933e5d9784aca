package com.bank.callcenter.pages;

import com.bank.callcenter.campaigns.Definitions;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The planner's campaign pages (Qute), in Chinese by default and in English with ?lang=en. */
@QuarkusTest
class CampaignPagesTest {

    private static final String RM = "rm-campaign-pages";

    private String campaign;

    @BeforeEach
    void aCampaignAndARemoteManagerExist() {
        TestUsers.remoteManager(RM);
        campaign = Definitions.created("page");
    }

    @Test
    void listIsInChineseByDefaultWithStateChannelAndActions() {
        Api.planner().when().get("/campaigns").then().statusCode(200).contentType(containsString("text/html"))
                .body(allOf(containsString("lang=\"zh\""), containsString("营销活动"),
                        containsString("href=\"/campaigns/" + campaign + "\""), containsString("草稿"),
                        containsString("客户经理外呼"), containsString("data-action=\"start\""),
                        containsString("data-action=\"end\""), containsString("/static/campaigns.js")));
    }

    @Test
    void listOffersOnlyTheActionsTheStateAllows() {
        String ended = Definitions.created("page-ended");
        Api.planner().when().post("/api/campaigns/{id}/end", ended).then().statusCode(200);
        String page = Api.planner().when().get("/campaigns").then().statusCode(200).extract().asString();
        String endedRow = page.substring(page.indexOf("data-id=\"" + ended + "\""));
        endedRow = endedRow.substring(0, endedRow.indexOf("</tr>"));
        assertFalse(endedRow.contains("data-action"), endedRow);
    }

    @Test
    void listSpeaksEnglishWithLangEn() {
        Api.planner().queryParam("lang", "en").when().get("/campaigns").then().statusCode(200)
                .body(allOf(containsString("lang=\"en\""), containsString("Campaigns"), containsString("Draft"),
                        containsString("Agent call"), not(containsString("营销活动"))));
    }

    @Test
    void listShowsTheFilesCampaignsLoadedAtStartUp() {
        Api.planner().when().get("/campaigns").then().statusCode(200)
                .body(allOf(containsString("href=\"/campaigns/file-loaded\""), containsString("进行中")));
    }

    @Test
    void supervisorSeesTheListWithoutActions() {
        Api.supervisor().when().get("/campaigns").then().statusCode(200)
                .body(allOf(containsString(campaign), containsString("id=\"read-only\""),
                        not(containsString("data-action="))));
    }

    @Test
    void remoteManagerIsForbiddenTheList() {
        Api.as(RM).when().get("/campaigns").then().statusCode(403);
    }

    @Test
    void remoteManagerIsForbiddenACampaign() {
        Api.as(RM).when().get("/campaigns/{id}", campaign).then().statusCode(403);
    }

    @Test
    void anonymousVisitorIsSentToTheLoginForm() {
        given().redirects().follow(false).when().get("/campaigns").then().statusCode(302)
                .header("Location", endsWith("/login"));
    }

    @Test
    void campaignPageShowsTheDefinitionForEditingAndThePreview() {
        Api.planner().when().get("/campaigns/{id}", campaign).then().statusCode(200)
                .body(allOf(containsString("id=\"definition\""), containsString("&quot;LONG_TAIL&quot;"),
                        containsString("id=\"save\""), containsString("id=\"preview-form\""),
                        containsString("type=\"date\""), containsString("/static/campaign.js"),
                        containsString("名单预览"), not(containsString("readonly"))));
    }

    @Test
    void campaignPageSpeaksEnglishWithLangEn() {
        Api.admin().queryParam("lang", "en").when().get("/campaigns/{id}", campaign).then().statusCode(200)
                .body(allOf(containsString("List preview"), containsString("Save"), containsString("Frequency cap")));
    }

    @Test
    void campaignPageIsReadOnlyForASupervisor() {
        Api.supervisor().when().get("/campaigns/{id}", campaign).then().statusCode(200)
                .body(allOf(containsString("readonly"), not(containsString("id=\"save\""))));
    }

    @Test
    void unknownCampaignPageIsNotFound() {
        Api.planner().when().get("/campaigns/{id}", "no-such-campaign").then().statusCode(404);
    }

    @Test
    void homePageLinksToTheCampaigns() {
        Api.planner().when().get("/").then().statusCode(200).body(containsString("href=\"/campaigns\""));
    }

    @Test
    void homePageOfARemoteManagerHasNoCampaignLink() {
        Api.as(RM).when().get("/").then().statusCode(200).body(not(containsString("href=\"/campaigns\"")));
    }

    @Test
    void campaignScriptsAreServedWithoutLogin() {
        given().when().get("/static/campaigns.js").then().statusCode(200).body(containsString("/api/campaigns/"));
        given().when().get("/static/campaign.js").then().statusCode(200).body(containsString("/preview?asOf="));
    }
}
