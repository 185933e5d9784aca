package com.bank.callcenter.packaged;

import com.bank.callcenter.support.Api;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The packaged application (target/quarkus-app/quarkus-run.jar, started with {@code java -jar} by
 * Quarkus in failsafe's integration-test phase) with its embedded default: health, a demo login,
 * the staff, customers and do-not-call extracts, book assignment, a campaign and its target list.
 */
@QuarkusIntegrationTest
@TestProfile(PackagedAppProfile.class)
class PackagedAppIT {

    private static final String AS_OF = "2026-11-23";

    @Test
    void packagedAppImportsExtractsAndBuildsATargetList() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        given().when().get("/api/users/me").then().statusCode(401);
        Api.admin().when().get("/api/users/me").then().statusCode(200)
                .body("username", equalTo("admin")).body("roles", hasItem("ADMIN"));

        importCsv("staff", """
                staff_id,name,role,branch_id,extension
                it-rm1,集成一,REMOTE_MANAGER,BR-IT,9101
                it-rm2,集成二,REMOTE_MANAGER,BR-IT,9102
                """).body("accepted", equalTo(2));
        // LONG_TAIL is 10,000 <= AUM < 50,000
        importCsv("customers", """
                customer_id,name,mobile,home_branch_id,aum,payroll,status
                IT-C1,张一,13800000010,BR-IT,12000.00,false,ACTIVE
                IT-C2,张二,13800000020,BR-IT,30000.00,true,ACTIVE
                IT-C3,张三,13800000030,BR-IT,49999.99,false,ACTIVE
                IT-C4,张四,,BR-IT,20000.00,false,ACTIVE
                IT-C5,张五,13800000050,BR-IT,25000.00,false,CLOSED
                IT-C6,张六,13800000060,BR-IT,15000.00,false,ACTIVE
                IT-C7,张七,13800000070,BR-IT,800.00,false,ACTIVE
                IT-C8,张八,13800000080,BR-IT,80000.00,false,ACTIVE
                """).body("accepted", equalTo(8)).body("rejected", equalTo(0));
        importCsv("dnc", """
                mobile,reason
                13800000060,客户要求
                """).body("accepted", equalTo(1));

        // the ACTIVE LONG_TAIL customers without a manager: IT-C1, C2, C3, C4, C6
        Api.supervisor().when().post("/api/books/assign").then().statusCode(200)
                .body("assigned", equalTo(5)).body("unassigned", equalTo(0));

        String campaign = "it-packaged-long-tail";
        Api.planner().contentType("application/json").body("""
                        {"id": "%s", "name": "打包测试", "channel": "AGENT_CALL", "rule": {"tier": ["LONG_TAIL"]}}
                        """.formatted(campaign))
                .when().post("/api/campaigns").then().statusCode(201).body("id", equalTo(campaign));

        // six LONG_TAIL customers: C5 closed, C4 without mobile, C6 on the do-not-call list
        Api.supervisor().when().post("/api/campaigns/" + campaign + "/preview?asOf=" + AS_OF)
                .then().statusCode(200)
                .body("count", equalTo(3))
                .body("excluded.closed", equalTo(1))
                .body("excluded.noMobile", equalTo(1))
                .body("excluded.doNotCall", equalTo(1));
        int listId = Api.planner().when().post("/api/campaigns/" + campaign + "/lists?asOf=" + AS_OF)
                .then().statusCode(201)
                .body("listId", notNullValue())
                .body("size", equalTo(3))
                .body("excluded.closed", equalTo(1))
                .body("excluded.noMobile", equalTo(1))
                .body("excluded.doNotCall", equalTo(1))
                .body("excluded.openComplaint", equalTo(0))
                .body("excluded.frequencyCap", equalTo(0))
                .extract().path("listId");

        Api.supervisor().when().get("/api/lists/" + listId + "/entries").then().statusCode(200)
                .header("X-Total-Count", "3")
                .body("customerId", contains("IT-C1", "IT-C2", "IT-C3"))
                .body("managerId", everyItem(notNullValue()));

        // every imported RM logs in (demo mode) and sees only the entries of their own book
        int seenByManagers = 0;
        for (String rm : List.of("it-rm1", "it-rm2")) {
            List<String> managers = Api.as(rm).when().get("/api/lists/" + listId + "/entries").then()
                    .statusCode(200).body("managerId", everyItem(equalTo(rm)))
                    .extract().path("managerId");
            seenByManagers += managers.size();
        }
        assertEquals(3, seenByManagers);
        Api.as("it-rm1").when().get("/api/books/it-rm1").then().statusCode(200)
                .body("size", greaterThan(0));

        // the desk: the campaign started, an RM ready takes a customer of their book (inside the calling window)
        Api.planner().when().post("/api/campaigns/" + campaign + "/start").then().statusCode(200);
        Api.as("it-rm1").contentType("application/json").body("{\"state\":\"READY\"}")
                .when().put("/api/agent/state").then().statusCode(200).body("state", equalTo("READY"));
        java.time.ZonedDateTime shanghai = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai"));
        boolean insideWindow = shanghai.getDayOfWeek().getValue() <= 5 && shanghai.getHour() >= 9 && shanghai.getHour() < 20;
        if (insideWindow) {
            Api.as("it-rm1").when().post("/api/agent/next").then().statusCode(200)
                    .body("campaign.id", equalTo(campaign)).body("customer.mobileMasked", notNullValue());
        } else {
            Api.as("it-rm1").when().post("/api/agent/next").then().statusCode(204);
        }
        Api.as("it-rm1").when().get("/api/agent/today").then().statusCode(200).body("dialled", equalTo(0));
    }

    private static ValidatableResponse importCsv(String kind, String csv) {
        return Api.admin().contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/imports/" + kind + "?asOf=" + AS_OF)
                .then().statusCode(200).body("kind", equalTo(kind));
    }
}
