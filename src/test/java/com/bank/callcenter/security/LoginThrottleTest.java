package com.bank.callcenter.security;

import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestClock;
import com.bank.callcenter.support.TestUsers;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class LoginThrottleTest {

    private static final int MAX_FAILURES = 5;
    private static final Duration WINDOW = Duration.ofMinutes(15);

    @Inject
    TestClock clock;

    @Inject
    CallCenterConfig config;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static RequestSpecification basic(String username, String password) {
        return given().auth().preemptive().basic(username, password);
    }

    private static void failBasic(String username, int times) {
        for (int i = 0; i < times; i++) {
            basic(username, "wrong-password").when().get("/api/users/me").then().statusCode(401);
        }
    }

    @Test
    void theDefaultsAreFiveFailuresInFifteenMinutes() {
        assertEquals(MAX_FAILURES, config.security().login().maxFailures());
        assertEquals(WINDOW, config.security().login().failureWindow());
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedUntilTheWindowHasPassed() {
        String rm = TestUsers.remoteManager("throttle-rm1");
        failBasic(rm, MAX_FAILURES);

        basic(rm, rm).when().get("/api/users/me").then().statusCode(429)
                .contentType("application/problem+json").body("code", equalTo("login-throttled"))
                .header("Retry-After", s -> Integer.parseInt(s), lessThanOrEqualTo((int) WINDOW.toSeconds()));

        clock.setTo(clock.instant().plus(WINDOW).plusSeconds(1));
        basic(rm, rm).when().get("/api/users/me").then().statusCode(200).body("username", equalTo(rm));
    }

    @Test
    void fourWrongPasswordsDoNotLockAndAnotherNameIsUnaffected() {
        String locked = TestUsers.remoteManager("throttle-rm2");
        String other = TestUsers.remoteManager("throttle-rm3");
        failBasic(other, MAX_FAILURES - 1);
        Api.as(other).when().get("/api/users/me").then().statusCode(200);

        failBasic(locked, MAX_FAILURES);
        Api.as(locked).when().get("/api/users/me").then().statusCode(429);
        Api.as(other).when().get("/api/users/me").then().statusCode(200);
    }

    @Test
    void theLoginFormIsThrottledToo() {
        String rm = TestUsers.remoteManager("throttle-rm4");
        for (int i = 0; i < MAX_FAILURES; i++) {
            given().redirects().follow(false).formParam("j_username", rm).formParam("j_password", "wrong")
                    .when().post("/j_security_check").then().statusCode(302).header("Location", endsWith("error=true"));
        }
        given().redirects().follow(false).formParam("j_username", rm).formParam("j_password", rm)
                .when().post("/j_security_check").then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void failedAndSuccessfulLoginsAreAudited() {
        String rm = TestUsers.remoteManager("throttle-rm5");
        failBasic(rm, MAX_FAILURES);
        assertEquals(MAX_FAILURES, Db.count("select count(*) from audit_log where username = ? and action = 'LOGIN_FAILED'", rm));
        assertEquals(1, Db.count("select count(*) from audit_log where username = ? and action = 'LOGIN_LOCKED'", rm));

        String other = TestUsers.remoteManager("throttle-rm6");
        Api.as(other).when().get("/api/users/me").then().statusCode(200);
        Api.as(other).when().get("/api/users/me").then().statusCode(200);
        assertEquals(1, Db.count("select count(*) from audit_log where username = ? and action = 'LOGIN_SUCCEEDED'", other),
                "HTTP Basic logs in on every request; the audit records it once per window");
        given().redirects().follow(false).formParam("j_username", other).formParam("j_password", other)
                .when().post("/j_security_check").then().statusCode(302);
        assertEquals(2, Db.count("select count(*) from audit_log where username = ? and action = 'LOGIN_SUCCEEDED'", other),
                "every form login is recorded");
    }

    @Test
    void anUnknownUserNameCostsABcryptCheckLikeAKnownOne() {
        CountingHasher counting = new CountingHasher(config);
        QuarkusMock.installMockForType(counting, PasswordHasher.class);

        basic("nobody-by-this-name", "a-password").when().get("/api/users/me").then().statusCode(401);

        assertEquals(1, counting.bcryptChecks.get(), "the password is checked against a bcrypt hash even without a user");
        assertEquals(1, Db.count("select count(*) from audit_log where username = ? and action = 'LOGIN_FAILED'",
                "nobody-by-this-name"));
    }

    static class CountingHasher extends PasswordHasher {
        final AtomicInteger bcryptChecks = new AtomicInteger();

        CountingHasher(CallCenterConfig config) {
            super(config);
        }

        @Override
        public boolean matches(String password, String hash) {
            if (hash != null && hash.startsWith("$2")) {
                bcryptChecks.incrementAndGet();
            }
            return super.matches(password, hash);
        }
    }
}
