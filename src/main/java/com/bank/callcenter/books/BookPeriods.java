package com.bank.callcenter.books;

import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.config.CallCenterConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Pattern;

/** Assessment periods are calendar months (YYYY-MM) in the bank's time zone. */
@ApplicationScoped
public class BookPeriods {

    private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}");

    private final ZoneId zone;

    public BookPeriods(CallCenterConfig config) {
        this.zone = config.zone();
    }

    /** The period that contains today in the bank's time zone. */
    public YearMonth current() {
        return YearMonth.now(zone);
    }

    /** "2026-11" → 2026-11; anything else → 400 problem. */
    public static YearMonth parse(String period) {
        if (period == null || !PERIOD.matcher(period).matches()) {
            throw badPeriod(period);
        }
        try {
            return YearMonth.parse(period);
        } catch (DateTimeException e) {
            throw badPeriod(period);
        }
    }

    private static ProblemException badPeriod(String period) {
        return ProblemException.badRequest("bad-period",
                "period must be a month as YYYY-MM, not '" + (period == null ? "" : period) + "'");
    }
}
