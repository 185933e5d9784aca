package com.bank.callcenter.robot;

import com.bank.callcenter.support.EmbeddedServersTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The originate slots of a campaign, asked for at once by several senders (as several instances do):
 * never more than the limit within a window, in Redis and, while Redis is away, in PostgreSQL; and the
 * limit is granted, not starved.
 */
@QuarkusTest
class OriginateRateLimiterTest {

    private static final int LIMIT = 10;
    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final int SENDERS = 4;
    private static final long RUN_MILLIS = 2500;
    /** Grant times are read by the senders around the call: windows this much shorter allow for the call itself. */
    private static final long CALL_ALLOWANCE_MILLIS = 200;

    @Inject
    OriginateRateLimiter limiter;

    @Test
    void sendersTogetherNeverGetMoreThanTheLimitInAWindowFromRedis() throws Exception {
        assertHeld(grantsOfConcurrentSenders("rl-redis-" + UUID.randomUUID()));
    }

    @Test
    void withoutRedisPostgresKeepsTheSameLog() throws Exception {
        EmbeddedServersTestResource.redis().stop();
        try {
            assertHeld(grantsOfConcurrentSenders("rl-pg-" + UUID.randomUUID()));
        } finally {
            EmbeddedServersTestResource.redis().restart();
        }
    }

    private static void assertHeld(List<Long> grants) {
        Collections.sort(grants);
        long shorterWindow = WINDOW.toMillis() - CALL_ALLOWANCE_MILLIS;
        int from = 0;
        for (int to = 0; to < grants.size(); to++) {
            while (grants.get(to) - grants.get(from) >= shorterWindow) {
                from++;
            }
            assertTrue(to - from + 1 <= LIMIT, (to - from + 1) + " slots within " + shorterWindow + " ms: " + grants);
        }
        // 2.5 s of asking: the first window, the second, and part of the third
        assertTrue(grants.size() >= 2 * LIMIT, grants.size() + " slots granted: " + grants);
    }

    /** Every slot granted (wall clock, ms, read as the grant returned) to senders asking 1–3 at a time. */
    private List<Long> grantsOfConcurrentSenders(String campaignId) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<List<Long>>> asked = new ArrayList<>();
            long end = System.currentTimeMillis() + RUN_MILLIS;
            for (int s = 0; s < SENDERS; s++) {
                int batch = 1 + s % 3;
                asked.add(senders.submit(() -> {
                    List<Long> granted = new ArrayList<>();
                    while (System.currentTimeMillis() < end) {
                        OriginateRateLimiter.Grant grant = limiter.reserve(campaignId, LIMIT, WINDOW, batch, java.util.Map.of());
                        long at = System.currentTimeMillis();
                        for (int i = 0; i < grant.slots(); i++) {
                            granted.add(at);
                        }
                        if (grant.slots() == 0) {
                            Thread.sleep(Math.min(grant.waitMillis(), 50));
                        }
                    }
                    return granted;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> sender : asked) {
                all.addAll(sender.get());
            }
            return all;
        } finally {
            senders.shutdownNow();
        }
    }
}
