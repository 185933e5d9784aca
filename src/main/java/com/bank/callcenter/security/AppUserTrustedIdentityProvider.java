package com.bank.callcenter.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

/**
 * After a form login the browser presents the encrypted login cookie instead of a password:
 * Quarkus then asks for the identity of a user name it already trusts. Roles are read again
 * from app_user on every request, so a changed role takes effect on the next request, and a login
 * switched off (a leaver) is refused at once, not when the cookie expires.
 */
@ApplicationScoped
public class AppUserTrustedIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> identityOf(request.getPrincipal()));
    }

    @ActivateRequestContext
    SecurityIdentity identityOf(String username) {
        AppUser user = QuarkusTransaction.requiringNew().call(() -> AppUser.findByUsername(username).orElse(null));
        if (user == null) {
            throw new AuthenticationFailedException("the login " + username + " no longer exists");
        }
        if (!user.active) {
            throw new AuthenticationFailedException("the login " + username + " is inactive");
        }
        return AppUserIdentityProvider.identityOf(user);
    }
}
