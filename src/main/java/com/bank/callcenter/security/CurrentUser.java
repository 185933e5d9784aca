package com.bank.callcenter.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/** Who is calling: user name, roles, and the staff record behind the login. */
@RequestScoped
public class CurrentUser {

    static final String STAFF_ID_ATTRIBUTE = "staffId";

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String username() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public Optional<String> staffId() {
        return Optional.ofNullable(identity.getAttribute(STAFF_ID_ATTRIBUTE));
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** An RM with no other role: sees only their own book and never a full number. */
    public boolean isOnlyRemoteManager() {
        return is(Roles.RM) && !is(Roles.SUPERVISOR) && !is(Roles.ADMIN) && !is(Roles.PLANNER);
    }
}
