package com.bank.callcenter.calendar;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The working-day calendar: weekdays, holidays, extra working days (调休). */
class WorkingDaysTest {

    /** National Day 2026: Thursday 1 October to Wednesday 7 October off; Saturday 10 October worked. */
    private final WorkingDays calendar = new WorkingDays(
            Set.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"), LocalDate.parse("2026-10-05"),
                    LocalDate.parse("2026-10-06"), LocalDate.parse("2026-10-07")),
            Set.of(LocalDate.parse("2026-10-10")));

    @Test
    void aWeekdayIsAWorkingDayUnlessAHoliday() {
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-09-30")));
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-10-01")), "holiday");
        assertTrue(calendar.isHoliday(LocalDate.parse("2026-10-01")));
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-10-03")), "a Saturday");
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-10-10")), "the Saturday worked in exchange");
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-10-08")));
    }

    @Test
    void workingDaysOfOctober2026() {
        // 22 weekdays, 5 of them holidays, plus the Saturday worked: 18
        assertEquals(18, calendar.between(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31")));
        assertEquals(0, calendar.between(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-07")));
        assertEquals(0, calendar.between(LocalDate.parse("2026-10-31"), LocalDate.parse("2026-10-01")));
        // November 2026 has no holiday here: its 21 weekdays
        assertEquals(21, calendar.between(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
    }

    @Test
    void aWindowsOwnWeekDaysStillGiveWayToHolidaysAndExtraDays() {
        Set<DayOfWeek> weekends = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-10-03"), weekends));
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-10-01"), EnumSet.allOf(DayOfWeek.class)));
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-10-10"), EnumSet.noneOf(DayOfWeek.class)));
    }
}
