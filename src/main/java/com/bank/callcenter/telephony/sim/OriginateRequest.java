package com.bank.callcenter.telephony.sim;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fields of an {@code Action: Originate} the simulator acts on. */
record OriginateRequest(
        String actionId,
        String channel,
        String context,
        String exten,
        int priority,
        String application,
        long timeoutMs,
        String callerIdNum,
        String callerIdName,
        boolean async,
        Map<String, String> variables) {

    private static final Pattern NAME_AND_NUMBER = Pattern.compile("^\\s*\"?([^\"<]*?)\"?\\s*<([^>]*)>\\s*$");

    static OriginateRequest parse(AmiMessage action) {
        String[] callerId = parseCallerId(action.get("CallerID"));
        Map<String, String> variables = new LinkedHashMap<>();
        for (String header : action.getAll("Variable")) {
            for (String assignment : header.split(",")) {
                int equals = assignment.indexOf('=');
                if (equals > 0) {
                    variables.put(assignment.substring(0, equals).trim(), assignment.substring(equals + 1));
                }
            }
        }
        return new OriginateRequest(
                action.get("ActionID"),
                action.get("Channel"),
                action.getOrDefault("Context", "default"),
                action.getOrDefault("Exten", "s"),
                parseInt(action.get("Priority"), 1),
                action.get("Application"),
                parseLong(action.get("Timeout"), SimulatedPbxOptions.DEFAULT_ORIGINATE_TIMEOUT_MS),
                callerId[0],
                callerId[1],
                isTrue(action.get("Async")),
                variables);
    }

    /** The tech of {@code tech/resource}, or null when there is no slash. */
    String technology() {
        int slash = channel == null ? -1 : channel.indexOf('/');
        return slash <= 0 ? null : channel.substring(0, slash);
    }

    /** Number first, name second; empty strings when absent. {@code "Sales" <123>} or {@code 123}. */
    static String[] parseCallerId(String callerId) {
        if (callerId == null || callerId.isBlank()) {
            return new String[] {"", ""};
        }
        Matcher matcher = NAME_AND_NUMBER.matcher(callerId);
        if (matcher.matches()) {
            return new String[] {matcher.group(2).trim(), matcher.group(1).trim()};
        }
        return new String[] {callerId.trim(), ""};
    }

    static boolean isTrue(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("yes") || v.equals("1") || v.equals("on");
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static long parseLong(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
