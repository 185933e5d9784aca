package com.bank.callcenter.campaigns;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A campaign as a planner defines it, in a YAML file under campaigns/ or as JSON through the
 * API. Unknown fields are errors (they are usually typos), at every level.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignDefinition(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be a slug: lower-case letters, digits and -")
        String id,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String purpose,
        @NotNull Channel channel,
        /** lower runs first when campaigns compete for the same customer */
        @Min(0) @Max(1000) Integer priority,
        @Valid Order order,
        /** the rule tree, read by {@link com.bank.callcenter.campaigns.rule.RuleParser} */
        @NotNull JsonNode rule,
        @Valid Schedule schedule,
        @Valid ContactPolicy contactPolicy,
        @Size(max = 20000) String script,
        @Valid Sms sms,
        /**
         * Only in files: the state the campaign takes when the file is loaded (default DRAFT).
         * Through the API the state changes with start / pause / end.
         */
        CampaignState state,
        /** ROBOT_CALL only: pacing and prompt; absent settings come from callcenter.robot.* */
        @Valid Robot robot,
        /** AGENT_CALL only: PREVIEW (the RM reads the card, then calls) or PROGRESSIVE (the service dials at once) */
        DialMode dialMode) {

    /** How the desk dials an AGENT_CALL campaign's entries. */
    public enum DialMode {
        /** The RM sees the card and places the call. */
        PREVIEW,
        /** The service places the call as soon as the entry is claimed and the RM is ready with no call. */
        PROGRESSIVE
    }

    /** PREVIEW unless the campaign says PROGRESSIVE. */
    @JsonIgnore
    public DialMode effectiveDialMode() {
        return dialMode == null ? DialMode.PREVIEW : dialMode;
    }

    /** How entries of a list are ordered (priority 1 first). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Order(@NotNull OrderBy by, Direction direction) {
        public enum OrderBy { MATURITY_DATE, AUM, OUTFLOW_AMOUNT, CHURN_SCORE, CUSTOMER_ID }

        public enum Direction { ASC, DESC }
    }

    /** When the campaign may contact customers (Asia/Shanghai). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Schedule(LocalDate from, LocalDate to, LocalTime windowStart, LocalTime windowEnd,
                           Set<DayOfWeek> workingDays) {

        @JsonIgnore
        @AssertTrue(message = "windowStart must be before windowEnd")
        public boolean isWindowInOrder() {
            return windowStart == null || windowEnd == null || windowStart.isBefore(windowEnd);
        }

        @JsonIgnore
        @AssertTrue(message = "from must not be after to")
        public boolean isDatesInOrder() {
            return from == null || to == null || !from.isAfter(to);
        }
    }

    /** How often a customer may be contacted and how failed attempts are retried, by outcome. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContactPolicy(@Min(0) @Max(365) Integer frequencyCapDays, Map<String, @Valid Retry> retries) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Retry(@Min(0) Integer afterMinutes, @Min(1) @Max(20) Integer maxAttempts) {
    }

    /** The SMS template: variables as {name}; the bank signature and 回复TD退订 are always added. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sms(@Size(max = 500) String template) {
    }

    /** How the robot dialer paces a ROBOT_CALL campaign and what it plays. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Robot(@Min(1) @Max(1000) Integer concurrency,
                        @DecimalMin("0.1") @DecimalMax("1000") Double callsPerSecond,
                        @Pattern(regexp = "[A-Za-z0-9_/-]{1,100}") String prompt,
                        @Pattern(regexp = "[A-Za-z0-9_-]{1,80}") String teamQueue) {
    }

    /** The same definition with every absent setting filled from the configured defaults. */
    public CampaignDefinition withDefaults(CampaignsConfig.Defaults defaults) {
        Order fullOrder = order == null
                ? new Order(defaults.orderBy(), defaults.orderDirection())
                : new Order(order.by(), order.direction() == null ? defaults.orderDirection() : order.direction());
        Schedule fullSchedule = schedule == null
                ? new Schedule(null, null, defaults.windowStart(), defaults.windowEnd(),
                        EnumSet.copyOf(defaults.workingDays()))
                : new Schedule(schedule.from(), schedule.to(),
                        schedule.windowStart() == null ? defaults.windowStart() : schedule.windowStart(),
                        schedule.windowEnd() == null ? defaults.windowEnd() : schedule.windowEnd(),
                        EnumSet.copyOf(schedule.workingDays() == null || schedule.workingDays().isEmpty()
                                ? defaults.workingDays() : schedule.workingDays()));
        ContactPolicy fullPolicy = contactPolicy == null
                ? new ContactPolicy(defaults.frequencyCapDays(), Map.of())
                : new ContactPolicy(contactPolicy.frequencyCapDays() == null
                        ? defaults.frequencyCapDays() : contactPolicy.frequencyCapDays(),
                        contactPolicy.retries() == null ? Map.of() : contactPolicy.retries());
        return new CampaignDefinition(id, name, purpose, channel, priority == null ? defaults.priority() : priority,
                fullOrder, rule, fullSchedule, fullPolicy, script, sms, state, robot, dialMode);
    }

    /** The same definition without the file-only state (the stored state lives beside it). */
    public CampaignDefinition withoutState() {
        return new CampaignDefinition(id, name, purpose, channel, priority, order, rule, schedule, contactPolicy,
                script, sms, null, robot, dialMode);
    }
}
