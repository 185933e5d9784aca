package com.bank.callcenter.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The supervisors' live dashboard (callcenter.dashboard.*). */
@ConfigMapping(prefix = "callcenter.dashboard")
public interface DashboardConfig {

    /** How often open streams are checked for news: at most one push per viewer per interval. */
    @WithDefault("1s")
    Duration pushInterval();

    /** A stream with no news hears a heartbeat this often. */
    @WithDefault("15s")
    Duration heartbeat();

    /** A day's live counters are kept in Redis this long (after the day's last change). */
    @WithDefault("P3D")
    Duration keyTtl();

    /** How long staff names and branches are read from memory before they are read again. */
    @WithDefault("5m")
    Duration staffCache();

    /** Call and SMS changes waiting to be counted; beyond it changes are dropped and the day is rebuilt. */
    @WithDefault("10000")
    int backlog();

    /** How often an instance that lost Redis looks whether it is back (then rebuilds the day once). */
    @WithDefault("5s")
    Duration recoveryCheck();
}
