package com.bank.callcenter.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.ForbiddenException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The one place where exceptions become problem+json responses. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(ProblemException e) {
        return Problem.response(e.status(), e.code(), e.getMessage(), e.extensions());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> Map.of("field", fieldName(v), "message", v.getMessage()))
                .toList();
        String detail = violations.stream().map(v -> v.get("field") + ": " + v.get("message"))
                .collect(Collectors.joining("; "));
        return Problem.response(400, "validation", detail, Map.of("violations", violations));
    }

    /** A body that is not JSON or not the expected shape is the client's; anything else (writing) is ours. */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        boolean clientsFault = e instanceof com.fasterxml.jackson.core.JsonParseException
                || e instanceof MismatchedInputException
                || e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException;
        if (!clientsFault) {
            return unexpected(e);
        }
        String field = e instanceof MismatchedInputException mismatch ? path(mismatch) : "";
        String detail;
        if (e instanceof UnrecognizedPropertyException unknown) {
            detail = "unknown field '" + unknown.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException invalid) {
            detail = "field '" + field + "': '" + invalid.getValue() + "' is not a valid value";
        } else if (!field.isEmpty()) {
            detail = "field '" + field + "' has the wrong type or is malformed";
        } else {
            detail = "the body is not valid JSON: " + e.getOriginalMessage();
        }
        return Problem.response(400, "bad-json", detail, field.isEmpty() ? Map.of() : Map.of("field", field));
    }

    /**
     * Unknown fields and wrong types (MismatchedInputException and its subclasses): without this,
     * quarkus-rest-jackson's own, more specific mapper answers them in its own JSON format.
     */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(403, "forbidden", "your role does not allow this");
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String detail = e.getMessage() == null ? "" : e.getMessage();
        Response problem = Problem.response(status, "http-" + status, detail);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> problem.getHeaders().add(name, v));
            }
        });
        return problem;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, incident %s", incident);
        return Problem.response(500, "internal", "unexpected error; incident " + incident);
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int lastDot = path.lastIndexOf('.');
        // "create.arg0.name" -> "name": the method and parameter parts mean nothing to a client
        return lastDot < 0 ? path : path.substring(lastDot + 1);
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
