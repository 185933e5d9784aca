package com.bank.callcenter.robot;

import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.contacts.DoNotCall;
import com.bank.callcenter.contacts.OptOut;
import com.bank.callcenter.contacts.OptOuts;
import com.bank.callcenter.customers.MobileNumbers;
import com.bank.callcenter.telephony.DialplanContract;
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
import java.util.List;
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
 * thread never waits for it.
 */
@ApplicationScoped
public class RobotChoiceHandler implements PbxListener {

    private static final Logger LOG = Logger.getLogger(RobotChoiceHandler.class);
    private static final long DRAIN_ON_STOP_SECONDS = 10;

    private final EntityManager em;
    private final OptOuts optOuts;
    private final DialledRobotCalls dialled;
    private final RobotSmsSender sms;
    private final RobotSettings settings;
    private final RobotDialerConfig config;
    private final CallCenterConfig callcenter;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "robot-choices");
        thread.setDaemon(true);
        return thread;
    });

    public RobotChoiceHandler(EntityManager em, OptOuts optOuts, DialledRobotCalls dialled, RobotSmsSender sms, RobotSettings settings, RobotDialerConfig config,
                              CallCenterConfig callcenter, Clock clock) {
        this.em = em;
        this.optOuts = optOuts;
        this.dialled = dialled;
        this.sms = sms;
        this.settings = settings;
        this.config = config;
        this.callcenter = callcenter;
        this.clock = clock;
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
        if (!choice.equals("1") && !choice.equals("2") && !choice.equals("9")) {
            return;
        }
        UUID callId;
        try {
            callId = UUID.fromString(String.valueOf(event.get("CallId")).trim());
        } catch (IllegalArgumentException e) {
            return;
        }
        worker.execute(() -> apply(callId, choice, event.receivedAt()));
    }

    private void apply(UUID callId, String choice, Instant now) {
        try {
            if (choice.equals("9")) {
                // without the database when this instance dialled the call: the opt-out must not wait for it
                Optional<DialledRobotCalls.Dialled> known = dialled.find(callId);
                if (known.isPresent()) {
                    DialledRobotCalls.Dialled call = known.get();
                    optOut(new RobotCall(callId, call.customerId(), call.campaignId(), call.mobile(), null), now);
                    return;
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
        } catch (RuntimeException e) {
            LOG.errorf(e, "robot call %s: choice %s not applied", callId, choice);
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
