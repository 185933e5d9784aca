package com.bank.callcenter.audit;

import com.bank.callcenter.common.ProblemException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A filter over the audit trail: exact actor, action and subject; {@code from} inclusive and
 * {@code to} exclusive as instants; a date means its start in the bank's zone for {@code from}
 * and the whole day for {@code to}. Newest first.
 */
record AuditQuery(String actor, String action, String subject, Instant from, Instant to) {

    static AuditQuery of(String actor, String action, String subject, String from, String to, ZoneId zone) {
        return new AuditQuery(blankToNull(actor), blankToNull(action), blankToNull(subject),
                bound("from", from, zone, false), bound("to", to, zone, true));
    }

    List<AuditEntryView> page(int page, int size) {
        Where where = where();
        return AuditEntry.<AuditEntry>find(where.text(), Sort.descending("at", "id"), where.parameters())
                .page(page, size).list().stream().map(AuditEntryView::of).toList();
    }

    long count() {
        Where where = where();
        return AuditEntry.count(where.text(), where.parameters());
    }

    private record Where(String text, Parameters parameters) {
    }

    private Where where() {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        add(conditions, parameters, "username = :actor", "actor", actor);
        add(conditions, parameters, "action = :action", "action", action);
        add(conditions, parameters, "subject = :subject", "subject", subject);
        add(conditions, parameters, "at >= :from", "from", from);
        add(conditions, parameters, "at < :to", "to", to);
        return new Where(conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions), parameters);
    }

    private static void add(List<String> conditions, Parameters parameters, String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.and(name, value);
        }
    }

    private static Instant bound(String parameter, String text, ZoneId zone, boolean wholeDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(text);
                return (wholeDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new ProblemException(400, "bad-" + parameter, parameter + " must be a date YYYY-MM-DD or an "
                        + "instant like 2026-11-20T08:00:00Z: " + text, Map.of("parameter", parameter));
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
