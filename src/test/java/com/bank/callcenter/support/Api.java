package com.bank.callcenter.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** REST Assured requests as a given user; in tests every password equals the user name. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String username) {
        return RestAssured.given().auth().preemptive().basic(username, username);
    }

    public static RequestSpecification admin() {
        return as("admin");
    }

    public static RequestSpecification planner() {
        return as("planner");
    }

    public static RequestSpecification supervisor() {
        return as("supervisor");
    }
}
