package com.bank.callcenter.telephony.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A manager.conf user's {@code eventfilter} lines, applied as Asterisk 22 applies them
 * ({@code main/manager.c}: {@code manager_add_filter}, {@code filter_cmp_fn}, {@code should_send_event}):
 * <ul>
 * <li>legacy {@code eventfilter = [!]<regex>}: the regular expression is searched in the whole event text,
 * a leading {@code !} makes it an exclude filter;</li>
 * <li>advanced {@code eventfilter(action(include|exclude),name(<Event>),header(<Header>),method(regex|exact|
 * starts_with|ends_with|contains|none)) = [<pattern>]}, each criterion optional, in any order: {@code name}
 * is the event's exact name, {@code header} limits the match to the value of the lines starting with
 * {@code <Header>:}, {@code method} says how the pattern is compared (default none: no pattern, match).</li>
 * </ul>
 * An event passes when there are no filters; with include filters only, when one matches; with exclude
 * filters only, when none matches; with both, when an include filter matches and no exclude filter does.
 * Regular expressions are Java's, which read the POSIX extended expressions used here the same way.
 */
public final class AmiEventFilter {

    /** No filters: every event passes. */
    public static final AmiEventFilter NONE = new AmiEventFilter(List.of());

    private static final String KEY = "eventfilter";

    enum Method { REGEX, EXACT, STARTS_WITH, ENDS_WITH, CONTAINS, NONE }

    /** One eventfilter line. */
    record Rule(boolean exclude, String eventName, String headerPrefix, Method method, String pattern, Pattern regex) {

        boolean matches(AmiEvent event) {
            if (eventName != null && !eventName.equals(event.name())) {
                return false;
            }
            if (headerPrefix == null) {
                return matches(event.message().toWire());
            }
            for (AmiMessage.Field field : event.message().fields()) {
                String value = headerValue(field);
                if (value != null && !value.isEmpty() && matches(value)) {
                    return true;
                }
            }
            return false;
        }

        /** The rest of the line {@code Key: Value} after the header prefix, blanks skipped; null if it does not start so. */
        private String headerValue(AmiMessage.Field field) {
            String key = field.key();
            if (headerPrefix.length() == key.length() + 1 && headerPrefix.startsWith(key)) {
                return field.value().stripLeading();
            }
            String line = key + ": " + field.value();
            return line.startsWith(headerPrefix) ? line.substring(headerPrefix.length()).stripLeading() : null;
        }

        private boolean matches(String data) {
            return switch (method) {
                case REGEX -> regex.matcher(data).find();
                case EXACT -> data.equals(pattern);
                case STARTS_WITH -> data.startsWith(pattern);
                case ENDS_WITH -> data.endsWith(pattern);
                case CONTAINS -> data.contains(pattern);
                case NONE -> true;
            };
        }
    }

    private final List<Rule> includes;
    private final List<Rule> excludes;

    private AmiEventFilter(List<Rule> rules) {
        this.includes = rules.stream().filter(rule -> !rule.exclude()).toList();
        this.excludes = rules.stream().filter(Rule::exclude).toList();
    }

    /** The filters of a user's {@code eventfilter...} settings, each a key (with its criteria) and its value. */
    public static AmiEventFilter of(List<String[]> keysAndValues) {
        List<Rule> rules = new ArrayList<>();
        for (String[] setting : keysAndValues) {
            rules.add(parse(setting[0], setting[1]));
        }
        return new AmiEventFilter(rules);
    }

    /**
     * The filters of one user's section of a manager.conf text (Asterisk's INI format: {@code [section]},
     * {@code key = value}, {@code ;} comments). {@code #include}d files are not read: keep the filters in the file.
     */
    public static AmiEventFilter ofManagerConf(String managerConf, String user) {
        List<String[]> settings = new ArrayList<>();
        String section = null;
        for (String raw : managerConf.split("\r?\n")) {
            String line = stripComment(raw).strip();
            if (line.startsWith("[")) {
                section = line.substring(1, line.indexOf(']')).strip();
            } else if (user.equals(section) && line.startsWith(KEY)) {
                int equals = criteriaEnd(line);
                if (equals < 0) {
                    throw new IllegalArgumentException("manager.conf [" + user + "]: no '=' in " + raw);
                }
                settings.add(new String[] {line.substring(0, equals).strip(), line.substring(equals + 1).strip()});
            }
        }
        return of(settings);
    }

    /** Whether a connection logged in as this user receives the event (its class already allowed by the mask). */
    public boolean allows(AmiEvent event) {
        if (includes.isEmpty() && excludes.isEmpty()) {
            return true;
        }
        if (!includes.isEmpty() && includes.stream().noneMatch(rule -> rule.matches(event))) {
            return false;
        }
        return excludes.stream().noneMatch(rule -> rule.matches(event));
    }

    public boolean isEmpty() {
        return includes.isEmpty() && excludes.isEmpty();
    }

    /** Asterisk's {@code manager_add_filter}, failing loudly where Asterisk logs a warning and skips the line. */
    static Rule parse(String criteria, String value) {
        boolean exclude = false;
        String pattern = value;
        if (pattern.startsWith("!")) {
            exclude = true;
            pattern = pattern.substring(1);
        }
        int open = criteria.indexOf('(');
        if (open < 0) {
            if (pattern.isEmpty()) {
                throw new IllegalArgumentException("a legacy eventfilter needs a pattern: " + criteria + " = " + value);
            }
            return new Rule(exclude, null, null, Method.REGEX, pattern, Pattern.compile(pattern));
        }
        String options = criteria.substring(open + 1).strip();
        if (options.isEmpty() || !options.endsWith(")")) {
            throw new IllegalArgumentException("eventfilter options not formatted correctly: " + criteria);
        }
        String eventName = null;
        String header = null;
        Method method = Method.NONE;
        boolean any = false;
        for (String option : options.split("[ ,)]+")) {
            if (option.isEmpty()) {
                continue;
            }
            int paren = option.indexOf('(');
            String argument = paren < 0 ? "" : option.substring(paren + 1).strip();
            if (argument.isEmpty()) {
                throw new IllegalArgumentException("eventfilter option without an argument: " + option + " in " + criteria);
            }
            if (option.startsWith("action")) {
                exclude = switch (argument) {
                    case "include" -> false;
                    case "exclude" -> true;
                    default -> throw new IllegalArgumentException("eventfilter action is include or exclude: " + criteria);
                };
            } else if (option.startsWith("name")) {
                eventName = argument;
            } else if (option.startsWith("header")) {
                header = argument.endsWith(":") ? argument : argument + ":";
            } else if (option.startsWith("method")) {
                method = Method.valueOf(argument.toUpperCase(Locale.ROOT));
            } else {
                throw new IllegalArgumentException("unknown eventfilter option " + option + " in " + criteria);
            }
            any = true;
        }
        if (!any) {
            throw new IllegalArgumentException("no action, name, header or method in " + criteria);
        }
        if (pattern.isEmpty() != (method == Method.NONE)) {
            throw new IllegalArgumentException("eventfilter method none goes without a pattern, the others with one: "
                    + criteria + " = " + value);
        }
        if (eventName == null && header == null && method == Method.NONE) {
            throw new IllegalArgumentException("no name or header option found and no filter pattern: " + criteria);
        }
        return new Rule(exclude, eventName, header, method, pattern,
                method == Method.REGEX ? Pattern.compile(pattern) : null);
    }

    /** The '=' after the criteria: parentheses may hold no '=', the value may. */
    private static int criteriaEnd(String line) {
        int depth = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '=' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** An Asterisk config line without its comment: comments start at ';' unless escaped as '\;'. */
    public static String stripComment(String line) {
        StringBuilder kept = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == ';') {
                kept.append(';');
                i++;
            } else if (c == ';') {
                break;
            } else {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
