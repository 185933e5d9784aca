package com.bank.callcenter.imports;

/**
 * The ids of a file seen so far, as 64-bit hashes in an open-addressing table (16 bytes an id,
 * not the ids themselves), with the line each was first seen on. A repeated hash is only a
 * candidate duplicate: it is confirmed against the staged rows, so a hash collision never
 * rejects a good file.
 */
final class SeenIds {

    private static final int INITIAL_CAPACITY = 1 << 16;
    private static final long EMPTY = 0;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private long[] hashes = new long[INITIAL_CAPACITY];
    private long[] lines = new long[INITIAL_CAPACITY];
    private int size;

    /** Records the id on this line; returns the line it was first seen on, or -1 if it is new. */
    long firstLineOf(String id, long line) {
        if (size * 2 >= hashes.length) {
            grow();
        }
        long hash = hash(id);
        int mask = hashes.length - 1;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (hashes[slot] != EMPTY) {
            if (hashes[slot] == hash) {
                return lines[slot];
            }
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        lines[slot] = line;
        size++;
        return -1;
    }

    /** The line this id's hash was first seen on, or -1 if it was never seen. */
    long lineOf(String id) {
        long hash = hash(id);
        int mask = hashes.length - 1;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (hashes[slot] != EMPTY) {
            if (hashes[slot] == hash) {
                return lines[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private void grow() {
        long[] oldHashes = hashes;
        long[] oldLines = lines;
        hashes = new long[oldHashes.length * 2];
        lines = new long[oldLines.length * 2];
        int mask = hashes.length - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != EMPTY) {
                int slot = (int) (oldHashes[i] ^ (oldHashes[i] >>> 32)) & mask;
                while (hashes[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                lines[slot] = oldLines[i];
            }
        }
    }

    /** FNV-1a over the characters; 0 is reserved for empty slots. */
    private static long hash(String id) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < id.length(); i++) {
            hash ^= id.charAt(i);
            hash *= FNV_PRIME;
        }
        return hash == EMPTY ? 1 : hash;
    }
}
