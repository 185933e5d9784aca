package com.bank.callcenter.security;

/** The four roles of the service; names used in @RolesAllowed and stored on users. */
public final class Roles {

    public static final String RM = "RM";
    public static final String PLANNER = "PLANNER";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
