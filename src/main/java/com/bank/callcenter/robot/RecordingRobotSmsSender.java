package com.bank.callcenter.robot;

import io.quarkus.arc.DefaultBean;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Timestamp;

/** Until the SMS service sends them: each request is a robot_sms_request row in state REQUESTED. */
@ApplicationScoped
@DefaultBean
public class RecordingRobotSmsSender implements RobotSmsSender {

    private static final Logger LOG = Logger.getLogger(RecordingRobotSmsSender.class);

    private final EntityManager em;

    public RecordingRobotSmsSender(EntityManager em) {
        this.em = em;
    }

    @Override
    public void send(Request request) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into robot_sms_request (call_id, customer_id, campaign_id, mobile, template, requested_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (call_id) do nothing""")
                .setParameter(1, request.callId()).setParameter(2, request.customerId())
                .setParameter(3, request.campaignId()).setParameter(4, request.mobile())
                .setParameter(5, request.template()).setParameter(6, Timestamp.from(request.at()))
                .executeUpdate());
        LOG.infof("robot call %s: SMS of campaign %s requested for %s", request.callId(), request.campaignId(),
                request.customerId());
    }
}
