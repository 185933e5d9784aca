package com.bank.callcenter.books;

/**
 * A customer whose book must be handed over: {@code manager-inactive} (the manager left) or
 * {@code left-long-tail} (the customer's tier is no longer LONG_TAIL).
 */
public record HandoverEntry(String customerId, String name, String managerId, String tier, String reason) {

    public static final String MANAGER_INACTIVE = "manager-inactive";
    public static final String LEFT_LONG_TAIL = "left-long-tail";
}
