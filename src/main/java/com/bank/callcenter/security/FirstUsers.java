package com.bank.callcenter.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Creates the first logins at start-up, before anything else runs. */
@ApplicationScoped
public class FirstUsers {

    static final int ORDER = 10;

    void onStart(@Observes @Priority(ORDER) StartupEvent event, UserService users) {
        users.ensureFirstUsers();
    }
}
