package com.bank.callcenter.sms;

import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestClock;
import com.bank.callcenter.telephony.SimulatedPbxLauncher;
import com.bank.callcenter.telephony.sim.SimulatedMessage;
import com.bank.callcenter.telephony.sim.SimulatedPbx;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SmsApiTest {

    private static final String SIGNATURE = "【示例银行】";
    private static final String TAIL = "回复TD退订";

    @Inject
    PasswordHasher hasher;

    @Inject
    TestClock clock;

    @Inject
    SimulatedPbxLauncher launcher;

    private SmsBook book;
    private SimulatedPbx simulator;

    @BeforeEach
    void setUp() {
        book = new SmsBook(hasher);
        clock.reset();
        simulator = launcher.simulator().orElseThrow();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void templateSmsIsSentWithTheCustomersValuesSignatureAndTail() {
        String rm = book.rm();
        String customer = book.customer(rm);
        holding(customer, "TIME_DEPOSIT", LocalDate.of(2026, 11, 1));   // matured already
        holding(customer, "WEALTH", LocalDate.of(2026, 12, 1));         // the earliest maturing
        holding(customer, "TIME_DEPOSIT", LocalDate.of(2027, 3, 1));
        holding(customer, "FUND", null);

        String smsId = SmsBook.send(rm, SmsBook.json(customer, "templateId", "maturity-reminder"));
        JsonPath sms = SmsBook.awaitFinal(rm, smsId);

        assertEquals("SENT", sms.getString("state"));
        assertEquals("Message successfully sent", sms.getString("gatewayStatus"));
        assertNotNull(sms.getString("sentAt"));
        String text = sms.getString("text");
        assertTrue(text.startsWith(SIGNATURE), text);
        assertTrue(text.endsWith(TAIL), text);
        assertTrue(text.contains("尊敬的客户" + customer + "，"), text);
        assertTrue(text.contains("将于2026年12月1日到期"), text);
        assertTrue(text.contains("客户经理经理" + rm + "。"), text);
        assertTrue(text.contains("在示例银行的"), text);
        assertEquals(1, occurrences(text, SIGNATURE));
        assertEquals(1, occurrences(text, TAIL));

        UUID id = UUID.fromString(smsId);
        Map<String, Object> row = Db.rows("select * from sms_message where id = ?", id).get(0);
        assertEquals(text, row.get("body"));
        assertEquals("maturity-reminder", row.get("template_id"));
        assertEquals(rm, row.get("staff_id"));
        assertEquals(customer, row.get("customer_id"));
        assertEquals(1, Db.count("select count(*) from contact_attempt where id = ? and customer_id = ?"
                + " and channel = 'SMS' and marketing and staff_id = ?", id, customer, rm));

        SimulatedMessage sent = sentTo(SmsBook.mobileOf(customer));
        assertEquals("pjsip:carrier-sms/sip:" + SmsBook.mobileOf(customer) + "@carrier", sent.to());
        assertEquals(text, sent.body(), "the Chinese UTF-8 body arrives intact over AMI");
        assertFalse(sent.base64());
    }

    @Test
    void freeTextSmsGetsTheSignatureAndTailOnceEvenWhenTheTextHasThem() {
        String rm = book.rm();
        String customer = book.customer(rm);
        String smsId = SmsBook.send(rm, SmsBook.json(customer, "text", "【示例银行】{customerName}您好，新品理财已上线。回复TD退订"));
        JsonPath sms = SmsBook.awaitFinal(rm, smsId);
        assertEquals("SENT", sms.getString("state"));
        assertEquals("Message successfully sent", sms.getString("gatewayStatus"));
        assertEquals("【示例银行】客户" + customer + "您好，新品理财已上线。回复TD退订", sms.getString("text"));
        Object stored = Db.value("select body from sms_message where id = ?", UUID.fromString(smsId));
        assertEquals(sms.getString("text"), stored);
        assertEquals(1, occurrences((String) stored, SIGNATURE));
        assertEquals(1, occurrences((String) stored, TAIL));
        assertTrue(((String) stored).endsWith(TAIL));
        assertNull(Db.value("select template_id from sms_message where id = ?", UUID.fromString(smsId)));
    }

    @Test
    void multiLineTextGoesAsBase64BodyAndArrivesIntact() {
        String rm = book.rm();
        String customer = book.customer(rm);
        String smsId = SmsBook.send(rm, SmsBook.json(customer, "text", "第一行：定期到期提醒\n第二行：详询客户经理"));
        assertEquals("SENT", SmsBook.awaitFinal(rm, smsId).getString("state"));
        SimulatedMessage sent = sentTo(SmsBook.mobileOf(customer));
        assertTrue(sent.base64(), "a newline cannot go in an AMI Body line");
        assertEquals("【示例银行】第一行：定期到期提醒\n第二行：详询客户经理回复TD退订", sent.body());
    }

    @Test
    void messageSendRefusedByAsteriskFailsWithItsMessage() {
        String rm = book.rm();
        String customer = book.customer(rm);
        simulator.refuseMessagesTo(SmsBook.mobileOf(customer));
        String smsId = SmsBook.send(rm, SmsBook.json(customer, "text", "您好"));
        JsonPath sms = SmsBook.awaitFinal(rm, smsId);
        assertEquals("FAILED", sms.getString("state"));
        assertEquals("Message failed to send.", sms.getString("gatewayStatus"));
        assertNull(sms.get("sentAt"));
        assertEquals("Message failed to send.", Db.value("select gateway_status from sms_message where id = ?",
                UUID.fromString(smsId)));
        assertEquals(1, Db.count("select count(*) from contact_attempt where id = ?", UUID.fromString(smsId)));
    }

    @Test
    void aRetryIsANewRecordSentOnce() {
        String rm = book.rm();
        String customer = book.customer(rm);
        simulator.refuseMessagesTo(SmsBook.mobileOf(customer));
        String first = SmsBook.send(rm, SmsBook.json(customer, "text", "您好"));
        assertEquals("FAILED", SmsBook.awaitFinal(rm, first).getString("state"));
        // refused by Asterisk, it reached no one: on record, but no contact for the frequency cap
        assertEquals(false, Db.value("select sent from contact_attempt where id = ?", UUID.fromString(first)));

        String retry = SmsBook.send(rm, SmsBook.json(customer, "text", "您好"));
        assertEquals("FAILED", SmsBook.awaitFinal(rm, retry).getString("state"));
        assertNotEquals(first, retry, "a retry is a new record");
        assertEquals(2, Db.count("select count(*) from sms_message where customer_id = ?"
                + " and gateway_status = 'Message failed to send.'", customer));
    }

    @Test
    void doNotCallIsCheckedAtSendTime() {
        String rm = book.rm();
        String customer = book.customer(rm);
        Db.execute("insert into do_not_call (mobile, reason, source) values (?, 'opt-out', 'TEST')", SmsBook.mobileOf(customer));
        refused(rm, customer, "do-not-call");
    }

    @Test
    void expiredDoNotCallNoLongerBlocks() {
        String rm = book.rm();
        String customer = book.customer(rm);
        Db.execute("insert into do_not_call (mobile, reason, source, expires_at) values (?, 'opt-out', 'TEST', ?)",
                SmsBook.mobileOf(customer), Timestamp.from(TestClock.WORKING_HOURS.minusSeconds(60)));
        assertEquals("SENT", SmsBook.awaitFinal(rm, SmsBook.send(rm, SmsBook.json(customer, "text", "您好"))).getString("state"));
    }

    @Test
    void smsOutsideTheCallingWindowIsRefused() {
        String rm = book.rm();
        String customer = book.customer(rm);
        clock.setTo(Instant.parse("2026-11-25T12:30:00Z")); // 20:30 in Shanghai
        refused(rm, customer, "outside-calling-window");
        clock.setTo(Instant.parse("2026-11-28T02:00:00Z")); // Saturday 10:00
        refused(rm, customer, "outside-calling-window");
    }

    @Test
    void customerContactedWithinTheCapIsRefused() {
        String rm = book.rm();
        String customer = book.customer(rm);
        Db.execute("insert into contact_attempt (id, customer_id, channel, created_at) values (?, ?, 'AGENT_CALL', ?)",
                UUID.randomUUID(), customer, Timestamp.from(TestClock.WORKING_HOURS.minusSeconds(2 * 86400)));
        refused(rm, customer, "frequency-cap");
    }

    @Test
    void anSmsCapsTheNextCall() {
        String rm = book.rm();
        String customer = book.customer(rm);
        SmsBook.awaitFinal(rm, SmsBook.send(rm, SmsBook.json(customer, "text", "您好")));
        Api.as(rm).contentType("application/json").body("{\"customerId\":\"" + customer + "\"}")
                .when().post("/api/calls").then().statusCode(409).body("code", equalTo("frequency-cap"));
    }

    @Test
    void templateAndTextTogetherOrNeitherIsABadRequest() {
        String rm = book.rm();
        String customer = book.customer(rm);
        for (String body : List.of("{\"customerId\":\"" + customer + "\"}",
                "{\"customerId\":\"" + customer + "\",\"templateId\":\"callback-missed\",\"text\":\"您好\"}",
                "{\"customerId\":\"" + customer + "\",\"text\":\"  \"}")) {
            Api.as(rm).contentType("application/json").body(body).when().post("/api/sms")
                    .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("template-or-text"));
        }
        assertEquals(0, Db.count("select count(*) from sms_message where customer_id = ?", customer));
    }

    @Test
    void freeTextWithAnUnknownVariableIsABadRequest() {
        String rm = book.rm();
        String customer = book.customer(rm);
        Api.as(rm).contentType("application/json").body(SmsBook.json(customer, "text", "您好{nickname}"))
                .when().post("/api/sms").then().statusCode(400).body("code", equalTo("unknown-template-variable"));
    }

    @Test
    void unknownTemplateIsNotFound() {
        String rm = book.rm();
        String customer = book.customer(rm);
        Api.as(rm).contentType("application/json").body(SmsBook.json(customer, "templateId", "no-such-template"))
                .when().post("/api/sms").then().statusCode(404);
    }

    @Test
    void maturityReminderWithoutAMaturingHoldingIsAConflict() {
        String rm = book.rm();
        String customer = book.customer(rm);
        Api.as(rm).contentType("application/json").body(SmsBook.json(customer, "templateId", "maturity-reminder"))
                .when().post("/api/sms").then().statusCode(409).body("code", equalTo("no-maturing-holding"));
    }

    @Test
    void unknownCustomerIsNotFound() {
        String rm = book.rm();
        Api.as(rm).contentType("application/json").body(SmsBook.json("no-such-customer", "text", "您好"))
                .when().post("/api/sms").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void customerWithoutValidMobileIsAConflict() {
        String rm = book.rm();
        String customer = book.customerWithMobile(rm, "12345");
        Api.as(rm).contentType("application/json").body(SmsBook.json(customer, "text", "您好"))
                .when().post("/api/sms").then().statusCode(409).body("code", equalTo("no-valid-mobile"));
    }

    @Test
    void rmCannotWriteOutsideTheirBook() {
        String owner = book.rm();
        String other = book.rm();
        String customer = book.customer(owner);
        Api.as(other).contentType("application/json").body(SmsBook.json(customer, "text", "您好"))
                .when().post("/api/sms").then().statusCode(403).contentType("application/problem+json");
        assertEquals(0, Db.count("select count(*) from sms_message where customer_id = ?", customer));
    }

    @Test
    void plannerAndSupervisorCannotSend() {
        String rm = book.rm();
        String customer = book.customer(rm);
        for (String user : List.of("planner", "supervisor", "admin")) {
            Api.as(user).contentType("application/json").body(SmsBook.json(customer, "text", "您好"))
                    .when().post("/api/sms").then().statusCode(403);
        }
    }

    @Test
    void rmCannotReadAnotherRmsSmsAndTheNumberIsNeverShown() {
        String owner = book.rm();
        String other = book.rm();
        String customer = book.customer(owner);
        String mobile = SmsBook.mobileOf(customer);
        String smsId = SmsBook.send(owner, SmsBook.json(customer, "text", "您好"));
        SmsBook.awaitFinal(owner, smsId);
        Api.as(other).when().get("/api/sms/" + smsId).then().statusCode(403);
        String seen = Api.supervisor().when().get("/api/sms/" + smsId).then().statusCode(200)
                .body("smsId", equalTo(smsId)).extract().asString();
        assertFalse(seen.contains(mobile));
        assertFalse(Api.as(owner).get("/api/sms/" + smsId).asString().contains(mobile));
    }

    @Test
    void anonymousCallerIsChallenged() {
        given().contentType("application/json").body("{\"customerId\":\"x\",\"text\":\"y\"}").when().post("/api/sms")
                .then().statusCode(401);
        given().when().get("/api/sms/" + UUID.randomUUID()).then().statusCode(401);
        given().when().get("/api/sms/templates").then().statusCode(401);
    }

    @Test
    void unknownSmsIsNotFound() {
        Api.supervisor().when().get("/api/sms/" + UUID.randomUUID()).then().statusCode(404);
        Api.supervisor().when().get("/api/sms/not-a-uuid").then().statusCode(404);
    }

    private static void refused(String rm, String customer, String code) {
        long before = Db.count("select count(*) from sms_message where customer_id = ?", customer);
        Api.as(rm).contentType("application/json").body(SmsBook.json(customer, "text", "您好"))
                .when().post("/api/sms")
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo(code));
        assertEquals(before, Db.count("select count(*) from sms_message where customer_id = ?", customer));
    }

    private SimulatedMessage sentTo(String mobile) {
        SmsBook.await("MessageSend to " + mobile, () -> simulator.sentMessages().stream()
                .anyMatch(m -> m.to() != null && m.to().contains(mobile)));
        return simulator.sentMessages().stream().filter(m -> m.to().contains(mobile)).reduce((a, b) -> b).orElseThrow();
    }

    private static void holding(String customer, String type, LocalDate maturity) {
        Db.execute("insert into holding (holding_id, customer_id, branch_id, product_type, amount, maturity_date, as_of)"
                        + " values (?, ?, ?, ?, 50000, ?, current_date)", "h-" + UUID.randomUUID(), customer, SmsBook.BRANCH,
                type, maturity == null ? null : Date.valueOf(maturity));
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
