package com.bank.callcenter.contacts;

import com.bank.callcenter.campaigns.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * One attempt to reach a customer, of any channel; the call or SMS record shares its id.
 * {@code marketing} attempts count toward the frequency cap; {@code campaignId}/{@code listId} are
 * set for a campaign's attempts, {@code staffId} for an RM's.
 */
public record ContactAttempt(UUID id, String customerId, String campaignId, Long listId, Channel channel,
                             boolean marketing, String staffId, Instant createdAt) {

    /** An RM's own call or SMS, outside any campaign. */
    public static ContactAttempt byManager(UUID id, String customerId, Channel channel, boolean marketing,
                                           String staffId, Instant at) {
        return new ContactAttempt(id, customerId, null, null, channel, marketing, staffId, at);
    }

    /** A campaign's attempt at an entry of one of its lists. */
    public static ContactAttempt ofCampaign(UUID id, String customerId, String campaignId, long listId, Channel channel,
                                            Instant at) {
        return new ContactAttempt(id, customerId, campaignId, listId, channel, true, null, at);
    }
}
