package com.bank.callcenter.books;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Books of at most three customers, so that capacity is reached with a handful of rows. */
public class BookCapacityOfThree implements QuarkusTestProfile {

    static final int CAPACITY = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("callcenter.books.max-customers-per-manager", String.valueOf(CAPACITY));
    }
}
