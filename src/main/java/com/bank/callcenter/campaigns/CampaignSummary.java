package com.bank.callcenter.campaigns;

import java.time.Instant;

/** One line of the campaign list. */
public record CampaignSummary(String id, String name, Channel channel, CampaignState state, int priority,
                              Campaign.Source source, int version, Instant updatedAt) {

    static CampaignSummary of(Campaign campaign) {
        return new CampaignSummary(campaign.id, campaign.name, campaign.channel, campaign.state, campaign.priority,
                campaign.source, campaign.version, campaign.updatedAt);
    }
}
