package com.bank.callcenter.books;

import com.bank.callcenter.customers.Tier;

import java.util.Map;

/** A manager's book at a glance: its size against the capacity, and its tier mix. */
public record BookSummary(String staffId, String name, String branchId, long size, int capacity,
                          Map<Tier, Long> tiers) {
}
