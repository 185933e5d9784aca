package com.bank.callcenter.pages;

import com.bank.callcenter.campaigns.CampaignFiles;
import com.bank.callcenter.campaigns.CampaignService;
import com.bank.callcenter.campaigns.CampaignState;
import com.bank.callcenter.campaigns.CampaignSummary;
import com.bank.callcenter.campaigns.CampaignView;
import com.bank.callcenter.campaigns.FileProblem;
import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.security.CurrentUser;
import com.bank.callcenter.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The planner's campaigns: the list with start / pause / end, and one campaign's definition
 * with save (PUT) and a list preview (static/campaigns.js calls the API). Supervisors read only.
 */
@Path("/campaigns")
@RolesAllowed({Roles.PLANNER, Roles.ADMIN, Roles.SUPERVISOR})
@Produces(MediaType.TEXT_HTML)
public class CampaignsPage {

    /** Who may open these pages; the same list as in @RolesAllowed. */
    static final List<String> ROLES = List.of(Roles.PLANNER, Roles.ADMIN, Roles.SUPERVISOR);
    /** Who may change campaigns (the API checks again). */
    static final List<String> EDITORS = List.of(Roles.PLANNER, Roles.ADMIN);

    /** A line of the list with the actions its state allows. */
    public record Row(CampaignSummary campaign, boolean canStart, boolean canPause, boolean canEnd) {

        static Row of(CampaignSummary campaign) {
            CampaignState state = campaign.state();
            return new Row(campaign, state.canBecome(CampaignState.ACTIVE), state.canBecome(CampaignState.PAUSED),
                    state.canBecome(CampaignState.ENDED));
        }
    }

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance campaigns(String lang, List<Row> rows, List<FileProblem> fileProblems,
                                                 boolean canEdit);

        static native TemplateInstance campaign(String lang, CampaignView campaign, String definitionJson,
                                                boolean canEdit, LocalDate today);
    }

    private final PageLanguage languages;
    private final CampaignService campaigns;
    private final CampaignFiles files;
    private final CurrentUser currentUser;
    private final ObjectMapper json;
    private final CallCenterConfig config;

    public CampaignsPage(PageLanguage languages, CampaignService campaigns, CampaignFiles files,
                         CurrentUser currentUser, ObjectMapper json, CallCenterConfig config) {
        this.languages = languages;
        this.campaigns = campaigns;
        this.files = files;
        this.currentUser = currentUser;
        this.json = json;
        this.config = config;
    }

    @GET
    public TemplateInstance list(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Locale locale = languages.pick(lang, headers.getAcceptableLanguages());
        List<Row> rows = campaigns.list().stream().map(Row::of).toList();
        return Templates.campaigns(locale.getLanguage(), rows, files.problems(), canEdit()).setLocale(locale);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance campaign(@PathParam("id") String id, @QueryParam("lang") String lang,
                                     @Context HttpHeaders headers) {
        Locale locale = languages.pick(lang, headers.getAcceptableLanguages());
        CampaignView campaign = campaigns.find(id).orElseThrow(() -> ProblemException.notFound("campaign", id));
        String definition;
        try {
            definition = json.writerWithDefaultPrettyPrinter().writeValueAsString(campaign.definition());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign " + id + " cannot be shown as JSON", e);
        }
        return Templates.campaign(locale.getLanguage(), campaign, definition, canEdit(), LocalDate.now(config.zone()))
                .setLocale(locale);
    }

    private boolean canEdit() {
        return EDITORS.stream().anyMatch(currentUser::is);
    }
}
