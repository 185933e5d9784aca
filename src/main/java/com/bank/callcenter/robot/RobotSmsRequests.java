package com.bank.callcenter.robot;

import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.common.RetriedWrite;
import com.bank.callcenter.sms.SmsConfig;
import com.bank.callcenter.sms.SmsService;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * Press 2: records the request (robot_sms_request) and hands the campaign's SMS to the SMS
 * service off the PBX event thread; the request then carries the SMS id, or why it failed. Those
 * writes are retried with backoff; a request still REQUESTED after stale-after is settled FAILED
 * with "not recorded: …" by {@link #sweep}.
 */
@ApplicationScoped
public class RobotSmsRequests implements RobotSmsSender {

    private static final Logger LOG = Logger.getLogger(RobotSmsRequests.class);

    private final EntityManager em;
    private final SmsService sms;
    private final ManagedExecutor executor;
    private final SmsConfig config;
    private final Clock clock;

    public RobotSmsRequests(EntityManager em, SmsService sms, ManagedExecutor executor, SmsConfig config, Clock clock) {
        this.em = em;
        this.sms = sms;
        this.executor = executor;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public void send(Request request) {
        int recorded = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        insert into robot_sms_request (call_id, customer_id, campaign_id, mobile, template, requested_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (call_id) do nothing""")
                .setParameter(1, request.callId()).setParameter(2, request.customerId())
                .setParameter(3, request.campaignId()).setParameter(4, request.mobile())
                .setParameter(5, request.template()).setParameter(6, Timestamp.from(request.at()))
                .executeUpdate());
        if (recorded == 0) {
            return;
        }
        LOG.infof("robot call %s: SMS of campaign %s requested for %s", request.callId(), request.campaignId(),
                request.customerId());
        executor.runAsync(() -> deliver(request));
    }

    private void deliver(Request request) {
        if (request.template() == null || request.template().isBlank()) {
            failed(request.callId(), "the campaign has no SMS template");
            return;
        }
        try {
            UUID smsId = sms.sendAtCustomersRequest(request.customerId(), request.campaignId(), request.template());
            RetriedWrite.run("robot call " + request.callId() + ": SMS " + smsId + " sent",
                    () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                                    "update robot_sms_request set state = 'SENT', sms_id = ?2 where call_id = ?1")
                            .setParameter(1, request.callId()).setParameter(2, smsId).executeUpdate()));
        } catch (ProblemException e) {
            failed(request.callId(), e.code() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "robot call %s: the requested SMS could not be sent", request.callId());
            failed(request.callId(), e.toString());
        }
    }

    private void failed(UUID callId, String why) {
        RetriedWrite.run("robot call " + callId + ": SMS request failed (" + why + ")",
                () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                                "update robot_sms_request set state = 'FAILED', failure = ?2 where call_id = ?1")
                        .setParameter(1, callId).setParameter(2, why).executeUpdate()));
    }

    /** Every callcenter.sms.unanswered-sweep. */
    @Scheduled(every = "{callcenter.sms.unanswered-sweep}", delayed = "{callcenter.scheduler.start-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepOnSchedule() {
        sweep();
    }

    /**
     * Press-2 requests whose outcome was never recorded within stale-after (the writes failed past
     * their retries, the instance died) are settled FAILED with "not recorded: …"; returns how many.
     */
    public int sweep() {
        try {
            int settled = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                            update robot_sms_request set state = 'FAILED', failure = ?2
                            where state = 'REQUESTED' and requested_at < ?1""")
                    .setParameter(1, Timestamp.from(clock.instant().minus(config.campaigns().staleAfter())))
                    .setParameter(2, "not recorded: no outcome recorded within " + config.campaigns().staleAfter()
                            + " (the SMS may have been sent)")
                    .executeUpdate());
            if (settled > 0) {
                LOG.warnf("%d press-2 SMS requests without a recorded outcome settled FAILED", settled);
            }
            return settled;
        } catch (RuntimeException e) {
            LOG.warnf("press-2 SMS requests not swept now (%s)", e.getMessage());
            return 0;
        }
    }
}
