package com.bank.callcenter.support;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: real time shifted to a moment the test chooses; by default a
 * working day at 10:00 in Shanghai, so calls are inside the calling window whenever the suite runs.
 * Replaces the default clock bean of {@code common/Clocks}.
 */
@Singleton
public class TestClock extends Clock {

    /** Wednesday 2026-11-25 10:00 Asia/Shanghai. */
    public static final Instant WORKING_HOURS = Instant.parse("2026-11-25T02:00:00Z");

    private volatile Duration offset;

    public TestClock() {
        reset();
    }

    /** From now on the clock reads {@code at}, and runs on from there. */
    public void setTo(Instant at) {
        offset = Duration.between(Instant.now(), at);
    }

    public void reset() {
        setTo(WORKING_HOURS);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
