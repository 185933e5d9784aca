package com.bank.callcenter.desk;

import com.bank.callcenter.robot.RobotDialerConfig;
import com.bank.callcenter.staff.Staff;
import com.bank.callcenter.telephony.Pbx;
import com.bank.callcenter.telephony.PbxEvent;
import com.bank.callcenter.telephony.PbxListener;
import com.bank.callcenter.telephony.TelephonyConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps Asterisk's team queue (callcenter.robot.team-queue, e.g. rm-team: the robot's press 1) in
 * line with the RMs' states through AMI, so that a customer who presses 1 reaches a READY RM:
 * READY → QueueAdd (Interface = the RM's agent dial string, MemberName = the staff id) or unpause;
 * PAUSED, WRAP_UP, ON_CALL → QueuePause; OFFLINE → QueueRemove. Asterisk keeps no members across a
 * restart (persistentmembers = no), so after every link-up the members are compared with QueueStatus
 * and put right. The AMI work runs on a thread of its own.
 */
@ApplicationScoped
public class TeamQueueMembers implements PbxListener {

    private static final Logger LOG = Logger.getLogger(TeamQueueMembers.class);
    private static final long DRAIN_ON_STOP_SECONDS = 5;
    private static final long ANSWER_TIMEOUT_SECONDS = 10;

    private final Pbx pbx;
    private final AgentStates states;
    private final DeskConfig config;
    private final RobotDialerConfig robot;
    private final TelephonyConfig telephony;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "team-queue-members");
        thread.setDaemon(true);
        return thread;
    });

    public TeamQueueMembers(Pbx pbx, AgentStates states, DeskConfig config, RobotDialerConfig robot,
                            TelephonyConfig telephony) {
        this.pbx = pbx;
        this.states = states;
        this.config = config;
        this.robot = robot;
        this.telephony = telephony;
    }

    @Override
    public void onEvent(PbxEvent event) {
        // the members' own events (QueueMemberAdded …) are not needed: the states here are the truth
    }

    @Override
    public void onLinkUp(String server) {
        if (config.queueMembership()) {
            worker.execute(() -> reconcile(server));
        }
    }

    void changed(@Observes AgentStateChanged changed) {
        if (!config.queueMembership()) {
            return;
        }
        AgentStateView now = changed.now();
        worker.execute(() -> {
            Optional<String> memberInterface = memberInterface(now.staffId());
            if (memberInterface.isEmpty()) {
                return;
            }
            for (String server : pbx.servers()) {
                if (pbx.isUp(server)) {
                    apply(server, now, memberInterface.get());
                }
            }
        });
    }

    /** Puts the server's members right for every RM not OFFLINE (and removes members no RM stands behind). */
    void reconcile(String server) {
        try {
            List<AgentStateView> present = states.present();
            Map<String, Pbx.QueueMemberState> members = pbx.queueStatus(server, queue()).toCompletableFuture()
                    .get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                    .collect(Collectors.toMap(Pbx.QueueMemberState::location, Function.identity(), (a, b) -> a));
            for (AgentStateView agent : present) {
                Optional<String> memberInterface = memberInterface(agent.staffId());
                if (memberInterface.isEmpty()) {
                    continue;
                }
                Pbx.QueueMemberState member = members.remove(memberInterface.get());
                boolean paused = agent.state() != AgentState.READY;
                if (member == null || member.paused() != paused) {
                    apply(server, agent, memberInterface.get());
                }
            }
            for (Pbx.QueueMemberState stray : members.values()) {
                pbx.queueRemove(server, queue(), stray.location());
            }
            LOG.infof("team queue %s on %s: members reconciled for %d RM(s)", queue(), server, present.size());
        } catch (Exception e) {
            LOG.warnf("team queue %s on %s: members not reconciled: %s", queue(), server, e.getMessage());
        }
    }

    private void apply(String server, AgentStateView agent, String memberInterface) {
        try {
            switch (agent.state()) {
                case READY -> add(server, agent.staffId(), memberInterface, false, null);
                case OFFLINE -> answer(pbx.queueRemove(server, queue(), memberInterface));
                default -> {
                    String reason = agent.reason() != null ? agent.reason() : agent.state().name();
                    Pbx.ActionResult paused = answer(pbx.queuePause(server, queue(), memberInterface, true, reason));
                    if (!paused.accepted()) {
                        add(server, agent.staffId(), memberInterface, true, reason);
                    }
                }
            }
        } catch (Exception e) {
            LOG.warnf("team queue %s on %s: %s not made %s: %s", queue(), server, agent.staffId(), agent.state(),
                    e.getMessage());
        }
    }

    /** QueueAdd; a member already there is (un)paused instead. */
    private void add(String server, String staffId, String memberInterface, boolean paused, String reason)
            throws Exception {
        Pbx.ActionResult added = answer(pbx.queueAdd(server,
                new Pbx.QueueMemberSpec(queue(), memberInterface, staffId, paused)));
        if (!added.accepted()) {
            answer(pbx.queuePause(server, queue(), memberInterface, paused, reason));
        }
    }

    private static Pbx.ActionResult answer(java.util.concurrent.CompletionStage<Pbx.ActionResult> stage) throws Exception {
        return stage.toCompletableFuture().get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private String queue() {
        return robot.teamQueue();
    }

    /** The RM's phone as a queue member: telephony.dial.agent with their extension. */
    private Optional<String> memberInterface(String staffId) {
        return QuarkusTransaction.requiringNew().call(() -> Staff.findByStaffId(staffId))
                .map(s -> s.extension).filter(e -> e != null && !e.isBlank())
                .map(e -> telephony.dial().agent().replace("{extension}", e));
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(DRAIN_ON_STOP_SECONDS, TimeUnit.SECONDS);
    }
}
