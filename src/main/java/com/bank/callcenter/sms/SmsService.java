package com.bank.callcenter.sms;

import com.bank.callcenter.calls.ContactRules;
import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.config.CallCenterConfig;
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
import jakarta.persistence.EntityManager;
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
import java.util.concurrent.CompletionException;

/**
 * Sends SMS through the PBX (AMI MessageSend) and reads them back. Each SMS is one contact attempt:
 * the compliance rules are checked, the attempt and the message are recorded in one transaction,
 * then the MessageSend goes out exactly once; Asterisk's answer makes it SENT or FAILED.
 */
@ApplicationScoped
public class SmsService {

    private static final Logger LOG = Logger.getLogger(SmsService.class);
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    /** Custom header of the SIP MESSAGE (MESSAGE_DATA(X-SMS-ID) in the dialplan), for tracing. */
    static final String SMS_ID_HEADER = "X-SMS-ID";

    private final EntityManager em;
    private final Pbx pbx;
    private final ContactRules rules;
    private final SmsTemplates templates;
    private final SmsConfig config;
    private final TelephonyConfig telephony;
    private final CallCenterConfig callcenter;
    private final Clock clock;

    public SmsService(EntityManager em, Pbx pbx, ContactRules rules, SmsTemplates templates, SmsConfig config,
                      TelephonyConfig telephony, CallCenterConfig callcenter, Clock clock) {
        this.em = em;
        this.pbx = pbx;
        this.rules = rules;
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
        Customer customer = customer(customerId, staffId);

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
        String body = templates.withSignatureAndTail(SmsTemplates.render(source, name -> value(name, customer)));
        return dispatch(customer, staffId, null, byTemplate ? templateId : "", body, true);
    }

    /**
     * The SMS a customer asked for during a robot call (press 2): the campaign's template, sent at
     * once. Being the customer's own request, it is not a marketing contact: no window or cap check.
     */
    @ActivateRequestContext
    public UUID sendAtCustomersRequest(String customerId, String campaignId, String template) {
        Customer customer = customer(customerId, null);
        templates.checkText(template, "the campaign's SMS template");
        String body = templates.withSignatureAndTail(SmsTemplates.render(template, name -> value(name, customer)));
        return dispatch(customer, null, campaignId, "", body, false);
    }

    private UUID dispatch(Customer customer, String staffId, String campaignId, String templateId, String body,
                          boolean marketing) {
        String server = pbx.availableServer().orElseThrow(SmsService::pbxUnavailable);
        UUID smsId = UUID.randomUUID();
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            if (marketing) {
                // one contact decision per customer at a time: the frequency cap cannot be passed twice at once
                em.createNativeQuery("select customer_id from customer where customer_id = ?1 for update")
                        .setParameter(1, customer.id()).getResultList();
                rules.checkMayContact(customer.id(), customer.mobile(), now);
            }
            record(smsId, customer.id(), staffId, campaignId, templateId, body, server, now, marketing);
        });

        OutboundMessage message = new OutboundMessage(telephony.sms().to().replace("{number}", customer.mobile()),
                config.from().orElse(null), body, Map.of(SMS_ID_HEADER, smsId.toString()));
        try {
            pbx.sendMessage(server, message).whenComplete((result, error) -> finished(smsId, result, error));
        } catch (PbxUnavailableException | IllegalArgumentException e) {
            finished(smsId, null, e);
            throw pbxUnavailable();
        }
        return smsId;
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
                (String) row[5], instant(row[6]), instant(row[7]));
    }

    private void finished(UUID smsId, MessageSendResult result, Throwable error) {
        String state;
        String status;
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            state = "FAILED";
            status = cause instanceof PbxUnavailableException ? "not sent: " + cause.getMessage()
                    : "no answer from the PBX: " + cause;
        } else {
            state = result.accepted() ? "SENT" : "FAILED";
            status = result.message() != null ? result.message() : result.response();
        }
        Instant at = clock.instant();
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update sms_message set state = ?2,"
                            + " gateway_status = ?3, sent_at = case when ?2 = 'SENT' then cast(?4 as timestamptz) end"
                            + " where id = ?1 and state = 'QUEUED'")
                    .setParameter(1, smsId).setParameter(2, state).setParameter(3, status)
                    .setParameter(4, Timestamp.from(at)).executeUpdate());
            LOG.infof("SMS %s: %s (%s)", smsId, state, status);
        } catch (RuntimeException e) {
            LOG.errorf(e, "SMS %s: could not record %s (%s)", smsId, state, status);
        }
    }

    private record Customer(String id, String name, String mobile, String managerId) {
    }

    @SuppressWarnings("unchecked")
    private Customer customer(String customerId, String staffId) {
        List<Object[]> rows = em.createNativeQuery("select manager_id, mobile, name from customer where customer_id = ?1")
                .setParameter(1, customerId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("customer", customerId);
        }
        Object[] row = rows.get(0);
        if (staffId != null && !staffId.equals(row[0])) {
            throw ProblemException.forbidden("the customer is not in your book");
        }
        String mobile = Optional.ofNullable((String) row[1]).flatMap(MobileNumbers::normalise)
                .orElseThrow(() -> ProblemException.conflict("no-valid-mobile", "the customer has no valid mobile number"));
        return new Customer(customerId, (String) row[2], mobile, (String) row[0]);
    }

    private String value(String variable, Customer customer) {
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
                        .setParameter(1, customer.id()).setParameter(2, Date.valueOf(today)).getSingleResult();
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

    private void record(UUID smsId, String customerId, String staffId, String campaignId, String templateId,
                        String body, String server, Instant now, boolean marketing) {
        em.createNativeQuery("insert into contact_attempt (id, customer_id, campaign_id, channel, marketing, staff_id,"
                        + " created_at) values (?1, ?2, ?3, 'SMS', ?4, ?5, ?6)")
                .setParameter(1, smsId).setParameter(2, customerId).setParameter(3, campaignId)
                .setParameter(4, marketing).setParameter(5, staffId)
                .setParameter(6, Timestamp.from(now)).executeUpdate();
        em.createNativeQuery("insert into sms_message (id, customer_id, staff_id, campaign_id, template_id, body, state,"
                        + " ami_server, created_at) values (?1, ?2, ?3, ?4, nullif(?5, ''), ?6, 'QUEUED', ?7, ?8)")
                .setParameter(1, smsId).setParameter(2, customerId).setParameter(3, staffId).setParameter(4, campaignId)
                .setParameter(5, templateId).setParameter(6, body).setParameter(7, server)
                .setParameter(8, Timestamp.from(now)).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp) {
            return ((Timestamp) value).toInstant();
        }
        if (value instanceof java.time.OffsetDateTime) {
            return ((java.time.OffsetDateTime) value).toInstant();
        }
        return (Instant) value;
    }

    private static ProblemException pbxUnavailable() {
        return new ProblemException(Status.SERVICE_UNAVAILABLE, "pbx-unavailable",
                "the telephone system is unreachable; try again shortly");
    }
}
