package com.bank.callcenter.demo;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DemoDataTest {

    private static final int CUSTOMERS = 3_000;

    @Inject
    DemoData demoData;

    @Test
    void demoDataIsNotLoadedWhenNoDemoCustomersAreConfigured() {
        // %test.callcenter.demo.customers=0: tests bring their own data
        assertFalse(demoData.shouldLoad());
    }

    @Test
    void demoBankIsImportedThroughTheImportsWithWorkingDemoLogins() {
        boolean loaded = demoData.load(DemoDataGenerator.Options.defaults(LocalDate.of(2026, 11, 2))
                .withCustomers(CUSTOMERS).withManagers(3).withBranches(2).withSeed(11));

        assertTrue(loaded);
        assertEquals(CUSTOMERS, Db.count("select count(*) from customer where customer_id ~ '^C[0-9]{9}$'"));
        assertTrue(Db.count("select count(*) from holding where customer_id ~ '^C[0-9]{9}$'") > CUSTOMERS,
                "holdings were imported");
        assertTrue(Db.count("select count(*) from transfer where customer_id ~ '^C[0-9]{9}$' and same_name") > 0,
                "same-name outflows were imported");
        Api.as("rm001").when().get("/api/users/me").then().statusCode(200).body("roles", hasItem("RM"));
        assertTrue(Db.count("select count(*) from customer where customer_id ~ '^C[0-9]{9}$' and manager_id like 'rm%'") > 0,
                "long-tail customers were given to the demo RMs");
    }
}
