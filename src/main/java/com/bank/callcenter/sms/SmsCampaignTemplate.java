package com.bank.callcenter.sms;

import com.bank.callcenter.campaigns.Campaign;
import com.bank.callcenter.campaigns.CampaignDefinition;
import com.bank.callcenter.campaigns.CampaignPolicies;
import com.bank.callcenter.campaigns.CampaignState;
import com.bank.callcenter.campaigns.CampaignStateChanged;
import com.bank.callcenter.campaigns.Channel;
import com.bank.callcenter.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Optional;

/**
 * An SMS campaign sends its sms.template: one that is missing, too long or uses an unknown variable
 * keeps the campaign from starting (409 sms-template-invalid), and from sending if it got ACTIVE
 * another way (a file's state); the diagnostics say so.
 */
@ApplicationScoped
public class SmsCampaignTemplate {

    /** The problem code of a start refused for the template. */
    public static final String INVALID = "sms-template-invalid";

    private final SmsTemplates templates;
    private final CampaignPolicies policies;

    public SmsCampaignTemplate(SmsTemplates templates, CampaignPolicies policies) {
        this.templates = templates;
        this.policies = policies;
    }

    /** Why the campaign's template cannot be sent, in English; empty when it can. */
    public Optional<String> problem(CampaignDefinition definition) {
        String template = definition.sms() == null ? null : definition.sms().template();
        if (template == null || template.isBlank()) {
            return Optional.of("the campaign has no sms.template");
        }
        try {
            templates.checkText(template, "sms.template");
            return Optional.empty();
        } catch (ProblemException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Start of an SMS campaign, in the transition's transaction: refused while the template cannot be sent. */
    void checkBeforeStart(@Observes CampaignStateChanged changed) {
        if (changed.channel() != Channel.SMS || changed.state() != CampaignState.ACTIVE) {
            return;
        }
        Campaign campaign = Campaign.<Campaign>findByIdOptional(changed.campaignId())
                .orElseThrow(() -> ProblemException.notFound("campaign", changed.campaignId()));
        problem(policies.read(campaign.definition)).ifPresent(why -> {
            throw ProblemException.conflict(INVALID, "SMS campaign " + changed.campaignId() + " cannot start: " + why);
        });
    }
}
