package com.bank.callcenter.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds problem+json responses (RFC 9457); the only way errors leave the service. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);
    private static final int UNPROCESSABLE = 422;

    private Problem() {
    }

    public static Response response(int status, String code, String detail, Map<String, Object> extensions) {
        return Response.status(status).type(TYPE).entity(body(status, code, detail, extensions)).build();
    }

    /** The members of a problem, for answers written outside Jakarta REST (e.g. refused logins). */
    public static Map<String, Object> body(int status, String code, String detail, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:callcenter:problem:" + code);
        body.put("title", title(status));
        body.put("status", status);
        body.put("code", code);
        body.put("detail", detail);
        body.putAll(extensions);
        return body;
    }

    private static String title(int status) {
        if (status == UNPROCESSABLE) {
            return "Unprocessable Content";
        }
        Response.StatusType known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    public static Response response(int status, String code, String detail) {
        return response(status, code, detail, Map.of());
    }
}
