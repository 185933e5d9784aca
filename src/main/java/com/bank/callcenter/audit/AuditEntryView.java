package com.bank.callcenter.audit;

import java.time.Instant;

/**
 * One audit entry as the API shows it; {@code actor} is the login that acted, {@code before} and
 * {@code after} the changed value for entries that record a change (roles, active), else null.
 */
public record AuditEntryView(long id, Instant at, String actor, String action, String subject, String details,
                             String before, String after) {

    static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(entry.id, entry.at, entry.username, entry.action, entry.subject, entry.details,
                entry.before, entry.after);
    }
}
