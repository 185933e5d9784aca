package com.bank.callcenter.campaigns;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/** Campaign definitions: where the shipped files are, and what an absent setting means. */
@ConfigMapping(prefix = "callcenter.campaigns")
public interface CampaignsConfig {

    /** Folder of *.yaml / *.yml definitions read at start-up, relative to the working directory. */
    Path dir();

    Defaults defaults();

    /** Used when a definition leaves the setting out (DOMAIN.md defaults). */
    interface Defaults {
        /** Lower runs first when campaigns compete for a customer. */
        int priority();

        CampaignDefinition.Order.OrderBy orderBy();

        CampaignDefinition.Order.Direction orderDirection();

        /** At most one marketing contact per customer in this many days, across campaigns. */
        int frequencyCapDays();

        /** Calling window, in the bank's time zone. */
        LocalTime windowStart();

        LocalTime windowEnd();

        Set<DayOfWeek> workingDays();
    }
}
