package com.bank.callcenter.targeting;

import com.bank.callcenter.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each campaign file shipped in campaigns/ on hand-made data whose expected entries are known. */
@QuarkusTest
class ShippedCampaignsTest {

    private static final String AS_OF = "2026-11-20";
    private static final LocalDate DAY = LocalDate.parse(AS_OF);

    @SuppressWarnings("unchecked")
    private static List<String> entries(String campaign) {
        return Api.planner().when().post("/api/campaigns/" + campaign + "/preview?asOf=" + AS_OF)
                .then().statusCode(200).extract().path("sample.customerId");
    }

    @Test
    void maturingRetentionCallsLongTailCustomersBeforeTheirDepositsMature() {
        Book book = new Book("SC-MAT").withManager();
        book.holding(book.customer("SCM-soon", "LONG_TAIL", 20000), "TIME_DEPOSIT", 20000, DAY.plusDays(3));
        book.holding(book.customer("SCM-later", "LONG_TAIL", 20000), "WEALTH", 20000, DAY.plusDays(15));
        book.holding(book.customer("SCM-tomorrow", "LONG_TAIL", 20000), "TIME_DEPOSIT", 20000, DAY.plusDays(1));
        book.holding(book.customer("SCM-mid", "MID_HIGH", 80000), "TIME_DEPOSIT", 20000, DAY.plusDays(5));
        book.holding(book.customer("SCM-fund", "LONG_TAIL", 20000), "FUND", 20000, DAY.plusDays(5));
        assertEquals(List.of("SCM-soon", "SCM-later"), entries(book.shippedCampaign("maturing-retention", "t-mat")));
    }

    @Test
    void longTailActivationReachesLongTailCustomersQuietForNinetyDays() {
        Book book = new Book("SC-ACT").withManager();
        book.customer("SCA-small", "LONG_TAIL", 15000);
        book.customer("SCA-big", "LONG_TAIL", 45000);
        book.contacted(book.customer("SCA-recent", "LONG_TAIL", 30000), "2026-10-01T10:00:00+08:00");
        book.customer("SCA-mass", "MASS", 3000);
        assertEquals(List.of("SCA-big", "SCA-small"), entries(book.shippedCampaign("long-tail-activation", "t-act")));
    }

    @Test
    void crossBankOutflowCallsTheLargestSameNameOutflowsFirst() {
        Book book = new Book("SC-OUT").withManager();
        book.outflow(book.customer("SCO-10k", "LONG_TAIL", 30000), 10000, "2026-11-19T09:00:00+08:00", true);
        book.outflow(book.customer("SCO-40k", "MID_HIGH", 90000), 40000, "2026-11-18T09:00:00+08:00", true);
        book.outflow(book.customer("SCO-9k", "LONG_TAIL", 30000), 9999.99, "2026-11-19T09:00:00+08:00", true);
        book.outflow(book.customer("SCO-gift", "LONG_TAIL", 30000), 50000, "2026-11-19T09:00:00+08:00", false);
        assertEquals(List.of("SCO-40k", "SCO-10k"), entries(book.shippedCampaign("cross-bank-outflow", "t-out")));
    }

    @Test
    void tierDowngradeWinbackFindsWhoDroppedSinceTheLastMonthEnd() {
        Book book = new Book("SC-DOWN").withManager();
        LocalDate monthEnd = LocalDate.parse("2026-10-31");
        book.snapshot(book.customer("SCD-dropped", "LONG_TAIL", 40000), monthEnd, "MID_HIGH", 70000);
        book.snapshot(book.customer("SCD-fell-far", "MASS", 5000), monthEnd, "WEALTH", 300000);
        book.snapshot(book.customer("SCD-steady", "LONG_TAIL", 40000), monthEnd, "LONG_TAIL", 41000);
        book.customer("SCD-new", "MASS", 100);
        assertEquals(List.of("SCD-dropped", "SCD-fell-far"), entries(book.shippedCampaign("tier-downgrade-winback", "t-down")));
    }

    @Test
    void nearUpgradeFindsCustomersOneStepBelowMidHigh() {
        Book book = new Book("SC-NEAR").withManager();
        book.customer("SCN-40000", "LONG_TAIL", 40000);
        book.customer("SCN-49999", "LONG_TAIL", 49999.99);
        book.customer("SCN-39999", "LONG_TAIL", 39999.99);
        book.customer("SCN-50000", "MID_HIGH", 50000);
        assertEquals(List.of("SCN-49999", "SCN-40000"), entries(book.shippedCampaign("near-upgrade", "t-near")));
    }

    @Test
    void payrollProspectsAreMassPayrollCustomersWithoutAManager() {
        Book book = new Book("SC-PAY").withManager();
        book.manager("sc-pay-rm");
        book.customer("SCP-prospect", "MASS", 3000, "ACTIVE", book.mobile(), true, null);
        book.customer("SCP-managed", "MASS", 3000, "ACTIVE", book.mobile(), true, "sc-pay-rm");
        book.customer("SCP-no-payroll", "MASS", 3000, "ACTIVE", book.mobile(), false, null);
        book.customer("SCP-long-tail", "LONG_TAIL", 20000, "ACTIVE", book.mobile(), true, null);
        // a robot campaign: nobody's book holds these customers, so no RM's queue could serve them
        String campaign = book.shippedCampaign("payroll-prospects", "t-pay");
        assertEquals(List.of("SCP-prospect"), entries(campaign));
        Api.planner().when().post("/api/campaigns/" + campaign + "/preview?asOf=" + AS_OF)
                .then().statusCode(200).body("count", org.hamcrest.Matchers.equalTo(1))
                .body("excluded.noManager", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void churnRiskFindsCustomersWhoseMoneyIsLeaving() {
        Book book = new Book("SC-CHURN").withManager();
        String leaving = book.customer("SCC-leaving", "LONG_TAIL", 10000);
        book.snapshot(leaving, LocalDate.parse("2026-10-20"), "MID_HIGH", 80000);
        book.outflow(leaving, 30000, "2026-11-10T09:00:00+08:00", true);
        book.holding(leaving, "WEALTH", 5000, DAY.minusDays(10));
        String loyal = book.customer("SCC-loyal", "LONG_TAIL", 40000);
        book.snapshot(loyal, LocalDate.parse("2026-10-20"), "LONG_TAIL", 38000);
        book.contacted(loyal, "2026-11-12T09:00:00+08:00");
        assertEquals(List.of("SCC-leaving"), entries(book.shippedCampaign("churn-risk", "t-churn")));
    }
}
