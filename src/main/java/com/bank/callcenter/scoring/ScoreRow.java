package com.bank.callcenter.scoring;

import java.math.BigDecimal;
import java.util.List;

/** One RM's score for one period, with every indicator's measured value, target and points. */
public record ScoreRow(String staffId, String name, String branchId, String period, BigDecimal quantitative,
                       BigDecimal qualitative, BigDecimal deduction, BigDecimal total, boolean closed,
                       Standard standard, List<IndicatorScore> indicators) {

    /** The effective-call standard of the period: S = per-day standard × working days W. */
    public record Standard(int workingDays, long effectiveCalls, long shortfall) {
    }

    /** One indicator: how it is scored, its base, what was measured, the target, the points (2 decimals). */
    public record IndicatorScore(Indicator code, ScoringMethod method, BigDecimal base, BigDecimal measured,
                                 BigDecimal target, BigDecimal points) {
    }
}
