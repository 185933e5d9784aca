package com.bank.callcenter.campaigns;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CampaignTransitionsTest {

    private static final String PROBLEM = "application/problem+json";

    private static void act(String id, String action, int status) {
        Api.planner().when().post("/api/campaigns/{id}/" + action, id).then().statusCode(status);
    }

    @Test
    void startMakesADraftActive() {
        String id = Definitions.created("start");
        Api.planner().when().post("/api/campaigns/{id}/start", id).then().statusCode(200)
                .body("state", equalTo("ACTIVE")).body("version", equalTo(1));
        assertEquals("ACTIVE", Db.value("select state from campaign where id = ?", id));
    }

    @Test
    void pauseMakesAnActiveCampaignPaused() {
        String id = Definitions.created("pause");
        act(id, "start", 200);
        Api.admin().when().post("/api/campaigns/{id}/pause", id).then().statusCode(200)
                .body("state", equalTo("PAUSED"));
    }

    @Test
    void startResumesAPausedCampaign() {
        String id = Definitions.created("resume");
        act(id, "start", 200);
        act(id, "pause", 200);
        Api.planner().when().post("/api/campaigns/{id}/start", id).then().statusCode(200)
                .body("state", equalTo("ACTIVE"));
    }

    @Test
    void endFinishesAnActiveCampaign() {
        String id = Definitions.created("end-active");
        act(id, "start", 200);
        Api.planner().when().post("/api/campaigns/{id}/end", id).then().statusCode(200)
                .body("state", equalTo("ENDED"));
    }

    @Test
    void endFinishesAPausedCampaign() {
        String id = Definitions.created("end-paused");
        act(id, "start", 200);
        act(id, "pause", 200);
        Api.planner().when().post("/api/campaigns/{id}/end", id).then().statusCode(200)
                .body("state", equalTo("ENDED"));
    }

    @Test
    void endDropsADraft() {
        String id = Definitions.created("end-draft");
        Api.planner().when().post("/api/campaigns/{id}/end", id).then().statusCode(200)
                .body("state", equalTo("ENDED"));
    }

    @Test
    void pausingADraftIsAConflictNamingBothStates() {
        String id = Definitions.created("pause-draft");
        Api.planner().when().post("/api/campaigns/{id}/pause", id).then().statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("bad-transition")).body("from", equalTo("DRAFT")).body("to", equalTo("PAUSED"))
                .body("detail", allOf(containsString("DRAFT"), containsString("PAUSED")));
        assertEquals("DRAFT", Db.value("select state from campaign where id = ?", id));
    }

    @Test
    void anEndedCampaignCannotBeStartedAgain() {
        String id = Definitions.created("restart");
        act(id, "end", 200);
        Api.planner().when().post("/api/campaigns/{id}/start", id).then().statusCode(409).contentType(PROBLEM)
                .body("from", equalTo("ENDED")).body("to", equalTo("ACTIVE"));
    }

    @Test
    void startingAnActiveCampaignAgainIsAConflict() {
        String id = Definitions.created("twice");
        act(id, "start", 200);
        Api.planner().when().post("/api/campaigns/{id}/start", id).then().statusCode(409).contentType(PROBLEM)
                .body("from", equalTo("ACTIVE")).body("to", equalTo("ACTIVE"));
    }

    @Test
    void transitionOfAnUnknownCampaignIsNotFound() {
        Api.planner().when().post("/api/campaigns/{id}/start", "no-such-campaign").then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void updateKeepsTheStateAndAcceptsItUnchanged() {
        String id = Definitions.created("keep-state");
        act(id, "start", 200);
        String body = """
                {"id": "%s", "name": "保持状态", "channel": "SMS", "rule": {"payroll": true}, "state": "ACTIVE"}
                """.formatted(id);
        Api.planner().contentType("application/json").body(body).when().put("/api/campaigns/{id}", id).then()
                .statusCode(200).body("state", equalTo("ACTIVE")).body("version", equalTo(2));
    }
}
