package com.bank.callcenter.scoring;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Points by hand: target ratio, the standard-deviation method, rounding, cap, floor, the deduction. */
class ScorePointsTest {

    private static final BigDecimal K = new BigDecimal("0.25");

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static List<BigDecimal> peers(int... values) {
        return java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
    }

    @Test
    void targetRatioIsCappedAtOneAndAHalfTimesBaseAndRoundedHalfUp() {
        assertEquals(d("175.00"), PeriodScores.ratioPoints(Indicator.KEY_PRODUCTS, d("7"), d("10")));
        assertEquals(d("375.00"), PeriodScores.ratioPoints(Indicator.KEY_PRODUCTS, d("20"), d("10")), "cap 1.5 × 250");
        assertEquals(d("0.00"), PeriodScores.ratioPoints(Indicator.KEY_PRODUCTS, d("0"), d("10")));
        assertEquals(d("0.00"), PeriodScores.ratioPoints(Indicator.ASSET_INCREMENT, d("-30000"), d("500000")), "floor 0");
        assertEquals(d("63.49"), PeriodScores.ratioPoints(Indicator.CALLS, d("1000"), d("1260")), "80 × 1000 / 1260 = 63.492…");
        // 150 × 3 / 16 = 28.125: HALF_UP gives 28.13 (HALF_EVEN would give 28.12)
        assertEquals(d("28.13"), PeriodScores.ratioPoints(Indicator.CUSTOMER_DEVELOPMENT, d("3"), d("16")));
        assertEquals(d("0.00"), PeriodScores.ratioPoints(Indicator.SMS, d("5"), null), "no target, no points");
    }

    @Test
    void standardDeviationUsesThePopulationSigma() {
        // peers 10, 20, 30: μ = 20, σ = √(200 / 3) = 8.16497; 250 × (1 ± 0.25 × 10 / 8.16497)
        assertEquals(d("326.55"), PeriodScores.deviationPoints(Indicator.KEY_PRODUCTS, d("30"), peers(10, 20, 30), K));
        assertEquals(d("173.45"), PeriodScores.deviationPoints(Indicator.KEY_PRODUCTS, d("10"), peers(10, 20, 30), K));
        assertEquals(d("250.00"), PeriodScores.deviationPoints(Indicator.KEY_PRODUCTS, d("20"), peers(10, 20, 30), K));
    }

    @Test
    void standardDeviationWithSigmaZeroGivesTheBaseAndIsClampedLikeTheRatio() {
        assertEquals(d("250.00"), PeriodScores.deviationPoints(Indicator.KEY_PRODUCTS, d("4"), peers(4, 4, 4), K));
        // peers 0, 0, 0, 100: μ = 25, σ = √1875 = 43.30127
        assertEquals(d("358.25"), PeriodScores.deviationPoints(Indicator.KEY_PRODUCTS, d("100"), peers(0, 0, 0, 100), K));
        assertEquals(d("375.00"), PeriodScores.deviationPoints(Indicator.KEY_PRODUCTS, d("100"), peers(0, 0, 0, 100),
                BigDecimal.ONE), "k = 1: 683.01 capped");
        assertEquals(d("105.66"), PeriodScores.deviationPoints(Indicator.KEY_PRODUCTS, d("0"), peers(0, 0, 0, 100),
                BigDecimal.ONE), "250 × (1 − 25 / 43.30127)");
        assertEquals(d("0.00"), PeriodScores.deviationPoints(Indicator.KEY_PRODUCTS, d("0"), peers(0, 0, 0, 100),
                BigDecimal.valueOf(2)), "floor 0");
    }

    @Test
    void theDeductionIsProportionalToTheShortfallAndCapped() {
        assertEquals(d("0.00"), PeriodScores.deduction(1260, 1260, 100));
        assertEquals(d("0.00"), PeriodScores.deduction(1300, 1260, 100));
        assertEquals(d("20.63"), PeriodScores.deduction(1000, 1260, 100), "100 × 260 / 1260 = 20.6349…");
        assertEquals(d("100.00"), PeriodScores.deduction(0, 1260, 100));
        assertEquals(d("50.00"), PeriodScores.deduction(0, 1260, 50), "max-deduction");
        assertEquals(d("0.00"), PeriodScores.deduction(0, 0, 100), "no working day, no standard");
    }
}
