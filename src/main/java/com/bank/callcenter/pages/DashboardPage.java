package com.bank.callcenter.pages;

import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.scoring.ScoringConfig;
import com.bank.callcenter.security.CurrentUser;
import com.bank.callcenter.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Locale;

/**
 * The supervisor's live dashboard: the RMs by state with how long they have been in it, the calls in
 * progress, today's totals, each RM's effective calls and SMS against the daily standard, the robot's
 * results and the calls per hour. static/dashboard.js reads GET /api/dashboard/today and follows
 * /api/dashboard/stream; a supervisor sees their branch, an admin every branch (the API decides).
 */
@Path("/dashboard")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

    /** The states in the order the page groups the RMs (the desk's AgentState names). */
    static final List<String> STATES = List.of("ON_CALL", "WRAP_UP", "READY", "PAUSED", "OFFLINE");

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance dashboard(String lang, String zone, List<String> states, int effectiveStandard,
                                                 int smsStandard, boolean canImport, boolean canCampaigns);
    }

    private final PageLanguage languages;
    private final CurrentUser currentUser;
    private final ScoringConfig scoring;
    private final CallCenterConfig config;

    public DashboardPage(PageLanguage languages, CurrentUser currentUser, ScoringConfig scoring,
                         CallCenterConfig config) {
        this.languages = languages;
        this.currentUser = currentUser;
        this.scoring = scoring;
        this.config = config;
    }

    @GET
    public TemplateInstance dashboard(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Locale locale = languages.pick(lang, headers.getAcceptableLanguages());
        return Templates.dashboard(locale.getLanguage(), config.zone().getId(), STATES, scoring.effectiveCallsPerWorkingDay(),
                scoring.smsPerWorkingDay(), ImportsPage.ROLES.stream().anyMatch(currentUser::is),
                CampaignsPage.ROLES.stream().anyMatch(currentUser::is)).setLocale(locale);
    }
}
