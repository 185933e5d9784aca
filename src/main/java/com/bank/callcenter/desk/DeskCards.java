package com.bank.callcenter.desk;

import com.bank.callcenter.audit.AuditEntry;
import com.bank.callcenter.customers.CustomerCard;
import com.bank.callcenter.customers.Holding;
import com.bank.callcenter.customers.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the customer part of a {@link DeskCard}; every card served is written to the audit log. */
@ApplicationScoped
public class DeskCards {

    /** Outflows of the last this-many days are shown. */
    private static final Duration OUTFLOW_WINDOW = Duration.ofDays(90);
    private static final int OUTFLOWS_SHOWN = 5;

    private final EntityManager em;
    private final DeskConfig config;

    public DeskCards(EntityManager em, DeskConfig config) {
        this.em = em;
        this.config = config;
    }

    /** The customer's row as the desk reads it once per served customer: the contact rules need the mobile, the card the rest. */
    public record CustomerRow(String customerId, String name, String mobile, Tier tier, BigDecimal aum,
                              String branchId) {
    }

    public Optional<CustomerRow> row(String customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select name, mobile, tier, aum, branch_id from customer"
                + " where customer_id = ?1").setParameter(1, customerId).getResultList();
        return rows.stream().findFirst().map(c -> new CustomerRow(customerId, (String) c[0], (String) c[1],
                c[2] == null ? null : Tier.valueOf((String) c[2]), (BigDecimal) c[3], (String) c[4]));
    }

    /** The customer as the RM {@code username} may see them (masked mobile); the view is audited. */
    public DeskCard.Customer customer(CustomerRow row, String username, Instant now) {
        AuditEntry.customerViewed(username, AuditEntry.VIEW_CUSTOMER, row.customerId());
        return new DeskCard.Customer(row.customerId(), row.name(), DeskCard.Customer.masked(row.mobile()), row.tier(),
                row.aum(), row.branchId(), Holding.listOfCustomer(row.customerId()).stream()
                .map(CustomerCard.HoldingLine::of).toList(), outflows(row.customerId(), now),
                recentContacts(row.customerId()));
    }

    /** The same, read by id; empty when the customer is gone. */
    public Optional<DeskCard.Customer> customer(String customerId, String username, Instant now) {
        return row(customerId).map(row -> customer(row, username, now));
    }

    private List<DeskCard.Outflow> outflows(String customerId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select occurred_at, amount, counterparty_bank from transfer
                        where customer_id = ?1 and direction = 'OUT' and same_name and occurred_at >= ?2
                        order by occurred_at desc limit ?3""")
                .setParameter(1, customerId).setParameter(2, Timestamp.from(now.minus(OUTFLOW_WINDOW)))
                .setParameter(3, OUTFLOWS_SHOWN).getResultList();
        List<DeskCard.Outflow> outflows = new ArrayList<>(rows.size());
        rows.forEach(r -> outflows.add(new DeskCard.Outflow(AgentStates.instant(r[0]), (BigDecimal) r[1], (String) r[2])));
        return outflows;
    }

    private List<DeskCard.RecentContact> recentContacts(String customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select a.created_at, a.channel, coalesce(c.outcome, s.state), c.disposition
                        from contact_attempt a
                        left join call_attempt c on c.id = a.id
                        left join sms_message s on s.id = a.id
                        where a.customer_id = ?1 and a.sent
                        order by a.created_at desc limit ?2""")
                .setParameter(1, customerId).setParameter(2, config.recentContacts()).getResultList();
        List<DeskCard.RecentContact> contacts = new ArrayList<>(rows.size());
        rows.forEach(r -> contacts.add(new DeskCard.RecentContact(AgentStates.instant(r[0]), (String) r[1],
                (String) r[2], (String) r[3])));
        return contacts;
    }
}
