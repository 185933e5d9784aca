package com.bank.callcenter.scoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How calls and SMS are counted for the RMs' score (callcenter.scoring.*). */
@ConfigMapping(prefix = "callcenter.scoring")
public interface ScoringConfig {

    /** An answered call the RM placed counts from this talk time on (at most one per customer per day). */
    @WithDefault("15")
    int effectiveCallSeconds();

    /** Effective calls expected of an RM per working day: the standard S = this × working days. */
    @WithDefault("60")
    int effectiveCallsPerWorkingDay();

    /** SMS expected of an RM per working day (the default target of the SMS indicator). */
    @WithDefault("20")
    int smsPerWorkingDay();
}
