package com.bank.callcenter.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Asterisk configuration file (extensions.conf, manager.conf, pjsip.conf, ...) as read by a small
 * reader of Asterisk's INI format: [section](options) with templates ({@code (!)}) and inheritance,
 * key = value / key => value, ; comments ({@code \;} is a literal semicolon). Problems fail the test.
 */
public final class AsteriskConfigFile {

    /** One setting: key = value or key => value, with its line number. */
    public record Entry(String key, String value, int line) {
    }

    public final List<Section> sections = new ArrayList<>();

    public static final class Section {
        public final String name;
        public final boolean template;
        public final List<String> inherits;
        public final List<Entry> entries = new ArrayList<>();
        /** Files this section {@code #include}s (their settings continue the section). */
        public final List<String> includes = new ArrayList<>();

        Section(String name, boolean template, List<String> inherits) {
            this.name = name;
            this.template = template;
            this.inherits = inherits;
        }

        public List<String> values(String key) {
            return entries.stream().filter(e -> e.key().equalsIgnoreCase(key)).map(Entry::value).toList();
        }

        public String value(String key) {
            List<String> values = values(key);
            if (values.isEmpty()) {
                throw new AssertionError("[" + name + "] has no " + key);
            }
            return values.get(values.size() - 1);
        }
    }

    public static AsteriskConfigFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        AsteriskConfigFile ini = new AsteriskConfigFile();
        Map<String, Section> templates = new LinkedHashMap<>();
        Section current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = stripComment(lines.get(i)).trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                String name = line.substring(1, close).trim();
                String options = line.substring(close + 1).trim();
                boolean template = false;
                List<String> inherits = new ArrayList<>();
                if (options.startsWith("(") && options.endsWith(")")) {
                    for (String option : options.substring(1, options.length() - 1).split(",")) {
                        option = option.trim();
                        if (option.equals("!")) {
                            template = true;
                        } else if (!option.isEmpty() && !option.equals("+")) {
                            inherits.add(option);
                        }
                    }
                }
                current = new Section(name, template, inherits);
                for (String parent : inherits) {
                    Section base = templates.get(parent);
                    if (base == null) {
                        throw new AssertionError(file + ":" + (i + 1) + ": unknown template " + parent);
                    }
                    current.entries.addAll(base.entries);
                }
                if (template) {
                    templates.put(name, current);
                }
                ini.sections.add(current);
                continue;
            }
            if (current == null) {
                throw new AssertionError(file + ":" + (i + 1) + ": setting outside a section: " + line);
            }
            if (line.startsWith("#include")) {
                current.includes.add(line.substring("#include".length()).trim().replace("\"", ""));
                continue;
            }
            int arrow = line.indexOf("=>");
            int equals = line.indexOf('=');
            int at = arrow >= 0 && arrow <= equals ? arrow : equals;
            if (at < 0) {
                throw new AssertionError(file + ":" + (i + 1) + ": not a setting: " + line);
            }
            int valueStart = at == arrow ? arrow + 2 : equals + 1;
            current.entries.add(new Entry(line.substring(0, at).trim(), line.substring(valueStart).trim(), i + 1));
        }
        return ini;
    }

    static String stripComment(String line) {
        return com.bank.callcenter.telephony.sim.AmiEventFilter.stripComment(line);
    }

    public boolean has(String name) {
        return sections.stream().anyMatch(s -> !s.template && s.name.equals(name));
    }

    /** The last non-template section of that name (Asterisk merges none: [general] is unique here). */
    public Section section(String name) {
        return sections.stream().filter(s -> !s.template && s.name.equals(name)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no section [" + name + "]"));
    }

    /** A PJSIP object: the section of that name whose type is the given one. */
    public Section object(String name, String type) {
        return sections.stream().filter(s -> !s.template && s.name.equals(name)
                        && s.values("type").contains(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no [" + name + "] with type = " + type));
    }

    public List<Section> objects(String type) {
        return sections.stream().filter(s -> !s.template && s.values("type").contains(type)).toList();
    }
}
