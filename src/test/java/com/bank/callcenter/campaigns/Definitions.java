package com.bank.callcenter.campaigns;

import com.bank.callcenter.support.Api;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/** Campaign definitions as a client sends them, and campaigns created through the API. */
public final class Definitions {

    private Definitions() {
    }

    /** A fresh slug, so tests sharing one database never collide. */
    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The smallest valid definition: id, name, channel and a rule. */
    public static String minimal(String id) {
        return withRule(id, "{\"tier\": [\"LONG_TAIL\"]}");
    }

    public static String withRule(String id, String rule) {
        return """
                {"id": "%s", "name": "到期挽留测试", "channel": "AGENT_CALL", "rule": %s}
                """.formatted(id, rule);
    }

    /** A definition with every part given. */
    public static String full(String id, String name, int priority) {
        return """
                {
                  "id": "%s",
                  "name": "%s",
                  "purpose": "到期前致电",
                  "channel": "AGENT_CALL",
                  "priority": %d,
                  "order": {"by": "MATURITY_DATE", "direction": "ASC"},
                  "rule": {"all": [{"tier": ["LONG_TAIL"]},
                                   {"holding": {"types": ["TIME_DEPOSIT"], "maturesWithinDays": {"from": 3, "to": 15}}}]},
                  "schedule": {"windowStart": "09:00", "windowEnd": "20:00", "workingDays": ["MONDAY", "FRIDAY"]},
                  "contactPolicy": {"frequencyCapDays": 14,
                                    "retries": {"NO_ANSWER": {"afterMinutes": 240, "maxAttempts": 3}}},
                  "script": "您好，我是您的客户经理。",
                  "sms": {"template": "{customerName}您好"}
                }
                """.formatted(id, name, priority);
    }

    /** Creates a minimal campaign as the planner and returns its id. */
    public static String created(String prefix) {
        String id = newId(prefix);
        Api.planner().contentType("application/json").body(minimal(id))
                .when().post("/api/campaigns").then().statusCode(201).body("id", equalTo(id));
        return id;
    }
}
