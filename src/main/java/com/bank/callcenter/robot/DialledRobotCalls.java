package com.bank.callcenter.robot;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The robot calls this instance dialled lately (call id → customer, campaign, number), in memory, so
 * that a press 9 is turned into an opt-out even while PostgreSQL is out of reach. Bounded: the
 * oldest calls are forgotten first (a choice of a forgotten call is looked up in the database).
 */
@ApplicationScoped
public class DialledRobotCalls {

    static final int CAPACITY = 50_000;

    /** Whom a robot call dialled. */
    public record Dialled(String customerId, String campaignId, String mobile) {
    }

    private final Map<UUID, Dialled> calls = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Dialled> eldest) {
            return size() > CAPACITY;
        }
    };

    public synchronized void dialled(UUID callId, Dialled dialled) {
        calls.put(callId, dialled);
    }

    public synchronized Optional<Dialled> find(UUID callId) {
        return Optional.ofNullable(calls.get(callId));
    }
}
