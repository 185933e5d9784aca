package com.bank.callcenter.campaigns;

import com.bank.callcenter.customers.Tier;
import com.bank.callcenter.campaigns.rule.Rule;
import com.bank.callcenter.campaigns.rule.RuleParser;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The campaign files shipped in campaigns/ (the real folder): each loads, validates and says what DOMAIN.md says. */
class CampaignShippedFilesTest {

    private static final Path SHIPPED = Path.of("campaigns");
    private static ValidatorFactory validation;
    private static CampaignFileReader reader;
    private final RuleParser rules = new RuleParser();

    @BeforeAll
    static void reader() {
        validation = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        reader = new CampaignFileReader(validation.getValidator());
    }

    @AfterAll
    static void close() {
        validation.close();
    }

    static List<Path> shippedFiles() {
        return CampaignFileReader.campaignFiles(SHIPPED);
    }

    private static CampaignDefinition campaign(String id) {
        return reader.read(SHIPPED.resolve(id + ".yaml"));
    }

    @Test
    void theSevenCampaignsOfTheDomainAreShippedWithTheirChannels() {
        Map<String, Channel> channels = shippedFiles().stream().map(reader::read)
                .collect(Collectors.toMap(CampaignDefinition::id, CampaignDefinition::channel));
        assertEquals(Map.of(
                "maturing-retention", Channel.AGENT_CALL,
                "long-tail-activation", Channel.ROBOT_CALL,
                "cross-bank-outflow", Channel.AGENT_CALL,
                "tier-downgrade-winback", Channel.AGENT_CALL,
                "near-upgrade", Channel.AGENT_CALL,
                "payroll-prospects", Channel.ROBOT_CALL,
                "churn-risk", Channel.AGENT_CALL), channels);
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void fileParsesValidatesAndIsNamedForItsId(Path file) {
        CampaignDefinition definition = reader.read(file);
        assertNotNull(rules.parse(definition.rule(), "rule"));
        assertEquals(definition.id() + ".yaml", file.getFileName().toString());
        assertEquals(null, definition.state(), "shipped campaigns start as drafts");
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void fileHasAChineseNamePurposeScriptAndSmsTemplate(Path file) {
        CampaignDefinition definition = reader.read(file);
        assertTrue(definition.name().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                definition.name());
        assertFalse(definition.purpose() == null || definition.purpose().isBlank());
        assertTrue(definition.script() != null && definition.script().contains("不再打扰"),
                "the script offers to stop the calls");
        assertTrue(definition.sms() != null && !definition.sms().template().isBlank());
        assertFalse(definition.sms().template().contains("TD退订"), "the unsubscribe tail is added by the sender");
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void fileCallsOnWorkingDaysFromNineToEight(Path file) {
        CampaignDefinition.Schedule schedule = reader.read(file).schedule();
        assertEquals(LocalTime.of(9, 0), schedule.windowStart());
        assertEquals(LocalTime.of(20, 0), schedule.windowEnd());
        assertEquals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), EnumSet.copyOf(schedule.workingDays()));
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void fileKeepsTheFrequencyCapAndRetriesByOutcome(Path file) {
        CampaignDefinition definition = reader.read(file);
        assertNotNull(definition.order());
        CampaignDefinition.ContactPolicy policy = definition.contactPolicy();
        assertEquals(7, policy.frequencyCapDays());
        assertEquals(new CampaignDefinition.Retry(240, 3), policy.retries().get("NO_ANSWER"));
        assertEquals(new CampaignDefinition.Retry(30, 3), policy.retries().get("BUSY"));
    }

    @Test
    void maturingRetentionCallsTheBookAboutDepositsAndWealthMaturingInThreeToFifteenDays() {
        CampaignDefinition definition = campaign("maturing-retention");
        assertEquals(new Rule.All(List.of(new Rule.TierIn(Set.of(Tier.LONG_TAIL)),
                        new Rule.Holding(Set.of("TIME_DEPOSIT", "WEALTH"), null, new Rule.DayRange(3, 15)))),
                rules.parse(definition.rule(), "rule"));
        assertEquals(new CampaignDefinition.Order(CampaignDefinition.Order.OrderBy.MATURITY_DATE,
                CampaignDefinition.Order.Direction.ASC), definition.order());
    }

    @Test
    void longTailActivationIsARobotCallAfterNinetyDaysWithoutContact() {
        assertEquals(new Rule.All(List.of(new Rule.TierIn(Set.of(Tier.LONG_TAIL)), new Rule.DaysSinceLastContact(90))),
                rules.parse(campaign("long-tail-activation").rule(), "rule"));
    }

    @Test
    void crossBankOutflowRunsFirstBiggestOutflowFirst() {
        CampaignDefinition definition = campaign("cross-bank-outflow");
        assertEquals(new Rule.Outflow(BigDecimal.valueOf(10000), 7, true), rules.parse(definition.rule(), "rule"));
        assertEquals(CampaignDefinition.Order.OrderBy.OUTFLOW_AMOUNT, definition.order().by());
        assertEquals(CampaignDefinition.Order.Direction.DESC, definition.order().direction());
        int lowestOfTheOthers = shippedFiles().stream().map(reader::read)
                .filter(other -> !other.id().equals(definition.id()))
                .mapToInt(other -> other.priority() == null ? 100 : other.priority()).min().orElseThrow();
        assertTrue(definition.priority() < lowestOfTheOthers);
    }

    @Test
    void tierDowngradeWinBackLooksBackToTheLastMonthEnd() {
        assertEquals(new Rule.TierChange(Rule.TierChange.Direction.DOWN, new Rule.Since(true, null, null)),
                rules.parse(campaign("tier-downgrade-winback").rule(), "rule"));
    }

    @Test
    void nearUpgradeIsOneStepBelowMidHigh() {
        assertEquals(new Rule.AumRange(BigDecimal.valueOf(40000), null, BigDecimal.valueOf(50000)),
                rules.parse(campaign("near-upgrade").rule(), "rule"));
    }

    @Test
    void payrollProspectsAreMassPayrollCustomersWithoutAManager() {
        assertEquals(new Rule.All(List.of(new Rule.TierIn(Set.of(Tier.MASS)), new Rule.Payroll(true),
                        new Rule.Manager(false, null))),
                rules.parse(campaign("payroll-prospects").rule(), "rule"));
    }

    @Test
    void churnRiskTakesScoresFromSixtyHighestFirst() {
        CampaignDefinition definition = campaign("churn-risk");
        assertEquals(new Rule.ChurnScore(BigDecimal.valueOf(60)), rules.parse(definition.rule(), "rule"));
        assertEquals(CampaignDefinition.Order.OrderBy.CHURN_SCORE, definition.order().by());
        assertEquals(CampaignDefinition.Order.Direction.DESC, definition.order().direction());
    }
}
