package com.bank.callcenter.telephony.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One AMI message: ordered {@code Key: Value} fields, duplicates allowed (e.g. several {@code Variable} lines).
 * The first field names the message ({@code Action}, {@code Response} or {@code Event}).
 * Lookups are case-insensitive, because clients such as asterisk-java send lower-case keys.
 */
public final class AmiMessage {

    static final String CRLF = "\r\n";

    public record Field(String key, String value) {
    }

    private final List<Field> fields = new ArrayList<>();

    public static AmiMessage of(String key, String value) {
        return new AmiMessage().add(key, value);
    }

    public static AmiMessage event(String name, EventClass eventClass) {
        return of("Event", name).add("Privilege", eventClass.privilege());
    }

    public AmiMessage add(String key, Object value) {
        fields.add(new Field(key, value == null ? "" : String.valueOf(value)));
        return this;
    }

    public List<Field> fields() {
        return Collections.unmodifiableList(fields);
    }

    public String firstKey() {
        return fields.isEmpty() ? "" : fields.get(0).key();
    }

    public String firstValue() {
        return fields.isEmpty() ? "" : fields.get(0).value();
    }

    /** The value of the first field named {@code key} (case-insensitive), or null. */
    public String get(String key) {
        for (Field field : fields) {
            if (field.key().equalsIgnoreCase(key)) {
                return field.value();
            }
        }
        return null;
    }

    public String getOrDefault(String key, String fallback) {
        String value = get(key);
        return value == null ? fallback : value;
    }

    public List<String> getAll(String key) {
        List<String> values = new ArrayList<>();
        for (Field field : fields) {
            if (field.key().equalsIgnoreCase(key)) {
                values.add(field.value());
            }
        }
        return values;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The message as sent on the wire: CRLF after every line and an empty line at the end. */
    public String toWire() {
        StringBuilder wire = new StringBuilder(fields.size() * 32);
        for (Field field : fields) {
            wire.append(field.key()).append(": ").append(field.value()).append(CRLF);
        }
        return wire.append(CRLF).toString();
    }

    public byte[] toBytes() {
        return toWire().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return toWire().replace(CRLF, " | ");
    }
}
