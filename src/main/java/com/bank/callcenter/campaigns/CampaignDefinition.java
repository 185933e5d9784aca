package com.bank.callcenter.campaigns;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

/**
 * A campaign as a planner defines it, in a YAML file under campaigns/ or as JSON through the
 * API. Unknown fields are errors (they are usually typos).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record CampaignDefinition(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be a slug: lower-case letters, digits and -")
        String id,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String purpose,
        @NotNull Channel channel,
        /** lower runs first when campaigns compete for the same customer */
        @Min(0) @Max(1000) Integer priority,
        @Valid Order order,
        /** the rule tree, read by {@link com.bank.callcenter.targeting.rule.RuleParser} */
        @NotNull JsonNode rule,
        @Valid Schedule schedule,
        @Valid ContactPolicy contactPolicy,
        @Size(max = 20000) String script,
        @Valid Sms sms) {

    /** How entries of a list are ordered (priority 1 first). */
    public record Order(@NotNull OrderBy by, Direction direction) {
        public enum OrderBy { MATURITY_DATE, AUM, OUTFLOW_AMOUNT, CHURN_SCORE, CUSTOMER_ID }

        public enum Direction { ASC, DESC }
    }

    /** When the campaign may contact customers (Asia/Shanghai). */
    public record Schedule(LocalDate from, LocalDate to, LocalTime windowStart, LocalTime windowEnd,
                           Set<DayOfWeek> workingDays) {
    }

    /** How often a customer may be contacted and how failed attempts are retried, by outcome. */
    public record ContactPolicy(@Min(0) @Max(365) Integer frequencyCapDays, Map<String, @Valid Retry> retries) {
    }

    public record Retry(@Min(0) Integer afterMinutes, @Min(1) @Max(20) Integer maxAttempts) {
    }

    /** The SMS template: variables as {name}; the bank signature and 回复TD退订 are always added. */
    public record Sms(@Size(max = 500) String template) {
    }
}
