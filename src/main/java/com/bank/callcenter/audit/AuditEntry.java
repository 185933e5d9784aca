package com.bank.callcenter.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of the audit trail: who did what to which subject, and when. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

    public static final String VIEW_CUSTOMER = "VIEW_CUSTOMER";
    public static final String VIEW_CHURN = "VIEW_CHURN";
    public static final String LOCK_BOOKS = "LOCK_BOOKS";
    public static final String UNLOCK_BOOKS = "UNLOCK_BOOKS";
    public static final String LOGIN_SUCCEEDED = "LOGIN_SUCCEEDED";
    public static final String LOGIN_FAILED = "LOGIN_FAILED";
    /** The failure that reached the limit: the user name is refused until the window has passed. */
    public static final String LOGIN_LOCKED = "LOGIN_LOCKED";
    /** A login's roles changed (by a staff import): before and after are the comma-separated roles. */
    public static final String CHANGE_ROLES = "CHANGE_ROLES";
    /** A login was switched on or off (by a staff import or by an admin): before and after are true/false. */
    public static final String CHANGE_ACTIVE = "CHANGE_ACTIVE";
    public static final String FORCE_STALE_IMPORT = "FORCE_STALE_IMPORT";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant at = Instant.now();

    /** Who did it (the login); {@code actor} in the API. */
    public String username;

    public String action;

    public String subject;

    /** The value before the change, for entries that record one (null: none). */
    @Column(name = "before_value")
    public String before;

    /** The value after the change. */
    @Column(name = "after_value")
    public String after;

    /** What else the entry needs to be understood, e.g. the dates of a forced stale import; may be null. */
    public String details;

    /** Writes an entry in the caller's transaction. */
    public static AuditEntry record(String username, String action, String subject) {
        return record(username, action, subject, null);
    }

    /** Writes an entry with details in the caller's transaction. */
    public static AuditEntry record(String username, String action, String subject, String details) {
        return write(username, action, subject, details, null, null);
    }

    /** Writes an entry of a change, with the value before and after, in the caller's transaction. */
    public static AuditEntry recordChange(String username, String action, String subject, String before, String after) {
        return write(username, action, subject, null, before, after);
    }

    private static AuditEntry write(String username, String action, String subject, String details, String before,
                                    String after) {
        AuditEntry entry = new AuditEntry();
        entry.username = username;
        entry.action = action;
        entry.subject = subject;
        entry.details = details;
        entry.before = before;
        entry.after = after;
        entry.persist();
        return entry;
    }

    /**
     * A view of one customer's data (card, churn explanation): written in the caller's
     * transaction, so no such view leaves without its audit row.
     */
    public static AuditEntry customerViewed(String username, String action, String customerId) {
        return record(username, action, customerId);
    }
}
