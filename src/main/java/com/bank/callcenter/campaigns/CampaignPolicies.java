package com.bank.callcenter.campaigns;

import com.bank.callcenter.calendar.WorkingDays;
import com.bank.callcenter.config.CallCenterConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What every sender of a campaign (robot dialer, SMS campaign sender) reads from its stored
 * definition: the frequency cap, the retry for an outcome and whether its own schedule allows a
 * contact now (read in callcenter.zone).
 */
@ApplicationScoped
public class CampaignPolicies {

    private final CallCenterConfig callcenter;
    private final CampaignsConfig campaigns;
    private final ObjectMapper json;
    private final WorkingDays workingDays;

    public CampaignPolicies(CallCenterConfig callcenter, CampaignsConfig campaigns, ObjectMapper json,
                            WorkingDays workingDays) {
        this.workingDays = workingDays;
        this.callcenter = callcenter;
        this.campaigns = campaigns;
        this.json = json;
    }

    /** A definition as stored in campaign.definition. */
    public CampaignDefinition read(String definitionJson) {
        try {
            return json.readValue(definitionJson, CampaignDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored campaign definition is not valid", e);
        }
    }

    /** The campaign's contactPolicy.frequencyCapDays, else callcenter.campaigns.defaults.frequency-cap-days. */
    public int frequencyCapDays(CampaignDefinition definition) {
        CampaignDefinition.ContactPolicy policy = definition.contactPolicy();
        return policy != null && policy.frequencyCapDays() != null ? policy.frequencyCapDays()
                : campaigns.defaults().frequencyCapDays();
    }

    /**
     * The campaign's own contactPolicy.retries entry for an outcome, absent fields filled (retry at
     * once; one attempt in all, i.e. no retry); empty when the campaign names no retry for it.
     */
    public Optional<CampaignDefinition.Retry> ownRetry(CampaignDefinition definition, String outcome) {
        CampaignDefinition.ContactPolicy policy = definition.contactPolicy();
        if (policy == null || policy.retries() == null || policy.retries().get(outcome) == null) {
            return Optional.empty();
        }
        CampaignDefinition.Retry own = policy.retries().get(outcome);
        return Optional.of(new CampaignDefinition.Retry(own.afterMinutes() == null ? 0 : own.afterMinutes(),
                own.maxAttempts() == null ? 1 : own.maxAttempts()));
    }

    /**
     * Inside the campaign's own schedule (dates, window, working days; never on a holiday of the
     * calendar, and an extra working day counts as a working day); no schedule = always.
     */
    public boolean insideSchedule(CampaignDefinition.Schedule schedule, Instant now) {
        if (schedule == null) {
            return true;
        }
        ZonedDateTime local = now.atZone(callcenter.zone());
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (schedule.from() != null && day.isBefore(schedule.from()) || schedule.to() != null && day.isAfter(schedule.to())) {
            return false;
        }
        Set<DayOfWeek> weekDays = schedule.workingDays() == null || schedule.workingDays().isEmpty()
                ? EnumSet.allOf(DayOfWeek.class) : schedule.workingDays();
        if (!workingDays.isWorkingDay(day, weekDays)) {
            return false;
        }
        return (schedule.windowStart() == null || !time.isBefore(schedule.windowStart()))
                && (schedule.windowEnd() == null || time.isBefore(schedule.windowEnd()));
    }
}
