package com.bank.callcenter.security;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's own count of failed logins, used while Redis is out of reach: logins go on (a
 * Redis outage must not lock everybody out) and a name is still locked after the same number of
 * failures, counted on this instance only until Redis is back.
 */
final class LocalLoginFailures {

    private final int maxFailures;
    private final long windowMillis;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final Map<String, Long> audited = new ConcurrentHashMap<>();

    LocalLoginFailures(int maxFailures, Duration window) {
        this.maxFailures = maxFailures;
        this.windowMillis = window.toMillis();
    }

    Optional<Duration> lockedFor(String username, long nowMillis) {
        Deque<Long> times = failures.get(username);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            trim(times, nowMillis);
            if (times.size() < maxFailures) {
                return Optional.empty();
            }
            long deciding = times.stream().skip(times.size() - maxFailures).findFirst().orElseThrow();
            return Optional.of(Duration.ofMillis(Math.max(1, deciding + windowMillis - nowMillis)));
        }
    }

    /** True when this failure locks the name. */
    boolean recordFailure(String username, long nowMillis) {
        Deque<Long> times = failures.computeIfAbsent(username, name -> new ArrayDeque<>());
        synchronized (times) {
            trim(times, nowMillis);
            times.addLast(nowMillis);
            return times.size() == maxFailures;
        }
    }

    boolean firstSuccessInWindow(String username, long nowMillis) {
        Long previous = audited.get(username);
        if (previous != null && previous > nowMillis - windowMillis) {
            return false;
        }
        audited.put(username, nowMillis);
        return true;
    }

    private void trim(Deque<Long> times, long nowMillis) {
        while (!times.isEmpty() && times.peekFirst() <= nowMillis - windowMillis) {
            times.removeFirst();
        }
    }
}
