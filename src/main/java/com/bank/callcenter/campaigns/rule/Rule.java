package com.bank.callcenter.campaigns.rule;

import com.bank.callcenter.customers.Tier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A target-list rule as a planner writes it (YAML or JSON): conditions on the customer book,
 * combined with all / any / not. Every day range is relative to the list's date (asOf).
 */
public sealed interface Rule {

    record All(List<Rule> rules) implements Rule {
    }

    record Any(List<Rule> rules) implements Rule {
    }

    record Not(Rule rule) implements Rule {
    }

    /** tier: [LONG_TAIL, MASS] */
    record TierIn(Set<Tier> tiers) implements Rule {
    }

    /** aum: {min: 40000, below: 50000} — min inclusive, max inclusive, below exclusive. */
    record AumRange(BigDecimal min, BigDecimal max, BigDecimal below) implements Rule {
    }

    /** branch: [BR001, BR002] — the attributed branch. */
    record BranchIn(Set<String> branches) implements Rule {
    }

    /** manager: {assigned: true} or manager: {ids: [rm001]} */
    record Manager(Boolean assigned, Set<String> ids) implements Rule {
    }

    /** payroll: true */
    record Payroll(boolean payroll) implements Rule {
    }

    /**
     * holding: {types: [TIME_DEPOSIT, WEALTH], minAmount: 10000, maturesWithinDays: {from: 3, to: 15}}
     * — some holding matches all the given parts.
     */
    record Holding(Set<String> types, BigDecimal minAmount, DayRange maturesWithinDays) implements Rule {
    }

    /** outflow: {minAmount: 10000, withinDays: 7, sameName: true} — total outflows in the window. */
    record Outflow(BigDecimal minAmount, int withinDays, boolean sameNameOnly) implements Rule {
    }

    /** tierChange: {direction: DOWN, since: LAST_MONTH_END | 2026-10-31 | {daysAgo: 30}} */
    record TierChange(Direction direction, Since since) implements Rule {
        public enum Direction { DOWN, UP }
    }

    /** daysSinceLastContact: {min: 90} — no contact by any campaign in the last N days. */
    record DaysSinceLastContact(int min) implements Rule {
    }

    /** churnScore: {min: 60} */
    record ChurnScore(BigDecimal min) implements Rule {
    }

    /** An inclusive range of days after the list's date. */
    record DayRange(int from, int to) {
    }

    /** A reference date: the last month-end before asOf, a fixed date, or N days before asOf. */
    record Since(boolean lastMonthEnd, LocalDate date, Integer daysAgo) {

        public LocalDate resolve(LocalDate asOf) {
            if (lastMonthEnd) {
                return asOf.withDayOfMonth(1).minusDays(1);
            }
            return date != null ? date : asOf.minusDays(daysAgo);
        }
    }
}
