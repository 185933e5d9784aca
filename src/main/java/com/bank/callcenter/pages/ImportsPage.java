package com.bank.callcenter.pages;

import com.bank.callcenter.config.CallCenterConfig;
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

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Upload of an extract: the page posts the file to {@code /api/imports/{kind}?async=true} and
 * polls {@code /api/imports/{jobId}} for progress (static/imports.js).
 */
@Path("/imports")
@RolesAllowed({Roles.PLANNER, Roles.ADMIN, Roles.SUPERVISOR})
@Produces(MediaType.TEXT_HTML)
public class ImportsPage {

    /** Who may open this page; the same list as in @RolesAllowed. */
    static final List<String> ROLES = List.of(Roles.PLANNER, Roles.ADMIN, Roles.SUPERVISOR);

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance imports(String lang, LocalDate today, boolean staffAllowed);
    }

    private final PageLanguage languages;
    private final CallCenterConfig config;
    private final CurrentUser currentUser;

    public ImportsPage(PageLanguage languages, CallCenterConfig config, CurrentUser currentUser) {
        this.languages = languages;
        this.config = config;
        this.currentUser = currentUser;
    }

    @GET
    public TemplateInstance imports(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Locale locale = languages.pick(lang, headers.getAcceptableLanguages());
        boolean staffAllowed = currentUser.is(Roles.ADMIN);
        return Templates.imports(locale.getLanguage(), LocalDate.now(config.zone()), staffAllowed).setLocale(locale);
    }
}
