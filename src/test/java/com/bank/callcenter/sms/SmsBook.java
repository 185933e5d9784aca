package com.bank.callcenter.sms;

import com.bank.callcenter.support.Await;

import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.customers.Tier;
import com.bank.callcenter.support.TestCustomers;
import com.bank.callcenter.support.Db;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test data for SMS, made with SQL and unique per test: RMs with a login (password = user name) and
 * a phone extension that answers, customers in their book; and sending / awaiting SMS through the API.
 */
public final class SmsBook {

    static final String BRANCH = "BR-SMS";
    private static final Duration AWAIT = Duration.ofSeconds(30);

    private final PasswordHasher hasher;

    public SmsBook(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    /** An RM (staff name "经理" + id) whose phone answers; returns the user name = staff id. */
    public String rm() {
        String id = "rm-" + UUID.randomUUID().toString().substring(0, 8);
        String extension = "9" + ThreadLocalRandom.current().nextInt(100, 1000) + "0";
        Db.execute("insert into staff (staff_id, name, role, branch_id, extension) values (?, ?, 'REMOTE_MANAGER', ?, ?)",
                id, "经理" + id, BRANCH, extension);
        Db.execute("insert into app_user (username, password_hash, roles, staff_id) values (?, ?, 'RM', ?)",
                id, hasher.hash(id), id);
        return id;
    }

    public String customer(String managerId) {
        return customerWithMobile(managerId, mobile());
    }

    public String customerWithMobile(String managerId, String mobile) {
        String id = "cu-" + UUID.randomUUID().toString().substring(0, 12);
        return TestCustomers.customer(id).branch(BRANCH).mobile(mobile).aum("100000").tier(Tier.MID_HIGH)
                .manager(managerId).asOfToday().insert();
    }

    public static String mobile() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    public static String mobileOf(String customerId) {
        return (String) Db.value("select mobile from customer where customer_id = ?", customerId);
    }

    public static String json(String customerId, String field, String value) {
        return "{\"customerId\":\"" + customerId + "\",\"" + field + "\":" + quote(value) + "}";
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** POST /api/sms as {@code rm}; expects 202 and returns the SMS id. */
    public static String send(String rm, String body) {
        return Api.as(rm).contentType("application/json").body(body).when().post("/api/sms")
                .then().statusCode(202).extract().path("smsId");
    }

    /** GET /api/sms/{id} until it is no longer QUEUED. */
    public static JsonPath awaitFinal(String user, String smsId) {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        while (true) {
            JsonPath sms = Api.as(user).when().get("/api/sms/" + smsId).then().statusCode(200).extract().jsonPath();
            if (!"QUEUED".equals(sms.getString("state"))) {
                return sms;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("SMS " + smsId + " still QUEUED: " + sms.prettify());
            }
            sleep();
        }
    }

    public static void await(String what, java.util.function.BooleanSupplier condition) {
        Await.until(what, AWAIT, condition);
    }

    private static void sleep() {
        Await.pause(50);
    }
}
