package com.bank.callcenter.books;

/** What an automatic assignment did: customers given a manager, and those that found no capacity. */
public record AssignmentOutcome(long assigned, long unassigned) {
}
