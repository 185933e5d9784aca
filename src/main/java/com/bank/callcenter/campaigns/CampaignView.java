package com.bank.callcenter.campaigns;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;

/**
 * A campaign as the API shows it: every field of its definition (with defaults filled in), then
 * its state, where it came from and its version.
 */
public record CampaignView(@JsonUnwrapped CampaignDefinition definition, CampaignState state,
                           Campaign.Source source, String sourceFile, int version, String updatedBy,
                           Instant updatedAt) {
}
