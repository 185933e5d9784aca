package com.bank.callcenter.campaigns.rule;

import com.bank.callcenter.customers.Tier;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The rule language as the parser reads it. Rules are written as JSON with single quotes and bare
 * field names, to keep them readable in Java; the parser only ever sees the Jackson tree.
 */
class RuleParserTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .build();
    private static final String CONDITIONS = "all, any, aum, branch, churnScore, daysSinceLastContact, holding, "
            + "manager, not, outflow, payroll, tier, tierChange";

    private final RuleParser parser = new RuleParser();

    private Rule parse(String rule) {
        return parser.parse(tree(rule), "rule");
    }

    private RuleException refused(String rule) {
        return assertThrows(RuleException.class, () -> parse(rule));
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertRefusal(RuleException error, String field, String message) {
        assertAll(
                () -> assertEquals(field, error.field(), "field"),
                () -> assertEquals(field + ": " + message, error.getMessage(), "message"));
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    // ---------------------------------------------------------------- every condition, read

    @Test
    void tierListsTiersInAnyCase() {
        assertEquals(new Rule.TierIn(Set.of(Tier.LONG_TAIL, Tier.MASS)), parse("{tier: ['LONG_TAIL', 'mass']}"));
    }

    @Test
    void tierMayBeASingleName() {
        assertEquals(new Rule.TierIn(Set.of(Tier.WEALTH)), parse("{tier: 'WEALTH'}"));
    }

    @Test
    void aumReadsMinAndBelow() {
        assertEquals(new Rule.AumRange(amount("40000"), null, amount("50000")),
                parse("{aum: {min: 40000, below: 50000}}"));
    }

    @Test
    void aumReadsMaxAlone() {
        assertEquals(new Rule.AumRange(null, amount("50000"), null), parse("{aum: {max: 50000}}"));
    }

    @Test
    void aumAcceptsAmountsWrittenAsTextWithThousandsSeparators() {
        assertEquals(new Rule.AumRange(amount("40000.50"), null, null), parse("{aum: {min: '40,000.50'}}"));
    }

    @Test
    void aumMinMayEqualMax() {
        assertEquals(new Rule.AumRange(amount("50000"), amount("50000"), null),
                parse("{aum: {min: 50000, max: 50000}}"));
    }

    @Test
    void branchListsBranchIdsAndTakesNumbersAsNames() {
        assertEquals(new Rule.BranchIn(Set.of("BR001", "1002")), parse("{branch: ['BR001', 1002]}"));
    }

    @Test
    void managerAssigned() {
        assertEquals(new Rule.Manager(false, null), parse("{manager: {assigned: false}}"));
    }

    @Test
    void managerIds() {
        assertEquals(new Rule.Manager(null, Set.of("rm001", "rm002")), parse("{manager: {ids: ['rm001', 'rm002']}}"));
    }

    @Test
    void managerAssignedAndIdsTogether() {
        assertEquals(new Rule.Manager(true, Set.of("rm001")), parse("{manager: {assigned: true, ids: 'rm001'}}"));
    }

    @Test
    void payrollTrue() {
        assertEquals(new Rule.Payroll(true), parse("{payroll: true}"));
    }

    @Test
    void payrollFalse() {
        assertEquals(new Rule.Payroll(false), parse("{payroll: false}"));
    }

    @Test
    void holdingReadsTypesAmountAndMaturityRange() {
        assertEquals(new Rule.Holding(Set.of("TIME_DEPOSIT", "WEALTH"), amount("10000"), new Rule.DayRange(3, 15)),
                parse("{holding: {types: ['TIME_DEPOSIT', 'WEALTH'], minAmount: 10000, maturesWithinDays: {from: 3, to: 15}}}"));
    }

    @Test
    void holdingTypesAreUpperCased() {
        assertEquals(new Rule.Holding(Set.of("PRECIOUS_METAL"), null, null), parse("{holding: {types: 'precious_metal'}}"));
    }

    @Test
    void holdingMaturityRangeStartsTodayWithoutFrom() {
        assertEquals(new Rule.Holding(null, null, new Rule.DayRange(0, 30)),
                parse("{holding: {maturesWithinDays: {to: 30}}}"));
    }

    @Test
    void holdingWithNoPartsIsAnyHolding() {
        assertEquals(new Rule.Holding(null, null, null), parse("{holding: {}}"));
    }

    @Test
    void outflowReadsAllItsFields() {
        assertEquals(new Rule.Outflow(amount("10000"), 7, false),
                parse("{outflow: {minAmount: 10000, withinDays: 7, sameName: false}}"));
    }

    @Test
    void outflowCountsSameNameTransfersOnlyUnlessToldOtherwise() {
        assertEquals(new Rule.Outflow(amount("10000"), 7, true), parse("{outflow: {minAmount: 10000, withinDays: 7}}"));
    }

    @Test
    void tierChangeSinceLastMonthEnd() {
        assertEquals(new Rule.TierChange(Rule.TierChange.Direction.DOWN, new Rule.Since(true, null, null)),
                parse("{tierChange: {direction: 'DOWN', since: 'LAST_MONTH_END'}}"));
    }

    @Test
    void tierChangeDirectionAndLastMonthEndIgnoreCase() {
        assertEquals(new Rule.TierChange(Rule.TierChange.Direction.UP, new Rule.Since(true, null, null)),
                parse("{tierChange: {direction: 'up', since: 'last_month_end'}}"));
    }

    @Test
    void tierChangeSinceADate() {
        assertEquals(new Rule.TierChange(Rule.TierChange.Direction.DOWN,
                        new Rule.Since(false, LocalDate.of(2026, 10, 31), null)),
                parse("{tierChange: {direction: 'DOWN', since: '2026-10-31'}}"));
    }

    @Test
    void tierChangeSinceDaysAgo() {
        assertEquals(new Rule.TierChange(Rule.TierChange.Direction.UP, new Rule.Since(false, null, 30)),
                parse("{tierChange: {direction: 'UP', since: {daysAgo: 30}}}"));
    }

    @Test
    void daysSinceLastContactReadsMin() {
        assertEquals(new Rule.DaysSinceLastContact(90), parse("{daysSinceLastContact: {min: 90}}"));
    }

    @Test
    void daysMayBeZeroOrTheMaximum() {
        assertEquals(List.of(new Rule.DaysSinceLastContact(0), new Rule.DaysSinceLastContact(3660)),
                List.of(parse("{daysSinceLastContact: {min: 0}}"), parse("{daysSinceLastContact: {min: 3660}}")));
    }

    @Test
    void churnScoreReadsMin() {
        assertEquals(new Rule.ChurnScore(amount("60")), parse("{churnScore: {min: 60}}"));
    }

    @Test
    void churnScoreOfOneHundredIsAllowed() {
        assertEquals(new Rule.ChurnScore(amount("100")), parse("{churnScore: {min: 100}}"));
    }

    // ---------------------------------------------------------------- all / any / not

    @Test
    void allAnyAndNotNestIntoATree() {
        Rule rule = parse("""
                {all: [
                  {branch: 'BR001'},
                  {any: [{tier: 'MASS'}, {not: {payroll: true}}]}
                ]}""");

        assertEquals(new Rule.All(List.of(
                new Rule.BranchIn(Set.of("BR001")),
                new Rule.Any(List.of(
                        new Rule.TierIn(Set.of(Tier.MASS)),
                        new Rule.Not(new Rule.Payroll(true)))))), rule);
    }

    @Test
    void allKeepsItsRulesInOrder() {
        assertEquals(new Rule.All(List.of(new Rule.Payroll(true), new Rule.Payroll(false))),
                parse("{all: [{payroll: true}, {payroll: false}]}"));
    }

    @Test
    void yamlAsInCampaignFilesReadsLikeJson() throws JsonProcessingException {
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree("""
                all:
                  - tier: [LONG_TAIL]
                  - tierChange: {direction: DOWN, since: 2026-10-31}
                  - aum: {min: 40000, below: 50000}
                """);

        assertEquals(new Rule.All(List.of(
                new Rule.TierIn(Set.of(Tier.LONG_TAIL)),
                new Rule.TierChange(Rule.TierChange.Direction.DOWN, new Rule.Since(false, LocalDate.of(2026, 10, 31), null)),
                new Rule.AumRange(amount("40000"), null, amount("50000")))), parser.parse(yaml, "rule"));
    }

    // ---------------------------------------------------------------- reference dates

    @Test
    void lastMonthEndIsTheDayBeforeTheFirstOfTheMonth() {
        assertEquals(LocalDate.of(2024, 2, 29), new Rule.Since(true, null, null).resolve(LocalDate.of(2024, 3, 1)));
    }

    @Test
    void daysAgoCountsBackFromTheListDate() {
        assertEquals(LocalDate.of(2026, 10, 21), new Rule.Since(false, null, 30).resolve(LocalDate.of(2026, 11, 20)));
    }

    @Test
    void aFixedDateIsThatDate() {
        assertEquals(LocalDate.of(2026, 1, 31),
                new Rule.Since(false, LocalDate.of(2026, 1, 31), null).resolve(LocalDate.of(2026, 11, 20)));
    }

    // ---------------------------------------------------------------- mistakes, each naming its field

    @Test
    void aRefusedRuleIsABadRequestNamedBadRuleWithTheFieldAsExtension() {
        RuleException error = refused("{payroll: 'yes'}");

        assertAll(
                () -> assertEquals(400, error.status()),
                () -> assertEquals("bad-rule", error.code()),
                () -> assertEquals(Map.of("field", "rule.payroll"), error.extensions()));
    }

    @Test
    void missingRuleIsRequired() {
        assertRefusal(assertThrows(RuleException.class, () -> parser.parse(null, "rule")), "rule", "a rule is required");
    }

    @Test
    void missingNodeIsRequired() {
        assertRefusal(assertThrows(RuleException.class, () -> parser.parse(MissingNode.getInstance(), "rule")),
                "rule", "a rule is required");
    }

    @Test
    void fieldPathsStartAtThePathGiven() {
        assertRefusal(assertThrows(RuleException.class,
                        () -> parser.parse(tree("{all: [{tier: 'GOLD'}]}"), "campaigns[2].rule")),
                "campaigns[2].rule.all[0].tier", "unknown tier GOLD; tiers are [PRIVATE_BANKING, WEALTH, MID_HIGH, LONG_TAIL, MASS]");
    }

    @Test
    void fieldPathsFollowTheNestingThroughAllAnyAndNot() {
        assertRefusal(refused("{all: [{tier: 'MASS'}, {any: [{payroll: true}, {not: {holding: {types: ['BOND']}}}]}]}"),
                "rule.all[1].any[1].not.holding.types",
                "unknown product type BOND; types are [CURRENT_DEPOSIT, FUND, INSURANCE, PRECIOUS_METAL, TIME_DEPOSIT, WEALTH]");
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            null                                   | rule        | a rule is required
            {not: null}                            | rule.not    | a rule is required
            {}                                     | rule        | a rule is an object with exactly one of %1$s
            {tier: 'MASS', payroll: true}          | rule        | a rule is an object with exactly one of %1$s
            ['tier']                               | rule        | a rule is an object with exactly one of %1$s
            {all: ['tier']}                        | rule.all[0] | a rule is an object with exactly one of %1$s
            {vip: true}                            | rule.vip    | unknown condition; known are %1$s
            {any: [{payroll: true}, {Tier: 'MASS'}]} | rule.any[1].Tier | unknown condition; known are %1$s
            {all: []}                              | rule.all    | must be a non-empty list of rules
            {any: {tier: 'MASS'}}                  | rule.any    | must be a non-empty list of rules
            """)
    void malformedRuleStructureIsRefused(String rule, String field, String message) {
        assertRefusal(refused(rule), field, message.formatted(CONDITIONS));
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            {aum: 40000}                                           | rule.aum                               | must be an object with min, max, below
            {manager: true}                                        | rule.manager                           | must be an object with assigned, ids
            {holding: {maturesWithinDays: 15}}                     | rule.holding.maturesWithinDays         | must be an object with from, to
            {daysSinceLastContact: 90}                             | rule.daysSinceLastContact              | must be an object with min
            {aum: {min: 1, above: 5}}                              | rule.aum.above                         | unknown field; allowed are min, max, below
            {holding: {types: 'FUND', maturity: 5}}                | rule.holding.maturity                  | unknown field; allowed are types, minAmount, maturesWithinDays
            {holding: {maturesWithinDays: {to: 5, until: 9}}}      | rule.holding.maturesWithinDays.until   | unknown field; allowed are from, to
            {outflow: {minAmount: 1, withinDays: 7, days: 3}}      | rule.outflow.days                      | unknown field; allowed are minAmount, withinDays, sameName
            {tierChange: {direction: 'UP', since: {monthsAgo: 1}}} | rule.tierChange.since.monthsAgo        | unknown field; allowed are daysAgo
            {churnScore: {max: 60}}                                | rule.churnScore.max                    | unknown field; allowed are min
            {outflow: {withinDays: 7}}                             | rule.outflow.minAmount                 | is required
            {outflow: {minAmount: 1}}                              | rule.outflow.withinDays                | is required
            {holding: {maturesWithinDays: {from: 3}}}              | rule.holding.maturesWithinDays.to      | is required
            {tierChange: {since: 'LAST_MONTH_END'}}                | rule.tierChange.direction              | is required
            {tierChange: {direction: 'DOWN'}}                      | rule.tierChange.since                  | is required
            {tierChange: {direction: 'DOWN', since: {}}}           | rule.tierChange.since.daysAgo          | is required
            {daysSinceLastContact: {}}                             | rule.daysSinceLastContact.min          | is required
            {churnScore: {min: null}}                              | rule.churnScore.min                    | is required
            """)
    void malformedFieldsAreRefused(String rule, String field, String message) {
        assertRefusal(refused(rule), field, message);
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            {branch: [['BR001']]}                              | rule.branch                        | must list names
            {manager: {ids: [true]}}                           | rule.manager.ids                   | must list names
            {branch: []}                                       | rule.branch                        | must be a name or a non-empty list of names
            {tier: 3}                                          | rule.tier                          | must be a name or a non-empty list of names
            {holding: {types: []}}                             | rule.holding.types                 | must be a name or a non-empty list of names
            {payroll: 'yes'}                                   | rule.payroll                       | must be true or false
            {manager: {assigned: 1}}                           | rule.manager.assigned              | must be true or false
            {outflow: {minAmount: 1, withinDays: 7, sameName: 'no'}} | rule.outflow.sameName        | must be true or false
            {aum: {min: 'lots'}}                               | rule.aum.min                       | must be a number
            {holding: {minAmount: true}}                       | rule.holding.minAmount             | must be a number
            {churnScore: {min: '60%'}}                         | rule.churnScore.min                | must be a number
            {aum: {below: -1}}                                 | rule.aum.below                     | must not be negative
            {outflow: {minAmount: '-5', withinDays: 7}}        | rule.outflow.minAmount             | must not be negative
            {daysSinceLastContact: {min: 1.5}}                 | rule.daysSinceLastContact.min      | must be a whole number of days
            {daysSinceLastContact: {min: '90'}}                | rule.daysSinceLastContact.min      | must be a whole number of days
            {outflow: {minAmount: 1, withinDays: 10000000000}} | rule.outflow.withinDays            | must be a whole number of days
            {daysSinceLastContact: {min: 3661}}                | rule.daysSinceLastContact.min      | must be between 0 and 3660 days
            {holding: {maturesWithinDays: {from: -1, to: 5}}}  | rule.holding.maturesWithinDays.from | must be between 0 and 3660 days
            {tierChange: {direction: 'UP', since: {daysAgo: 4000}}} | rule.tierChange.since.daysAgo | must be between 0 and 3660 days
            """)
    void malformedValuesAreRefused(String rule, String field, String message) {
        assertRefusal(refused(rule), field, message);
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            {tier: ['MASS', 'GOLD']}                                | rule.tier                 | unknown tier GOLD; tiers are [PRIVATE_BANKING, WEALTH, MID_HIGH, LONG_TAIL, MASS]
            {aum: {}}                                               | rule.aum                  | give at least one of min, max, below
            {aum: {min: 60000, max: 50000}}                         | rule.aum.min              | min 60000 is above the upper bound 50000
            {aum: {min: 60000, below: 50000}}                       | rule.aum.min              | min 60000 is not below the exclusive upper bound 50000
            {manager: {}}                                           | rule.manager              | give assigned (true/false) or ids
            {holding: {types: ['FUND', 'bond']}}                    | rule.holding.types        | unknown product type bond; types are [CURRENT_DEPOSIT, FUND, INSURANCE, PRECIOUS_METAL, TIME_DEPOSIT, WEALTH]
            {holding: {maturesWithinDays: {from: 9, to: 3}}}        | rule.holding.maturesWithinDays.from | from 9 is after to 3
            {outflow: {minAmount: 10000, withinDays: 0}}            | rule.outflow.withinDays   | must be at least 1
            {tierChange: {direction: 'SIDEWAYS', since: 'LAST_MONTH_END'}} | rule.tierChange.direction | must be DOWN or UP
            {tierChange: {direction: 'DOWN', since: 'last week'}}   | rule.tierChange.since     | must be LAST_MONTH_END, a date YYYY-MM-DD or {daysAgo: N}
            {tierChange: {direction: 'DOWN', since: '2026-02-30'}}  | rule.tierChange.since     | must be LAST_MONTH_END, a date YYYY-MM-DD or {daysAgo: N}
            {churnScore: {min: 100.5}}                              | rule.churnScore.min       | a churn score is between 0 and 100
            """)
    void impossibleConditionValuesAreRefused(String rule, String field, String message) {
        assertRefusal(refused(rule), field, message);
    }

    @Test
    void aumRangeWithMinAtTheExclusiveUpperBoundIsRefused() {
        assertRefusal(refused("{aum: {min: 50000, below: 50000}}"), "rule.aum.min",
                "min 50000 is not below the exclusive upper bound 50000");
    }

    @Test
    void aumRangeWithMinAboveMaxIsRefusedEvenWithBelowGiven() {
        assertRefusal(refused("{aum: {min: 60000, max: 50000, below: 70000}}"), "rule.aum.min",
                "min 60000 is above the upper bound 50000");
    }
}
