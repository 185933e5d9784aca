package com.bank.callcenter.common;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetriedWriteTest {

    @Test
    void aWriteThatFailsOnceIsWrittenAtTheRetry() throws InterruptedException {
        AtomicInteger tries = new AtomicInteger();
        CountDownLatch written = new CountDownLatch(1);
        boolean atOnce = RetriedWrite.run("test write", () -> {
            if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException("database briefly away");
            }
            written.countDown();
        }, List.of(Duration.ofMillis(10), Duration.ofMillis(10)));

        assertFalse(atOnce);
        assertTrue(written.await(5, TimeUnit.SECONDS), "retried and written");
        assertEquals(2, tries.get());
    }

    @Test
    void retriesAreBounded() throws InterruptedException {
        AtomicInteger tries = new AtomicInteger();
        RetriedWrite.run("test write", () -> {
            tries.incrementAndGet();
            throw new IllegalStateException("database away");
        }, List.of(Duration.ofMillis(5), Duration.ofMillis(5)));
        Thread.sleep(500);
        assertEquals(3, tries.get(), "once, then one retry per backoff delay");
    }
}
