package com.bank.callcenter.staff;

import com.bank.callcenter.security.LoginActiveChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Instant;

/**
 * A staff member whose login an admin switches off becomes inactive too (no new customers, book
 * on the hand-over list), and active again with it; in the admin's transaction.
 */
@ApplicationScoped
public class StaffLeavers {

    void onLoginActiveChanged(@Observes LoginActiveChanged change) {
        if (change.staffId() != null) {
            Staff.update("active = ?1, updatedAt = ?2 where staffId = ?3", change.active(), Instant.now(), change.staffId());
        }
    }
}
