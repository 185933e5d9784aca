package com.bank.callcenter.common;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** The {@code asOf} query parameter: a date YYYY-MM-DD, today in the bank's zone when absent. */
public final class AsOfDate {

    private AsOfDate() {
    }

    public static LocalDate parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return LocalDate.now(zone);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("bad-as-of", "asOf must be a date YYYY-MM-DD: " + text);
        }
    }
}
