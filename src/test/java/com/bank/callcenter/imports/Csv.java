package com.bank.callcenter.imports;

import com.bank.callcenter.support.Api;
import io.restassured.response.ValidatableResponse;

import java.nio.charset.Charset;

/** Posting extracts in tests. */
final class Csv {

    static final String AS_OF = "2026-11-20";

    private Csv() {
    }

    static ValidatableResponse post(String kind, String csv) {
        return post(kind, csv, AS_OF);
    }

    static ValidatableResponse post(String kind, String csv, String asOf) {
        return Api.admin().contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/imports/" + kind + "?asOf=" + asOf).then();
    }

    static ValidatableResponse postBytes(String kind, byte[] csv, String query) {
        return Api.admin().contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/imports/" + kind + "?asOf=" + AS_OF + query).then();
    }

    static byte[] encode(String csv, Charset charset) {
        return csv.getBytes(charset);
    }

    /** Imports customers with the given ids (all ACTIVE LONG_TAIL at home branch {@code branch}). */
    static void customers(String branch, String... ids) {
        StringBuilder csv = new StringBuilder("customer_id,name,mobile,home_branch_id,aum,payroll,status\n");
        for (String id : ids) {
            csv.append(id).append(",客户").append(id).append(",,").append(branch).append(",20000,false,ACTIVE\n");
        }
        post("customers", csv.toString()).statusCode(200);
    }
}
