package com.bank.callcenter.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

/** Checks user name and password (HTTP Basic and the login form) against app_user. */
@ApplicationScoped
public class AppUserIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final PasswordHasher hasher;

    public AppUserIdentityProvider(PasswordHasher hasher) {
        this.hasher = hasher;
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
        AppUser user = QuarkusTransaction.requiringNew().call(() -> AppUser.findByUsername(username).orElse(null));
        if (user == null || !hasher.matches(new String(request.getPassword().getPassword()), user.passwordHash)) {
            throw new AuthenticationFailedException("wrong user name or password");
        }
        if (!user.active) {
            throw new AuthenticationFailedException("the login " + username + " is inactive");
        }
        return identityOf(user);
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
