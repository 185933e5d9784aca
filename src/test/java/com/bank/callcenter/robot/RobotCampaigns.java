package com.bank.callcenter.robot;

import com.bank.callcenter.support.Await;

import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.customers.Tier;
import com.bank.callcenter.support.TestCustomers;
import com.bank.callcenter.support.Db;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * Test data for the robot dialer, unique per test: a branch of its own, customers whose mobile's
 * last digit picks what the simulated PBX does (4/5/6 = press 1/2/9, 7 = no input, 0 = answer and
 * listen, 1 = busy, 3 = no answer), and robot campaigns limited to that branch.
 */
public final class RobotCampaigns {

    public static final String AS_OF = "2026-11-25";
    public static final Duration AWAIT = Duration.ofSeconds(40);

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final String branch = "BR-RB-" + tag;
    private final RobotDialer dialer;

    public RobotCampaigns(RobotDialer dialer) {
        this.dialer = dialer;
    }

    public String customer(char lastDigit) {
        return customer(lastDigit, null);
    }

    public String customer(char lastDigit, String managerId) {
        String id = "rb-" + UUID.randomUUID().toString().substring(0, 12);
        String mobile = "139" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)) + lastDigit;
        return TestCustomers.customer(id).branch(branch).mobile(mobile).aum("20000").tier(Tier.LONG_TAIL)
                .manager(managerId).asOfToday().insert();
    }

    /** An RM with a phone that answers and a login (password = user name). */
    public String rm(PasswordHasher hasher) {
        String id = "rm-rb-" + tag;
        Db.execute("insert into staff (staff_id, name, role, branch_id, extension) values (?, ?, 'REMOTE_MANAGER', ?, ?)",
                id, "RM " + id, branch, "9" + ThreadLocalRandom.current().nextInt(100, 1000) + "0");
        Db.execute("insert into app_user (username, password_hash, roles, staff_id) values (?, ?, 'RM', ?)",
                id, hasher.hash(id), id);
        return id;
    }

    public static String mobileOf(String customerId) {
        return (String) Db.value("select mobile from customer where customer_id = ?", customerId);
    }

    /** Creates a campaign of this branch (DRAFT); {@code extra} is more JSON members, e.g. ,"robot":{...}. */
    public String campaign(String channel, String extra) {
        String id = "rb-" + channel.toLowerCase().replace('_', '-') + "-" + tag + "-"
                + ThreadLocalRandom.current().nextInt(1000);
        String body = """
                {"id":"%s","name":"机器人测试 %s","channel":"%s","rule":{"all":[{"branch":["%s"]}]},
                 "sms":{"template":"{customerName}您好，详情请见本行 App。"}%s}"""
                .formatted(id, id, channel, branch, extra == null ? "" : extra);
        Api.planner().contentType("application/json").body(body).when().post("/api/campaigns")
                .then().statusCode(201);
        return id;
    }

    public String robotCampaign(String extra) {
        return campaign("ROBOT_CALL", extra);
    }

    public static long buildList(String campaignId) {
        return ((Number) Api.planner().when().post("/api/campaigns/{id}/lists?asOf=" + AS_OF, campaignId)
                .then().statusCode(201).extract().path("listId")).longValue();
    }

    public static void start(String campaignId) {
        Api.planner().when().post("/api/campaigns/{id}/start", campaignId).then().statusCode(200);
    }

    public static void pause(String campaignId) {
        Api.planner().when().post("/api/campaigns/{id}/pause", campaignId).then().statusCode(200);
    }

    public static JsonPath diagnostics(String campaignId) {
        return Api.planner().when().get("/api/campaigns/{id}/diagnostics", campaignId)
                .then().statusCode(200).extract().jsonPath();
    }

    public static List<String> reasonCodes(String campaignId) {
        return diagnostics(campaignId).getList("reasons.code");
    }

    /** Ticks the dialer for this campaign only until {@code done}, also checking {@code each} after every tick. */
    public void drive(String campaignId, BooleanSupplier done, Runnable each) {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        while (true) {
            dialer.tick(List.of(campaignId));
            if (each != null) {
                each.run();
            }
            if (done.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out driving " + campaignId + ": " + Db.rows(
                        "select e.customer_id, e.state, e.attempts, e.last_outcome, e.skip_reason from list_entry e"
                                + " join target_list t on t.id = e.list_id where t.campaign_id = ?", campaignId));
            }
            sleep(100);
        }
    }

    public void drive(String campaignId, BooleanSupplier done) {
        drive(campaignId, done, null);
    }

    public static boolean allEntriesIn(String campaignId, String... states) {
        String in = java.util.Arrays.stream(states).map(st -> "'" + st + "'")
                .collect(java.util.stream.Collectors.joining(","));
        return Db.count("select count(*) from list_entry e join target_list t on t.id = e.list_id"
                + " where t.campaign_id = ? and e.state not in (" + in + ")", campaignId) == 0;
    }

    public static void await(String what, BooleanSupplier condition) {
        Await.until(what, AWAIT, condition);
    }

    public static void sleep(long millis) {
        Await.pause(millis);
    }

    public static java.time.Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp) {
            return ((java.sql.Timestamp) value).toInstant();
        }
        return ((java.time.OffsetDateTime) value).toInstant();
    }

    public static java.util.Map<String, Object> entry(String campaignId, String customerId) {
        return Db.rows("select e.* from list_entry e join target_list t on t.id = e.list_id"
                + " where t.campaign_id = ? and e.customer_id = ?", campaignId, customerId).get(0);
    }

    public static List<java.util.Map<String, Object>> calls(String campaignId, String customerId) {
        return Db.rows("select * from call_attempt where campaign_id = ? and customer_id = ? order by queued_at",
                campaignId, customerId);
    }
}
