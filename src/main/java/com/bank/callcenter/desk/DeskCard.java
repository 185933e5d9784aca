package com.bank.callcenter.desk;

import com.bank.callcenter.customers.CustomerCard;
import com.bank.callcenter.customers.MobileNumbers;
import com.bank.callcenter.customers.Tier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the desk shows for one served customer: the claim (list entry or callback), its campaign and
 * script, the customer with a masked mobile only, and — when the service already dialled
 * (progressive, or a hand-off from the robot's team queue) — the call.
 */
public record DeskCard(Long entryId, Long callbackId, Instant claimExpiresAt, String reason, String dialMode,
                       UUID callId, Campaign campaign, Customer customer) {

    public record Campaign(String id, String name, String script) {
    }

    public record Customer(String customerId, String name, String mobileMasked, Tier tier, BigDecimal aum,
                           String branchId, List<CustomerCard.HoldingLine> holdings, List<Outflow> outflows,
                           List<RecentContact> recentContacts) {

        static String masked(String mobile) {
            return mobile == null ? null : MobileNumbers.mask(mobile);
        }
    }

    /** Money that left for another bank in the customer's own name. */
    public record Outflow(Instant at, BigDecimal amount, String counterpartyBank) {
    }

    /** A recent call or SMS: its channel, outcome (call outcome or SMS state) and the RM's disposition. */
    public record RecentContact(Instant at, String channel, String outcome, String disposition) {
    }

    public DeskCard withCall(UUID call) {
        return new DeskCard(entryId, callbackId, claimExpiresAt, reason, dialMode, call, campaign, customer);
    }
}
