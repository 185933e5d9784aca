package com.bank.callcenter.security;

import com.bank.callcenter.audit.AuditEntry;
import com.bank.callcenter.common.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * An admin switches a login on or off (a leaver, or one coming back). Audited. Nobody switches
 * off their own login, and the last active admin is never switched off.
 */
@ApplicationScoped
public class LoginActivation {

    private final CurrentUser currentUser;
    private final Event<LoginActiveChanged> changed;

    public LoginActivation(CurrentUser currentUser, Event<LoginActiveChanged> changed) {
        this.currentUser = currentUser;
        this.changed = changed;
    }

    @Transactional
    public AppUser setActive(String username, boolean active) {
        if (!active) {
            refuseSelf(username);
        }
        // the active admins first, always in one order, then the login itself: no deadlock between two admins
        List<AppUser> activeAdmins = active ? List.of() : lockActiveAdmins();
        AppUser user = AppUser.<AppUser>findByIdOptional(username, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("user", username));
        if (user.active == active) {
            return user;
        }
        if (!active) {
            refuseLastAdmin(user, activeAdmins);
        }
        user.active = active;
        AuditEntry.recordChange(currentUser.username(), AuditEntry.CHANGE_ACTIVE, username,
                String.valueOf(!active), String.valueOf(active));
        changed.fire(new LoginActiveChanged(user.username, user.staffId, active));
        return user;
    }

    private void refuseSelf(String username) {
        if (username.equals(currentUser.username())) {
            throw ProblemException.conflict("cannot-deactivate-yourself", "you cannot switch off your own login");
        }
    }

    /** Locked, so two admins switching each other off at the same time cannot leave no admin at all. */
    private static List<AppUser> lockActiveAdmins() {
        return AppUser.<AppUser>find("active = true and roles like ?1", Sort.by("username"), "%" + Roles.ADMIN + "%")
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    private static void refuseLastAdmin(AppUser user, List<AppUser> activeAdmins) {
        if (!user.isAdmin()) {
            return;
        }
        boolean anotherAdmin = activeAdmins.stream()
                .anyMatch(other -> other.isAdmin() && !other.username.equals(user.username));
        if (!anotherAdmin) {
            throw ProblemException.conflict("last-active-admin",
                    user.username + " is the last active admin and cannot be switched off");
        }
    }
}
