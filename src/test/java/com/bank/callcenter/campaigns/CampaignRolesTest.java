package com.bank.callcenter.campaigns;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Planners and admins change campaigns, supervisors read them, remote managers see nothing. */
@QuarkusTest
class CampaignRolesTest {

    private static final String RM = "rm-campaigns";
    private static final String JSON = "application/json";

    private String existing;

    @BeforeEach
    void remoteManagerAndACampaignExist() {
        TestUsers.remoteManager(RM);
        existing = Definitions.created("roles");
    }

    /** Every endpoint of /api/campaigns as the given caller, each with its expected status. */
    private void everyEndpoint(Supplier<RequestSpecification> caller, int read, int write) {
        caller.get().when().get("/api/campaigns").then().statusCode(read);
        caller.get().when().get("/api/campaigns/{id}", existing).then().statusCode(read);
        caller.get().when().get("/api/campaigns/file-problems").then().statusCode(read);
        caller.get().contentType(JSON).body(Definitions.minimal(Definitions.newId("denied")))
                .when().post("/api/campaigns").then().statusCode(write);
        caller.get().contentType(JSON).body(Definitions.minimal(existing))
                .when().put("/api/campaigns/{id}", existing).then().statusCode(write);
        caller.get().when().post("/api/campaigns/{id}/start", existing).then().statusCode(write);
        caller.get().when().post("/api/campaigns/{id}/pause", existing).then().statusCode(write);
        caller.get().when().post("/api/campaigns/{id}/end", existing).then().statusCode(write);
    }

    @Test
    void remoteManagerIsForbiddenEverywhere() {
        everyEndpoint(() -> Api.as(RM), 403, 403);
    }

    @Test
    void anonymousCallerIsChallengedEverywhere() {
        everyEndpoint(() -> given(), 401, 401);
    }

    @Test
    void supervisorReadsButCannotChange() {
        everyEndpoint(Api::supervisor, 200, 403);
        Api.planner().when().get("/api/campaigns/{id}", existing).then()
                .body("version", equalTo(1)).body("state", equalTo("DRAFT"));
    }

    @Test
    void plannerCreatesUpdatesAndMovesCampaigns() {
        String id = Definitions.newId("planner");
        Api.planner().contentType(JSON).body(Definitions.minimal(id)).when().post("/api/campaigns").then().statusCode(201);
        Api.planner().contentType(JSON).body(Definitions.minimal(id)).when().put("/api/campaigns/{id}", id).then()
                .statusCode(200);
        Api.planner().when().post("/api/campaigns/{id}/start", id).then().statusCode(200);
        Api.planner().when().get("/api/campaigns/file-problems").then().statusCode(200);
    }

    @Test
    void adminCreatesUpdatesAndMovesCampaigns() {
        String id = Definitions.newId("admin");
        Api.admin().contentType(JSON).body(Definitions.minimal(id)).when().post("/api/campaigns").then().statusCode(201);
        Api.admin().contentType(JSON).body(Definitions.minimal(id)).when().put("/api/campaigns/{id}", id).then()
                .statusCode(200);
        Api.admin().when().post("/api/campaigns/{id}/start", id).then().statusCode(200);
        Api.admin().when().post("/api/campaigns/{id}/end", id).then().statusCode(200);
    }
}
