package com.bank.callcenter.desk;

import com.bank.callcenter.support.EventStream;
import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Await;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.EmbeddedServersTestResource;
import com.bank.callcenter.support.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The desk's live event stream, and Redis going away: work pauses with a clear 503, nothing is lost, it resumes. */
@QuarkusTest
class DeskOutagesTest {

    private static final Duration AWAIT = Duration.ofSeconds(30);

    @Inject
    PasswordHasher hasher;

    @Inject
    TestClock clock;

    @Inject
    AgentStates states;

    @TestHTTPResource("/api/agent/events")
    URL events;

    private Desks desks;
    private final List<String> campaigns = new ArrayList<>();
    private boolean redisStopped;

    @BeforeEach
    void setUp() {
        clock.reset();
        desks = new Desks(hasher);
    }

    @AfterEach
    void tearDown() {
        if (redisStopped) {
            EmbeddedServersTestResource.redis().restart();
        }
        campaigns.forEach(Desks::end);
        Desks.everyoneOffline(states);
    }

    @Test
    void theEventStreamTellsTheRmOfStateChangesAndCounters() throws Exception {
        String rm = desks.rm();
        desks.customer(rm);
        campaigns.add(desks.activeCampaign(70, null));
        try (EventStream stream = new EventStream(events, rm)) {
            assertEquals(200, stream.status());
            Await.until("the stream is open", AWAIT, () -> {
                Desks.ready(rm);
                Api.as(rm).contentType("application/json").body("{\"state\":\"PAUSED\",\"reason\":\"BREAK\"}")
                        .when().put("/api/agent/state");
                return stream.has("state", "\"state\":\"PAUSED\"");
            });
            Desks.ready(rm);
            long entry = Desks.take(rm).getLong("entryId");
            String customer = (String) Db.value("select customer_id from list_entry where id = ?", entry);
            String callId = Desks.call(rm, customer, entry);
            Await.until("the call's states and today's counters arrive", AWAIT,
                    () -> stream.has("call", callId) && stream.has("call", "COMPLETED")
                            && stream.has("today", "\"dialled\":1"));
        }
    }

    @Test
    void withoutRedisTheDeskPausesAndLosesNothing() {
        String rm = desks.rm();
        String customer = desks.customer(rm);
        campaigns.add(desks.activeCampaign(71, null));
        Desks.ready(rm);

        EmbeddedServersTestResource.redis().stop();
        redisStopped = true;
        // the pending opt-outs (Redis) cannot be read: nobody may be called, so nobody is served
        Desks.next(rm).then().statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("opt-outs-unavailable"));
        assertEquals(1, Db.count("select count(*) from list_entry where customer_id = ? and state = 'PENDING'"
                + " and claimed_by is null", customer), "the claim was rolled back with the refusal");

        EmbeddedServersTestResource.redis().restart();
        redisStopped = false;
        Await.until("served again once Redis is back", AWAIT, () -> Desks.next(rm).statusCode() == 200);
        assertEquals(1, Db.count("select count(*) from list_entry where customer_id = ? and state = 'IN_PROGRESS'"
                + " and claimed_by = ?", customer, rm));
    }
}
