package com.bank.callcenter.sms;

import com.bank.callcenter.common.SqlValues;
import com.bank.callcenter.campaigns.Channel;
import com.bank.callcenter.contacts.ContactAttempt;
import com.bank.callcenter.contacts.ContactAttempts;
import com.bank.callcenter.contacts.ContactRules;
import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.common.RetriedWrite;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.customers.BookAccess;
import com.bank.callcenter.customers.BookAccess.Reachable;
import com.bank.callcenter.customers.MobileNumbers;
import com.bank.callcenter.security.CurrentUser;
import com.bank.callcenter.telephony.Pbx;
import com.bank.callcenter.telephony.Pbx.MessageSendResult;
import com.bank.callcenter.telephony.Pbx.OutboundMessage;
import com.bank.callcenter.telephony.PbxUnavailableException;
import com.bank.callcenter.telephony.TelephonyConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.logging.Logger;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Sends SMS through the PBX (AMI MessageSend) and reads them back. Each SMS is one contact attempt,
 * whoever sends it (an RM, the robot's press 2, an SMS campaign), and goes through one dispatch:
 * {@link #queue} checks the compliance rules and records the attempt and the message in the
 * caller's transaction, then {@link #transmit} sends the MessageSend exactly once; Asterisk's
 * answer makes it SENT or FAILED. A retry is a new message.
 */
@ApplicationScoped
public class SmsService {

    private static final Logger LOG = Logger.getLogger(SmsService.class);
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    /** Custom header of the SIP MESSAGE (MESSAGE_DATA(X-SMS-ID) in the dialplan), for tracing. */
    static final String SMS_ID_HEADER = "X-SMS-ID";
    /** The problem code when no PBX link is up: nothing was sent. */
    public static final String PBX_UNAVAILABLE = "pbx-unavailable";

    private final EntityManager em;
    private final Pbx pbx;
    private final ContactRules rules;
    private final ContactAttempts attempts;
    private final BookAccess book;
    private final SmsTemplates templates;
    private final SmsConfig config;
    private final TelephonyConfig telephony;
    private final CallCenterConfig callcenter;
    private final Clock clock;
    private final Event<SmsSettled> settled;

    public SmsService(EntityManager em, Pbx pbx, ContactRules rules, ContactAttempts attempts, BookAccess book, SmsTemplates templates, SmsConfig config,
                      TelephonyConfig telephony, CallCenterConfig callcenter, Clock clock, Event<SmsSettled> settled) {
        this.settled = settled;
        this.em = em;
        this.pbx = pbx;
        this.rules = rules;
        this.attempts = attempts;
        this.book = book;
        this.templates = templates;
        this.config = config;
        this.telephony = telephony;
        this.callcenter = callcenter;
        this.clock = clock;
    }

    /** Sends a template's or a free text's SMS to a customer of the calling RM's book; returns the SMS id. */
    public UUID send(String customerId, String templateId, String text, CurrentUser user) {
        boolean byTemplate = templateId != null && !templateId.isBlank();
        boolean byText = text != null && !text.isBlank();
        if (byTemplate == byText) {
            throw ProblemException.badRequest("template-or-text", "give either templateId or text, not both and not neither");
        }
        String staffId = user.staffId()
                .orElseThrow(() -> ProblemException.forbidden("only a remote manager with a staff record sends SMS"));
        Reachable customer = book.reachable(customerId, staffId);

        String source;
        if (byTemplate) {
            SmsTemplates.Template template = templates.find(templateId)
                    .orElseThrow(() -> ProblemException.notFound("SMS template", templateId));
            if (!template.active()) {
                throw ProblemException.conflict("template-inactive", "SMS template " + templateId + " is not active");
            }
            source = template.body();
        } else {
            templates.checkText(text, "the text");
            source = text;
        }
        return dispatch(new Outgoing(customer, staffId, null, null, byTemplate ? templateId : null,
                rendered(source, customer), Compliance.bankDefaults()));
    }

    /**
     * The SMS a customer asked for during a robot call (press 2): the campaign's template, sent at
     * once. Being the customer's own request, it is not a marketing contact: no window or cap check.
     */
    @ActivateRequestContext
    public UUID sendAtCustomersRequest(String customerId, String campaignId, String template) {
        Reachable customer = book.reachable(customerId, null);
        templates.checkText(template, "the campaign's SMS template");
        return dispatch(new Outgoing(customer, null, campaignId, null, null, rendered(template, customer),
                Compliance.customersRequest()));
    }

    /** One list entry of an SMS campaign: whom, which campaign and list, the campaign's cap and template. */
    public record CampaignSms(String customerId, String campaignId, long listId, int frequencyCapDays, String template) {
    }

    /**
     * Step one of a campaign's SMS, in the caller's transaction (which also updates the list entry):
     * renders the campaign's template for the customer, checks do-not-call / calling window / the
     * campaign's frequency cap now, and records the attempt (marketing, with campaign and list) and
     * the QUEUED message. Then {@link #transmit} it once the transaction has committed.
     *
     * @throws ProblemException naming why not: do-not-call, outside-calling-window, frequency-cap,
     *                          no-valid-mobile, no-maturing-holding, pbx-unavailable …
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public QueuedSms queueForCampaign(CampaignSms sms) {
        Reachable customer = book.reachable(sms.customerId(), null);
        return queue(new Outgoing(customer, null, sms.campaignId(), sms.listId(), null,
                rendered(sms.template(), customer), Compliance.campaign(sms.frequencyCapDays(), sms.listId())));
    }

    /**
     * Step two: the MessageSend, exactly once. The stage completes, after the answer is recorded,
     * with what became of the SMS.
     *
     * @throws ProblemException pbx-unavailable (503) when the link is down: nothing was sent and the
     *                          message is recorded FAILED as not sent
     */
    public CompletionStage<SmsDelivery> transmit(QueuedSms queued) {
        OutboundMessage message = new OutboundMessage(telephony.sms().to().replace("{number}", queued.mobile()),
                config.from().orElse(null), queued.body(), Map.of(SMS_ID_HEADER, queued.smsId().toString()));
        CompletableFuture<SmsDelivery> delivered = new CompletableFuture<>();
        try {
            pbx.sendMessage(queued.server(), message)
                    .whenComplete((result, error) -> delivered.complete(finished(queued.smsId(), result, error)));
        } catch (PbxUnavailableException | IllegalArgumentException e) {
            finished(queued.smsId(), null, e);
            throw pbxUnavailable();
        }
        return delivered;
    }

    /** The one dispatch of an SMS sent on its own: queued in a transaction of its own, then transmitted. */
    private UUID dispatch(Outgoing outgoing) {
        QueuedSms queued = QuarkusTransaction.requiringNew().call(() -> queue(outgoing));
        transmit(queued);
        return queued.smsId();
    }

    /** Checks (a marketing contact: under the customer's row lock, so the cap cannot pass twice) and records. */
    private QueuedSms queue(Outgoing outgoing) {
        String server = pbx.availableServer().orElseThrow(SmsService::pbxUnavailable);
        Reachable customer = outgoing.customer();
        UUID smsId = UUID.randomUUID();
        Instant now = clock.instant();
        Compliance compliance = outgoing.compliance();
        if (compliance.marketing()) {
            em.createNativeQuery("select customer_id from customer where customer_id = ?1 for update")
                    .setParameter(1, customer.customerId()).getResultList();
            if (compliance.exceptListId() == null) {
                rules.checkMayContact(customer.customerId(), customer.mobile(), now);
            } else {
                rules.checkMayContact(customer.customerId(), customer.mobile(), now, compliance.frequencyCapDays(),
                        compliance.exceptListId());
            }
        }
        record(smsId, outgoing, server, now);
        return new QueuedSms(smsId, server, customer.mobile(), outgoing.body());
    }

    private String rendered(String source, Reachable customer) {
        return templates.withSignatureAndTail(SmsTemplates.render(source, name -> value(name, customer)));
    }

    /** An SMS as its sender, a supervisor or an admin may see it. */
    @SuppressWarnings("unchecked")
    public SmsView view(UUID smsId, CurrentUser user) {
        List<Object[]> rows = em.createNativeQuery("select id, customer_id, template_id, state, gateway_status, body,"
                        + " created_at, sent_at, staff_id from sms_message where id = ?1")
                .setParameter(1, smsId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("SMS", smsId);
        }
        Object[] row = rows.get(0);
        if (user.isOnlyRemoteManager() && !user.staffId().map(s -> s.equals(row[8])).orElse(false)) {
            throw ProblemException.forbidden("an RM sees only their own SMS");
        }
        return new SmsView((UUID) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                (String) row[5], SqlValues.instant(row[6]), SqlValues.instant(row[7]));
    }

    private SmsDelivery finished(UUID smsId, MessageSendResult result, Throwable error) {
        SmsDelivery delivery;
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            delivery = cause instanceof PbxUnavailableException || cause instanceof IllegalArgumentException
                    ? new SmsDelivery(smsId, SmsDelivery.Outcome.NOT_SENT, "not sent: " + cause.getMessage())
                    : new SmsDelivery(smsId, SmsDelivery.Outcome.FAILED, "no answer from the PBX: " + cause);
        } else {
            delivery = new SmsDelivery(smsId, result.accepted() ? SmsDelivery.Outcome.SENT : SmsDelivery.Outcome.FAILED,
                    result.message() != null ? result.message() : result.response());
        }
        String state = delivery.state();
        String status = delivery.gatewayStatus();
        Instant at = clock.instant();
        boolean reachedNoOne = delivery.outcome() == SmsDelivery.Outcome.NOT_SENT
                || result != null && !result.accepted();
        // retried with backoff when the database is briefly away; what is never written the sweep
        // (UnansweredSms) settles UNKNOWN, never left QUEUED
        SmsSettled[] recorded = new SmsSettled[1];
        boolean written = RetriedWrite.run("SMS " + smsId + " " + state + " (" + status + ")",
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    int updated = em.createNativeQuery("update sms_message set state = ?2,"
                                    + " gateway_status = ?3, sent_at = case when ?2 = 'SENT' then cast(?4 as timestamptz) end"
                                    + " where id = ?1 and state = 'QUEUED'")
                            .setParameter(1, smsId).setParameter(2, state).setParameter(3, status)
                            .setParameter(4, Timestamp.from(at)).executeUpdate();
                    if (reachedNoOne) {
                        // not sent, or refused by Asterisk: on record, but not a contact for the frequency cap
                        attempts.markNotSent(smsId);
                    }
                    recorded[0] = updated == 0 ? null : settledRecord(smsId, state);
                }));
        if (written) {
            LOG.infof("SMS %s: %s (%s)", smsId, state, status);
            tellSettled(recorded[0]);
        }
        return delivery;
    }

    private SmsSettled settledRecord(UUID smsId, String state) {
        Object[] row = (Object[]) em.createNativeQuery("select staff_id, customer_id, created_at from sms_message where id = ?1")
                .setParameter(1, smsId).getSingleResult();
        return new SmsSettled(smsId, (String) row[0], (String) row[1], SqlValues.instant(row[2]), state);
    }

    private void tellSettled(SmsSettled sms) {
        if (sms == null) {
            return;
        }
        try {
            settled.fire(sms);
        } catch (RuntimeException e) {
            LOG.warnf(e, "SMS %s: settled observers failed", sms.smsId());
        }
    }

    /** What is checked before an SMS is recorded: nothing (the customer asked), or the rules with a cap. */
    private record Compliance(boolean marketing, int frequencyCapDays, Long exceptListId) {

        /** An RM's SMS: the bank's default cap (ContactRules). */
        static Compliance bankDefaults() {
            return new Compliance(true, 0, null);
        }

        /** A campaign's SMS: the campaign's cap; its own earlier attempts on the list do not count. */
        static Compliance campaign(int frequencyCapDays, long listId) {
            return new Compliance(true, frequencyCapDays, listId);
        }

        static Compliance customersRequest() {
            return new Compliance(false, 0, null);
        }
    }

    /** One SMS to dispatch, whoever sends it; body = as sent (signature and tail included). */
    private record Outgoing(Reachable customer, String staffId, String campaignId, Long listId, String templateId,
                            String body, Compliance compliance) {
    }

    private String value(String variable, Reachable customer) {
        switch (variable) {
            case "customerName":
                return customer.name();
            case "managerName":
                Object name = em.createNativeQuery("select coalesce(max(name), '') from staff where staff_id = ?1")
                        .setParameter(1, customer.managerId()).getSingleResult();
                return (String) name;
            case "bankName":
                return config.bankName();
            case "maturityDate":
                LocalDate today = clock.instant().atZone(callcenter.zone()).toLocalDate();
                Object earliest = em.createNativeQuery("select min(maturity_date) from holding where customer_id = ?1"
                                + " and product_type in ('TIME_DEPOSIT', 'WEALTH') and maturity_date >= ?2")
                        .setParameter(1, customer.customerId()).setParameter(2, Date.valueOf(today)).getSingleResult();
                if (earliest == null) {
                    throw ProblemException.conflict("no-maturing-holding",
                            "the customer has no time deposit or wealth product maturing from today");
                }
                LocalDate date = earliest instanceof Date ? ((Date) earliest).toLocalDate() : (LocalDate) earliest;
                return CHINESE_DATE.format(date);
            default:
                throw ProblemException.badRequest("unknown-template-variable", "unknown variable {" + variable + "}");
        }
    }

    private void record(UUID smsId, Outgoing outgoing, String server, Instant now) {
        attempts.record(new ContactAttempt(smsId, outgoing.customer().customerId(), outgoing.campaignId(), outgoing.listId(),
                Channel.SMS, outgoing.compliance().marketing(), outgoing.staffId(), now));
        em.createNativeQuery("insert into sms_message (id, customer_id, staff_id, campaign_id, template_id, body, state,"
                        + " ami_server, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, 'QUEUED', ?7, ?8)")
                .setParameter(1, smsId).setParameter(2, outgoing.customer().customerId()).setParameter(3, outgoing.staffId())
                .setParameter(4, outgoing.campaignId()).setParameter(5, outgoing.templateId())
                .setParameter(6, outgoing.body()).setParameter(7, server)
                .setParameter(8, Timestamp.from(now)).executeUpdate();
    }

    private static ProblemException pbxUnavailable() {
        return new ProblemException(Status.SERVICE_UNAVAILABLE, PBX_UNAVAILABLE,
                "the telephone system is unreachable; try again shortly");
    }
}
