package com.bank.callcenter.desk;

import com.bank.callcenter.audit.AuditEntry;
import com.bank.callcenter.customers.CustomerCard;
import com.bank.callcenter.customers.Tier;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads the customer part of a {@link DeskCard} — the customer, their holdings, recent outflows and
 * recent contacts — in one statement (every served card needs all of it); every card served is
 * written to the audit log.
 */
@ApplicationScoped
public class DeskCards {

    /** Outflows of the last this-many days are shown. */
    private static final Duration OUTFLOW_WINDOW = Duration.ofDays(90);
    private static final int OUTFLOWS_SHOWN = 5;

    private static final String CARD = """
            select c.name, c.mobile, c.tier, c.aum, c.branch_id,
              (select coalesce(json_agg(json_build_object('holdingId', h.holding_id, 'productType', h.product_type,
                        'amount', h.amount, 'maturityDate', h.maturity_date, 'branchId', h.branch_id)
                        order by h.maturity_date asc nulls last, h.holding_id), '[]')
                 from holding h where h.customer_id = c.customer_id),
              (select coalesce(json_agg(json_build_object('at', t.occurred_at, 'amount', t.amount,
                        'counterpartyBank', t.counterparty_bank) order by t.occurred_at desc), '[]')
                 from (select occurred_at, amount, counterparty_bank from transfer
                       where customer_id = c.customer_id and direction = 'OUT' and same_name and occurred_at >= ?2
                       order by occurred_at desc limit ?3) t),
              (select coalesce(json_agg(json_build_object('at', r.created_at, 'channel', r.channel,
                        'outcome', r.outcome, 'disposition', r.disposition) order by r.created_at desc), '[]')
                 from (select a.created_at, a.channel, coalesce(k.outcome, s.state) as outcome, k.disposition
                       from contact_attempt a
                       left join call_attempt k on k.id = a.id
                       left join sms_message s on s.id = a.id
                       where a.customer_id = c.customer_id and a.sent
                       order by a.created_at desc limit ?4) r)
            from customer c where c.customer_id = ?1""";

    private static final TypeReference<List<CustomerCard.HoldingLine>> HOLDINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<DeskCard.Outflow>> OUTFLOWS = new TypeReference<>() {
    };
    private static final TypeReference<List<DeskCard.RecentContact>> CONTACTS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final DeskConfig config;
    private final ObjectMapper json;

    public DeskCards(EntityManager em, DeskConfig config, ObjectMapper json) {
        this.em = em;
        this.config = config;
        this.json = json;
    }

    /** The customer as the desk reads them once per served customer: the contact rules need the mobile, the card the rest. */
    public record CustomerRow(String customerId, String name, String mobile, Tier tier, BigDecimal aum, String branchId,
                              String holdings, String outflows, String recentContacts) {
    }

    public Optional<CustomerRow> row(String customerId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(CARD).setParameter(1, customerId)
                .setParameter(2, Timestamp.from(now.minus(OUTFLOW_WINDOW))).setParameter(3, OUTFLOWS_SHOWN)
                .setParameter(4, config.recentContacts()).getResultList();
        return rows.stream().findFirst().map(c -> new CustomerRow(customerId, (String) c[0], (String) c[1],
                c[2] == null ? null : Tier.valueOf((String) c[2]), (BigDecimal) c[3], (String) c[4], text(c[5]),
                text(c[6]), text(c[7])));
    }

    /** The customer as the RM {@code username} may see them (masked mobile); the view is audited. */
    public DeskCard.Customer customer(CustomerRow row, String username) {
        AuditEntry.customerViewed(username, AuditEntry.VIEW_CUSTOMER, row.customerId());
        return new DeskCard.Customer(row.customerId(), row.name(), DeskCard.Customer.masked(row.mobile()), row.tier(),
                row.aum(), row.branchId(), read(row.holdings(), HOLDINGS), read(row.outflows(), OUTFLOWS),
                read(row.recentContacts(), CONTACTS));
    }

    /** The same, read by id; empty when the customer is gone. */
    public Optional<DeskCard.Customer> customer(String customerId, String username, Instant now) {
        return row(customerId, now).map(row -> customer(row, username));
    }

    private <T> List<T> read(String array, TypeReference<List<T>> type) {
        try {
            return json.readValue(array, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the desk card's " + type.getType() + " are not readable", e);
        }
    }

    /** json columns come back as String or as a driver object whose toString is the JSON text. */
    private static String text(Object value) {
        return value == null ? "[]" : value.toString();
    }
}
