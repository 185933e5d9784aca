package com.bank.callcenter.telephony.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Reads a recorded AMI session ({@code src/test/resources/asterisk/transcripts}): {@code >>> } starts
 * a client message, {@code <<< } an Asterisk message, an empty line ends one, {@code #####} names a scenario.
 */
public final class AmiTranscript {

    static final String RESOURCE_DIR = "/asterisk/transcripts/";
    public static final List<String> FILES = List.of("robot-outcomes.txt", "noanswer-click-to-call-sms.txt",
            "shutdown-mid-call.txt", "login-queries-errors.txt", "queue-handoff.txt");
    /** Messages before the first {@code #####} line. */
    public static final String LOGIN_SCENARIO = "login";

    public enum Direction { CLIENT, ASTERISK }

    public record Entry(Direction direction, AmiMessage message) {
        public boolean isEvent() {
            return direction == Direction.ASTERISK && message.firstKey().equals("Event");
        }

        public String eventName() {
            return isEvent() ? message.firstValue() : null;
        }
    }

    public record Scenario(String name, List<Entry> entries) {
        public List<Entry> events() {
            return entries.stream().filter(Entry::isEvent).toList();
        }

        public List<Entry> events(Predicate<AmiMessage> filter) {
            return events().stream().filter(e -> filter.test(e.message())).toList();
        }

        public List<Entry> events(String name) {
            return events(m -> m.firstValue().equals(name));
        }

        public Entry only(String eventName) {
            List<Entry> found = events(eventName);
            if (found.size() != 1) {
                throw new IllegalStateException(name + ": expected one " + eventName + ", found " + found.size());
            }
            return found.get(0);
        }

        public List<Entry> sent() {
            return entries.stream().filter(e -> e.direction() == Direction.CLIENT).toList();
        }

        public List<Entry> responses() {
            return entries.stream()
                    .filter(e -> e.direction() == Direction.ASTERISK && e.message().firstKey().equals("Response"))
                    .toList();
        }
    }

    private final String file;
    private final Map<String, Scenario> scenarios;
    private final int markedMessages;

    private AmiTranscript(String file, Map<String, Scenario> scenarios, int markedMessages) {
        this.file = file;
        this.scenarios = scenarios;
        this.markedMessages = markedMessages;
    }

    public static AmiTranscript load(String file) {
        try (InputStream in = Objects.requireNonNull(AmiTranscript.class.getResourceAsStream(RESOURCE_DIR + file),
                "missing transcript " + file)) {
            return parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AmiTranscript parse(String file, String text) {
        if (text.replace("\r\n", "").contains("\n")) {
            throw new IllegalArgumentException(file + ": a line does not end in CRLF");
        }
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        String scenario = LOGIN_SCENARIO;
        AmiMessage current = null;
        Direction direction = null;
        int marked = 0;
        int lineNumber = 0;
        for (String line : text.split("\r\n", -1)) {
            lineNumber++;
            if (line.startsWith("#####")) {
                requireNoOpenMessage(file, lineNumber, current);
                scenario = scenarioName(line);
                continue;
            }
            if (line.startsWith(">>> ") || line.startsWith("<<< ")) {
                requireNoOpenMessage(file, lineNumber, current);
                direction = line.startsWith(">>> ") ? Direction.CLIENT : Direction.ASTERISK;
                current = new AmiMessage();
                marked++;
                addField(file, lineNumber, current, line.substring(4));
                continue;
            }
            if (line.isEmpty()) {
                if (current != null) {
                    scenarios.computeIfAbsent(scenario, n -> new Scenario(n, new ArrayList<>()))
                            .entries().add(new Entry(direction, current));
                    current = null;
                }
                continue;
            }
            if (current == null) {
                throw new IllegalArgumentException(file + ":" + lineNumber + ": text outside a message: " + line);
            }
            addField(file, lineNumber, current, line);
        }
        requireNoOpenMessage(file, lineNumber, current);
        return new AmiTranscript(file, scenarios, marked);
    }

    private static void requireNoOpenMessage(String file, int lineNumber, AmiMessage current) {
        if (current != null) {
            throw new IllegalArgumentException(file + ":" + lineNumber + ": message not ended by an empty line");
        }
    }

    private static void addField(String file, int lineNumber, AmiMessage message, String line) {
        int colon = line.indexOf(": ");
        if (colon <= 0) {
            if (line.endsWith(":")) {
                message.add(line.substring(0, line.length() - 1), "");
                return;
            }
            throw new IllegalArgumentException(file + ":" + lineNumber + ": not a 'Key: Value' line: " + line);
        }
        message.add(line.substring(0, colon), line.substring(colon + 2));
    }

    private static String scenarioName(String line) {
        String name = line.replaceFirst("^#+\\s*", "").trim();
        return name.replaceFirst("^scenario:?\\s*", "").trim();
    }

    public String file() {
        return file;
    }

    public Map<String, Scenario> scenarios() {
        return scenarios;
    }

    public Scenario scenario(String name) {
        Scenario scenario = scenarios.get(name);
        if (scenario == null) {
            throw new IllegalArgumentException(file + " has no scenario '" + name + "' (has " + scenarios.keySet() + ")");
        }
        return scenario;
    }

    /** Messages marked with {@code >>> } or {@code <<< } in the raw text. */
    int markedMessages() {
        return markedMessages;
    }

    List<Entry> allEntries() {
        return scenarios.values().stream().flatMap(s -> s.entries().stream()).toList();
    }
}
