package com.bank.callcenter.imports;

import com.bank.callcenter.common.ProblemException;

import java.util.Arrays;

/** The bank's daily extracts, by the name used in {@code /api/imports/{kind}}. */
public enum ImportKind {
    CUSTOMERS("customers"),
    HOLDINGS("holdings"),
    TRANSFERS("transfers"),
    STAFF("staff"),
    DNC("dnc");

    private final String pathName;

    ImportKind(String pathName) {
        this.pathName = pathName;
    }

    public String pathName() {
        return pathName;
    }

    public static ImportKind fromPath(String name) {
        return Arrays.stream(values()).filter(k -> k.pathName.equals(name)).findFirst()
                .orElseThrow(() -> new ProblemException(jakarta.ws.rs.core.Response.Status.NOT_FOUND,
                        "unknown-import-kind", "no import of kind '" + name + "'; kinds are customers, "
                        + "holdings, transfers, staff, dnc"));
    }
}
