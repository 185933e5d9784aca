package com.bank.callcenter.campaigns;

/** Fired by start / pause / end, observed after the commit (e.g. the robot dialer starts dialing at once). */
public record CampaignStateChanged(String campaignId, Channel channel, CampaignState state) {
}
