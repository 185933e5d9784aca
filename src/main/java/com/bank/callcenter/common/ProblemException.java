package com.bank.callcenter.common;

import jakarta.ws.rs.core.Response.Status;

import java.util.Map;

/**
 * A domain error that reaches the client as RFC 9457 problem+json: an HTTP status, a stable
 * machine-readable code, a sentence for people, and optional extra members (e.g. "errors").
 */
public class ProblemException extends RuntimeException {

    public static final int UNPROCESSABLE = 422;

    private final int status;
    private final String code;
    private final transient Map<String, Object> extensions;

    public ProblemException(Status status, String code, String detail) {
        this(status, code, detail, Map.of());
    }

    public ProblemException(Status status, String code, String detail, Map<String, Object> extensions) {
        this(status.getStatusCode(), code, detail, extensions);
    }

    public ProblemException(int status, String code, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.code = code;
        this.extensions = Map.copyOf(extensions);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Status.NOT_FOUND, "not-found", what + " " + id + " does not exist");
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(Status.BAD_REQUEST, code, detail);
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(Status.CONFLICT, code, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Status.FORBIDDEN, "forbidden", detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
