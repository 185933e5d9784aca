package com.bank.callcenter.sms;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * An RM's SMS or a robot's press-2 SMS whose answer from Asterisk was never recorded (the write
 * failed past its retries, the instance died) is settled UNKNOWN after stale-after, with
 * gateway_status "not recorded: …" — never left QUEUED, never re-sent (it may have gone out).
 * A campaign's SMS (its attempt has a list) is settled by {@link SmsCampaignSender}'s sweep.
 */
@ApplicationScoped
public class UnansweredSms {

    private static final Logger LOG = Logger.getLogger(UnansweredSms.class);
    static final String NOT_RECORDED = "not recorded: no answer from Asterisk recorded within ";

    private final EntityManager em;
    private final SmsConfig config;
    private final Clock clock;

    public UnansweredSms(EntityManager em, SmsConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /** Every callcenter.sms.unanswered-sweep. */
    @Scheduled(every = "{callcenter.sms.unanswered-sweep}", delayed = "{callcenter.scheduler.start-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepOnSchedule() {
        sweep();
    }

    /** Returns how many SMS were settled. */
    public int sweep() {
        try {
            int settled = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                            update sms_message s set state = 'UNKNOWN', gateway_status = ?2
                            from contact_attempt a
                            where a.id = s.id and a.list_id is null and s.state = 'QUEUED' and s.created_at < ?1""")
                    .setParameter(1, Timestamp.from(clock.instant().minus(config.campaigns().staleAfter())))
                    .setParameter(2, NOT_RECORDED + config.campaigns().staleAfter())
                    .executeUpdate());
            if (settled > 0) {
                LOG.warnf("%d SMS never answered (or the answer not recorded) settled UNKNOWN", settled);
            }
            return settled;
        } catch (RuntimeException e) {
            LOG.warnf("unanswered SMS not swept now (%s)", e.getMessage());
            return 0;
        }
    }
}
