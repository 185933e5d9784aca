package com.bank.callcenter.robot;

import com.bank.callcenter.campaigns.CampaignDefinition;
import com.bank.callcenter.config.CallCenterConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

/** A campaign's robot settings as the dialer uses them: its own where it has them, else callcenter.robot.*. */
@ApplicationScoped
public class RobotSettings {

    private final RobotDialerConfig config;
    private final CallCenterConfig callcenter;
    private final ObjectMapper json;

    public RobotSettings(RobotDialerConfig config, CallCenterConfig callcenter, ObjectMapper json) {
        this.config = config;
        this.callcenter = callcenter;
        this.json = json;
    }

    /** One campaign's settings, read from its stored definition. */
    public record Settings(int concurrency, double callsPerSecond, String prompt, String teamQueue, int frequencyCapDays,
                           Map<String, CampaignDefinition.Retry> retries, CampaignDefinition.Schedule schedule,
                           String smsTemplate) {

        /** Calls placed within {@link #rateWindow()} at most. */
        public int callsPerWindow() {
            return Math.max(1, (int) Math.floor(callsPerSecond * rateWindow().toMillis() / 1000.0));
        }

        /** One second, or longer when fewer than one call per second is allowed. */
        public Duration rateWindow() {
            return Duration.ofMillis(Math.max(1000, (long) Math.ceil(1000.0 / callsPerSecond)));
        }
    }

    public Settings of(String definitionJson) {
        CampaignDefinition definition;
        try {
            definition = json.readValue(definitionJson, CampaignDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored campaign definition is not valid", e);
        }
        CampaignDefinition.Robot robot = Optional.ofNullable(definition.robot())
                .orElse(new CampaignDefinition.Robot(null, null, null, null));
        CampaignDefinition.ContactPolicy policy = definition.contactPolicy();
        int cap = policy != null && policy.frequencyCapDays() != null ? policy.frequencyCapDays()
                : callcenter.campaigns().defaults().frequencyCapDays();
        return new Settings(
                robot.concurrency() != null ? robot.concurrency() : config.concurrency(),
                robot.callsPerSecond() != null ? robot.callsPerSecond() : config.callsPerSecond(),
                robot.prompt() != null ? robot.prompt() : config.prompt(),
                robot.teamQueue() != null ? robot.teamQueue() : config.teamQueue(),
                cap,
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
        CampaignDefinition.Schedule schedule = settings.schedule();
        if (schedule == null) {
            return true;
        }
        ZonedDateTime local = now.atZone(callcenter.zone());
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (schedule.from() != null && day.isBefore(schedule.from()) || schedule.to() != null && day.isAfter(schedule.to())) {
            return false;
        }
        if (schedule.workingDays() != null && !schedule.workingDays().isEmpty()
                && !schedule.workingDays().contains(local.getDayOfWeek())) {
            return false;
        }
        return (schedule.windowStart() == null || !time.isBefore(schedule.windowStart()))
                && (schedule.windowEnd() == null || time.isBefore(schedule.windowEnd()));
    }
}
