package com.bank.callcenter.pages;

import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.scoring.Indicator;
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

import java.time.Clock;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The monthly score table: a period's rows sortable by any column, one RM's breakdown (indicators,
 * the effective-call standard, the records behind the counts), and for supervisors and admins the
 * qualitative points, the targets and closing the period. static/scores.js works against
 * /api/scores and /api/targets, which decide again who sees and changes what (an RM: their own row).
 */
@Path("/scores")
@RolesAllowed({Roles.RM, Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ScoresPage {

    /** Who may enter points, set targets and close a period (the API checks again). */
    static final List<String> EDITORS = List.of(Roles.SUPERVISOR, Roles.ADMIN);

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance scores(String lang, String period, boolean canEdit, List<String> indicators,
                                              boolean canImport, boolean canCampaigns, boolean canDesk);
    }

    private final PageLanguage languages;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final CallCenterConfig config;

    public ScoresPage(PageLanguage languages, CurrentUser currentUser, Clock clock, CallCenterConfig config) {
        this.languages = languages;
        this.currentUser = currentUser;
        this.clock = clock;
        this.config = config;
    }

    /** {@code period} (YYYY-MM) preselects a period; the current month (in the bank's zone) otherwise. */
    @GET
    public TemplateInstance scores(@QueryParam("lang") String lang, @QueryParam("period") String period,
                                   @Context HttpHeaders headers) {
        Locale locale = languages.pick(lang, headers.getAcceptableLanguages());
        List<String> indicators = Arrays.stream(Indicator.values()).map(Indicator::name).toList();
        return Templates.scores(locale.getLanguage(), shownPeriod(period), EDITORS.stream().anyMatch(currentUser::is),
                        indicators, ImportsPage.ROLES.stream().anyMatch(currentUser::is),
                        CampaignsPage.ROLES.stream().anyMatch(currentUser::is),
                        DeskPage.ROLES.stream().anyMatch(currentUser::is))
                .setLocale(locale);
    }

    private String shownPeriod(String requested) {
        if (requested != null) {
            try {
                return YearMonth.parse(requested.trim()).toString();
            } catch (java.time.format.DateTimeParseException ignored) {
                // a bad period in the address shows the current one
            }
        }
        return YearMonth.now(clock.withZone(config.zone())).toString();
    }
}
