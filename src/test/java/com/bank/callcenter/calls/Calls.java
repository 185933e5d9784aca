package com.bank.callcenter.calls;

import com.bank.callcenter.support.Await;

import com.bank.callcenter.support.Api;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Placing calls through the API and waiting for what the PBX reports. */
public final class Calls {

    static final Duration AWAIT = Duration.ofSeconds(30);
    private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "UNKNOWN");

    private Calls() {
    }

    /** POST /api/calls as {@code rm}; expects 202 and returns the call id. */
    public static String place(String rm, String customerId) {
        return Api.as(rm).contentType("application/json").body("{\"customerId\":\"" + customerId + "\"}")
                .when().post("/api/calls").then().statusCode(202).extract().path("callId");
    }

    public static JsonPath get(String user, String callId) {
        return Api.as(user).when().get("/api/calls/" + callId).then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath awaitFinal(String user, String callId) {
        return awaitCall(user, callId, call -> FINAL.contains(call.getString("state")));
    }

    public static JsonPath awaitState(String user, String callId, String state) {
        return awaitCall(user, callId, call -> state.equals(call.getString("state")));
    }

    public static JsonPath awaitCall(String user, String callId, Predicate<JsonPath> condition) {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        JsonPath call = get(user, callId);
        while (!condition.test(call)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("call " + callId + " timed out in " + call.prettify());
            }
            sleep();
            call = get(user, callId);
        }
        return call;
    }

    public static void await(String what, BooleanSupplier condition) {
        Await.until(what, AWAIT, condition);
    }

    private static void sleep() {
        Await.pause(50);
    }
}
