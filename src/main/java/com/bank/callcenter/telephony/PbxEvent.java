package com.bank.callcenter.telephony;

import java.time.Instant;
import java.util.Map;

/**
 * One AMI event as the service reads it: its name (as on the wire: Hangup, DialEnd, UserEvent
 * names as the user event, e.g. RobotChoice) and the fields it carries, with their AMI names.
 */
public record PbxEvent(String server, String name, Map<String, String> fields, Instant receivedAt) {

    public String get(String field) {
        return fields.get(field);
    }

    public Integer getInt(String field) {
        String value = fields.get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
