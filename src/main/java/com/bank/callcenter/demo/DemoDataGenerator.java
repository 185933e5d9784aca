package com.bank.callcenter.demo;

import com.bank.callcenter.imports.ImportKind;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes realistic, deterministic extracts in the bank's CSV formats (see README): the same
 * options always give byte-identical files. Streams row by row in constant memory, so a million
 * customers take seconds.
 *
 * <p>Each file draws from its own random stream derived from the seed, so the customers file is
 * the same whether or not holdings and transfers are written alongside it.
 *
 * <pre>
 * ./mvnw -q compile exec:java -Dexec.mainClass=com.bank.callcenter.demo.DemoDataGenerator \
 *     -Dexec.args="--customers 1000000 --out data/extracts"
 * </pre>
 */
public final class DemoDataGenerator {

    public static final String CUSTOMERS_HEADER = "customer_id,name,mobile,home_branch_id,aum,payroll,status";
    public static final String HOLDINGS_HEADER = "holding_id,customer_id,branch_id,product_type,amount,maturity_date";
    public static final String TRANSFERS_HEADER =
            "transfer_id,customer_id,occurred_at,amount,direction,counterparty_bank,same_name";
    public static final String STAFF_HEADER = "staff_id,name,role,branch_id,extension";
    public static final String DNC_HEADER = "mobile,reason";

    /** Every extract, in import order: staff (logins) first, customers before what refers to them. */
    public static final List<ImportKind> ALL_KINDS = List.of(ImportKind.STAFF, ImportKind.CUSTOMERS,
            ImportKind.HOLDINGS, ImportKind.TRANSFERS, ImportKind.DNC);

    // --- The shape of the generated population -----------------------------------------------
    /** AUM is log-normal: median 8,000 CNY, sigma 1.7 → ~55% MASS, ~32% LONG_TAIL, ~10% MID_HIGH,
     *  ~3% WEALTH, a few dozen PRIVATE_BANKING per million. */
    static final double AUM_LOG_MEDIAN = Math.log(8_000);
    static final double AUM_LOG_SIGMA = 1.7;
    static final double EMPTY_MOBILE_SHARE = 0.03;
    static final double PAYROLL_SHARE = 0.20;
    static final double CLOSED_SHARE = 0.02;
    static final double DECEASED_SHARE = 0.005;
    static final double SINGLE_CHARACTER_GIVEN_NAME_SHARE = 0.3;
    /** Holdings per customer: 1 + Binomial(4, 0.5), mean 3. */
    static final int EXTRA_HOLDINGS_TRIALS = 4;
    static final double EXTRA_HOLDING_CHANCE = 0.5;
    static final double HOLDING_ELSEWHERE_SHARE = 0.15;
    /** Maturities of time deposits and wealth products fall in asOf+1 … asOf+90. */
    public static final int MATURITY_HORIZON_DAYS = 90;
    static final double CUSTOMERS_WITH_TRANSFERS_SHARE = 0.15;
    static final int MAX_TRANSFERS_PER_CUSTOMER = 3;
    /** Transfers happened on asOf or in the 13 days before it. */
    public static final int TRANSFER_WINDOW_DAYS = 14;
    static final int TRANSFER_FIRST_HOUR = 8;
    static final int TRANSFER_LAST_HOUR = 22;
    static final double OUTFLOW_SHARE = 0.6;
    static final double SAME_NAME_SHARE_OF_OUTFLOWS = 0.5;
    static final double TRANSFER_LOG_MEDIAN = Math.log(8_000);
    static final double TRANSFER_LOG_SIGMA = 1.0;
    /** The do-not-call list: 0.2% of the customers' numbers plus a quarter as many unknown numbers. */
    static final double DNC_SHARE = 0.002;
    static final int DNC_MINIMUM = 10;
    static final int FIRST_EXTENSION = 9101;

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁"
            + "潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺"
            + "顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN_NAME_CHARACTERS = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华玉萍红"
            + "娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁龙林欣怡佳琪晨阳雪梅婷倩颖琳晶欢博文轩子涵雨泽思嘉诺梓萱然航志建国"
            + "春海庆德福晓慧淑兰云峰振东";
    /** Mainland mobile prefixes in use; 147 is kept out so the DNC list can hold unknown numbers. */
    private static final int[] MOBILE_PREFIXES = {130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151,
        152, 153, 155, 156, 157, 158, 159, 166, 172, 173, 175, 176, 177, 178, 180, 181, 182, 183, 184, 185,
        186, 187, 188, 189, 191, 195, 198, 199};
    private static final int UNKNOWN_MOBILE_PREFIX = 147;
    private static final long MOBILE_SUFFIX_SPACE = 100_000_000L;
    private static final String[] OTHER_BANKS = {"招商银行", "工商银行", "建设银行", "农业银行", "中国银行",
        "交通银行", "浦发银行", "兴业银行", "中信银行", "民生银行", "平安银行", "邮储银行"};
    private static final String[] DNC_REASONS = {"客户要求不再来电", "回复TD退订", "投诉", "按9退订"};
    private static final String[] PRODUCT_TYPES = {"CURRENT_DEPOSIT", "TIME_DEPOSIT", "WEALTH", "FUND",
        "INSURANCE", "PRECIOUS_METAL"};
    private static final double[] PRODUCT_CUMULATIVE_WEIGHTS = {0.30, 0.55, 0.75, 0.87, 0.95, 1.0};
    private static final DateTimeFormatter OCCURRED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final int WRITE_BUFFER_CHARS = 1 << 16;
    private static final int SECONDS_PER_HOUR = 3600;

    private static final long CUSTOMERS_STREAM = 1;
    private static final long HOLDINGS_STREAM = 2;
    private static final long TRANSFERS_STREAM = 3;
    private static final long STAFF_STREAM = 4;
    private static final long DNC_STREAM = 5;
    private static final long MOBILES_STREAM = 6;

    /** What to generate. */
    public record Options(int customers, int managers, int branches, int planners, long seed, LocalDate asOf) {

        public static final int DEFAULT_CUSTOMERS = 50_000;
        public static final int DEFAULT_MANAGERS = 10;
        public static final int DEFAULT_BRANCHES = 5;
        public static final int DEFAULT_PLANNERS = 2;
        public static final long DEFAULT_SEED = 20261123L;

        public Options {
            if (customers < 0 || managers < 0 || planners < 0) {
                throw new IllegalArgumentException("counts must not be negative");
            }
            if (branches < 1) {
                throw new IllegalArgumentException("at least one branch is needed");
            }
            if (asOf == null) {
                throw new IllegalArgumentException("asOf is required");
            }
        }

        public static Options defaults(LocalDate asOf) {
            return new Options(DEFAULT_CUSTOMERS, DEFAULT_MANAGERS, DEFAULT_BRANCHES, DEFAULT_PLANNERS,
                    DEFAULT_SEED, asOf);
        }

        public Options withCustomers(int count) {
            return new Options(count, managers, branches, planners, seed, asOf);
        }

        public Options withManagers(int count) {
            return new Options(customers, count, branches, planners, seed, asOf);
        }

        public Options withBranches(int count) {
            return new Options(customers, managers, count, planners, seed, asOf);
        }

        public Options withSeed(long value) {
            return new Options(customers, managers, branches, planners, value, asOf);
        }

        public Options withAsOf(LocalDate date) {
            return new Options(customers, managers, branches, planners, seed, date);
        }
    }

    private final Options options;
    private final String[] branchIds;
    private final String[] maturityDates;
    private final long mobileMultiplier;
    private final long mobileOffset;
    private final long mobileSpace;
    private final long numberMultiplier;
    private final long numberOffset;

    private DemoDataGenerator(Options options) {
        this.options = options;
        this.branchIds = new String[options.branches()];
        for (int b = 0; b < branchIds.length; b++) {
            branchIds[b] = branchId(b + 1);
        }
        this.maturityDates = new String[MATURITY_HORIZON_DAYS];
        for (int d = 0; d < MATURITY_HORIZON_DAYS; d++) {
            maturityDates[d] = options.asOf().plusDays(d + 1L).toString();
        }
        SplittableRandom mobiles = stream(MOBILES_STREAM);
        // An affine map k -> (a·k + b) mod n is a bijection when a is coprime to n. Both spaces here
        // (10^8 and 40·10^8) have only the prime factors 2 and 5, so any a not divisible by them will do.
        this.mobileSpace = MOBILE_PREFIXES.length * MOBILE_SUFFIX_SPACE;
        this.mobileMultiplier = coprimeTo10(mobiles.nextLong(MOBILE_SUFFIX_SPACE));
        this.mobileOffset = mobiles.nextLong(MOBILE_SUFFIX_SPACE);
        this.numberMultiplier = coprimeTo10(mobiles.nextLong(mobileSpace));
        this.numberOffset = mobiles.nextLong(mobileSpace);
    }

    private static long coprimeTo10(long candidate) {
        long odd = candidate | 1;
        return odd % 5 == 0 ? odd + 2 : odd;
    }

    /** Writes all five extracts into {@code dir} (created if missing). */
    public static DemoExtracts generate(Options options, Path dir) {
        return generate(options, dir, EnumSet.copyOf(ALL_KINDS));
    }

    /**
     * Writes the chosen extracts into {@code dir}; each file is the same as in a full run. The
     * returned files are in import order ({@link #ALL_KINDS}).
     */
    public static DemoExtracts generate(Options options, Path dir, Set<ImportKind> kinds) {
        try {
            Files.createDirectories(dir);
            return new DemoDataGenerator(options).write(dir,
                    kinds.isEmpty() ? EnumSet.copyOf(ALL_KINDS) : EnumSet.copyOf(kinds));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write demo extracts to " + dir, e);
        }
    }

    public static String branchId(int number) {
        return "BR" + pad(number, 3);
    }

    public static String managerId(int number) {
        return "rm" + pad(number, 3);
    }

    public static String supervisorId(int number) {
        return "sup" + pad(number, 2);
    }

    public static String plannerId(int number) {
        return "pln" + pad(number, 2);
    }

    public static String fileName(ImportKind kind) {
        return kind.pathName() + ".csv";
    }

    private DemoExtracts write(Path dir, Set<ImportKind> kinds) throws IOException {
        Map<ImportKind, Path> files = new LinkedHashMap<>();
        Map<ImportKind, Long> rows = new EnumMap<>(ImportKind.class);
        for (ImportKind kind : ALL_KINDS) {
            if (kinds.contains(kind)) {
                files.put(kind, dir.resolve(fileName(kind)));
            }
        }
        if (kinds.contains(ImportKind.STAFF)) {
            rows.put(ImportKind.STAFF, writeStaff(files.get(ImportKind.STAFF)));
        }
        if (kinds.contains(ImportKind.CUSTOMERS) || kinds.contains(ImportKind.HOLDINGS)
                || kinds.contains(ImportKind.TRANSFERS)) {
            rows.putAll(writeCustomersAndTheirData(files));
        }
        if (kinds.contains(ImportKind.DNC)) {
            rows.put(ImportKind.DNC, writeDoNotCall(files.get(ImportKind.DNC)));
        }
        return new DemoExtracts(files, rows);
    }

    private long writeStaff(Path file) throws IOException {
        SplittableRandom random = stream(STAFF_STREAM);
        StringBuilder line = new StringBuilder(64);
        long rows = 0;
        int extension = FIRST_EXTENSION;
        try (Writer out = open(file, STAFF_HEADER)) {
            for (int m = 1; m <= options.managers(); m++) {
                rows += staffRow(out, line, managerId(m), name(random), "REMOTE_MANAGER",
                        branchIds[(m - 1) % branchIds.length], extension++);
            }
            for (int b = 1; b <= branchIds.length; b++) {
                rows += staffRow(out, line, supervisorId(b), name(random), "SUPERVISOR", branchIds[b - 1], extension++);
            }
            for (int p = 1; p <= options.planners(); p++) {
                rows += staffRow(out, line, plannerId(p), name(random), "PLANNER", branchIds[0], extension++);
            }
        }
        return rows;
    }

    private static int staffRow(Writer out, StringBuilder line, String id, String name, String role, String branch,
                                int extension) throws IOException {
        line.setLength(0);
        line.append(id).append(',').append(name).append(',').append(role).append(',').append(branch).append(',')
                .append(extension).append('\n');
        out.append(line);
        return 1;
    }

    private Map<ImportKind, Long> writeCustomersAndTheirData(Map<ImportKind, Path> files) throws IOException {
        SplittableRandom customerRandom = stream(CUSTOMERS_STREAM);
        SplittableRandom holdingRandom = stream(HOLDINGS_STREAM);
        SplittableRandom transferRandom = stream(TRANSFERS_STREAM);
        long holdingRows = 0;
        long transferRows = 0;
        StringBuilder line = new StringBuilder(128);
        LocalDateTime transferWindowStart = options.asOf().atStartOfDay();
        try (Writer customers = openIfWanted(files.get(ImportKind.CUSTOMERS), CUSTOMERS_HEADER);
             Writer holdings = openIfWanted(files.get(ImportKind.HOLDINGS), HOLDINGS_HEADER);
             Writer transfers = openIfWanted(files.get(ImportKind.TRANSFERS), TRANSFERS_HEADER)) {
            for (int c = 0; c < options.customers(); c++) {
                String customerId = customerId(c);
                int homeBranch = customerRandom.nextInt(branchIds.length);
                long aumCents = logNormalCents(customerRandom, AUM_LOG_MEDIAN, AUM_LOG_SIGMA);
                // every customer draws the same number of values, so the stream never shifts
                String name = name(customerRandom);
                boolean emptyMobile = customerRandom.nextDouble() < EMPTY_MOBILE_SHARE;
                boolean payroll = customerRandom.nextDouble() < PAYROLL_SHARE;
                double statusDraw = customerRandom.nextDouble();
                String status = statusDraw < DECEASED_SHARE ? "DECEASED"
                        : statusDraw < DECEASED_SHARE + CLOSED_SHARE ? "CLOSED" : "ACTIVE";
                if (customers != null) {
                    line.setLength(0);
                    line.append(customerId).append(',').append(name).append(',');
                    if (!emptyMobile) {
                        line.append(mobileOf(c));
                    }
                    line.append(',').append(branchIds[homeBranch]).append(',');
                    appendCents(line, aumCents);
                    line.append(',').append(payroll).append(',').append(status).append('\n');
                    customers.append(line);
                }
                if (holdings != null) {
                    holdingRows += writeHoldings(holdings, line, holdingRandom, customerId, homeBranch, aumCents,
                            holdingRows);
                }
                if (transfers != null) {
                    transferRows += writeTransfers(transfers, line, transferRandom, customerId, transferWindowStart,
                            transferRows);
                    transferRows += writeLeaverOutflow(transfers, line, customerId, aumCents, transferWindowStart,
                            transferRows);
                }
            }
        }
        Map<ImportKind, Long> rows = new EnumMap<>(ImportKind.class);
        if (files.containsKey(ImportKind.CUSTOMERS)) {
            rows.put(ImportKind.CUSTOMERS, (long) options.customers());
        }
        if (files.containsKey(ImportKind.HOLDINGS)) {
            rows.put(ImportKind.HOLDINGS, holdingRows);
        }
        if (files.containsKey(ImportKind.TRANSFERS)) {
            rows.put(ImportKind.TRANSFERS, transferRows);
        }
        return rows;
    }

    private int writeHoldings(Writer out, StringBuilder line, SplittableRandom random, String customerId,
                              int homeBranch, long aumCents, long written) throws IOException {
        int count = 1;
        for (int t = 0; t < EXTRA_HOLDINGS_TRIALS; t++) {
            if (random.nextDouble() < EXTRA_HOLDING_CHANCE) {
                count++;
            }
        }
        double[] weights = new double[count];
        double total = 0;
        for (int h = 0; h < count; h++) {
            weights[h] = -Math.log(1 - random.nextDouble());
            total += weights[h];
        }
        for (int h = 0; h < count; h++) {
            int branch = homeBranch;
            if (branchIds.length > 1 && random.nextDouble() < HOLDING_ELSEWHERE_SHARE) {
                branch = (homeBranch + 1 + random.nextInt(branchIds.length - 1)) % branchIds.length;
            }
            String productType = productType(random.nextDouble());
            long amountCents = Math.round(aumCents * weights[h] / total);
            line.setLength(0);
            line.append('H');
            appendPadded(line, written + h + 1, 10);
            line.append(',').append(customerId).append(',').append(branchIds[branch]).append(',')
                    .append(productType).append(',');
            appendCents(line, amountCents);
            line.append(',');
            if (productType.equals("TIME_DEPOSIT") || productType.equals("WEALTH")) {
                line.append(maturityDates[random.nextInt(MATURITY_HORIZON_DAYS)]);
            }
            line.append('\n');
            out.append(line);
        }
        return count;
    }

    private int writeTransfers(Writer out, StringBuilder line, SplittableRandom random, String customerId,
                               LocalDateTime asOfStart, long written) throws IOException {
        if (random.nextDouble() >= CUSTOMERS_WITH_TRANSFERS_SHARE) {
            return 0;
        }
        int count = 1 + random.nextInt(MAX_TRANSFERS_PER_CUSTOMER);
        for (int t = 0; t < count; t++) {
            LocalDateTime occurredAt = asOfStart.minusDays(random.nextInt(TRANSFER_WINDOW_DAYS))
                    .plusSeconds((long) TRANSFER_FIRST_HOUR * SECONDS_PER_HOUR
                            + random.nextInt((TRANSFER_LAST_HOUR - TRANSFER_FIRST_HOUR) * SECONDS_PER_HOUR));
            boolean outflow = random.nextDouble() < OUTFLOW_SHARE;
            boolean sameName = outflow && random.nextDouble() < SAME_NAME_SHARE_OF_OUTFLOWS;
            String bank = OTHER_BANKS[random.nextInt(OTHER_BANKS.length)];
            long amountCents = logNormalCents(random, TRANSFER_LOG_MEDIAN, TRANSFER_LOG_SIGMA);
            line.setLength(0);
            line.append('T');
            appendPadded(line, written + t + 1, 10);
            line.append(',').append(customerId).append(',').append(OCCURRED_AT.format(occurredAt)).append(',');
            appendCents(line, amountCents);
            line.append(',').append(outflow ? "OUT" : "IN").append(',').append(bank).append(',').append(sameName)
                    .append('\n');
            out.append(line);
        }
        return count;
    }

    /** A leaver's ({@link DemoLeavers}) same-name outflow: the money gone since last month's end. */
    private int writeLeaverOutflow(Writer out, StringBuilder line, String customerId, long aumCents,
                                   LocalDateTime asOfStart, long written) throws IOException {
        Optional<DemoLeavers.Leaver> leaving = DemoLeavers.of(options.seed(), customerId);
        if (leaving.isEmpty()) {
            return 0;
        }
        DemoLeavers.Leaver leaver = leaving.get();
        int transferSeconds = (TRANSFER_LAST_HOUR - TRANSFER_FIRST_HOUR) * SECONDS_PER_HOUR;
        LocalDateTime occurredAt = asOfStart.minusDays(leaver.daysAgo()).plusSeconds(
                (long) TRANSFER_FIRST_HOUR * SECONDS_PER_HOUR + (long) (leaver.secondOfDayDraw() * transferSeconds));
        String bank = OTHER_BANKS[(int) (leaver.bankDraw() * OTHER_BANKS.length)];
        line.setLength(0);
        line.append('T');
        appendPadded(line, written + 1, 10);
        line.append(',').append(customerId).append(',').append(OCCURRED_AT.format(occurredAt)).append(',');
        appendCents(line, Math.round(aumCents * leaver.movedOut()));
        line.append(",OUT,").append(bank).append(",true\n");
        out.append(line);
        return 1;
    }

    private long writeDoNotCall(Path file) throws IOException {
        SplittableRandom random = stream(DNC_STREAM);
        int known = (int) Math.min(options.customers(), Math.max(DNC_MINIMUM, options.customers() * DNC_SHARE));
        int unknown = Math.max(1, known / 4);
        StringBuilder line = new StringBuilder(48);
        try (Writer out = open(file, DNC_HEADER)) {
            if (known > 0) {
                int bucket = options.customers() / known;
                for (int d = 0; d < known; d++) {
                    line.setLength(0);
                    line.append(mobileOf(d * bucket + random.nextInt(bucket))).append(',')
                            .append(DNC_REASONS[random.nextInt(DNC_REASONS.length)]).append('\n');
                    out.append(line);
                }
            }
            for (int u = 0; u < unknown; u++) {
                line.setLength(0);
                line.append(UNKNOWN_MOBILE_PREFIX * MOBILE_SUFFIX_SPACE + suffix(u)).append(',')
                        .append(DNC_REASONS[random.nextInt(DNC_REASONS.length)]).append('\n');
                out.append(line);
            }
        }
        return (long) known + unknown;
    }

    /** The mobile number of the c-th customer: unique per customer, always a valid mainland number. */
    long mobileOf(int customerIndex) {
        // customerIndex < 2^31 and the multiplier < 2^32: the product stays inside a long
        long number = Math.floorMod(numberMultiplier * customerIndex + numberOffset, mobileSpace);
        int prefix = MOBILE_PREFIXES[(int) (number / MOBILE_SUFFIX_SPACE)];
        return prefix * MOBILE_SUFFIX_SPACE + number % MOBILE_SUFFIX_SPACE;
    }

    private long suffix(long k) {
        return Math.floorMod(mobileMultiplier * k + mobileOffset, MOBILE_SUFFIX_SPACE);
    }

    private static String customerId(int index) {
        return "C" + pad(index + 1, 9);
    }

    private static String name(SplittableRandom random) {
        double u = random.nextDouble();
        // squared uniform: the first surnames (王, 李, 张 …) are the most common, as in life
        char surname = SURNAMES.charAt((int) (u * u * SURNAMES.length()));
        boolean single = random.nextDouble() < SINGLE_CHARACTER_GIVEN_NAME_SHARE;
        char first = GIVEN_NAME_CHARACTERS.charAt(random.nextInt(GIVEN_NAME_CHARACTERS.length()));
        char second = GIVEN_NAME_CHARACTERS.charAt(random.nextInt(GIVEN_NAME_CHARACTERS.length()));
        return single ? new String(new char[] {surname, first}) : new String(new char[] {surname, first, second});
    }

    private static String productType(double draw) {
        for (int p = 0; p < PRODUCT_TYPES.length; p++) {
            if (draw < PRODUCT_CUMULATIVE_WEIGHTS[p]) {
                return PRODUCT_TYPES[p];
            }
        }
        return PRODUCT_TYPES[PRODUCT_TYPES.length - 1];
    }

    private static long logNormalCents(SplittableRandom random, double logMedian, double logSigma) {
        double value = Math.exp(logMedian + logSigma * random.nextGaussian());
        return Math.max(1, Math.round(value * 100));
    }

    private static void appendCents(StringBuilder line, long cents) {
        line.append(cents / 100).append('.');
        long fraction = cents % 100;
        if (fraction < 10) {
            line.append('0');
        }
        line.append(fraction);
    }

    private static void appendPadded(StringBuilder line, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            line.append('0');
        }
        line.append(digits);
    }

    private static String pad(long value, int width) {
        StringBuilder text = new StringBuilder(width);
        appendPadded(text, value, width);
        return text.toString();
    }

    private SplittableRandom stream(long stream) {
        // the golden-ratio step keeps the streams of one seed far apart
        return new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + stream);
    }

    private static Writer openIfWanted(Path file, String header) throws IOException {
        return file == null ? null : open(file, header);
    }

    private static Writer open(Path file, String header) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                WRITE_BUFFER_CHARS);
        out.write(header);
        out.write('\n');
        return out;
    }

    // --- Command line ----------------------------------------------------------------------

    public static void main(String[] args) {
        Options options = Options.defaults(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        Path out = Path.of("data/extracts");
        try {
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--help") || name.equals("-h")) {
                    usage(0);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--customers" -> options = options.withCustomers(Integer.parseInt(value));
                    case "--managers" -> options = options.withManagers(Integer.parseInt(value));
                    case "--branches" -> options = options.withBranches(Integer.parseInt(value));
                    case "--seed" -> options = options.withSeed(Long.parseLong(value));
                    case "--as-of" -> options = options.withAsOf(LocalDate.parse(value));
                    case "--out" -> out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            usage(2);
        }
        long started = System.nanoTime();
        DemoExtracts extracts = generate(options, out);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Generated %d customers, %d managers, %d branches (seed %d, as of %s) in %d ms:%n",
                options.customers(), options.managers(), options.branches(), options.seed(), options.asOf(), millis);
        for (Map.Entry<ImportKind, Path> file : extracts.files().entrySet()) {
            System.out.printf("  %-10s %,12d rows  %s%n", file.getKey().pathName(), extracts.rows(file.getKey()),
                    file.getValue().toAbsolutePath());
        }
    }

    private static void usage(int status) {
        System.err.println("usage: DemoDataGenerator [--customers N] [--managers N] [--branches N] [--seed S] "
                + "[--as-of YYYY-MM-DD] [--out DIR]");
        System.exit(status);
    }
}
