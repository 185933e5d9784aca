package com.bank.callcenter.desk;

import com.bank.callcenter.campaigns.Campaign;
import com.bank.callcenter.campaigns.CampaignDefinition;
import com.bank.callcenter.campaigns.CampaignPolicies;
import com.bank.callcenter.staff.Staff;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The campaign side of a desk card: name, the script with the customer's and RM's names, the dial mode, the policies. */
@ApplicationScoped
public class DeskCampaigns {

    private static final long FRESH_FOR_MILLIS = 5_000;

    private final CampaignPolicies policies;
    private final Map<String, Cached> campaigns = new ConcurrentHashMap<>();
    private final Map<String, CachedName> names = new ConcurrentHashMap<>();

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

    /**
     * The campaign, read at most every {@value #FRESH_FOR_MILLIS} ms: every served card needs it, and a
     * planner's edit of the script may take that long to reach the desks (whether the campaign is
     * served at all is decided in the claim's SQL, never here).
     */
    public Optional<DeskCampaign> find(String campaignId) {
        if (campaignId == null) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        Cached cached = campaigns.get(campaignId);
        if (cached != null && now - cached.readAt() < FRESH_FOR_MILLIS) {
            return cached.campaign();
        }
        Optional<DeskCampaign> read = Campaign.<Campaign>findByIdOptional(campaignId)
                .map(c -> new DeskCampaign(c.id, c.name, policies.read(c.definition)));
        campaigns.put(campaignId, new Cached(read, now));
        return read;
    }

    /** The RM's name for the script's {managerName}, read at most every {@value #FRESH_FOR_MILLIS} ms. */
    public String managerName(String staffId) {
        long now = System.currentTimeMillis();
        CachedName cached = names.get(staffId);
        if (cached != null && now - cached.readAt() < FRESH_FOR_MILLIS) {
            return cached.name();
        }
        String name = Staff.findByStaffId(staffId).map(s -> s.name).orElse(null);
        names.put(staffId, new CachedName(name, now));
        return name;
    }

    private record Cached(Optional<DeskCampaign> campaign, long readAt) {
    }

    private record CachedName(String name, long readAt) {
    }

    public int frequencyCapDays(DeskCampaign campaign) {
        return policies.frequencyCapDays(campaign.definition());
    }

    public CampaignPolicies policies() {
        return policies;
    }
}
