package com.bank.callcenter.campaigns;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CampaignResourceTest {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void createdCampaignIsADraftAtVersionOneWithItsLocation() {
        String id = Definitions.newId("create");
        Api.planner().contentType(JSON).body(Definitions.full(id, "到期挽留", 20))
                .when().post("/api/campaigns").then().statusCode(201)
                .header("Location", endsWith("/api/campaigns/" + id))
                .body("id", equalTo(id)).body("state", equalTo("DRAFT")).body("version", equalTo(1))
                .body("source", equalTo("API")).body("updatedBy", equalTo("planner"));
    }

    @Test
    void createdCampaignIsStoredWithItsDefinitionAsAJsonObject() {
        String id = Definitions.newId("stored");
        Api.admin().contentType(JSON).body(Definitions.full(id, "存储", 20)).when().post("/api/campaigns")
                .then().statusCode(201);
        assertEquals("object", Db.value("select jsonb_typeof(definition) from campaign where id = ?", id));
        assertEquals("存储", Db.value("select definition ->> 'name' from campaign where id = ?", id));
        assertEquals("DRAFT", Db.value("select state from campaign where id = ?", id));
    }

    @Test
    void getShowsTheFullDefinitionWithStateSourceAndVersion() {
        String id = Definitions.newId("get");
        Api.planner().contentType(JSON).body(Definitions.full(id, "完整定义", 20)).when().post("/api/campaigns")
                .then().statusCode(201);
        Api.supervisor().when().get("/api/campaigns/{id}", id).then().statusCode(200)
                .body("id", equalTo(id)).body("name", equalTo("完整定义")).body("purpose", equalTo("到期前致电"))
                .body("channel", equalTo("AGENT_CALL")).body("priority", equalTo(20))
                .body("order.by", equalTo("MATURITY_DATE"))
                .body("rule.all[1].holding.maturesWithinDays.to", equalTo(15))
                .body("schedule.workingDays", hasItem("FRIDAY"))
                .body("contactPolicy.frequencyCapDays", equalTo(14))
                .body("contactPolicy.retries.NO_ANSWER.afterMinutes", equalTo(240))
                .body("script", equalTo("您好，我是您的客户经理。"))
                .body("sms.template", equalTo("{customerName}您好"))
                .body("state", equalTo("DRAFT")).body("source", equalTo("API")).body("version", equalTo(1));
    }

    @Test
    void absentSettingsTakeTheConfiguredDefaults() {
        String id = Definitions.newId("defaults");
        Api.planner().contentType(JSON).body(Definitions.minimal(id)).when().post("/api/campaigns")
                .then().statusCode(201);
        Api.planner().when().get("/api/campaigns/{id}", id).then().statusCode(200)
                .body("priority", equalTo(100))
                .body("order.by", equalTo("CUSTOMER_ID")).body("order.direction", equalTo("ASC"))
                .body("contactPolicy.frequencyCapDays", equalTo(7))
                .body("schedule.windowStart", equalTo("09:00:00")).body("schedule.windowEnd", equalTo("20:00:00"));
    }

    @Test
    void orderWithoutDirectionIsAscending() {
        String id = Definitions.newId("order");
        String body = """
                {"id": "%s", "name": "排序", "channel": "SMS", "order": {"by": "AUM"}, "rule": {"payroll": true}}
                """.formatted(id);
        Api.planner().contentType(JSON).body(body).when().post("/api/campaigns").then().statusCode(201)
                .body("order.by", equalTo("AUM")).body("order.direction", equalTo("ASC"));
    }

    @Test
    void listShowsTheCampaignWithItsSummary() {
        String id = Definitions.newId("list");
        Api.planner().contentType(JSON).body(Definitions.full(id, "列表", 15)).when().post("/api/campaigns")
                .then().statusCode(201);
        Api.supervisor().when().get("/api/campaigns").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.name", equalTo("列表"))
                .body("find { it.id == '" + id + "' }.channel", equalTo("AGENT_CALL"))
                .body("find { it.id == '" + id + "' }.state", equalTo("DRAFT"))
                .body("find { it.id == '" + id + "' }.priority", equalTo(15))
                .body("find { it.id == '" + id + "' }.source", equalTo("API"))
                .body("find { it.id == '" + id + "' }.version", equalTo(1))
                .body("find { it.id == '" + id + "' }.updatedAt", notNullValue())
                .body("find { it.id == '" + id + "' }.rule", nullValue());
    }

    @Test
    void creatingAnExistingIdIsAConflict() {
        String id = Definitions.created("dup");
        Api.admin().contentType(JSON).body(Definitions.minimal(id)).when().post("/api/campaigns").then()
                .statusCode(409).contentType(PROBLEM).body("code", equalTo("campaign-exists"))
                .body("detail", containsString(id));
    }

    @Test
    void updateReplacesTheDefinitionAndRaisesTheVersion() {
        String id = Definitions.created("update");
        Api.planner().contentType(JSON).body(Definitions.full(id, "改名后", 30))
                .when().put("/api/campaigns/{id}", id).then().statusCode(200)
                .body("name", equalTo("改名后")).body("priority", equalTo(30)).body("version", equalTo(2));
        Api.planner().when().get("/api/campaigns/{id}", id).then().statusCode(200)
                .body("name", equalTo("改名后")).body("version", equalTo(2));
        assertEquals(30, Db.value("select priority from campaign where id = ?", id));
    }

    @Test
    void everyUpdateRaisesTheVersionByOne() {
        String id = Definitions.created("versions");
        for (int expected = 2; expected <= 4; expected++) {
            Api.planner().contentType(JSON).body(Definitions.minimal(id)).when().put("/api/campaigns/{id}", id)
                    .then().statusCode(200).body("version", equalTo(expected));
        }
    }

    @Test
    void updateWithAnotherIdInTheBodyIsRefused() {
        String id = Definitions.created("mismatch");
        Api.planner().contentType(JSON).body(Definitions.minimal("someone-else"))
                .when().put("/api/campaigns/{id}", id).then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("id-mismatch")).body("field", equalTo("id"));
        Api.planner().when().get("/api/campaigns/{id}", id).then().body("version", equalTo(1));
    }

    @Test
    void unknownCampaignIsNotFound() {
        Api.planner().when().get("/api/campaigns/{id}", "no-such-campaign").then().statusCode(404)
                .contentType(PROBLEM).body("code", equalTo("not-found"));
    }

    @Test
    void updatingAnUnknownCampaignIsNotFound() {
        Api.planner().contentType(JSON).body(Definitions.minimal("no-such-campaign"))
                .when().put("/api/campaigns/{id}", "no-such-campaign").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void stateCannotBeSetWhenCreating() {
        String id = Definitions.newId("state");
        String body = """
                {"id": "%s", "name": "状态", "channel": "SMS", "rule": {"payroll": true}, "state": "ACTIVE"}
                """.formatted(id);
        Api.planner().contentType(JSON).body(body).when().post("/api/campaigns").then().statusCode(400)
                .contentType(PROBLEM).body("field", equalTo("state"));
        Api.planner().when().get("/api/campaigns/{id}", id).then().statusCode(404);
    }

    @Test
    void unknownTopLevelFieldIsRefusedNamingIt() {
        String body = """
                {"id": "%s", "name": "未知字段", "channel": "SMS", "rule": {"payroll": true}, "colour": "red"}
                """.formatted(Definitions.newId("unknown"));
        Api.planner().contentType(JSON).body(body).when().post("/api/campaigns").then().statusCode(400)
                .contentType(PROBLEM).body("code", equalTo("bad-json")).body("detail", containsString("colour"));
    }

    @Test
    void unknownNestedFieldIsRefusedNamingIt() {
        String body = """
                {"id": "%s", "name": "未知字段", "channel": "SMS", "rule": {"payroll": true},
                 "contactPolicy": {"frequencyCap": 3}}
                """.formatted(Definitions.newId("nested"));
        Api.planner().contentType(JSON).body(body).when().post("/api/campaigns").then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("frequencyCap"))
                .body("field", equalTo("contactPolicy.frequencyCap"));
    }

    @Test
    void missingNameIsAValidationProblem() {
        String body = """
                {"id": "%s", "channel": "SMS", "rule": {"payroll": true}}
                """.formatted(Definitions.newId("noname"));
        Api.planner().contentType(JSON).body(body).when().post("/api/campaigns").then().statusCode(400)
                .contentType(PROBLEM).body("code", equalTo("validation")).body("violations.field", hasItem("name"));
    }

    @Test
    void idThatIsNotASlugIsAValidationProblem() {
        Api.planner().contentType(JSON).body(Definitions.minimal("Not A Slug")).when().post("/api/campaigns")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("id"));
    }

    @Test
    void callingWindowThatEndsBeforeItStartsIsAValidationProblem() {
        String body = """
                {"id": "%s", "name": "时段", "channel": "SMS", "rule": {"payroll": true},
                 "schedule": {"windowStart": "20:00", "windowEnd": "09:00"}}
                """.formatted(Definitions.newId("window"));
        Api.planner().contentType(JSON).body(body).when().post("/api/campaigns").then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("windowStart must be before windowEnd"));
    }

    @Test
    void unknownConditionIsABadRuleNamingIt() {
        String id = Definitions.newId("badrule");
        Api.planner().contentType(JSON).body(Definitions.withRule(id, "{\"all\": [{\"tier\": [\"MASS\"]}, {\"age\": 30}]}"))
                .when().post("/api/campaigns").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("bad-rule")).body("field", equalTo("rule.all[1].age"));
        Api.planner().when().get("/api/campaigns/{id}", id).then().statusCode(404);
    }

    @Test
    void negativeDaysAreABadRuleNamingTheField() {
        Api.planner().contentType(JSON)
                .body(Definitions.withRule(Definitions.newId("negative"), "{\"daysSinceLastContact\": {\"min\": -5}}"))
                .when().post("/api/campaigns").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("bad-rule")).body("field", equalTo("rule.daysSinceLastContact.min"));
    }

    @Test
    void maturityRangeFromAfterToIsABadRuleNamingTheField() {
        String rule = "{\"holding\": {\"types\": [\"WEALTH\"], \"maturesWithinDays\": {\"from\": 15, \"to\": 3}}}";
        Api.planner().contentType(JSON).body(Definitions.withRule(Definitions.newId("range"), rule))
                .when().post("/api/campaigns").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("bad-rule")).body("field", equalTo("rule.holding.maturesWithinDays.from"));
    }

    @Test
    void unknownTierIsABadRuleNamingTheField() {
        Api.planner().contentType(JSON)
                .body(Definitions.withRule(Definitions.newId("tier"), "{\"any\": [{\"tier\": [\"DIAMOND\"]}]}"))
                .when().post("/api/campaigns").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("bad-rule")).body("field", equalTo("rule.any[0].tier"))
                .body("detail", containsString("DIAMOND"));
    }

    @Test
    void unknownProductTypeIsABadRuleNamingTheField() {
        String rule = "{\"all\": [{\"tier\": [\"LONG_TAIL\"]}, {\"holding\": {\"types\": [\"GOLD_BARS\"]}}]}";
        Api.planner().contentType(JSON).body(Definitions.withRule(Definitions.newId("product"), rule))
                .when().post("/api/campaigns").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("bad-rule")).body("field", equalTo("rule.all[1].holding.types"));
    }

    @Test
    void badRuleOnUpdateLeavesTheCampaignUnchanged() {
        String id = Definitions.created("badupdate");
        Api.planner().contentType(JSON).body(Definitions.withRule(id, "{\"churnScore\": {\"min\": 120}}"))
                .when().put("/api/campaigns/{id}", id).then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("bad-rule")).body("field", equalTo("rule.churnScore.min"));
        Api.planner().when().get("/api/campaigns/{id}", id).then().body("version", equalTo(1))
                .body("rule.tier[0]", equalTo("LONG_TAIL"));
    }
}
