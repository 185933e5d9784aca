package com.bank.callcenter.desk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The remote manager's desk (callcenter.desk.*). */
@ConfigMapping(prefix = "callcenter.desk")
public interface DeskConfig {

    /** A claim on which no call was placed returns to the queue after this long. */
    @WithDefault("5m")
    Duration claimTtl();

    /** After a call the RM shows as WRAP_UP this long, unless they disposition it sooner. */
    @WithDefault("30s")
    Duration wrapUp();

    /** How often claims expire, retries and callbacks come due into the live queues, wrap-ups end. */
    @WithDefault("2s")
    Duration tick();

    /** How many candidates one "next" looks at before answering that nothing is due. */
    @WithDefault("50")
    int claimAttempts();

    /** How far back the RM's recent contacts go on the card. */
    @WithDefault("10")
    int recentContacts();

    /** A DO_NOT_CALL disposition keeps the number off every list this many months. */
    @WithDefault("6")
    int optOutHoldMonths();

    /** Keep the app_queue team queue's members in line with the RMs' states. */
    @WithDefault("true")
    boolean queueMembership();
}
