package com.bank.callcenter.campaigns;

import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.campaigns.rule.RuleException;
import com.bank.callcenter.campaigns.rule.RuleParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Campaigns as planners keep them: created and replaced through the API or loaded from files,
 * and moved through their states. Definitions are stored with every default filled in.
 */
@ApplicationScoped
@Transactional
public class CampaignService {

    /** updated_by of campaigns written by the start-up file loader. */
    static final String FILE_LOADER = "file";
    private static final String RULE_PATH = "rule";

    /** What loading one file did. */
    public enum FileOutcome { CREATED, UPDATED, UNCHANGED }

    private final CampaignsConfig config;
    private final ObjectMapper json;
    private final RuleParser rules = new RuleParser();
    private final Event<CampaignStateChanged> stateChanged;

    public CampaignService(CampaignsConfig config, ObjectMapper json, Event<CampaignStateChanged> stateChanged) {
        this.config = config;
        this.json = json;
        this.stateChanged = stateChanged;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CampaignSummary> list() {
        return Campaign.byPriority().stream()
                .map(CampaignSummary::of)
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CampaignView> find(String id) {
        return Campaign.findByCampaignId(id).map(this::view);
    }

    /** A new campaign from the API: DRAFT, version 1. */
    public CampaignView create(CampaignDefinition definition, String user) {
        checkRule(definition);
        if (definition.state() != null && definition.state() != CampaignState.DRAFT) {
            throw stateIsNotEditable(definition.state(), CampaignState.DRAFT);
        }
        if (Campaign.findByCampaignId(definition.id()).isPresent()) {
            throw new ProblemException(Status.CONFLICT, "campaign-exists",
                    "campaign " + definition.id() + " already exists", Map.of("field", "id"));
        }
        Campaign campaign = new Campaign();
        campaign.id = definition.id();
        campaign.state = CampaignState.DRAFT;
        campaign.source = Campaign.Source.API;
        campaign.version = 1;
        write(campaign, definition, user);
        campaign.persist();
        return view(campaign);
    }

    /**
     * Replaces the definition (version + 1). A campaign loaded from a file is from then on kept
     * through the API: its file no longer overwrites it.
     */
    public CampaignView replace(String id, CampaignDefinition definition, String user) {
        if (!id.equals(definition.id())) {
            throw new ProblemException(Status.BAD_REQUEST, "id-mismatch",
                    "the body's id " + definition.id() + " is not the campaign's id " + id, Map.of("field", "id"));
        }
        Campaign campaign = lock(id);
        checkRule(definition);
        if (definition.state() != null && definition.state() != campaign.state) {
            throw stateIsNotEditable(definition.state(), campaign.state);
        }
        write(campaign, definition, user);
        campaign.version++;
        campaign.source = Campaign.Source.API;
        return view(campaign);
    }

    /** start / pause / end: only the transitions {@link CampaignState#canBecome} allows. */
    public CampaignView transition(String id, CampaignTransition action, String user) {
        Campaign campaign = lock(id);
        CampaignState target = action.target();
        if (!campaign.state.canBecome(target)) {
            throw new ProblemException(Status.CONFLICT, "bad-transition",
                    "campaign " + id + " is " + campaign.state + " and cannot become " + target,
                    Map.of("from", campaign.state.name(), "to", target.name()));
        }
        campaign.state = target;
        campaign.updatedBy = user;
        campaign.updatedAt = Instant.now();
        stateChanged.fire(new CampaignStateChanged(campaign.id, campaign.channel, target));
        return view(campaign);
    }

    /**
     * Creates or updates a campaign from a valid file. The state is the file's (default DRAFT)
     * when the campaign is created or the file changes it; a campaign kept through the API is
     * never overwritten (a 409 problem naming the id).
     */
    public FileOutcome upsertFromFile(CampaignDefinition definition, String fileName) {
        checkRule(definition);
        Optional<Campaign> existing = Optional.ofNullable(
                Campaign.findById(definition.id(), LockModeType.PESSIMISTIC_WRITE));
        if (existing.isEmpty()) {
            Campaign campaign = new Campaign();
            campaign.id = definition.id();
            campaign.state = definition.state() == null ? CampaignState.DRAFT : definition.state();
            campaign.source = Campaign.Source.FILE;
            campaign.sourceFile = fileName;
            campaign.version = 1;
            write(campaign, definition, FILE_LOADER);
            campaign.persist();
            return FileOutcome.CREATED;
        }
        Campaign campaign = existing.get();
        if (campaign.source != Campaign.Source.FILE) {
            throw new ProblemException(Status.CONFLICT, "campaign-kept-by-api",
                    "campaign " + campaign.id + " is kept through the API (last changed by " + campaign.updatedBy
                            + "); the file does not overwrite it", Map.of("field", "id"));
        }
        boolean sameDefinition = stored(campaign).equals(json.valueToTree(complete(definition)));
        boolean sameState = definition.state() == null || definition.state() == campaign.state;
        if (sameDefinition && sameState && fileName.equals(campaign.sourceFile)) {
            return FileOutcome.UNCHANGED;
        }
        if (!sameDefinition) {
            campaign.version++;
        }
        write(campaign, definition, FILE_LOADER);
        if (definition.state() != null) {
            campaign.state = definition.state();
        }
        campaign.sourceFile = fileName;
        return FileOutcome.UPDATED;
    }

    /** The rule must parse; otherwise a 400 "bad-rule" problem naming the field ({@link RuleException}). */
    public void checkRule(CampaignDefinition definition) {
        rules.parse(definition.rule(), RULE_PATH);
    }

    private Campaign lock(String id) {
        Campaign campaign = Campaign.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (campaign == null) {
            throw ProblemException.notFound("campaign", id);
        }
        return campaign;
    }

    private CampaignDefinition complete(CampaignDefinition definition) {
        return definition.withDefaults(config.defaults()).withoutState();
    }

    private void write(Campaign campaign, CampaignDefinition definition, String user) {
        CampaignDefinition full = complete(definition);
        campaign.name = full.name();
        campaign.channel = full.channel();
        campaign.priority = full.priority();
        try {
            campaign.definition = json.writeValueAsString(full);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a campaign definition could not be written as JSON", e);
        }
        campaign.updatedBy = user;
        campaign.updatedAt = Instant.now();
    }

    private JsonNode stored(Campaign campaign) {
        try {
            return json.readTree(campaign.definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign " + campaign.id + " has a stored definition that is not JSON", e);
        }
    }

    private CampaignView view(Campaign campaign) {
        CampaignDefinition definition;
        try {
            definition = json.readValue(campaign.definition, CampaignDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign " + campaign.id + " has a stored definition that is not valid", e);
        }
        return new CampaignView(definition, campaign.state, campaign.source, campaign.sourceFile, campaign.version,
                campaign.updatedBy, campaign.updatedAt);
    }

    private static ProblemException stateIsNotEditable(CampaignState given, CampaignState expected) {
        return new ProblemException(Status.BAD_REQUEST, "state-not-editable",
                "state " + given + " cannot be set here (the campaign is " + expected
                        + "); use POST /api/campaigns/{id}/start, /pause or /end", Map.of("field", "state"));
    }
}
