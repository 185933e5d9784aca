package com.bank.callcenter.imports;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SeenIdsTest {

    @Test
    void repeatedIdReportsTheLineItWasFirstSeenOn() {
        SeenIds seen = new SeenIds();
        assertEquals(-1, seen.firstLineOf("C1", 2));
        assertEquals(-1, seen.firstLineOf("C2", 3));
        assertEquals(2, seen.firstLineOf("C1", 4));
    }

    @Test
    void aMillionDistinctIdsAreAllNewAcrossGrowth() {
        SeenIds seen = new SeenIds();
        long repeated = 0;
        for (int i = 0; i < 1_000_000; i++) {
            if (seen.firstLineOf("C" + i, i + 2) >= 0) {
                repeated++;
            }
        }
        assertEquals(0, repeated);
        assertEquals(500_002, seen.firstLineOf("C500000", 9));
    }
}
