package com.bank.callcenter.security;

import com.bank.callcenter.common.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;

/**
 * Authentication runs before Jakarta REST, so its failures never reach ProblemMappers: a refused login
 * ({@link LoginRefusedException}) is answered here, on the router, as problem+json with Retry-After;
 * every other failure goes on to Quarkus (401 challenge, or the form's error page).
 */
@ApplicationScoped
public class LoginRefusals {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    void answer(RoutingContext context) {
        LoginRefusedException refused = LoginRefusedException.behind(context.failure()).orElse(null);
        if (refused == null || context.response().ended()) {
            context.next();
            return;
        }
        Map<String, Object> body = Problem.body(refused.status(), refused.code(), refused.getMessage(),
                Map.of("retryAfterSeconds", refused.retryAfterSeconds()));
        context.response().setStatusCode(refused.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Retry-After", String.valueOf(refused.retryAfterSeconds()))
                .end(Json.encode(body));
    }
}
