package com.bank.callcenter.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded servers for every @QuarkusTest (restrictToAnnotatedClass = false). */
@QuarkusTestResource(EmbeddedServersTestResource.class)
public final class WithEmbeddedServers {
    private WithEmbeddedServers() {
    }
}
