package com.bank.callcenter.customers;

/** Customer tiers by annual daily-average financial assets (DOMAIN.md), highest first. */
public enum Tier {
    PRIVATE_BANKING,
    WEALTH,
    MID_HIGH,
    LONG_TAIL,
    MASS
}
