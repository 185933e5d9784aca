package com.bank.callcenter.calls;

import com.bank.callcenter.robot.RobotCampaigns;
import com.bank.callcenter.robot.RobotDialer;
import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.EmbeddedServersTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Redis (the dialing locks) goes away and comes back: calls and robot dialing pause with a clear
 * 503 and nothing recorded, then resume by themselves.
 */
@QuarkusTest
class RedisOutageTest {

    @Inject
    PasswordHasher hasher;

    @Inject
    RobotDialer dialer;

    private boolean redisStopped;

    @AfterEach
    void redisBack() {
        if (redisStopped) {
            EmbeddedServersTestResource.redis().restart();
            redisStopped = false;
        }
    }

    @Test
    void clickToCallWaitsForRedisAndResumes() {
        CallBook book = new CallBook(hasher);
        String rm = book.rm();
        String customer = book.customer(rm, '0');
        String body = "{\"customerId\":\"" + customer + "\"}";

        stopRedis();
        Api.as(rm).contentType("application/json").body(body).when().post("/api/calls")
                .then().statusCode(503).contentType("application/problem+json").body("code", equalTo("locks-unavailable"));
        assertEquals(0, Db.count("select count(*) from call_attempt where customer_id = ?", customer));

        startRedis();
        Calls.await("click-to-call accepted again", () -> Api.as(rm).contentType("application/json").body(body)
                .when().post("/api/calls").then().extract().statusCode() == 202);
        assertEquals(1, Db.count("select count(*) from call_attempt where customer_id = ?", customer));
    }

    @Test
    void theRobotDialerPausesWithoutRedisAndResumes() {
        RobotCampaigns robot = new RobotCampaigns(dialer);
        String customer = robot.customer('0');
        String campaign = robot.robotCampaign(null);
        RobotCampaigns.buildList(campaign);
        RobotCampaigns.start(campaign);

        stopRedis();
        assertEquals(0, dialer.tick(List.of(campaign)));
        assertEquals("PENDING", RobotCampaigns.entry(campaign, customer).get("state"), "the claim is given back");
        assertEquals(0, RobotCampaigns.calls(campaign, customer).size());

        startRedis();
        robot.drive(campaign, () -> RobotCampaigns.allEntriesIn(campaign, "DONE"));
        assertEquals(1, RobotCampaigns.calls(campaign, customer).size(), "dialled once after Redis came back");
    }

    private void stopRedis() {
        EmbeddedServersTestResource.redis().stop();
        redisStopped = true;
    }

    private void startRedis() {
        EmbeddedServersTestResource.redis().restart();
        redisStopped = false;
    }
}
