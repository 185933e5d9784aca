package com.bank.callcenter.robot;

import com.bank.callcenter.calls.CallAdoption;
import com.bank.callcenter.calls.CallBook;
import com.bank.callcenter.calls.DeadFollower;
import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.telephony.AsteriskPbx;
import com.bank.callcenter.telephony.DialplanContract;
import com.bank.callcenter.telephony.Pbx;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The issue's words: with the simulated PBX, kill (stop without a goodbye) the following instance
 * between a press 9 and the Hangup; the next instance that adopts the call applies the press. The
 * robot dialplan keeps the digit in AstDB (family callcenter/choice, key = the call id); the adopting
 * instance reads it with DBGet, applies it like a RobotChoice event and deletes it with DBDel.
 */
@QuarkusTest
class RobotChoiceAdoptionTest {

    @Inject
    PasswordHasher hasher;

    @Inject
    CallAdoption adoption;

    @Inject
    Pbx pbx;

    @Inject
    AsteriskPbx asteriskPbx;

    @Inject
    RobotChoiceHandler handler;

    @Test
    void aPress9MadeWhileNoInstanceFollowedTheCallIsAppliedByTheInstanceThatAdoptsIt() throws Exception {
        CallBook book = new CallBook(hasher);
        String server = pbx.servers().get(0);
        String rm = book.rm();
        String number = CallBook.mobile('6'); // the simulated customer answers and presses 9
        String customer = book.customerWithMobile(rm, number);
        UUID callId = DeadFollower.recordedRobotCall(server, customer);

        // the follower is dead: no tracker follows the call and no choice handler hears its RobotChoice
        asteriskPbx.removeListener(handler);
        try {
            DeadFollower.originate(pbx, server, callId, number);
            await(() -> stored(server, callId).isPresent(), "the press stored in AstDB");
            assertEquals(Optional.of("9"), stored(server, callId));
            await(() -> gone(server, number), "the robot call hung up after the press");
            Thread.sleep(300); // the RobotChoice UserEvent has passed by with nobody listening
        } finally {
            asteriskPbx.addListener(handler);
        }
        assertEquals(0, Db.count("select count(*) from do_not_call where mobile = ?", number),
                "nobody applied the press yet");
        assertEquals(null, Db.value("select robot_choice from call_attempt where id = ?", callId));

        assertEquals(1, adoption.adoptOrphans(server));

        await(() -> Db.count("select count(*) from do_not_call where mobile = ? and source = 'IVR_OPT_OUT'",
                number) == 1, "the number on the do-not-call list (IVR_OPT_OUT)");
        await(() -> "9".equals(Db.value("select robot_choice from call_attempt where id = ?", callId)),
                "robot_choice = 9 on the call");
        await(() -> stored(server, callId).isEmpty(), "the AstDB entry deleted once applied");
        List<Map<String, Object>> events = Db.rows("select fields ->> 'Choice' as choice from call_event"
                + " where call_id = ? and name = 'RobotChoice'", callId);
        assertEquals(1, events.size(), "the choice recorded once: " + events);

    }

    private Optional<String> stored(String server, UUID callId) {
        try {
            return pbx.dbGet(server, DialplanContract.ROBOT_CHOICE_DB_FAMILY, callId.toString())
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean gone(String server, String number) {
        try {
            return pbx.liveChannels(server).toCompletableFuture().get(5, TimeUnit.SECONDS).stream()
                    .noneMatch(channel -> channel.channel().startsWith("Local/" + number + "@"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not reached: " + what);
            }
            Thread.sleep(50);
        }
    }
}
