package com.bank.callcenter.desk;

import com.bank.callcenter.calls.AgentCallTargets;
import com.bank.callcenter.campaigns.CampaignsConfig;
import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.lists.ListEntries;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The desk's claims as call targets: POST /api/calls with an entryId or callbackId the RM holds. */
@ApplicationScoped
public class DeskCallTargets implements AgentCallTargets {

    private final ListEntries entries;
    private final Callbacks callbacks;
    private final DeskCampaigns campaigns;
    private final CampaignsConfig campaignsConfig;

    public DeskCallTargets(ListEntries entries, Callbacks callbacks, DeskCampaigns campaigns,
                           CampaignsConfig campaignsConfig) {
        this.entries = entries;
        this.callbacks = callbacks;
        this.campaigns = campaigns;
        this.campaignsConfig = campaignsConfig;
    }

    @Override
    public AgentCallTarget resolve(String staffId, String customerId, Long entryId, Long callbackId) {
        if (entryId != null) {
            ListEntries.AgentEntry entry = entries.heldBy(entryId, staffId)
                    .orElseThrow(() -> ProblemException.notFound("claimed entry", entryId));
            sameCustomer(customerId, entry.customerId());
            return new AgentCallTarget(entry.campaignId(), entry.listId(), entryId, null, capDays(entry.campaignId()));
        }
        Callbacks.Callback callback = callbacks.held(callbackId, staffId)
                .orElseThrow(() -> ProblemException.notFound("claimed callback", callbackId));
        sameCustomer(customerId, callback.customerId());
        return new AgentCallTarget(callback.campaignId(), callback.listId(), null, callbackId,
                capDays(callback.campaignId()));
    }

    @Override
    public void placed(AgentCallTarget target, UUID callId) {
        if (target.entryId() != null) {
            entries.agentCallPlaced(target.entryId(), callId);
        } else if (target.callbackId() != null) {
            callbacks.called(target.callbackId(), callId);
        }
    }

    private int capDays(String campaignId) {
        return campaigns.find(campaignId).map(campaigns::frequencyCapDays)
                .orElse(campaignsConfig.defaults().frequencyCapDays());
    }

    private static void sameCustomer(String asked, String held) {
        if (!held.equals(asked)) {
            throw ProblemException.conflict("wrong-customer", "the claimed entry is for another customer");
        }
    }
}
