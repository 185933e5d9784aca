package com.bank.callcenter.support;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An Asterisk dialplan read from extensions.conf ({@link AsteriskConfigFile}): context, extension
 * and the steps {@code exten => ext,priority[(label)],App(args)} and {@code same => n[(label)],App(args)}
 * in priority order; and Asterisk's extension pattern matching. Problems fail the test.
 */
public final class Dialplan {

    public static final class Step {
        public final String context;
        public final String exten;
        public final int priority;
        public final int index;
        public final String label;
        public final String app;
        public final String args;
        public final int line;

        Step(String context, String exten, int priority, int index, String label, String app, String args, int line) {
            this.context = context;
            this.exten = exten;
            this.priority = priority;
            this.index = index;
            this.label = label;
            this.app = app;
            this.args = args;
            this.line = line;
        }

        /** The n-th comma-separated argument (commas inside parentheses and ${} do not separate). */
        public String arg(int n) {
            List<String> all = splitArgs(args);
            return n < all.size() ? all.get(n).trim() : "";
        }

        /** UserEvent fields "Key: value" after the event name. */
        public Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            List<String> all = splitArgs(args);
            for (String field : all.subList(Math.min(1, all.size()), all.size())) {
                int colon = field.indexOf(':');
                if (colon > 0) {
                    fields.put(field.substring(0, colon).trim(), field.substring(colon + 1).trim());
                }
            }
            return fields;
        }

        static List<String> splitArgs(String args) {
            List<String> out = new ArrayList<>();
            int depth = 0;
            StringBuilder current = new StringBuilder();
            for (char c : args.toCharArray()) {
                if (c == '(' || c == '{' || c == '[') {
                    depth++;
                } else if (c == ')' || c == '}' || c == ']') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    out.add(current.toString());
                    current.setLength(0);
                    continue;
                }
                current.append(c);
            }
            out.add(current.toString());
            return out;
        }

        @Override
        public String toString() {
            return exten + "," + priority + (label == null ? "" : "(" + label + ")") + "," + app + "(" + args + ")";
        }
    }
    /** context → extension → steps in priority order. */
    public final Map<String, Map<String, List<Step>>> contexts = new LinkedHashMap<>();

    static final Pattern PRIORITY = Pattern.compile("(\\d+|n)(?:\\((\\w+)\\))?");

    public static Dialplan parse(AsteriskConfigFile file) {
        Dialplan plan = new Dialplan();
        for (AsteriskConfigFile.Section section : file.sections) {
            if (section.name.equals("general") || section.name.equals("globals")) {
                continue;
            }
            Map<String, List<Step>> extensions = plan.contexts.computeIfAbsent(section.name, k -> new LinkedHashMap<>());
            String exten = null;
            for (AsteriskConfigFile.Entry entry : section.entries) {
                String rest = entry.value();
                if (entry.key().equals("exten")) {
                    int comma = rest.indexOf(',');
                    exten = rest.substring(0, comma).trim();
                    rest = rest.substring(comma + 1);
                } else if (entry.key().equals("same")) {
                    if (exten == null) {
                        throw new AssertionError("line " + entry.line() + ": same => before any exten =>");
                    }
                } else {
                    continue; // include =>, switch =>, ... not used here
                }
                int comma = rest.indexOf(',');
                Matcher priority = PRIORITY.matcher(rest.substring(0, comma).trim());
                if (!priority.matches()) {
                    throw new AssertionError("line " + entry.line() + ": bad priority " + rest.substring(0, comma));
                }
                List<Step> steps = extensions.computeIfAbsent(exten, k -> new ArrayList<>());
                int number = priority.group(1).equals("n")
                        ? (steps.isEmpty() ? failNoFirst(entry) : steps.get(steps.size() - 1).priority + 1)
                        : Integer.parseInt(priority.group(1));
                String call = rest.substring(comma + 1).trim();
                int open = call.indexOf('(');
                String app = open < 0 ? call : call.substring(0, open).trim();
                String args = open < 0 ? "" : call.substring(open + 1, call.lastIndexOf(')'));
                steps.add(new Step(section.name, exten, number, steps.size(), priority.group(2), app, args, entry.line()));
            }
        }
        return plan;
    }

    private static int failNoFirst(AsteriskConfigFile.Entry entry) {
        throw new AssertionError("line " + entry.line() + ": priority n without a priority 1");
    }

    public List<Step> steps(String context, String exten) {
        Map<String, List<Step>> extensions = contexts.get(context);
        assertNotNull(extensions, "no context [" + context + "]");
        return extensions.getOrDefault(exten, List.of());
    }

    public Stream<Step> allSteps() {
        return contexts.values().stream().flatMap(m -> m.values().stream()).flatMap(List::stream);
    }

    /**
     * The steps run from {@code start} for a number ending in {@code digit}: Goto(label) within the
     * extension is followed (${EXTEN:-1} is the last digit), until Hangup, Busy or Congestion.
     */
    public static List<Step> path(List<Step> steps, Step start, char digit) {
        List<Step> path = new ArrayList<>();
        int i = start.index;
        while (i < steps.size() && path.size() < 100) {
            Step step = steps.get(i);
            if (step.app.equals("Goto") && !step.args.contains(",")) {
                String label = step.args.replace("${EXTEN:-1}", String.valueOf(digit));
                i = labelled(steps, label).index;
                continue;
            }
            path.add(step);
            if (Set.of("Hangup", "Busy", "Congestion").contains(step.app)) {
                break;
            }
            i++;
        }
        return path;
    }

    /** Asterisk pattern match: _ then X [0-9], Z [1-9], N [2-9], [..] classes, . (1+ any), ! (0+ any). */
    public static boolean matches(String extension, String number) {
        if (!extension.startsWith("_")) {
            return extension.equals(number);
        }
        return Pattern.compile(toRegex(extension.substring(1))).matcher(number).matches();
    }

    static String toRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (Character.toUpperCase(c)) {
                case 'X' -> regex.append("[0-9]");
                case 'Z' -> regex.append("[1-9]");
                case 'N' -> regex.append("[2-9]");
                case '.' -> regex.append(".+");
                case '!' -> regex.append(".*");
                case '[' -> {
                    int close = pattern.indexOf(']', i);
                    regex.append('[').append(pattern, i + 1, close).append(']');
                    i = close;
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    /** How many characters a pattern position admits (Asterisk prefers the most specific match). */
    static int[] specificity(String extension) {
        if (!extension.startsWith("_")) {
            return extension.chars().map(c -> 1).toArray();
        }
        String pattern = extension.substring(1);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            char c = Character.toUpperCase(pattern.charAt(i));
            switch (c) {
                case 'X' -> out.add(10);
                case 'Z' -> out.add(9);
                case 'N' -> out.add(8);
                case '.', '!' -> out.add(1000);
                case '[' -> {
                    int close = pattern.indexOf(']', i);
                    out.add(close - i - 1);
                    i = close;
                }
                default -> out.add(1);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    public static Optional<String> bestMatch(Set<String> extensions, String number) {
        return extensions.stream().filter(ext -> matches(ext, number))
                .min(Comparator.comparing(Dialplan::specificity, Arrays::compare));
    }

    /** The step with that label, e.g. the {@code (queue)} of {@code same => n(queue),Queue(...)}. */
public static Step labelled(List<Step> steps, String label) {
    return steps.stream().filter(step -> label.equals(step.label)).findFirst()
            .orElseThrow(() -> new AssertionError("no priority labelled " + label));
}
}
