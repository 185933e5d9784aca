package com.bank.callcenter.desk;

import com.bank.callcenter.campaigns.Campaign;
import com.bank.callcenter.campaigns.CampaignDefinition;
import com.bank.callcenter.campaigns.CampaignPolicies;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The campaign side of a desk card: name, the script with the customer's and RM's names, the dial mode, the policies. */
@ApplicationScoped
public class DeskCampaigns {

    private final CampaignPolicies policies;

    public DeskCampaigns(CampaignPolicies policies) {
        this.policies = policies;
    }

    /** A campaign as the desk reads it; runs in the caller's transaction. */
    public record DeskCampaign(String id, String name, CampaignDefinition definition) {

        public DeskCard.Campaign card(String customerName, String managerName) {
            String script = definition.script() == null ? null : definition.script()
                    .replace("{customerName}", customerName == null ? "" : customerName)
                    .replace("{managerName}", managerName == null ? "" : managerName);
            return new DeskCard.Campaign(id, name, script);
        }

        public boolean progressive() {
            return definition.effectiveDialMode() == CampaignDefinition.DialMode.PROGRESSIVE;
        }
    }

    public Optional<DeskCampaign> find(String campaignId) {
        if (campaignId == null) {
            return Optional.empty();
        }
        return Campaign.<Campaign>findByIdOptional(campaignId)
                .map(c -> new DeskCampaign(c.id, c.name, policies.read(c.definition)));
    }

    public int frequencyCapDays(DeskCampaign campaign) {
        return policies.frequencyCapDays(campaign.definition());
    }

    public CampaignPolicies policies() {
        return policies;
    }
}
