package com.bank.callcenter.robot;

import com.bank.callcenter.campaigns.CampaignDefinition;
import com.bank.callcenter.campaigns.CampaignPolicies;
import com.bank.callcenter.common.RateWindow;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A campaign's robot settings as the dialer uses them: its own where it has them, else callcenter.robot.*. */
@ApplicationScoped
public class RobotSettings {

    private final RobotDialerConfig config;
    private final CampaignPolicies policies;

    public RobotSettings(RobotDialerConfig config, CampaignPolicies policies) {
        this.config = config;
        this.policies = policies;
    }

    /** One campaign's settings, read from its stored definition. */
    public record Settings(int concurrency, double callsPerSecond, String prompt, String teamQueue, int frequencyCapDays,
                           Map<String, CampaignDefinition.Retry> retries, CampaignDefinition.Schedule schedule,
                           String smsTemplate) {

        /** Calls placed within {@link #rateWindow()} at most. */
        public int callsPerWindow() {
            return new RateWindow(callsPerSecond).perWindow();
        }

        /** One second, or longer when fewer than one call per second is allowed. */
        public Duration rateWindow() {
            return new RateWindow(callsPerSecond).window();
        }
    }

    /** A stored definition (campaign.definition) as a record. */
    public CampaignDefinition definition(String definitionJson) {
        return policies.read(definitionJson);
    }

    public Settings of(String definitionJson) {
        CampaignDefinition definition = policies.read(definitionJson);
        CampaignDefinition.Robot robot = Optional.ofNullable(definition.robot())
                .orElse(new CampaignDefinition.Robot(null, null, null, null));
        CampaignDefinition.ContactPolicy policy = definition.contactPolicy();
        return new Settings(
                robot.concurrency() != null ? robot.concurrency() : config.concurrency(),
                robot.callsPerSecond() != null ? robot.callsPerSecond() : config.callsPerSecond(),
                robot.prompt() != null ? robot.prompt() : config.prompt(),
                robot.teamQueue() != null ? robot.teamQueue() : config.teamQueue(),
                policies.frequencyCapDays(definition),
                policy == null || policy.retries() == null ? Map.of() : policy.retries(),
                definition.schedule(),
                definition.sms() == null ? null : definition.sms().template());
    }

    /** The campaign's retry for an outcome: its own, else the configured default (NO_ANSWER, BUSY), else none. */
    public Optional<CampaignDefinition.Retry> retryFor(Settings settings, String outcome) {
        CampaignDefinition.Retry own = settings.retries().get(outcome);
        RobotDialerConfig.Retry fallback = "NO_ANSWER".equals(outcome) ? config.noAnswer()
                : "BUSY".equals(outcome) ? config.busy() : null;
        if (own == null && fallback == null) {
            return Optional.empty();
        }
        Integer after = own != null && own.afterMinutes() != null ? own.afterMinutes()
                : fallback != null ? fallback.afterMinutes() : 0;
        Integer max = own != null && own.maxAttempts() != null ? own.maxAttempts()
                : fallback != null ? fallback.maxAttempts() : 1;
        return Optional.of(new CampaignDefinition.Retry(after, max));
    }

    /** Inside the campaign's own schedule (dates, window, working days), read in the bank's zone. */
    public boolean insideSchedule(Settings settings, Instant now) {
        return policies.insideSchedule(settings.schedule(), now);
    }
}
