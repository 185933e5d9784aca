package com.bank.callcenter.security;

import com.bank.callcenter.config.CallCenterConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up guard: what Quarkus is stopped with (exit status 1, the message alone) and when. */
class SessionKeyGuardTest {

    private static final String GOOD_KEY = "k3Y-0f-at-least-thirty-two-characters!";

    @Test
    void startOutsideDemoModeWithoutAKeyIsRefusedWithTheReason() {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> guard(Optional.empty(), false).check());
        assertTrue(refused.getMessage().startsWith("Refusing to start: CALLCENTER_SESSION_KEY is not set"),
                refused.getMessage());
    }

    @Test
    void startWithThePublishedDevelopmentKeyIsRefusedInEveryMode() {
        for (boolean demo : new boolean[] {false, true}) {
            ConfigurationException refused = assertThrows(ConfigurationException.class,
                    () -> guard(Optional.of(SessionKeyRule.DEVELOPMENT_KEY), demo).check());
            assertTrue(refused.getMessage().contains("development key"), refused.getMessage());
        }
    }

    @Test
    void startWithAShortKeyIsRefused() {
        assertThrows(ConfigurationException.class, () -> guard(Optional.of("x".repeat(31)), false).check());
    }

    @Test
    void aLongRandomKeyOrDemoModeWithoutOneStarts() {
        assertDoesNotThrow(() -> guard(Optional.of(GOOD_KEY), false).check());
        assertDoesNotThrow(() -> guard(Optional.empty(), true).check());
    }

    private static SessionKeyGuard guard(Optional<String> key, boolean demoMode) {
        return new SessionKeyGuard(key, configWithDemoMode(demoMode));
    }

    /** Only demo().enabled() is read by the guard; the rest of the mapping is not needed here. */
    private static CallCenterConfig configWithDemoMode(boolean enabled) {
        ClassLoader loader = SessionKeyGuardTest.class.getClassLoader();
        CallCenterConfig.Demo demo = (CallCenterConfig.Demo) Proxy.newProxyInstance(loader,
                new Class<?>[] {CallCenterConfig.Demo.class}, (proxy, method, args) -> {
                    if (method.getName().equals("enabled")) {
                        return enabled;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (CallCenterConfig) Proxy.newProxyInstance(loader, new Class<?>[] {CallCenterConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("demo")) {
                        return demo;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
