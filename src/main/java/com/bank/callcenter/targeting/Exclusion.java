package com.bank.callcenter.targeting;

/**
 * The standing exclusions of every list (DOMAIN.md), in the order they are checked: a customer
 * excluded for several reasons is counted under the first.
 */
public enum Exclusion {
    closed,
    noMobile,
    doNotCall,
    openComplaint,
    frequencyCap,
    /** AGENT_CALL lists only: a customer without a manager has no RM to call them. */
    noManager
}
