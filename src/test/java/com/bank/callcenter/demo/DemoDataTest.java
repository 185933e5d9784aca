package com.bank.callcenter.demo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demoData;

    @Test
    void demoDataIsNotLoadedWhenNoDemoCustomersAreConfigured() {
        // %test.callcenter.demo.customers=0: tests bring their own data
        assertFalse(demoData.shouldLoad());
    }
}
