package com.bank.callcenter.desk;

import com.bank.callcenter.customers.Tier;
import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestCustomers;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test data for the desk, unique per test: a branch of its own, RMs with a phone that answers and a
 * login (password = user name), customers in their books whose mobile's last digit picks what the
 * simulated PBX does (0/8/9 answer, 1 busy, 3 no answer), and AGENT_CALL campaigns limited to the branch.
 */
public final class Desks {

    public static final String AS_OF = "2026-11-25";

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String branch = "BR-DK-" + tag;
    private final PasswordHasher hasher;
    private int customers;

    public Desks(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    public String branch() {
        return branch;
    }

    /** An RM of this branch; returns the staff id = user name. */
    public String rm() {
        String id = "rm-dk-" + tag + "-" + ThreadLocalRandom.current().nextInt(100_000);
        Db.execute("insert into staff (staff_id, name, role, branch_id, extension) values (?, ?, 'REMOTE_MANAGER', ?, ?)",
                id, "RM " + id, branch, "9" + ThreadLocalRandom.current().nextInt(100, 1000) + "0");
        Db.execute("insert into app_user (username, password_hash, roles, staff_id) values (?, ?, 'RM', ?)",
                id, hasher.hash(id), id);
        return id;
    }

    /** A customer of {@code managerId} (null: no manager) whose mobile ends in {@code lastDigit}; AUM orders lists. */
    public String customer(String managerId, char lastDigit, String aum) {
        String id = "dk-" + tag + "-" + (++customers) + "-" + ThreadLocalRandom.current().nextInt(1000);
        String mobile = "139" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)) + lastDigit;
        return TestCustomers.customer(id).branch(branch).mobile(mobile).aum(aum).tier(Tier.LONG_TAIL)
                .manager(managerId).asOfToday().insert();
    }

    public String customer(String managerId) {
        return customer(managerId, '0', "20000");
    }

    /**
     * An ACTIVE AGENT_CALL campaign of this branch with today's list built, ordered by AUM descending;
     * {@code extra} is more JSON members, e.g. ,"dialMode":"PROGRESSIVE".
     */
    public String activeCampaign(int priority, String extra) {
        String id = "dk-" + tag + "-" + ThreadLocalRandom.current().nextInt(100_000);
        String body = """
                {"id":"%s","name":"坐席测试 %s","channel":"AGENT_CALL","priority":%d,
                 "rule":{"all":[{"branch":["%s"]}]},"order":{"by":"AUM","direction":"DESC"},
                 "script":"您好{customerName}，我是{managerName}。"%s}"""
                .formatted(id, id, priority, branch, extra == null ? "" : extra);
        Api.planner().contentType("application/json").body(body).when().post("/api/campaigns").then().statusCode(201);
        Api.planner().when().post("/api/campaigns/{id}/lists?asOf=" + AS_OF, id).then().statusCode(201);
        Api.planner().when().post("/api/campaigns/{id}/start", id).then().statusCode(200);
        return id;
    }

    public static void ready(String rm) {
        Api.as(rm).contentType("application/json").body("{\"state\":\"READY\"}").when().put("/api/agent/state")
                .then().statusCode(200);
    }

    public static Response next(String rm) {
        return Api.as(rm).when().post("/api/agent/next");
    }

    /** The next card (200 expected). */
    public static JsonPath take(String rm) {
        return next(rm).then().statusCode(200).extract().jsonPath();
    }

    /** Places the call for a claimed entry; returns the call id. */
    public static String call(String rm, String customerId, long entryId) {
        return Api.as(rm).contentType("application/json")
                .body("{\"customerId\":\"%s\",\"entryId\":%d}".formatted(customerId, entryId))
                .when().post("/api/calls").then().statusCode(202).extract().path("callId");
    }

    public static Response disposition(String rm, String callId, String json) {
        return Api.as(rm).contentType("application/json").body(json).when()
                .post("/api/calls/{id}/disposition", callId);
    }

    public static String callState(String callId) {
        return (String) Db.value("select state from call_attempt where id = cast(? as uuid)", callId);
    }

    public static String entryState(long entryId) {
        return (String) Db.value("select state from list_entry where id = ?", entryId);
    }

    /** Every RM not OFFLINE goes OFFLINE (and out of the team queue): later tests start with nobody at a desk. */
    public static void everyoneOffline(AgentStates states) {
        for (AgentStateView agent : states.present()) {
            states.choose(agent.staffId(), AgentState.OFFLINE, null);
        }
    }

    /** The campaign stops being served (so that later tests' queues do not see it). */
    public static void end(String campaignId) {
        Api.planner().when().post("/api/campaigns/{id}/end", campaignId);
    }
}
