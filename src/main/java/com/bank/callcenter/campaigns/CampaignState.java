package com.bank.callcenter.campaigns;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A campaign's life, with every allowed transition in one place. */
public enum CampaignState {
    DRAFT,
    ACTIVE,
    PAUSED,
    ENDED;

    private static final Map<CampaignState, Set<CampaignState>> NEXT = Map.of(
            DRAFT, EnumSet.of(ACTIVE, ENDED),
            ACTIVE, EnumSet.of(PAUSED, ENDED),
            PAUSED, EnumSet.of(ACTIVE, ENDED),
            ENDED, EnumSet.noneOf(CampaignState.class));

    public boolean canBecome(CampaignState next) {
        return NEXT.get(this).contains(next);
    }
}
