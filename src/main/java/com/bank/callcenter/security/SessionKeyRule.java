package com.bank.callcenter.security;

import java.util.Optional;

/**
 * What makes a login-cookie key acceptable. Anyone who knows the key can seal a cookie naming any user,
 * admin included, so the key published in this repository's history and short keys are refused;
 * an unset key is allowed only in demo mode, where the embedded default supplies a generated one.
 */
public final class SessionKeyRule {

    /** The environment variable that carries the key (application.properties maps it to Quarkus' setting). */
    public static final String VARIABLE = "CALLCENTER_SESSION_KEY";
    public static final int MIN_LENGTH = 32;
    /** Published in this repository's history as the default: a key everyone knows, never accepted. */
    static final String DEVELOPMENT_KEY = "change-me-in-production-0123456789abcdef";

    private SessionKeyRule() {
    }

    /** Why the key cannot be used, or empty when it can. */
    public static Optional<String> problem(Optional<String> key, boolean demoMode) {
        if (key.isEmpty() || key.get().isBlank()) {
            return demoMode ? Optional.empty()
                    : Optional.of(VARIABLE + " is not set: set it to a random secret of at least " + MIN_LENGTH
                    + " characters, the same on every instance (e.g. openssl rand -base64 48)");
        }
        if (DEVELOPMENT_KEY.equals(key.get())) {
            return Optional.of(VARIABLE + " is the development key published in the repository: "
                    + "anyone could forge a login cookie; set a random secret of at least " + MIN_LENGTH + " characters");
        }
        if (key.get().length() < MIN_LENGTH) {
            return Optional.of(VARIABLE + " has " + key.get().length() + " characters; at least " + MIN_LENGTH
                    + " are required");
        }
        return Optional.empty();
    }
}
