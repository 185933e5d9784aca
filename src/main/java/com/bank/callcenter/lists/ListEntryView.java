package com.bank.callcenter.lists;

/** One entry of a target list as the API shows it. */
public record ListEntryView(String customerId, String reason, int priority, String managerId) {
}
