package com.bank.callcenter.support;

import com.bank.callcenter.security.AppUser;
import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.security.Roles;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Logins the demo users do not cover; in tests the password is the user name. */
public final class TestUsers {

    private TestUsers() {
    }

    /** A remote manager login (role RM only, no staff record); created once. */
    public static String remoteManager(String username) {
        PasswordHasher hasher = Arc.container().instance(PasswordHasher.class).get();
        QuarkusTransaction.requiringNew().run(() -> {
            if (AppUser.findByUsername(username).isEmpty()) {
                AppUser user = new AppUser();
                user.username = username;
                user.roles = Roles.RM;
                user.passwordHash = hasher.hash(username);
                user.persist();
            }
        });
        return username;
    }
}
