package com.bank.callcenter.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoHistoryGeneratorTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);
    private static final Predicate<LocalDate> WEEKDAYS = day -> day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
    private static final DemoHistoryGenerator.Day DAY = new DemoHistoryGenerator.Day(LocalTime.of(9, 0),
            LocalTime.of(20, 0), ZONE, 60, 20, 15);
    private static final List<BigDecimal> FLOORS = List.of(new BigDecimal("10000"), new BigDecimal("50000"),
            new BigDecimal("200000"), new BigDecimal("6000000"));

    private static List<DemoHistoryGenerator.Book> books() {
        List<DemoHistoryGenerator.Book> books = new ArrayList<>();
        for (int m = 1; m <= 2; m++) {
            List<String> customers = new ArrayList<>();
            for (int c = 0; c < 500; c++) {
                customers.add("C" + m + String.format("%08d", c));
            }
            books.add(new DemoHistoryGenerator.Book(DemoDataGenerator.managerId(m), m, customers));
        }
        return books;
    }

    @Test
    void theSameSeedGivesTheSameHistory() {
        DemoHistoryGenerator.Contacts first = DemoHistoryGenerator.contacts(books(), AS_OF, WEEKDAYS, DAY, 7);
        DemoHistoryGenerator.Contacts second = DemoHistoryGenerator.contacts(books(), AS_OF, WEEKDAYS, DAY, 7);
        assertEquals(first, second);
        assertTrue(!first.equals(DemoHistoryGenerator.contacts(books(), AS_OF, WEEKDAYS, DAY, 8)));
    }

    @Test
    void callsAndSmsFallOnWorkingDaysInsideTheCallingHoursFromLastMonthToYesterday() {
        DemoHistoryGenerator.Contacts contacts = DemoHistoryGenerator.contacts(books(), AS_OF, WEEKDAYS, DAY, 7);
        List<ZonedDateTime> times = new ArrayList<>();
        contacts.calls().forEach(c -> times.add(c.queuedAt().atZone(ZONE)));
        contacts.sms().forEach(s -> times.add(s.at().atZone(ZONE)));
        for (ZonedDateTime at : times) {
            assertTrue(WEEKDAYS.test(at.toLocalDate()), at + " is a working day");
            assertTrue(!at.toLocalTime().isBefore(DAY.start()) && at.toLocalTime().isBefore(DAY.end()), at + " in hours");
            assertTrue(!at.toLocalDate().isBefore(LocalDate.of(2026, 10, 1)) && at.toLocalDate().isBefore(AS_OF),
                    at + " from October 1st to yesterday");
        }
        assertTrue(contacts.calls().stream().anyMatch(c -> !c.answered()), "some calls were not answered");
        assertTrue(contacts.calls().stream().anyMatch(c -> c.answered() && c.talkSeconds() < DAY.effectiveCallSeconds()),
                "some were too short");
        assertTrue(contacts.sms().stream().anyMatch(s -> !s.sent()), "some SMS were refused");
    }

    @Test
    void rmsWorkAtTheirOwnPaceTheFirstAboveTheStandardTheSecondBelow() {
        DemoHistoryGenerator.Contacts contacts = DemoHistoryGenerator.contacts(books(), AS_OF, WEEKDAYS, DAY, 7);
        // the calls that would count: answered, long enough, the first to the customer that day
        Map<String, Long> effective = contacts.calls().stream()
                .filter(c -> c.answered() && c.talkSeconds() >= DAY.effectiveCallSeconds())
                .map(c -> c.staffId() + "/" + c.customerId() + "/" + c.queuedAt().atZone(ZONE).toLocalDate())
                .distinct().collect(Collectors.groupingBy(key -> key.split("/")[0], Collectors.counting()));
        long workingDays = LocalDate.of(2026, 10, 1).datesUntil(AS_OF).filter(WEEKDAYS).count();
        assertTrue(effective.get("rm001") > DAY.callsStandard() * workingDays, "rm001 above: " + effective);
        assertTrue(effective.get("rm002") < DAY.callsStandard() * workingDays, "rm002 below: " + effective);
    }

    @Test
    void anEarlierSnapshotHasTheSameCustomersWithLastMonthsAum(@TempDir Path dir) throws IOException {
        Path today = dir.resolve("customers.csv");
        StringBuilder text = new StringBuilder(DemoDataGenerator.CUSTOMERS_HEADER).append('\n');
        for (int c = 0; c < 2000; c++) {
            text.append("C").append(c).append(",王伟,13800000000,BR001,").append(10_000 + c * 20).append(".00,false,ACTIVE\n");
        }
        Files.writeString(today, text);
        Path earlier = dir.resolve("earlier.csv");

        assertEquals(2000, DemoHistoryGenerator.earlierCustomers(today, earlier, FLOORS, 7, 1));

        List<String> now = Files.readAllLines(today);
        List<String> before = Files.readAllLines(earlier);
        assertEquals(now.size(), before.size());
        int movedUp = 0;
        int leavers = 0;
        for (int i = 1; i < now.size(); i++) {
            String[] a = now.get(i).split(",");
            String[] b = before.get(i).split(",");
            assertEquals(a[0], b[0]);
            BigDecimal aumNow = new BigDecimal(a[4]);
            BigDecimal aumBefore = new BigDecimal(b[4]);
            if (aumBefore.compareTo(FLOORS.get(0)) < 0) {
                movedUp++;
            }
            Optional<DemoLeavers.Leaver> leaver = DemoLeavers.of(7, a[0]);
            if (leaver.isPresent()) {
                leavers++;
                assertEquals(0, aumBefore.compareTo(aumNow.add(aumNow.multiply(
                        BigDecimal.valueOf(leaver.get().movedOut())).setScale(2, RoundingMode.HALF_UP))),
                        "a leaver had today's AUM plus what went out: " + aumNow + " was " + aumBefore);
                assertTrue(aumBefore.compareTo(aumNow.multiply(BigDecimal.valueOf(2))) >= 0, aumNow + " was " + aumBefore);
            } else {
                assertTrue(aumBefore.signum() > 0 && aumBefore.compareTo(aumNow.multiply(new BigDecimal("1.2"))) < 0,
                        aumNow + " was " + aumBefore);
            }
        }
        assertTrue(movedUp > 0, "some customers were MASS a month ago");
        assertTrue(leavers > 0 && leavers < 100, "about 1 % are leaving: " + leavers);
        assertEquals(Files.readString(earlier), rerun(today, dir));
    }

    private static String rerun(Path today, Path dir) throws IOException {
        Path again = dir.resolve("again.csv");
        DemoHistoryGenerator.earlierCustomers(today, again, FLOORS, 7, 1);
        return Files.readString(again);
    }

    @Test
    void moversComeFromJustBelowTheirTiersFloor() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            BigDecimal earlier = DemoHistoryGenerator.earlierAum(new BigDecimal("60000.00"), FLOORS, random);
            assertTrue(earlier.compareTo(new BigDecimal("37500")) >= 0, "never below 75 % of the MID_HIGH floor: " + earlier);
        }
    }
}
