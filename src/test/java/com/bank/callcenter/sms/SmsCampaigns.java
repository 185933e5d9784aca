package com.bank.callcenter.sms;

import com.bank.callcenter.support.Await;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.customers.Tier;
import com.bank.callcenter.support.TestCustomers;
import com.bank.callcenter.support.Db;
import io.restassured.path.json.JsonPath;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Test data for SMS campaigns, unique per test: a branch of its own with an RM, customers of that
 * branch in the RM's book (each with a holding maturing on {@link #MATURITY}), and SMS campaigns
 * whose rule takes that branch.
 */
public final class SmsCampaigns {

    public static final String AS_OF = "2026-11-25";
    public static final LocalDate MATURITY = LocalDate.of(2026, 12, 1);
    public static final String TEMPLATE = "{customerName}您好，您在{bankName}的存款将于{maturityDate}到期，详询客户经理{managerName}。";
    private static final Duration AWAIT = Duration.ofSeconds(30);

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final String branch = "BR-SC-" + tag;
    final String rm = "rm-sc-" + tag;
    private final SmsCampaignSender sender;

    public SmsCampaigns(SmsCampaignSender sender) {
        this.sender = sender;
        Db.execute("insert into staff (staff_id, name, role, branch_id) values (?, ?, 'REMOTE_MANAGER', ?)",
                rm, "经理" + tag, branch);
    }

    /** A customer of the branch in the RM's book, with a time deposit maturing on {@link #MATURITY}. */
    public String customer() {
        String id = "sc-" + UUID.randomUUID().toString().substring(0, 12);
        String mobile = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        TestCustomers.customer(id).branch(branch).mobile(mobile).aum("20000").tier(Tier.LONG_TAIL)
                .manager(rm).asOfToday().insert();
        Db.execute("insert into holding (holding_id, customer_id, branch_id, product_type, amount, maturity_date, as_of)"
                        + " values (?, ?, ?, 'TIME_DEPOSIT', 50000, ?, current_date)", "h-" + UUID.randomUUID(), id,
                branch, Date.valueOf(MATURITY));
        return id;
    }

    /** The SMS a customer of this branch gets from {@link #TEMPLATE}, signature and tail included. */
    public String expectedText(String customerId) {
        return "【示例银行】客户" + customerId + "您好，您在示例银行的存款将于2026年12月1日到期，详询客户经理经理" + tag + "。回复TD退订";
    }

    /** An SMS campaign of this branch with {@link #TEMPLATE} (DRAFT); {@code extra} = more JSON members. */
    public String campaign(String extra) {
        return campaignWithSms(",\"sms\":{\"template\":\"" + TEMPLATE + "\"}" + (extra == null ? "" : extra));
    }

    /** An SMS campaign of this branch whose members after the rule are exactly {@code members}. */
    public String campaignWithSms(String members) {
        String id = "sc-" + tag + "-" + ThreadLocalRandom.current().nextInt(100_000);
        String body = """
                {"id":"%s","name":"短信活动测试 %s","channel":"SMS","rule":{"all":[{"branch":["%s"]}]}%s}"""
                .formatted(id, id, branch, members);
        Api.planner().contentType("application/json").body(body).when().post("/api/campaigns")
                .then().statusCode(201);
        return id;
    }

    /** Builds the list, starts the campaign; returns the list id. */
    public static long buildAndStart(String campaignId) {
        long listId = buildList(campaignId);
        start(campaignId);
        return listId;
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

    public static String mobileOf(String customerId) {
        return (String) Db.value("select mobile from customer where customer_id = ?", customerId);
    }

    public static JsonPath diagnostics(String campaignId) {
        return Api.planner().when().get("/api/campaigns/{id}/diagnostics", campaignId)
                .then().statusCode(200).extract().jsonPath();
    }

    public static List<String> reasonCodes(String campaignId) {
        return diagnostics(campaignId).getList("reasons.code");
    }

    /** Ticks the sender for this campaign only until {@code done}. */
    public void drive(String campaignId, BooleanSupplier done) {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        while (true) {
            sender.tick(List.of(campaignId));
            if (done.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out driving " + campaignId + ": " + entries(campaignId));
            }
            sleep(100);
        }
    }

    public static boolean allEntriesIn(String campaignId, String... states) {
        String in = Arrays.stream(states).map(st -> "'" + st + "'").collect(Collectors.joining(","));
        return Db.count("select count(*) from list_entry e join target_list t on t.id = e.list_id"
                + " where t.campaign_id = ? and e.state not in (" + in + ")", campaignId) == 0;
    }

    public static long entriesIn(String campaignId, String state) {
        return Db.count("select count(*) from list_entry e join target_list t on t.id = e.list_id"
                + " where t.campaign_id = ? and e.state = ?", campaignId, state);
    }

    public static List<Map<String, Object>> entries(String campaignId) {
        return Db.rows("select e.customer_id, e.state, e.attempts, e.last_outcome, e.skip_reason from list_entry e"
                + " join target_list t on t.id = e.list_id where t.campaign_id = ?", campaignId);
    }

    public static Map<String, Object> entry(String campaignId, String customerId) {
        return Db.rows("select e.* from list_entry e join target_list t on t.id = e.list_id"
                + " where t.campaign_id = ? and e.customer_id = ?", campaignId, customerId).get(0);
    }

    /** The campaign's SMS to a customer, oldest first. */
    public static List<Map<String, Object>> smsOf(String campaignId, String customerId) {
        return Db.rows("select * from sms_message where campaign_id = ? and customer_id = ? order by created_at",
                campaignId, customerId);
    }

    public static long smsCount(String campaignId) {
        return Db.count("select count(*) from sms_message where campaign_id = ?", campaignId);
    }

    public static void await(String what, BooleanSupplier condition) {
        Await.until(what, AWAIT, condition);
    }

    public static void sleep(long millis) {
        Await.pause(millis);
    }
}
