package com.bank.callcenter.calls;

import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestClock;
import com.bank.callcenter.telephony.Pbx;
import com.bank.callcenter.telephony.PbxListener;
import io.quarkus.arc.All;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An instance stops (restart, crash) with calls in flight: another instance — here, this one —
 * adopts the calls whose follower's heartbeat is gone and reconciles them with the PBX.
 */
@QuarkusTest
class CallAdoptionTest {

    private static final String HEARTBEAT_PREFIX = "callcenter:call-follower:";

    @Inject
    PasswordHasher hasher;

    @Inject
    CallTracker tracker;

    @Inject
    CallAdoption adoption;

    @Inject
    @All
    List<PbxListener> listeners;

    @Inject
    Pbx pbx;

    @Inject
    RedisDataSource redis;

    private CallBook book;
    private String server;

    @BeforeEach
    void setUp() {
        book = new CallBook(hasher);
        server = pbx.servers().get(0);
    }

    @Test
    void aCallStillUpIsAdoptedAndFollowedToItsEnd() {
        String rm = book.rm();
        String callId = Calls.place(rm, book.customer(rm, '3')); // rings until the no-answer timeout
        Calls.awaitState(rm, callId, "RINGING");
        String stopped = "stopped-" + UUID.randomUUID();
        tracker.forget(UUID.fromString(callId));
        Db.execute("update call_attempt set follower = ? where id = ?", stopped, UUID.fromString(callId));

        assertEquals(1, adoption.adoptOrphans(server));

        JsonPath call = Calls.awaitFinal(rm, callId);
        assertEquals("FAILED", call.getString("state"));
        assertEquals("NO_ANSWER", call.getString("outcome"));
        assertEquals(tracker.followerId(), Db.value("select follower from call_attempt where id = ?",
                UUID.fromString(callId)));
        assertEquals(1, Db.count("select count(*) from call_event where call_id = ? and name = 'Reconciled'"
                + " and fields ->> 'Found' = 'true' and fields ->> 'Lost' = ?", UUID.fromString(callId),
                "its follower " + stopped + " stopped"));
    }

    @Test
    void aCallThePbxNoLongerHasBecomesUnknownWithTheReason() {
        String rm = book.rm();
        String stopped = "stopped-" + UUID.randomUUID();
        UUID callId = openCall(rm, book.customer(rm, '0'), stopped);

        assertEquals(1, adoption.adoptOrphans(server));

        JsonPath call = Calls.awaitFinal(rm, callId.toString());
        assertEquals("UNKNOWN", call.getString("state"));
        assertEquals("its follower " + stopped + " stopped; not found on " + server, call.getString("reason"));
    }

    @Test
    void callsOfAFollowerThatIsAliveAreLeftAlone() {
        String rm = book.rm();
        String alive = "alive-" + UUID.randomUUID();
        redis.value(String.class, String.class).psetex(HEARTBEAT_PREFIX + alive, 60_000, "alive");
        UUID callId = openCall(rm, book.customer(rm, '0'), alive);

        assertEquals(0, adoption.adoptOrphans(server));
        assertEquals(alive, Db.value("select follower from call_attempt where id = ?", callId));
        assertEquals("RINGING", Db.value("select state from call_attempt where id = ?", callId));

        redis.key(String.class).del(HEARTBEAT_PREFIX + alive); // the follower stops
        assertEquals(1, adoption.adoptOrphans(server));
        Calls.awaitFinal(rm, callId.toString());
    }

    @Test
    void onALinkUpTheTrackerReconcilesTheCallsItLostBeforeAdoptedOnesJoinThem() {
        int tracker = indexOf(CallTracker.class);
        int adoption = indexOf(CallAdoption.class);
        assertTrue(tracker >= 0 && adoption > tracker, "listener order: " + listeners);
    }

    private int indexOf(Class<?> type) {
        for (int i = 0; i < listeners.size(); i++) {
            if (type.isInstance(listeners.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** A call record left RINGING on the simulated PBX by {@code follower}, with no channel behind it. */
    private UUID openCall(String rm, String customer, String follower) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(TestClock.WORKING_HOURS);
        Db.execute("insert into contact_attempt (id, customer_id, channel, staff_id, created_at)"
                + " values (?, ?, 'AGENT_CALL', ?, ?)", id, customer, rm, at);
        Db.execute("insert into call_attempt (id, customer_id, staff_id, kind, state, ami_server, follower, queued_at,"
                + " dial_at, ring_at, unique_id) values (?, ?, ?, 'AGENT_CALL', 'RINGING', ?, ?, ?, ?, ?, ?)",
                id, customer, rm, server, follower, at, at, at, "1795400000." + Math.abs(id.hashCode()));
        return id;
    }
}
