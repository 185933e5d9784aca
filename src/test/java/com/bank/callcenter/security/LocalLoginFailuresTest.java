package com.bank.callcenter.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The throttle's stand-in while Redis is out of reach: the same rule, counted on this instance. */
class LocalLoginFailuresTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private final LocalLoginFailures failures = new LocalLoginFailures(5, WINDOW);

    @Test
    void theFifthFailureLocksTheNameUntilTheOldestOfThemLeavesTheWindow() {
        for (int i = 0; i < 4; i++) {
            assertFalse(failures.recordFailure("rm001", 1_000 * i));
            assertEquals(Optional.empty(), failures.lockedFor("rm001", 1_000 * i));
        }
        assertTrue(failures.recordFailure("rm001", 4_000), "the fifth failure locks");
        assertEquals(Optional.of(WINDOW.minusSeconds(5)), failures.lockedFor("rm001", 5_000));
        assertEquals(Optional.empty(), failures.lockedFor("rm002", 5_000), "another name is not locked");
        assertEquals(Optional.empty(), failures.lockedFor("rm001", WINDOW.toMillis()), "the first failure has left");
    }

    @Test
    void aSuccessfulLoginIsAuditedOncePerWindow() {
        assertTrue(failures.firstSuccessInWindow("rm001", 0));
        assertFalse(failures.firstSuccessInWindow("rm001", 60_000));
        assertTrue(failures.firstSuccessInWindow("rm001", WINDOW.toMillis()));
    }
}
