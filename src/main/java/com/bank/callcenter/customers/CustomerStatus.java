package com.bank.callcenter.customers;

/** Whether the bank still serves the customer; only ACTIVE customers are put in a book. */
public enum CustomerStatus {
    ACTIVE,
    CLOSED,
    DECEASED
}
