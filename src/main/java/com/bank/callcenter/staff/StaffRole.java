package com.bank.callcenter.staff;

import com.bank.callcenter.security.Roles;

/** Staff roles as the bank's staff extract names them, and the login role each one gets. */
public enum StaffRole {
    REMOTE_MANAGER(Roles.RM),
    SUPERVISOR(Roles.SUPERVISOR),
    PLANNER(Roles.PLANNER);

    private final String loginRole;

    StaffRole(String loginRole) {
        this.loginRole = loginRole;
    }

    public String loginRole() {
        return loginRole;
    }
}
