package com.bank.callcenter.security;

import com.bank.callcenter.audit.AuditEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Logins in the audit trail, each in its own transaction (authentication runs outside any). Subject and
 * user are the name that was tried, known or not.
 */
@ApplicationScoped
public class LoginAudit {

    public void succeeded(String username) {
        record(username, AuditEntry.LOGIN_SUCCEEDED);
    }

    public void failed(String username) {
        record(username, AuditEntry.LOGIN_FAILED);
    }

    public void locked(String username) {
        record(username, AuditEntry.LOGIN_LOCKED);
    }

    private static void record(String username, String action) {
        QuarkusTransaction.requiringNew().run(() -> AuditEntry.record(username, action, username));
    }
}
