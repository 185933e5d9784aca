package com.bank.callcenter.security;

import io.quarkus.security.AuthenticationFailedException;

import java.time.Duration;
import java.util.Optional;

/**
 * A login refused before its password was looked at. Quarkus only takes AuthenticationFailedException
 * (final) from an identity provider, so this travels as its cause; {@link LoginRefusals} answers it as
 * problem+json.
 */
public class LoginRefusedException extends RuntimeException {

    static final int TOO_MANY_REQUESTS = 429;

    private final int status;
    private final String code;
    private final Duration retryAfter;

    LoginRefusedException(int status, String code, String detail, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    static LoginRefusedException throttled(String username, Duration retryAfter) {
        return new LoginRefusedException(TOO_MANY_REQUESTS, "login-throttled",
                "too many failed logins for " + username + "; try again in " + seconds(retryAfter) + " s", retryAfter);
    }

    /** What the identity provider throws. */
    AuthenticationFailedException asAuthenticationFailure() {
        return new AuthenticationFailedException(getMessage(), this);
    }

    /** The refusal behind an authentication failure, if it was one. */
    static Optional<LoginRefusedException> behind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LoginRefusedException refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** Whole seconds, rounded up, as Retry-After needs them. */
    long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
