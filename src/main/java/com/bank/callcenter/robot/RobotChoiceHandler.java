package com.bank.callcenter.robot;

import com.bank.callcenter.calls.RecoveredRobotChoice;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.contacts.DoNotCall;
import com.bank.callcenter.contacts.OptOut;
import com.bank.callcenter.contacts.OptOuts;
import com.bank.callcenter.customers.MobileNumbers;
import com.bank.callcenter.telephony.DialplanContract;
import com.bank.callcenter.telephony.Pbx;
import com.bank.callcenter.telephony.PbxEvent;
import com.bank.callcenter.telephony.PbxListener;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What a robot call's menu choice sets off, as soon as the RobotChoice UserEvent arrives (the call
 * record itself keeps the choice through the CallTracker): 9 puts the number on the do-not-call
 * list at once through {@link OptOuts} (source IVR_OPT_OUT, held callcenter.robot.opt-out-hold-months;
 * kept pending and refused if PostgreSQL is away, the number taken from {@link DialledRobotCalls}), 2 asks the
 * {@link RobotSmsSender} for the campaign's SMS, 1 records that the dialplan put the customer in
 * the team queue for the RM desk. The database work runs on a thread of its own, so the PBX event
 * thread never waits for it. A choice pressed while no instance listened (its follower dead) arrives
 * later as a {@link RecoveredRobotChoice}, read back from AstDB when the call was adopted or reconciled,
 * and is applied the same way. Once applied, the AstDB entry the dialplan kept is deleted (DBDel). A call's
 * choice is applied once, however many times it arrives.
 */
@ApplicationScoped
public class RobotChoiceHandler implements PbxListener {

    private static final Logger LOG = Logger.getLogger(RobotChoiceHandler.class);
    private static final long DRAIN_ON_STOP_SECONDS = 10;
    /** Calls whose choice was applied, remembered so that a choice arriving twice (event and AstDB) acts once. */
    private static final int APPLIED_KEPT = 10_000;

    private final EntityManager em;
    private final OptOuts optOuts;
    private final DialledRobotCalls dialled;
    private final RobotSmsSender sms;
    private final RobotSettings settings;
    private final RobotDialerConfig config;
    private final CallCenterConfig callcenter;
    private final Clock clock;
    private final Pbx pbx;
    /** Touched on the worker thread only. */
    private final Map<UUID, Boolean> applied = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > APPLIED_KEPT;
        }
    };
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "robot-choices");
        thread.setDaemon(true);
        return thread;
    });

    public RobotChoiceHandler(EntityManager em, OptOuts optOuts, DialledRobotCalls dialled, RobotSmsSender sms, RobotSettings settings, RobotDialerConfig config,
                              CallCenterConfig callcenter, Clock clock, Pbx pbx) {
        this.em = em;
        this.optOuts = optOuts;
        this.dialled = dialled;
        this.sms = sms;
        this.settings = settings;
        this.config = config;
        this.callcenter = callcenter;
        this.clock = clock;
        this.pbx = pbx;
    }

    /** The robot call a choice belongs to. */
    private record RobotCall(UUID callId, String customerId, String campaignId, String mobile, String definition) {
    }

    @Override
    public void onEvent(PbxEvent event) {
        if (!DialplanContract.ROBOT_CHOICE_EVENT.equals(event.name())) {
            return;
        }
        String choice = Optional.ofNullable(event.get("Choice")).map(String::trim).orElse("");
        if (choice.isEmpty()) {
            return;
        }
        UUID callId;
        try {
            callId = UUID.fromString(String.valueOf(event.get("CallId")).trim());
        } catch (IllegalArgumentException e) {
            return;
        }
        if (!choice.equals("1") && !choice.equals("2") && !choice.equals("9")) {
            worker.execute(() -> forget(event.server(), callId)); // a digit the menu ignores: nothing to apply
            return;
        }
        String server = event.server();
        worker.execute(() -> applyOnce(server, callId, choice, event.receivedAt()));
    }

    /** A choice read back from AstDB for a call adopted or reconciled: pressed while no instance listened. */
    void onRecovered(@Observes RecoveredRobotChoice recovered) {
        String choice = recovered.choice().trim();
        if (!choice.equals("1") && !choice.equals("2") && !choice.equals("9")) {
            worker.execute(() -> forget(recovered.server(), recovered.callId()));
            return;
        }
        worker.execute(() -> applyOnce(recovered.server(), recovered.callId(), choice, recovered.at()));
    }

    /** Applies the choice unless this call's was already applied, then deletes the AstDB entry the dialplan kept. */
    private void applyOnce(String server, UUID callId, String choice, Instant now) {
        if (!applied.containsKey(callId)) {
            if (!apply(callId, choice, now)) {
                return; // the entry stays: the next adoption or reconciliation tries again
            }
            applied.put(callId, Boolean.TRUE);
        }
        forget(server, callId);
    }

    /** DBDel of the call's choice in AstDB. */
    private void forget(String server, UUID callId) {
        if (server == null) {
            return;
        }
        try {
            pbx.dbDel(server, DialplanContract.ROBOT_CHOICE_DB_FAMILY, callId.toString())
                    .whenComplete((deleted, error) -> {
                        if (error != null) {
                            LOG.debugf("robot call %s: AstDB choice not deleted: %s", callId, error.getMessage());
                        }
                    });
        } catch (RuntimeException e) {
            LOG.debugf("robot call %s: AstDB choice not deleted: %s", callId, e.getMessage());
        }
    }

    /** True when the choice was applied (or there is nothing to apply it to). */
    private boolean apply(UUID callId, String choice, Instant now) {
        try {
            if (choice.equals("9")) {
                // without the database when this instance dialled the call: the opt-out must not wait for it
                Optional<DialledRobotCalls.Dialled> known = dialled.find(callId);
                if (known.isPresent()) {
                    DialledRobotCalls.Dialled call = known.get();
                    optOut(new RobotCall(callId, call.customerId(), call.campaignId(), call.mobile(), null), now);
                    return true;
                }
            }
            find(callId).ifPresent(call -> {
                switch (choice) {
                    case "9":
                        optOut(call, now);
                        break;
                    case "2":
                        String template = call.definition() == null ? null : settings.of(call.definition()).smsTemplate();
                        sms.send(new RobotSmsSender.Request(call.callId(), call.customerId(), call.mobile(),
                                call.campaignId(), template, now));
                        break;
                    default:
                        team(call, now);
                        break;
                }
            });
            return true;
        } catch (RuntimeException e) {
            LOG.errorf(e, "robot call %s: choice %s not applied", callId, choice);
            return false;
        }
    }

    private Optional<RobotCall> find(UUID callId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select c.customer_id, c.campaign_id, cu.mobile, cast(k.definition as text)
                    from call_attempt c join customer cu on cu.customer_id = c.customer_id
                    left join campaign k on k.id = c.campaign_id
                    where c.id = ?1 and c.kind = 'ROBOT_CALL'""").setParameter(1, callId).getResultList();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Object[] row = rows.get(0);
            Optional<String> mobile = row[2] == null ? Optional.empty() : MobileNumbers.normalise((String) row[2]);
            return mobile.map(m -> new RobotCall(callId, (String) row[0], (String) row[1], m, (String) row[3]));
        });
    }

    private void optOut(RobotCall call, Instant now) {
        Instant expires = now.atZone(callcenter.zone()).plusMonths(config.optOutHoldMonths()).toInstant();
        optOuts.optOut(new OptOut(call.mobile(), DoNotCall.Source.IVR_OPT_OUT,
                "pressed 9 in robot call " + call.callId() + " of campaign " + call.campaignId(), now, expires));
        LOG.infof("robot call %s: %s opted out (do-not-call until %s)", call.callId(), call.customerId(), expires);
    }

    private void team(RobotCall call, Instant now) {
        String queue = call.definition() == null ? config.teamQueue() : settings.of(call.definition()).teamQueue();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into robot_team_request (call_id, customer_id, campaign_id, team_queue, pressed_at)
                        values (?1, ?2, ?3, ?4, ?5) on conflict (call_id) do nothing""")
                .setParameter(1, call.callId()).setParameter(2, call.customerId()).setParameter(3, call.campaignId())
                .setParameter(4, queue).setParameter(5, Timestamp.from(now)).executeUpdate());
    }

    /** Choices already received are still applied, while the database is still there (a press 9 must reach the do-not-call list). */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(DRAIN_ON_STOP_SECONDS, TimeUnit.SECONDS)) {
            LOG.warnf("robot choices: stopped before every received choice was applied");
        }
    }
}
