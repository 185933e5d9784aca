package com.bank.callcenter.robot;

import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.sms.SmsService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.util.UUID;

/**
 * Press 2: records the request (robot_sms_request) and hands the campaign's SMS to the SMS
 * service off the PBX event thread; the request then carries the SMS id, or why it failed.
 */
@ApplicationScoped
public class RobotSmsRequests implements RobotSmsSender {

    private static final Logger LOG = Logger.getLogger(RobotSmsRequests.class);

    private final EntityManager em;
    private final SmsService sms;
    private final ManagedExecutor executor;

    public RobotSmsRequests(EntityManager em, SmsService sms, ManagedExecutor executor) {
        this.em = em;
        this.sms = sms;
        this.executor = executor;
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
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "update robot_sms_request set state = 'SENT', sms_id = ?2 where call_id = ?1")
                    .setParameter(1, request.callId()).setParameter(2, smsId).executeUpdate());
        } catch (ProblemException e) {
            failed(request.callId(), e.code() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "robot call %s: the requested SMS could not be sent", request.callId());
            failed(request.callId(), e.toString());
        }
    }

    private void failed(UUID callId, String why) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update robot_sms_request set state = 'FAILED', failure = ?2 where call_id = ?1")
                .setParameter(1, callId).setParameter(2, why).executeUpdate());
    }
}
