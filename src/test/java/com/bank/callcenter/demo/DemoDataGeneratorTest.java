package com.bank.callcenter.demo;

import com.bank.callcenter.customers.MobileNumbers;
import com.bank.callcenter.customers.Tier;
import com.bank.callcenter.customers.TierPolicy;
import com.bank.callcenter.demo.DemoDataGenerator.Options;
import com.bank.callcenter.imports.ImportKind;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataGeneratorTest {

    private static final int CUSTOMERS = 20_000;
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private static final Options OPTIONS = Options.defaults(AS_OF).withCustomers(CUSTOMERS);

    @Inject
    TierPolicy tiers;

    @TempDir
    Path tempDir;

    private DemoExtracts extracts;

    @BeforeAll
    void generateOnce() throws IOException {
        extracts = DemoDataGenerator.generate(OPTIONS, Files.createTempDirectory("demo-generator-test"));
    }

    @Test
    void sameSeedWritesIdenticalFiles() throws IOException {
        DemoExtracts again = DemoDataGenerator.generate(OPTIONS, tempDir);
        for (ImportKind kind : DemoDataGenerator.ALL_KINDS) {
            assertArrayEquals(Files.readAllBytes(extracts.file(kind)), Files.readAllBytes(again.file(kind)),
                    kind.pathName());
        }
    }

    @Test
    void anotherSeedWritesOtherCustomers() throws IOException {
        DemoExtracts other = DemoDataGenerator.generate(OPTIONS.withSeed(OPTIONS.seed() + 1), tempDir,
                EnumSet.of(ImportKind.CUSTOMERS));
        assertNotEquals(Files.readString(extracts.file(ImportKind.CUSTOMERS)),
                Files.readString(other.file(ImportKind.CUSTOMERS)));
    }

    @Test
    void customersFileIsTheSameWhenWrittenAlone() throws IOException {
        DemoExtracts alone = DemoDataGenerator.generate(OPTIONS, tempDir, EnumSet.of(ImportKind.CUSTOMERS));
        assertEquals(Set.of(ImportKind.CUSTOMERS), alone.files().keySet());
        assertArrayEquals(Files.readAllBytes(extracts.file(ImportKind.CUSTOMERS)),
                Files.readAllBytes(alone.file(ImportKind.CUSTOMERS)));
    }

    @Test
    void filesComeInImportOrderWithStaffFirst() {
        assertEquals(List.of(ImportKind.STAFF, ImportKind.CUSTOMERS, ImportKind.HOLDINGS, ImportKind.TRANSFERS,
                ImportKind.DNC), List.copyOf(extracts.files().keySet()));
    }

    @Test
    void customersFileHasOneRowPerCustomer() {
        assertEquals(CUSTOMERS, rows(ImportKind.CUSTOMERS).size());
        assertEquals(CUSTOMERS, extracts.rows(ImportKind.CUSTOMERS));
    }

    @Test
    void reportedRowCountsMatchTheFiles() {
        for (ImportKind kind : DemoDataGenerator.ALL_KINDS) {
            assertEquals(rows(kind).size(), extracts.rows(kind), kind.pathName());
        }
    }

    @Test
    void everyFileStartsWithItsHeader() {
        Map<ImportKind, String> headers = new EnumMap<>(Map.of(
                ImportKind.CUSTOMERS, "customer_id,name,mobile,home_branch_id,aum,payroll,status",
                ImportKind.HOLDINGS, "holding_id,customer_id,branch_id,product_type,amount,maturity_date",
                ImportKind.TRANSFERS, "transfer_id,customer_id,occurred_at,amount,direction,counterparty_bank,same_name",
                ImportKind.STAFF, "staff_id,name,role,branch_id,extension",
                ImportKind.DNC, "mobile,reason"));
        headers.forEach((kind, header) -> assertEquals(header, lines(kind).get(0), kind.pathName()));
    }

    @Test
    void everyCustomerMobileIsAValidMainlandNumberAndUnique() {
        List<String> mobiles = rows(ImportKind.CUSTOMERS).stream().map(row -> row[2]).filter(m -> !m.isEmpty())
                .toList();
        assertTrue(mobiles.size() > CUSTOMERS * 0.9, "only a small share has no mobile: " + mobiles.size());
        mobiles.forEach(m -> assertEquals(m, MobileNumbers.normalise(m).orElse("invalid"), m));
        assertEquals(mobiles.size(), new HashSet<>(mobiles).size());
    }

    @Test
    void doNotCallNumbersAreValidAndUnique() {
        List<String> mobiles = rows(ImportKind.DNC).stream().map(row -> row[0]).toList();
        assertFalse(mobiles.isEmpty());
        mobiles.forEach(m -> assertEquals(m, MobileNumbers.normalise(m).orElse("invalid"), m));
        assertEquals(mobiles.size(), new HashSet<>(mobiles).size());
    }

    @Test
    void mostCustomersAreMassOrLongTail() {
        Map<Tier, Long> byTier = rows(ImportKind.CUSTOMERS).stream()
                .collect(Collectors.groupingBy(row -> tiers.tierOf(new BigDecimal(row[4])), Collectors.counting()));
        long massAndLongTail = byTier.getOrDefault(Tier.MASS, 0L) + byTier.getOrDefault(Tier.LONG_TAIL, 0L);
        assertTrue(massAndLongTail > CUSTOMERS * 0.8, "MASS + LONG_TAIL: " + byTier);
        assertTrue(byTier.getOrDefault(Tier.MID_HIGH, 0L) > byTier.getOrDefault(Tier.WEALTH, 0L), byTier::toString);
        assertTrue(byTier.getOrDefault(Tier.WEALTH, 0L) > byTier.getOrDefault(Tier.PRIVATE_BANKING, 0L),
                byTier::toString);
        assertTrue(byTier.getOrDefault(Tier.WEALTH, 0L) > 0, byTier::toString);
    }

    @Test
    void timeDepositsAndWealthProductsMatureWithinNinetyDays() {
        for (String[] holding : rows(ImportKind.HOLDINGS)) {
            boolean matures = holding[3].equals("TIME_DEPOSIT") || holding[3].equals("WEALTH");
            String maturity = holding.length > 5 ? holding[5] : "";
            if (matures) {
                LocalDate date = LocalDate.parse(maturity);
                assertTrue(date.isAfter(AS_OF) && !date.isAfter(AS_OF.plusDays(90)), String.join(",", holding));
            } else {
                assertEquals("", maturity, String.join(",", holding));
            }
        }
    }

    @Test
    void customersHoldAboutThreeProductsOnAverage() {
        double perCustomer = (double) rows(ImportKind.HOLDINGS).size() / CUSTOMERS;
        assertTrue(perCustomer > 2.7 && perCustomer < 3.3, "holdings per customer: " + perCustomer);
    }

    @Test
    void someHoldingsAreOutsideTheHomeBranch() {
        Map<String, String> homeBranch = rows(ImportKind.CUSTOMERS).stream()
                .collect(Collectors.toMap(row -> row[0], row -> row[3]));
        List<String[]> holdings = rows(ImportKind.HOLDINGS);
        long elsewhere = holdings.stream().filter(h -> !h[2].equals(homeBranch.get(h[1]))).count();
        double share = (double) elsewhere / holdings.size();
        assertTrue(share > 0.10 && share < 0.20, "share elsewhere: " + share);
    }

    @Test
    void sameNameOutflowsToOtherBanksHappenInTheLastFourteenDays() {
        List<String[]> sameNameOut = rows(ImportKind.TRANSFERS).stream()
                .filter(t -> t[4].equals("OUT") && t[6].equals("true")).toList();
        assertFalse(sameNameOut.isEmpty());
        for (String[] transfer : rows(ImportKind.TRANSFERS)) {
            LocalDateTime at = LocalDateTime.parse(transfer[2]);
            assertTrue(!at.isBefore(AS_OF.minusDays(13).atStartOfDay()) && at.isBefore(AS_OF.plusDays(1).atStartOfDay()),
                    String.join(",", transfer));
        }
        assertTrue(sameNameOut.stream().allMatch(t -> t[5].endsWith("银行")));
    }

    /** The churn model's leavers: one same-name outflow each, of their money gone, one to two weeks ago. */
    @Test
    void leaversMovedMostOfTheirMoneyToTheirOwnAccountElsewhere() {
        Map<String, BigDecimal> aum = rows(ImportKind.CUSTOMERS).stream()
                .collect(Collectors.toMap(row -> row[0], row -> new BigDecimal(row[4])));
        Map<String, List<String[]>> transfers = rows(ImportKind.TRANSFERS).stream()
                .collect(Collectors.groupingBy(row -> row[1]));
        int leavers = 0;
        for (Map.Entry<String, BigDecimal> customer : aum.entrySet()) {
            Optional<DemoLeavers.Leaver> leaver = DemoLeavers.of(OPTIONS.seed(), customer.getKey());
            if (leaver.isEmpty()) {
                continue;
            }
            leavers++;
            BigDecimal movedOut = customer.getValue().multiply(BigDecimal.valueOf(leaver.get().movedOut()))
                    .setScale(2, RoundingMode.HALF_UP);
            List<String[]> outflows = transfers.getOrDefault(customer.getKey(), List.of()).stream()
                    .filter(t -> t[4].equals("OUT") && t[6].equals("true") && new BigDecimal(t[3]).compareTo(movedOut) == 0)
                    .toList();
            assertEquals(1, outflows.size(), customer.getKey() + " moved " + movedOut + " out");
            LocalDate day = LocalDateTime.parse(outflows.get(0)[2]).toLocalDate();
            assertTrue(!day.isAfter(AS_OF.minusDays(DemoLeavers.OUTFLOW_DAYS_AGO_MIN))
                    && day.isAfter(AS_OF.minusDays(DemoDataGenerator.TRANSFER_WINDOW_DAYS)), String.join(",", outflows.get(0)));
        }
        double share = (double) leavers / CUSTOMERS;
        assertTrue(share > 0.005 && share < 0.015, "share of leavers: " + share);
    }

    @Test
    void staffAreTheDemoLogins() {
        List<String[]> staff = rows(ImportKind.STAFF);
        Set<String> ids = staff.stream().map(row -> row[0]).collect(Collectors.toSet());
        assertEquals(Set.of("rm001", "rm002", "rm003", "rm004", "rm005", "rm006", "rm007", "rm008", "rm009", "rm010",
                "sup01", "sup02", "sup03", "sup04", "sup05", "pln01", "pln02"), ids);
        Map<String, Long> supervisorsPerBranch = staff.stream().filter(row -> row[2].equals("SUPERVISOR"))
                .collect(Collectors.groupingBy(row -> row[3], Collectors.counting()));
        assertEquals(Map.of("BR001", 1L, "BR002", 1L, "BR003", 1L, "BR004", 1L, "BR005", 1L), supervisorsPerBranch);
        Set<String> managerBranches = staff.stream().filter(row -> row[2].equals("REMOTE_MANAGER"))
                .map(row -> row[3]).collect(Collectors.toSet());
        assertEquals(supervisorsPerBranch.keySet(), managerBranches);
    }

    private List<String> lines(ImportKind kind) {
        try {
            return Files.readAllLines(extracts.file(kind));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String[]> rows(ImportKind kind) {
        List<String> lines = lines(kind);
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();
    }
}
