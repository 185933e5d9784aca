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

    /** Slot i is (slots[2i] = hash, slots[2i + 1] = line): one cache line per probe of a large file's table. */
    private long[] slots = new long[2 * INITIAL_CAPACITY];
    private int size;

    /** Records the id on this line; returns the line it was first seen on, or -1 if it is new. */
    long firstLineOf(String id, long line) {
        if (size * 2 >= capacity()) {
            grow();
        }
        long hash = hash(id);
        int slot = find(slots, hash);
        if (slots[2 * slot] == hash) {
            return slots[2 * slot + 1];
        }
        slots[2 * slot] = hash;
        slots[2 * slot + 1] = line;
        size++;
        return -1;
    }

    /** The line this id's hash was first seen on, or -1 if it was never seen. */
    long lineOf(String id) {
        long hash = hash(id);
        int slot = find(slots, hash);
        return slots[2 * slot] == hash ? slots[2 * slot + 1] : -1;
    }

    private int capacity() {
        return slots.length / 2;
    }

    /** The slot holding this hash, or the empty slot where it would go. */
    private static int find(long[] table, long hash) {
        int mask = table.length / 2 - 1;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (table[2 * slot] != EMPTY && table[2 * slot] != hash) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY) {
                int slot = find(slots, old[i]);
                slots[2 * slot] = old[i];
                slots[2 * slot + 1] = old[i + 1];
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
