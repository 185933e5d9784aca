package com.bank.callcenter.lists;

/**
 * Where an entry of a target list stands (list_entry.state):
 * PENDING → IN_PROGRESS (claimed by a worker) → DONE, or back to PENDING (released, or a retry the
 * campaign's contact policy allows); SKIPPED when a contact rule refused it at the moment of the attempt.
 */
public enum EntryState {
    PENDING,
    IN_PROGRESS,
    DONE,
    SKIPPED
}
