package com.bank.callcenter.sms;

import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SmsTemplateTest {

    @Inject
    PasswordHasher hasher;

    @Test
    void shippedTemplatesAreListedToEveryRole() {
        String rm = new SmsBook(hasher).rm();
        for (String user : List.of(rm, "planner", "supervisor", "admin")) {
            Api.as(user).when().get("/api/sms/templates").then().statusCode(200)
                    .body("id", hasItems("maturity-reminder", "manager-introduction", "callback-missed"));
        }
        JsonPath list = Api.planner().when().get("/api/sms/templates").then().extract().jsonPath();
        String body = list.getString("find { it.id == 'maturity-reminder' }.body");
        assertTrue(body.contains("{maturityDate}"), body);
        assertFalse(body.contains("回复TD退订"), "the tail is added when sending, not stored");
        assertEquals(List.of("customerName", "bankName", "maturityDate", "managerName"),
                list.getList("find { it.id == 'maturity-reminder' }.variables"));
    }

    @Test
    void plannerCreatesAndUpdatesATemplateAndAnRmSendsIt() {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Api.planner().contentType("application/json")
                .body("{\"id\":\"" + id + "\",\"name\":\"测试\",\"body\":\"{customerName}您好，{bankName}祝您生活愉快。\"}")
                .when().post("/api/sms/templates").then().statusCode(201)
                .body("id", equalTo(id)).body("active", equalTo(true));
        Api.admin().contentType("application/json")
                .body("{\"name\":\"测试2\",\"body\":\"{customerName}您好，感谢您的支持。\"}")
                .when().put("/api/sms/templates/" + id).then().statusCode(200)
                .body("name", equalTo("测试2")).body("body", equalTo("{customerName}您好，感谢您的支持。"));
        Api.planner().when().get("/api/sms/templates").then().body("id", hasItem(id));

        SmsBook book = new SmsBook(hasher);
        String rm = book.rm();
        String customer = book.customer(rm);
        String smsId = SmsBook.send(rm, SmsBook.json(customer, "templateId", id));
        JsonPath sms = SmsBook.awaitFinal(rm, smsId);
        assertEquals("【示例银行】客户" + customer + "您好，感谢您的支持。回复TD退订", sms.getString("text"));
        assertEquals(id, sms.getString("templateId"));
    }

    @Test
    void inactiveTemplateCannotBeSent() {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Api.planner().contentType("application/json")
                .body("{\"id\":\"" + id + "\",\"name\":\"停用\",\"body\":\"您好\",\"active\":false}")
                .when().post("/api/sms/templates").then().statusCode(201).body("active", equalTo(false));
        SmsBook book = new SmsBook(hasher);
        String rm = book.rm();
        String customer = book.customer(rm);
        Api.as(rm).contentType("application/json").body(SmsBook.json(customer, "templateId", id))
                .when().post("/api/sms").then().statusCode(409).body("code", equalTo("template-inactive"));
    }

    @Test
    void unknownVariableIsRefusedAtSaveTime() {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Api.planner().contentType("application/json")
                .body("{\"id\":\"" + id + "\",\"name\":\"坏\",\"body\":\"{customerName}您好，您的{balance}\"}")
                .when().post("/api/sms/templates").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("unknown-template-variable")).body("unknown", equalTo(List.of("balance")));
        assertEquals(0, Db.count("select count(*) from sms_template where id = ?", id));
        Api.planner().contentType("application/json")
                .body("{\"name\":\"坏\",\"body\":\"{managerName}和{nickname}\"}")
                .when().put("/api/sms/templates/callback-missed").then().statusCode(400)
                .body("code", equalTo("unknown-template-variable"));
        assertTrue(((String) Db.value("select body from sms_template where id = 'callback-missed'")).contains("稍后"));
    }

    @Test
    void invalidTemplatesAreBadRequests() {
        Api.planner().contentType("application/json").body("{\"id\":\"Bad Id\",\"name\":\"x\",\"body\":\"y\"}")
                .when().post("/api/sms/templates").then().statusCode(400).body("code", equalTo("invalid-template-id"));
        Api.planner().contentType("application/json").body("{\"id\":\"t-empty\",\"name\":\"x\",\"body\":\" \"}")
                .when().post("/api/sms/templates").then().statusCode(400);
        Api.planner().contentType("application/json")
                .body("{\"id\":\"t-long\",\"name\":\"x\",\"body\":\"" + "长".repeat(501) + "\"}")
                .when().post("/api/sms/templates").then().statusCode(400).body("code", equalTo("sms-too-long"));
        Api.planner().contentType("application/json")
                .body("{\"id\":\"callback-missed\",\"name\":\"x\",\"body\":\"y\"}")
                .when().post("/api/sms/templates").then().statusCode(409).body("code", equalTo("template-exists"));
        Api.planner().contentType("application/json").body("{\"name\":\"x\",\"body\":\"y\"}")
                .when().put("/api/sms/templates/no-such-template").then().statusCode(404);
    }

    @Test
    void onlyPlannersAndAdminsSaveTemplates() {
        String rm = new SmsBook(hasher).rm();
        for (String user : List.of(rm, "supervisor")) {
            Api.as(user).contentType("application/json").body("{\"id\":\"t-nope\",\"name\":\"x\",\"body\":\"y\"}")
                    .when().post("/api/sms/templates").then().statusCode(403);
            Api.as(user).contentType("application/json").body("{\"name\":\"x\",\"body\":\"y\"}")
                    .when().put("/api/sms/templates/callback-missed").then().statusCode(403);
        }
        assertEquals(0, Db.count("select count(*) from sms_template where id = 't-nope'"));
    }
}
