package com.bank.callcenter.customers;

import com.bank.callcenter.config.CallCenterConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;

/** The tier of an AUM, lower bounds inclusive, bounds from configuration. */
@ApplicationScoped
public class TierPolicy {

    private final CallCenterConfig.Tiers bounds;

    public TierPolicy(CallCenterConfig config) {
        this.bounds = config.tiers();
    }

    public Tier tierOf(BigDecimal aum) {
        if (aum.compareTo(bounds.privateBankingFrom()) >= 0) {
            return Tier.PRIVATE_BANKING;
        }
        if (aum.compareTo(bounds.wealthFrom()) >= 0) {
            return Tier.WEALTH;
        }
        if (aum.compareTo(bounds.midHighFrom()) >= 0) {
            return Tier.MID_HIGH;
        }
        if (aum.compareTo(bounds.longTailFrom()) >= 0) {
            return Tier.LONG_TAIL;
        }
        return Tier.MASS;
    }
}
