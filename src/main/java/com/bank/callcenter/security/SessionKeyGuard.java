package com.bank.callcenter.security;

import com.bank.callcenter.config.CallCenterConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Refuses to start with an unusable login-cookie key ({@link SessionKeyRule}). A ConfigurationException
 * makes Quarkus print just the message and exit with status 1; observing first keeps every other
 * start-up job (demo data, schedulers) from running. StartupEvent is the earliest point: Flyway has
 * migrated by then, but {@code @Initialized(ApplicationScoped.class)} fires at static init, before the
 * runtime configuration (and so the key) exists. Tests start Quarkus without CallCenterMain, so the
 * check lives here rather than in the main class.
 */
@ApplicationScoped
public class SessionKeyGuard {

    static final String KEY_SETTING = "quarkus.http.auth.session.encryption-key";
    private static final int FIRST = 1;

    private final Optional<String> key;
    private final CallCenterConfig config;

    public SessionKeyGuard(@ConfigProperty(name = KEY_SETTING) Optional<String> key, CallCenterConfig config) {
        this.key = key;
        this.config = config;
    }

    void onStart(@Observes @Priority(FIRST) StartupEvent event) {
        check();
    }

    void check() {
        SessionKeyRule.problem(key, config.demo().enabled()).ifPresent(problem -> {
            throw new ConfigurationException("Refusing to start: " + problem);
        });
    }
}
