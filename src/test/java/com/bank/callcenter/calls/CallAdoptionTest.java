package com.bank.callcenter.calls;

import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestClock;
import com.bank.callcenter.telephony.Pbx;
import com.bank.callcenter.telephony.PbxListener;
import io.quarkus.arc.All;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An instance stops (restart, crash) with calls in flight: another instance — here, this one —
 * adopts the calls whose follower's heartbeat is gone and reconciles them with the PBX.
 */
@QuarkusTest
@TestProfile(TalkOutlastsAdoption.class)
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

    @Inject
    DialingLock lock;

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

    /**
     * The issue's words: with the simulated PBX, kill (stop without a goodbye) the following instance
     * between the Originate and the first event; the next instance closes every call with Asterisk's
     * outcome. Here the Originate of a robot call goes out with no one following it (the instance died
     * right after sending it), so its record has no Uniqueid; the call is adopted once the customer
     * answered (Local/…;1 and ;2 up) and must end with the hang-up Asterisk reports, its dialing lock gone.
     */
    @Test
    void anAdoptedCallWhoseFollowerStoredNoEventClosesWithAsterisksOutcome() throws Exception {
        String rm = book.rm();
        String number = CallBook.mobile('0'); // the simulator answers; the customer hangs up after the talk time
        String customer = book.customerWithMobile(rm, number);
        UUID callId = DeadFollower.recordedRobotCall(server, customer);
        assertTrue(lock.acquire(customer, callId, Duration.ofHours(2)));
        DeadFollower.originate(pbx, server, callId, number);
        awaitAnswered(number);
        assertEquals(null, Db.value("select unique_id from call_attempt where id = ?", callId));

        assertEquals(1, adoption.adoptOrphans(server));

        long deadline = System.currentTimeMillis() + 15_000;
        while (!Set.of("COMPLETED", "FAILED", "UNKNOWN").contains(
                Db.value("select state from call_attempt where id = ?", callId))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        Map<String, Object> call = Db.rows("select state, outcome, hangup_cause, unique_id, channel from call_attempt"
                + " where id = ?", callId).get(0);
        assertEquals("COMPLETED", call.get("state"), "call: " + call);
        assertEquals("ANSWERED", call.get("outcome"));
        assertEquals(16, ((Number) call.get("hangup_cause")).intValue());
        assertTrue(String.valueOf(call.get("channel")).endsWith(";1"), "the originated leg: " + call);
        while (redis.key(String.class).exists("callcenter:dialing:" + customer) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(redis.key(String.class).exists("callcenter:dialing:" + customer), "dialing lock released");
    }

    /** Waits until the customer's Local channel (;1) is up: answered, and still up for the talk time. */
    private void awaitAnswered(String number) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (Pbx.LiveChannel channel : pbx.liveChannels(server).toCompletableFuture().get()) {
                if (channel.channel().startsWith("Local/" + number + "@") && channel.channel().endsWith(";1")
                        && channel.isUp()) {
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the call to " + number + " was never answered");
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
