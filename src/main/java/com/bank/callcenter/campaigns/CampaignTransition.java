package com.bank.callcenter.campaigns;

/** What a planner does to a campaign's state, and the state each action leads to. */
public enum CampaignTransition {
    START(CampaignState.ACTIVE),
    PAUSE(CampaignState.PAUSED),
    END(CampaignState.ENDED);

    private final CampaignState target;

    CampaignTransition(CampaignState target) {
        this.target = target;
    }

    public CampaignState target() {
        return target;
    }
}
