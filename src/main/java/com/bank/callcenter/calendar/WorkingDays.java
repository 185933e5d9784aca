package com.bank.callcenter.calendar;

import com.bank.callcenter.config.CallCenterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The bank's working-day calendar (callcenter.calendar.*): a working day is one of the week's
 * working days that is not a public holiday, or an extra working day (a weekend day worked in
 * exchange for a holiday, 调休). Nobody is called on a holiday; the score's standard counts working days.
 */
@ApplicationScoped
public class WorkingDays {

    /** Monday to Friday: the week's working days when nothing else is said. */
    public static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> extraWorkingDays;

    @Inject
    public WorkingDays(CallCenterConfig config) {
        this(config.calendar().holidays().orElse(Set.of()), config.calendar().extraWorkingDays().orElse(Set.of()));
    }

    WorkingDays(Set<LocalDate> holidays, Set<LocalDate> extraWorkingDays) {
        this.holidays = Set.copyOf(holidays);
        this.extraWorkingDays = Set.copyOf(extraWorkingDays);
    }

    /** Monday–Friday and not a holiday, or an extra working day. */
    public boolean isWorkingDay(LocalDate day) {
        return isWorkingDay(day, WEEKDAYS);
    }

    /** The same with the week's working days of a calling window or a campaign's schedule. */
    public boolean isWorkingDay(LocalDate day, Collection<DayOfWeek> weekDays) {
        if (holidays.contains(day)) {
            return false;
        }
        return extraWorkingDays.contains(day) || weekDays.contains(day.getDayOfWeek());
    }

    /** Working days from {@code first} to {@code last}, both included (0 when last is before first). */
    public int between(LocalDate first, LocalDate last) {
        int count = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    public boolean isHoliday(LocalDate day) {
        return holidays.contains(day);
    }
}
