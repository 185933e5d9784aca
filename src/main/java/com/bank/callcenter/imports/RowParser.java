package com.bank.callcenter.imports;

import com.bank.callcenter.customers.MobileNumbers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/** Reads typed values from a row, recording an error with line and column for each bad one. */
final class RowParser {

    private static final int AMOUNT_SCALE = 2;
    private static final Set<String> TRUE = Set.of("true", "1", "y", "yes", "t");
    private static final Set<String> FALSE = Set.of("false", "0", "n", "no", "f", "");
    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter SPACED_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");
    private static final int MAX_TEXT = 200;

    private final RowErrors errors;
    private CsvRow row;
    private boolean rowOk;

    RowParser(RowErrors errors) {
        this.errors = errors;
    }

    void moveTo(CsvRow next) {
        this.row = next;
        this.rowOk = true;
    }

    boolean rowOk() {
        return rowOk;
    }

    long line() {
        return row.line();
    }

    void reject(String column, String message) {
        rowOk = false;
        errors.add(row.line(), column, message);
    }

    String required(String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            reject(column, "is required");
            return null;
        }
        return tooLong(column, value) ? null : value;
    }

    String optional(String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            return null;
        }
        return tooLong(column, value) ? null : value;
    }

    /** A non-negative amount in CNY, kept to the fen. */
    BigDecimal amount(String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            reject(column, "is required");
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.indexOf(',') < 0 ? value : value.replace(",", ""));
            if (amount.signum() < 0) {
                reject(column, "must not be negative: " + value);
                return null;
            }
            return amount.setScale(AMOUNT_SCALE, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            reject(column, "is not a number: " + value);
            return null;
        }
    }

    /** A non-negative amount in CNY given to the fen at most: more decimals are an error, not rounded. */
    BigDecimal exactAmount(String column) {
        String value = row.get(column);
        BigDecimal amount = amount(column);
        if (amount != null && amount.compareTo(new BigDecimal(value.replace(",", ""))) != 0) {
            reject(column, "has more than " + AMOUNT_SCALE + " decimals: " + value);
            return null;
        }
        return amount;
    }

    /** As {@link #required(String)}, at most {@code max} characters. */
    String required(String column, int max) {
        String value = required(column);
        if (value != null && value.length() > max) {
            reject(column, "is longer than " + max + " characters");
            return null;
        }
        return value;
    }

    /** ISO dates (2026-11-23), also 20261123 and 2026/11/23. */
    LocalDate date(String column, boolean required) {
        String value = row.get(column);
        if (value.isEmpty()) {
            if (required) {
                reject(column, "is required");
            }
            return null;
        }
        try {
            if (value.length() == 8 && value.chars().allMatch(Character::isDigit)) {
                return LocalDate.parse(value, COMPACT_DATE);
            }
            return LocalDate.parse(value.replace('/', '-'));
        } catch (DateTimeParseException e) {
            reject(column, "is not a date (YYYY-MM-DD): " + value);
            return null;
        }
    }

    /** A local date-time in the bank's zone (2026-11-20T10:15:00 or 2026-11-20 10:15), or with an offset. */
    OffsetDateTime dateTime(String column, ZoneId zone) {
        String value = row.get(column);
        if (value.isEmpty()) {
            reject(column, "is required");
            return null;
        }
        try {
            if (value.indexOf('T') > 0) {
                boolean hasOffset = value.endsWith("Z") || value.lastIndexOf('+') > 0 || value.lastIndexOf('-') > 9;
                return hasOffset ? OffsetDateTime.parse(value)
                        : LocalDateTime.parse(value).atZone(zone).toOffsetDateTime();
            }
            return LocalDateTime.parse(value, SPACED_DATE_TIME).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            reject(column, "is not a date-time (YYYY-MM-DDTHH:MM:SS): " + value);
            return null;
        }
    }

    /** The same as {@link #bool(String)}, with {@code whenEmpty} for an empty or absent value. */
    boolean bool(String column, boolean whenEmpty) {
        return row.get(column).isEmpty() ? whenEmpty : bool(column);
    }

    boolean bool(String column) {
        String value = row.get(column).toLowerCase(Locale.ROOT);
        if (TRUE.contains(value)) {
            return true;
        }
        if (!FALSE.contains(value)) {
            reject(column, "is not true/false, 1/0 or Y/N: " + value);
        }
        return false;
    }

    <E extends Enum<E>> E oneOf(String column, Class<E> type, E whenEmpty) {
        String value = row.get(column).toUpperCase(Locale.ROOT);
        if (value.isEmpty()) {
            if (whenEmpty == null) {
                reject(column, "is required");
            }
            return whenEmpty;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            reject(column, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ": " + value);
            return null;
        }
    }

    /** A mainland mobile number normalised to 11 digits; empty allowed unless required. */
    String mobile(String column, boolean required) {
        String value = row.get(column);
        if (value.isEmpty()) {
            if (required) {
                reject(column, "is required");
            }
            return null;
        }
        return MobileNumbers.normalise(value).orElseGet(() -> {
            reject(column, "is not a mainland mobile number: " + value);
            return null;
        });
    }

    private boolean tooLong(String column, String value) {
        if (value.length() > MAX_TEXT) {
            reject(column, "is longer than " + MAX_TEXT + " characters");
            return true;
        }
        return false;
    }
}
