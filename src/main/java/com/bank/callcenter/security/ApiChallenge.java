package com.bank.callcenter.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/**
 * Basic and form login are both on: API clients must get a 401 Basic challenge, browsers on
 * pages a redirect to the login form. This mechanism authenticates nobody; it only answers the
 * challenge for /api/* and the machine endpoints /q/* (metrics scrapers, OpenAPI) before the form
 * mechanism would redirect.
 */
@ApplicationScoped
public class ApiChallenge implements HttpAuthenticationMechanism {

    private static final List<String> MACHINE_PREFIXES = List.of("/api/", "/q/");
    private static final int BEFORE_BUILT_IN_MECHANISMS = 5000;
    private static final ChallengeData BASIC = new ChallengeData(401, "WWW-Authenticate", "Basic realm=\"callcenter\"");

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String path = context.normalizedPath();
        return MACHINE_PREFIXES.stream().anyMatch(path::startsWith)
                ? Uni.createFrom().item(BASIC)
                : Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        return BEFORE_BUILT_IN_MECHANISMS;
    }
}
