package com.bank.callcenter.audit;

import java.time.Instant;

/** One audit entry as the API shows it; {@code actor} is the login that acted. */
public record AuditEntryView(long id, Instant at, String actor, String action, String subject, String details) {

    static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(entry.id, entry.at, entry.username, entry.action, entry.subject, entry.details);
    }
}
