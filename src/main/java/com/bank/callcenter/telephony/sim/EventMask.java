package com.bank.callcenter.telephony.sim;

import java.util.Locale;

/**
 * Parses an {@code Events:} value ({@code on}, {@code off}, a number, or a list such as
 * {@code call,user,cdr}) into a bit mask over {@link EventClass}.
 */
public final class EventMask {

    public static final int ALL = (1 << EventClass.values().length) - 1;
    public static final int NONE = 0;

    private EventMask() {
    }

    public static int parse(String value) {
        if (value == null || value.isBlank()) {
            return ALL;
        }
        String trimmed = value.trim().toLowerCase(Locale.ROOT);
        if (trimmed.equals("on") || trimmed.equals("yes") || trimmed.equals("true")) {
            return ALL;
        }
        if (trimmed.equals("off") || trimmed.equals("no") || trimmed.equals("false")) {
            return NONE;
        }
        if (trimmed.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(trimmed) & ALL;
        }
        int mask = NONE;
        for (String word : trimmed.split(",")) {
            String name = word.trim();
            if (name.equals("all")) {
                return ALL;
            }
            for (EventClass eventClass : EventClass.values()) {
                if (eventClass.word().equals(name)) {
                    mask |= eventClass.bit();
                }
            }
        }
        return mask;
    }

    public static boolean allows(int mask, EventClass eventClass) {
        return (mask & eventClass.bit()) != 0;
    }
}
