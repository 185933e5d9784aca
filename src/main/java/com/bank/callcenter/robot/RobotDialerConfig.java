package com.bank.callcenter.robot;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The robot dialer's defaults; a campaign's {@code robot} section overrides the per-campaign ones. */
@ConfigMapping(prefix = "callcenter.robot")
public interface RobotDialerConfig {

    /** false = the scheduled tick does nothing (tests drive {@link RobotDialer#tick} themselves). */
    @WithDefault("true")
    boolean enabled();

    /** How often the dialer looks for work. */
    @WithDefault("0.5s")
    String tick();

    /** Calls in flight per campaign at most. */
    @WithDefault("10")
    int concurrency();

    /** New calls per second per campaign at most. */
    @WithDefault("2")
    double callsPerSecond();

    /**
     * Added to the rate window when slots are counted: the time between a slot's grant and the
     * Originate reaching the PBX, so that no window of the PBX's own clock holds more than the limit.
     */
    @WithDefault("PT0.05S")
    Duration rateMargin();

    /** A tick claims up to this many rate windows of calls ahead of the pacer, so it never runs dry between ticks. */
    @WithDefault("2")
    int claimAheadWindows();

    /**
     * A call waiting to be sent is checked again (campaign still active, calling window, do-not-call)
     * when its last check is older than this: one check covers the calls of this long at the rate.
     */
    @WithDefault("PT0.25S")
    Duration sendCheckAge();

    /** The robot prompt (PROMPT), as custom/&lt;name&gt;. */
    @WithDefault("custom/robot-offer")
    String prompt();

    /** The queue of RMs that takes a customer who pressed 1 (TEAM_QUEUE). */
    @WithDefault("rm-team")
    String teamQueue();

    /** How long the customer's phone rings (Originate Timeout). */
    @WithDefault("PT30S")
    Duration ringTimeout();

    /** How long a press-9 opt-out keeps the number on the do-not-call list. */
    @WithDefault("6")
    int optOutHoldMonths();

    /** A customer locked by another call is tried again this much later. */
    @WithDefault("PT1M")
    Duration busyCustomerDelay();

    /** Retries of a campaign whose contactPolicy.retries does not name the outcome. */
    Retry noAnswer();

    Retry busy();

    interface Retry {
        int afterMinutes();

        int maxAttempts();
    }
}
