package com.bank.callcenter.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The demo bank's past, deterministic from the seed like {@link DemoDataGenerator}: the customers as
 * they were at two earlier month ends, and for each demo RM's book the sales, the product
 * penetration and the calls and SMS of last month and this month, so the RM score has something
 * to measure at once. Pure: writes files and returns records, touches no database.
 *
 * <p>RMs differ on purpose, by their number: some call above the daily standard, some below (a
 * deduction), and each sells and develops customers at its own pace.
 */
public final class DemoHistoryGenerator {

    public static final String SALES_HEADER = "sale_id,customer_id,staff_id,product_code,product_type,amount,sold_on";
    public static final String PENETRATION_HEADER = "customer_id,product,acquired_on";

    // --- Earlier customer snapshots (going back one month from a later file) ----------------
    /** Share of customers who moved up a tier during the month: earlier just below their tier's floor. */
    static final double TIER_MOVER_SHARE = 0.015;
    static final double MOVER_EARLIER_MIN = 0.75;
    static final double MOVER_EARLIER_MAX = 0.98;
    /** Monthly AUM growth of everybody else: normal, mean 0.8 %, sd 1.5 %. */
    static final double GROWTH_MEAN = 0.008;
    static final double GROWTH_SD = 0.015;
    static final double GROWTH_FLOOR = -0.5;
    private static final int AUM_COLUMN = 4;
    private static final int CUSTOMER_COLUMNS = 7;

    // --- Sales and penetration, per RM and month ---------------------------------------------
    static final int KEY_SALES_MIN = 5;
    static final int KEY_SALES_SPREAD = 10;
    static final int OTHER_SALES_MIN = 2;
    static final int OTHER_SALES_SPREAD = 5;
    static final int PENETRATION_MIN = 15;
    static final int PENETRATION_SPREAD = 26;
    static final double SALE_LOG_MEDIAN = Math.log(30_000);
    static final double SALE_LOG_SIGMA = 0.8;
    private static final String[][] KEY_PRODUCTS = {{"WM-90D", "WEALTH"}, {"WM-180D", "WEALTH"},
        {"FUND-BAL", "FUND"}, {"FUND-MMF", "FUND"}, {"INS-LIFE", "INSURANCE"}};
    private static final String[][] OTHER_PRODUCTS = {{"TD-1Y", "TIME_DEPOSIT"}, {"TD-3M", "TIME_DEPOSIT"},
        {"CD-PLUS", "CURRENT_DEPOSIT"}, {"GOLD-100G", "PRECIOUS_METAL"}};
    private static final String[] PENETRATION_PRODUCTS = {"MOBILE_BANKING", "CREDIT_CARD", "DEBIT_CARD", "WECOM",
        "PAYROLL_AGREEMENT"};

    // --- Calls and SMS, per RM and working day -----------------------------------------------
    /** Effective calls per day as a share of the standard, by RM number: 1st above, 2nd below (deduction) … */
    static final double[] CALL_PACE = {1.15, 0.85, 1.05, 0.75, 1.25, 0.95, 1.10, 0.80, 1.20, 0.90};
    static final double[] SMS_PACE = {1.10, 0.70, 1.30, 0.90, 1.00, 0.60, 1.20, 0.80, 1.40, 0.95};
    static final double DAILY_SD = 0.08;
    static final double NOT_ANSWERED_SHARE = 0.30;
    static final double TOO_SHORT_SHARE = 0.10;
    static final double REPEAT_SHARE = 0.06;
    static final double FAILED_SMS_SHARE = 0.08;
    static final double DUPLICATE_SMS_SHARE = 0.06;
    static final int LONG_TALK_MIN_SECONDS = 30;
    static final int LONG_TALK_SPREAD_SECONDS = 570;
    static final int SHORT_TALK_MIN_SECONDS = 2;
    static final int RING_SECONDS_MIN = 3;
    static final int RING_SECONDS_SPREAD = 20;
    static final int NO_ANSWER_RING_SECONDS = 30;

    private static final long SNAPSHOT_STREAM = 11;
    private static final long SALES_STREAM = 12;
    private static final long PENETRATION_STREAM = 13;
    private static final long CONTACTS_STREAM = 14;

    /** One RM's book: their customers, in customer id order. */
    public record Book(String staffId, int number, List<String> customers) {
    }

    /** One call the RM placed: {@code talkSeconds} null when nobody answered. */
    public record Call(UUID id, String staffId, String customerId, Instant queuedAt, Integer ringSeconds,
                       Integer talkSeconds) {

        public boolean answered() {
            return talkSeconds != null;
        }
    }

    /** One SMS the RM sent; {@code sent} false when the gateway refused it. */
    public record Sms(UUID id, String staffId, String customerId, Instant at, boolean sent) {
    }

    /** The calling day: its hours and the standard of effective calls per working day. */
    public record Day(LocalTime start, LocalTime end, ZoneId zone, int callsStandard, int smsStandard,
                      int effectiveCallSeconds) {
    }

    /** The two month ends before {@code asOf}'s month: the end of the month before last, then of last month. */
    public static List<LocalDate> snapshotDates(LocalDate asOf) {
        LocalDate lastMonthEnd = asOf.withDayOfMonth(1).minusDays(1);
        return List.of(lastMonthEnd.withDayOfMonth(1).minusDays(1), lastMonthEnd);
    }

    /** From the first day of last month to {@code asOf}: what the sales, penetration and contacts span. */
    public static LocalDate historyStart(LocalDate asOf) {
        return asOf.withDayOfMonth(1).minusMonths(1);
    }

    /**
     * The customers file one month earlier than {@code later}: the same customers, AUM a month back
     * (a little lower for most, below their tier's floor for a few who have moved up since).
     * {@code tierFloors}: the lower AUM bound of every tier above the lowest.
     */
    public static long earlierCustomers(Path later, Path earlier, List<BigDecimal> tierFloors, long seed, int monthsBack)
            throws IOException {
        SplittableRandom random = stream(seed, SNAPSHOT_STREAM * 100 + monthsBack);
        long rows = 0;
        try (BufferedReader in = Files.newBufferedReader(later, StandardCharsets.UTF_8);
             Writer out = Files.newBufferedWriter(earlier, StandardCharsets.UTF_8)) {
            out.write(in.readLine());
            out.write('\n');
            StringBuilder line = new StringBuilder(128);
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                String[] fields = text.split(",", -1);
                if (fields.length != CUSTOMER_COLUMNS) {
                    throw new IllegalStateException("unexpected customers line: " + text);
                }
                BigDecimal aum = new BigDecimal(fields[AUM_COLUMN]);
                BigDecimal aumThen = earlierAum(aum, tierFloors, random);
                if (monthsBack == 1) {
                    aumThen = beforeLeaving(fields[0], aum, seed).orElse(aumThen);
                }
                fields[AUM_COLUMN] = aumThen.toPlainString();
                line.setLength(0);
                line.append(String.join(",", fields)).append('\n');
                out.append(line);
                rows++;
            }
        }
        return rows;
    }

    /** A leaver's ({@link DemoLeavers}) AUM at last month's end: today's plus what has gone out since. */
    static Optional<BigDecimal> beforeLeaving(String customerId, BigDecimal aum, long seed) {
        return DemoLeavers.of(seed, customerId).map(leaver -> aum.add(
                aum.multiply(BigDecimal.valueOf(leaver.movedOut())).setScale(2, RoundingMode.HALF_UP)));
    }

    static BigDecimal earlierAum(BigDecimal aum, List<BigDecimal> tierFloors, SplittableRandom random) {
        // every customer draws the same number of values, so the stream never shifts
        double moverDraw = random.nextDouble();
        double moverDepth = MOVER_EARLIER_MIN + random.nextDouble() * (MOVER_EARLIER_MAX - MOVER_EARLIER_MIN);
        double growth = Math.max(GROWTH_FLOOR, GROWTH_MEAN + GROWTH_SD * random.nextGaussian());
        BigDecimal floor = null;
        for (BigDecimal candidate : tierFloors) {
            if (aum.compareTo(candidate) >= 0 && (floor == null || candidate.compareTo(floor) > 0)) {
                floor = candidate;
            }
        }
        BigDecimal earlier = floor != null && moverDraw < TIER_MOVER_SHARE
                ? floor.multiply(BigDecimal.valueOf(moverDepth))
                : aum.divide(BigDecimal.valueOf(1 + growth), 2, RoundingMode.HALF_UP);
        return earlier.setScale(2, RoundingMode.HALF_UP);
    }

    /** Key products and other sales of each RM over last month and this month up to {@code asOf}. */
    public static long writeSales(Path file, List<Book> books, LocalDate asOf, long seed) throws IOException {
        SplittableRandom random = stream(seed, SALES_STREAM);
        long rows = 0;
        try (Writer out = open(file, SALES_HEADER)) {
            for (Book book : books) {
                if (book.customers().isEmpty()) {
                    continue;
                }
                for (LocalDate[] month : months(asOf)) {
                    double share = monthShare(month);
                    int key = (int) Math.round((KEY_SALES_MIN + random.nextInt(KEY_SALES_SPREAD)) * share);
                    int other = (int) Math.round((OTHER_SALES_MIN + random.nextInt(OTHER_SALES_SPREAD)) * share);
                    for (int s = 0; s < key + other; s++) {
                        String[] product = s < key ? KEY_PRODUCTS[random.nextInt(KEY_PRODUCTS.length)]
                                : OTHER_PRODUCTS[random.nextInt(OTHER_PRODUCTS.length)];
                        String customer = book.customers().get(random.nextInt(book.customers().size()));
                        long cents = Math.max(100, Math.round(Math.exp(SALE_LOG_MEDIAN
                                + SALE_LOG_SIGMA * random.nextGaussian())) * 100);
                        rows++;
                        out.write("DEMO-S" + String.format("%07d", rows) + ',' + customer + ',' + book.staffId() + ','
                                + product[0] + ',' + product[1] + ',' + BigDecimal.valueOf(cents, 2).toPlainString()
                                + ',' + dayIn(month, random) + '\n');
                    }
                }
            }
        }
        return rows;
    }

    /** Customers of each RM's book acquiring one of the basic products, last month and this month. */
    public static long writePenetration(Path file, List<Book> books, LocalDate asOf, long seed) throws IOException {
        SplittableRandom random = stream(seed, PENETRATION_STREAM);
        long rows = 0;
        try (Writer out = open(file, PENETRATION_HEADER)) {
            for (Book book : books) {
                List<String> order = shuffled(book.customers(), random);
                int next = 0;
                for (LocalDate[] month : months(asOf)) {
                    int count = (int) Math.round((PENETRATION_MIN + random.nextInt(PENETRATION_SPREAD)) * monthShare(month));
                    // each customer at most once: (customer, product) is the extract's key
                    for (int p = 0; p < count && next < order.size(); p++, next++) {
                        out.write(order.get(next) + ',' + PENETRATION_PRODUCTS[random.nextInt(PENETRATION_PRODUCTS.length)]
                                + ',' + dayIn(month, random) + '\n');
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    /** The calls and SMS of every RM on every working day from the first of last month to the day before {@code asOf}. */
    public static Contacts contacts(List<Book> books, LocalDate asOf, Predicate<LocalDate> workingDay, Day day, long seed) {
        SplittableRandom random = stream(seed, CONTACTS_STREAM);
        List<Call> calls = new ArrayList<>();
        List<Sms> sms = new ArrayList<>();
        for (Book book : books) {
            if (book.customers().isEmpty()) {
                continue;
            }
            double callPace = CALL_PACE[(book.number() - 1) % CALL_PACE.length];
            double smsPace = SMS_PACE[(book.number() - 1) % SMS_PACE.length];
            for (LocalDate date = historyStart(asOf); date.isBefore(asOf); date = date.plusDays(1)) {
                if (!workingDay.test(date)) {
                    continue;
                }
                callsOfDay(calls, book, date, day, count(day.callsStandard() * callPace, random), random);
                smsOfDay(sms, book, date, day, count(day.smsStandard() * smsPace, random), random);
            }
        }
        return new Contacts(calls, sms);
    }

    /** What {@link #contacts} generated. */
    public record Contacts(List<Call> calls, List<Sms> sms) {
    }

    private static void callsOfDay(List<Call> calls, Book book, LocalDate date, Day day, int effective,
                                   SplittableRandom random) {
        List<String> reached = pick(book.customers(), effective, random);
        for (String customer : reached) {
            calls.add(call(book, customer, date, day, longTalk(random), random));
        }
        for (int n = share(reached.size(), REPEAT_SHARE, random); n > 0 && !reached.isEmpty(); n--) {
            calls.add(call(book, reached.get(random.nextInt(reached.size())), date, day, longTalk(random), random));
        }
        for (int n = share(reached.size(), TOO_SHORT_SHARE, random); n > 0; n--) {
            int talk = SHORT_TALK_MIN_SECONDS + random.nextInt(Math.max(1, day.effectiveCallSeconds() - SHORT_TALK_MIN_SECONDS));
            calls.add(call(book, any(book, random), date, day, talk, random));
        }
        for (int n = share(reached.size(), NOT_ANSWERED_SHARE, random); n > 0; n--) {
            calls.add(call(book, any(book, random), date, day, null, random));
        }
    }

    private static void smsOfDay(List<Sms> sms, Book book, LocalDate date, Day day, int counted, SplittableRandom random) {
        List<String> reached = pick(book.customers(), counted, random);
        for (String customer : reached) {
            sms.add(new Sms(uuid(random), book.staffId(), customer, timeIn(date, day, random), true));
        }
        for (int n = share(reached.size(), DUPLICATE_SMS_SHARE, random); n > 0 && !reached.isEmpty(); n--) {
            sms.add(new Sms(uuid(random), book.staffId(), reached.get(random.nextInt(reached.size())),
                    timeIn(date, day, random), true));
        }
        for (int n = share(reached.size(), FAILED_SMS_SHARE, random); n > 0; n--) {
            sms.add(new Sms(uuid(random), book.staffId(), any(book, random), timeIn(date, day, random), false));
        }
    }

    private static Call call(Book book, String customer, LocalDate date, Day day, Integer talkSeconds,
                             SplittableRandom random) {
        int ring = talkSeconds == null ? NO_ANSWER_RING_SECONDS : RING_SECONDS_MIN + random.nextInt(RING_SECONDS_SPREAD);
        return new Call(uuid(random), book.staffId(), customer, timeIn(date, day, random), ring, talkSeconds);
    }

    private static int longTalk(SplittableRandom random) {
        return LONG_TALK_MIN_SECONDS + random.nextInt(LONG_TALK_SPREAD_SECONDS);
    }

    /** A day's count around {@code mean}: normal, sd {@value #DAILY_SD} of the mean, never negative. */
    private static int count(double mean, SplittableRandom random) {
        return (int) Math.max(0, Math.round(mean * (1 + DAILY_SD * random.nextGaussian())));
    }

    /** About {@code share} of {@code of}: between half and one and a half times it. */
    private static int share(int of, double share, SplittableRandom random) {
        return (int) Math.round(of * share * (0.5 + random.nextDouble()));
    }

    private static Instant timeIn(LocalDate date, Day day, SplittableRandom random) {
        long seconds = day.start().until(day.end(), ChronoUnit.SECONDS);
        return date.atTime(day.start()).plusSeconds(random.nextLong(seconds)).atZone(day.zone()).toInstant();
    }

    private static String any(Book book, SplittableRandom random) {
        return book.customers().get(random.nextInt(book.customers().size()));
    }

    /** {@code count} distinct customers of the book (all of them when it is smaller). */
    private static List<String> pick(List<String> customers, int count, SplittableRandom random) {
        int n = Math.min(count, customers.size());
        List<String> pool = new ArrayList<>(customers);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(pool.size() - i);
            String swap = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, swap);
        }
        return pool.subList(0, n);
    }

    private static List<String> shuffled(List<String> customers, SplittableRandom random) {
        return pick(customers, customers.size(), random);
    }

    /** [first, last] of last month, then of this month up to asOf. */
    private static List<LocalDate[]> months(LocalDate asOf) {
        LocalDate thisMonth = asOf.withDayOfMonth(1);
        LocalDate lastMonth = thisMonth.minusMonths(1);
        return List.of(new LocalDate[] {lastMonth, thisMonth.minusDays(1)}, new LocalDate[] {thisMonth, asOf});
    }

    /** How much of a whole month the range covers: this month so far sells less than a full one. */
    private static double monthShare(LocalDate[] month) {
        return (double) (ChronoUnit.DAYS.between(month[0], month[1]) + 1) / month[0].lengthOfMonth();
    }

    private static LocalDate dayIn(LocalDate[] month, SplittableRandom random) {
        return month[0].plusDays(random.nextInt((int) ChronoUnit.DAYS.between(month[0], month[1]) + 1));
    }

    private static UUID uuid(SplittableRandom random) {
        // a version-4 UUID drawn from the seeded stream, so the same seed gives the same ids
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private static SplittableRandom stream(long seed, long stream) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stream);
    }

    private static Writer open(Path file, String header) throws IOException {
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write(header);
        out.write('\n');
        return out;
    }

    private DemoHistoryGenerator() {
    }
}
