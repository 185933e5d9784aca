package com.bank.callcenter.telephony;

import com.bank.callcenter.telephony.Pbx.ActionResult;
import com.bank.callcenter.telephony.Pbx.OriginateCommand;
import com.bank.callcenter.telephony.Pbx.QueueMemberSpec;
import com.bank.callcenter.telephony.Pbx.QueueMemberState;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The team queue through {@link AsteriskPbx} (asterisk-java over TCP) against the simulated PBX: member actions
 * with Asterisk's answers, QueueStatus, and a robot call whose customer presses 1 handed to the member.
 */
@QuarkusTest
class AsteriskPbxQueueTest {

    private static final String QUEUE = "rm-team";
    private static final String MEMBER = "PJSIP/9104";
    private static final String MEMBER_NAME = "rm104";
    private static final long AWAIT_MS = 20_000;
    private static final long POLL_MS = 20;
    /** The simulator's customers press 1 when their number ends in 4. */
    private static final String PRESSES_ONE = "PJSIP/13900000014@carrier";

    @Inject
    AsteriskPbx pbx;

    private String server;
    private final List<PbxEvent> events = new CopyOnWriteArrayList<>();
    private final PbxListener listener = new PbxListener() {
        @Override
        public void onEvent(PbxEvent event) {
            events.add(event);
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        server = pbx.availableServer().orElseThrow();
        // the RMs other tests left in the queue (the desk adds READY RMs) must not take this test's calls
        for (QueueMemberState member : get(pbx.queueStatus(server, QUEUE))) {
            get(pbx.queueRemove(server, QUEUE, member.location()));
        }
        pbx.addListener(listener);
    }

    @AfterEach
    void tearDown() throws Exception {
        pbx.removeListener(listener);
        // other tests' robot calls must not find this member in the queue
        get(pbx.queueRemove(server, QUEUE, MEMBER));
    }

    @Test
    void memberIsAddedPausedUnpausedAndRemovedWithAsterisksAnswers() throws Exception {
        ActionResult added = get(pbx.queueAdd(server, new QueueMemberSpec(QUEUE, MEMBER, MEMBER_NAME, false)));
        assertEquals(new ActionResult(true, "Added interface to queue"), added);
        assertEquals(new ActionResult(false, "Unable to add interface: Already there"),
                get(pbx.queueAdd(server, new QueueMemberSpec(QUEUE, MEMBER, MEMBER_NAME, false))));
        PbxEvent addedEvent = await(e -> e.name().equals("QueueMemberAdded") && MEMBER.equals(e.get("Interface")));
        assertEquals(MEMBER_NAME, addedEvent.get("MemberName"));
        assertEquals("0", addedEvent.get("Paused"));

        assertEquals(new ActionResult(true, "Interface paused successfully"),
                get(pbx.queuePause(server, QUEUE, MEMBER, true, "lunch")));
        PbxEvent paused = await(e -> e.name().equals("QueueMemberPause") && "1".equals(e.get("Paused")));
        assertEquals("lunch", paused.get("PausedReason"));
        QueueMemberState state = onlyMember(get(pbx.queueStatus(server, QUEUE)));
        assertEquals(new QueueMemberState(QUEUE, MEMBER_NAME, MEMBER, true, "lunch", 1, false), state);

        assertEquals(new ActionResult(true, "Interface unpaused successfully"),
                get(pbx.queuePause(server, QUEUE, MEMBER, false, null)));
        await(e -> e.name().equals("QueueMemberPause") && "0".equals(e.get("Paused")));
        assertFalse(onlyMember(get(pbx.queueStatus(server, QUEUE))).paused());

        assertEquals(new ActionResult(true, "Removed interface from queue"), get(pbx.queueRemove(server, QUEUE, MEMBER)));
        await(e -> e.name().equals("QueueMemberRemoved") && MEMBER.equals(e.get("Interface")));
        assertEquals(new ActionResult(false, "Unable to remove interface: Not there"),
                get(pbx.queueRemove(server, QUEUE, MEMBER)));
        assertEquals(new ActionResult(false, "Interface not found"), get(pbx.queuePause(server, QUEUE, MEMBER, true, "x")));
        assertTrue(get(pbx.queueStatus(server, QUEUE)).stream().noneMatch(m -> MEMBER.equals(m.location())));
    }

    @Test
    void unknownQueueIsRefused() throws Exception {
        assertEquals(new ActionResult(false, "Unable to add interface to queue: No such queue"),
                get(pbx.queueAdd(server, new QueueMemberSpec("no-such-queue", MEMBER, MEMBER_NAME, false))));
        assertEquals(List.of(), get(pbx.queueStatus(server, "no-such-queue")));
    }

    @Test
    void customerPressingOneIsTakenByTheFreeMember() throws Exception {
        assertTrue(get(pbx.queueAdd(server, new QueueMemberSpec(QUEUE, MEMBER, MEMBER_NAME, false))).accepted());

        String callId = robotCall();

        PbxEvent connect = await(e -> e.name().equals("AgentConnect") && MEMBER_NAME.equals(e.get("MemberName")));
        assertEquals(QUEUE, connect.get("Queue"));
        assertEquals(MEMBER, connect.get("Interface"));
        assertTrue(connect.get("DestChannel").startsWith(MEMBER + "-"), connect.toString());
        assertEquals(connect.get("Linkedid"), connect.get("DestLinkedid"));
        PbxEvent choice = await(e -> e.name().equals("RobotChoice") && callId.equals(e.get("CallId")));
        assertEquals(choice.get("Uniqueid"), connect.get("Uniqueid"), "raised on the customer's channel");
        PbxEvent complete = await(e -> e.name().equals("AgentComplete") && connect.get("Uniqueid").equals(e.get("Uniqueid")));
        assertEquals("caller", complete.get("Reason"));
        await(e -> e.name().equals("QueueMemberStatus") && "1".equals(e.get("CallsTaken")) && MEMBER.equals(e.get("Interface")));
    }

    @Test
    void customerPressingOneWithTheOnlyMemberPausedIsNotQueued() throws Exception {
        assertTrue(get(pbx.queueAdd(server, new QueueMemberSpec(QUEUE, MEMBER, MEMBER_NAME, true))).accepted());

        String callId = robotCall();

        PbxEvent choice = await(e -> e.name().equals("RobotChoice") && callId.equals(e.get("CallId")));
        await(e -> e.name().equals("VarSet") && "QUEUESTATUS".equals(e.get("Variable"))
                && "JOINEMPTY".equals(e.get("Value")) && choice.get("Uniqueid").equals(e.get("Uniqueid")));
        await(e -> e.name().equals("Hangup") && choice.get("Uniqueid").equals(e.get("Uniqueid")));
        assertTrue(events.stream().noneMatch(e -> e.name().startsWith("Agent") || e.name().startsWith("QueueCaller")),
                events.toString());
    }

    private String robotCall() {
        String callId = UUID.randomUUID().toString();
        pbx.originate(server, new OriginateCommand(callId, PRESSES_ONE, DialplanContract.ROBOT_CONTEXT,
                DialplanContract.START_EXTENSION, "95500", AWAIT_MS,
                Map.of(DialplanContract.CALL_ID, callId, DialplanContract.TEAM_QUEUE, QUEUE)), message -> { });
        return callId;
    }

    private static QueueMemberState onlyMember(List<QueueMemberState> members) {
        List<QueueMemberState> ours = members.stream().filter(m -> MEMBER.equals(m.location())).toList();
        assertEquals(1, ours.size(), members.toString());
        return ours.get(0);
    }

    private PbxEvent await(Predicate<PbxEvent> wanted) throws InterruptedException {
        long deadline = System.currentTimeMillis() + AWAIT_MS;
        while (true) {
            for (PbxEvent event : events) {
                if (wanted.test(event)) {
                    return event;
                }
            }
            assertTrue(System.currentTimeMillis() < deadline, "not arrived; got " + events);
            Thread.sleep(POLL_MS);
        }
    }

    private static <T> T get(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(AWAIT_MS, TimeUnit.MILLISECONDS);
    }
}
