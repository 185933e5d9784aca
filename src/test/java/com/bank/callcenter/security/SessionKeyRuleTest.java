package com.bank.callcenter.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionKeyRuleTest {

    private static final String KEY_OF_32 = "k".repeat(SessionKeyRule.MIN_LENGTH);

    @Test
    void anUnsetKeyIsRefusedOutsideDemoMode() {
        assertTrue(SessionKeyRule.problem(Optional.empty(), false).orElseThrow().contains("CALLCENTER_SESSION_KEY is not set"));
        assertTrue(SessionKeyRule.problem(Optional.of("  "), false).isPresent(), "blank is unset");
    }

    @Test
    void aKeyOf31CharactersIsRefused() {
        String problem = SessionKeyRule.problem(Optional.of("k".repeat(31)), false).orElseThrow();
        assertTrue(problem.contains("at least 32"), problem);
    }

    @Test
    void theDevelopmentKeyIsRefusedInEveryMode() {
        assertTrue(SessionKeyRule.problem(Optional.of("change-me-in-production-0123456789abcdef"), false).isPresent());
        assertTrue(SessionKeyRule.problem(Optional.of(SessionKeyRule.DEVELOPMENT_KEY), true).isPresent());
    }

    @Test
    void aKeyOf32CharactersIsAccepted() {
        assertEquals(Optional.empty(), SessionKeyRule.problem(Optional.of(KEY_OF_32), false));
    }

    @Test
    void demoModeMayLeaveTheKeyToTheEmbeddedDefault() {
        assertEquals(Optional.empty(), SessionKeyRule.problem(Optional.empty(), true));
    }
}
