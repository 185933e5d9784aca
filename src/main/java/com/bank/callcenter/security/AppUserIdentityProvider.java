package com.bank.callcenter.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import java.util.UUID;

/**
 * Checks user name and password (HTTP Basic and the login form) against app_user, after the
 * {@link LoginThrottle} has let the name try. Every wrong password is counted and audited; a success is
 * audited for each form login, and for HTTP Basic (a login on every request) once per failure window.
 */
@ApplicationScoped
public class AppUserIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final String FORM_LOGIN_PATH = "/j_security_check";

    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final LoginAudit audit;
    /** Checked when the name has no usable password, so that unknown names cost the same bcrypt time. */
    private final String dummyHash;

    public AppUserIdentityProvider(PasswordHasher hasher, LoginThrottle throttle, LoginAudit audit) {
        this.hasher = hasher;
        this.throttle = throttle;
        this.audit = audit;
        this.dummyHash = hasher.hash(UUID.randomUUID().toString());
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> verify(request));
    }

    @ActivateRequestContext
    SecurityIdentity verify(UsernamePasswordAuthenticationRequest request) {
        String username = request.getUsername();
        throttle.lockedFor(username).ifPresent(wait -> {
            throw LoginRefusedException.throttled(username, wait).asAuthenticationFailure();
        });
        AppUser user = QuarkusTransaction.requiringNew().call(() -> AppUser.findByUsername(username).orElse(null));
        boolean usable = user != null && user.passwordHash != null;
        boolean matches = hasher.matches(new String(request.getPassword().getPassword()),
                usable ? user.passwordHash : dummyHash);
        if (!usable || !matches) {
            boolean nowLocked = throttle.recordFailure(username);
            audit.failed(username);
            if (nowLocked) {
                audit.locked(username);
            }
            throw new AuthenticationFailedException("wrong user name or password");
        }
        if (!user.active) {
            throw new AuthenticationFailedException("the login " + username + " is inactive");
        }
        if (isFormLogin(request) || throttle.firstSuccessInWindow(username)) {
            audit.succeeded(username);
        }
        return identityOf(user);
    }

    private static boolean isFormLogin(UsernamePasswordAuthenticationRequest request) {
        RoutingContext context = HttpSecurityUtils.getRoutingContextAttribute(request);
        return context != null && context.normalizedPath().endsWith(FORM_LOGIN_PATH);
    }

    /** The identity of a login: user name, roles, and the staff id as an attribute. */
    static SecurityIdentity identityOf(AppUser user) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRoles(user.roleSet());
        if (user.staffId != null) {
            identity.addAttribute(CurrentUser.STAFF_ID_ATTRIBUTE, user.staffId);
        }
        return identity.build();
    }
}
