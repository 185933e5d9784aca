package com.bank.callcenter.security;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A login cookie is only as secret as its key: one sealed with the published development key is refused. */
@QuarkusTest
class SessionCookieTest {

    private static final Duration VALID_FOR = Duration.ofMinutes(10);

    @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
    String configuredKey;

    @Test
    void aCookieSealedWithTheDevelopmentKeyIsRefused() {
        String forged = SealedLoginCookie.seal(SessionKeyRule.DEVELOPMENT_KEY, "admin", VALID_FOR);
        given().cookie(SealedLoginCookie.NAME, forged).when().get("/api/users/me").then().statusCode(401);
        given().redirects().follow(false).cookie(SealedLoginCookie.NAME, forged).when().get("/")
                .then().statusCode(302);
    }

    /** The control: the same cookie under the service's own key logs in, so the refusal above is the key's. */
    @Test
    void aCookieSealedWithTheServicesKeyIsAccepted() {
        String genuine = SealedLoginCookie.seal(configuredKey, "admin", VALID_FOR);
        given().cookie(SealedLoginCookie.NAME, genuine).when().get("/api/users/me")
                .then().statusCode(200).body("username", equalTo("admin"));
    }
}
