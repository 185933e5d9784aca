package com.bank.callcenter.imports;

import com.bank.callcenter.common.ProblemException;

import java.util.Arrays;

/** The bank's daily extracts, by the name used in {@code /api/imports/{kind}}. */
public enum ImportKind {
    CUSTOMERS("customers", false),
    HOLDINGS("holdings", false),
    TRANSFERS("transfers", false),
    /** Only an admin imports staff: the extract gives logins their roles. */
    STAFF("staff", true),
    DNC("dnc", false),
    SALES("sales", false),
    PENETRATION("penetration", false);

    private final String pathName;
    private final boolean adminOnly;

    ImportKind(String pathName, boolean adminOnly) {
        this.pathName = pathName;
        this.adminOnly = adminOnly;
    }

    public String pathName() {
        return pathName;
    }

    /** True when only an ADMIN may import this kind (a planner gets 403). */
    public boolean adminOnly() {
        return adminOnly;
    }

    public static ImportKind fromPath(String name) {
        return Arrays.stream(values()).filter(k -> k.pathName.equals(name)).findFirst()
                .orElseThrow(() -> new ProblemException(jakarta.ws.rs.core.Response.Status.NOT_FOUND,
                        "unknown-import-kind", "no import of kind '" + name + "'; kinds are customers, "
                        + "holdings, transfers, staff, dnc, sales, penetration"));
    }
}
