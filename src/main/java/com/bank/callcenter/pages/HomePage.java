package com.bank.callcenter.pages;

import com.bank.callcenter.security.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import java.util.List;
import java.util.Locale;

/** Where the login form lands: who you are, your roles, and where to go (an RM: a prominent link to /desk). */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance home(String lang, String username, List<String> roles, String staffId,
                                            boolean canImport, boolean canCampaigns, boolean canDesk);
    }

    private final PageLanguage languages;
    private final CurrentUser currentUser;
    private final SecurityIdentity identity;

    public HomePage(PageLanguage languages, CurrentUser currentUser, SecurityIdentity identity) {
        this.languages = languages;
        this.currentUser = currentUser;
        this.identity = identity;
    }

    /** An RM's work is the desk: a login that is only an RM goes there (303); other logins see this page. */
    @GET
    public Response home(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        if (currentUser.isOnlyRemoteManager()) {
            return Response.seeOther(URI.create(lang == null ? "/desk" : "/desk?lang=" + URLEncoder.encode(lang,
                    StandardCharsets.UTF_8))).build();
        }
        return Response.ok(page(lang, headers)).build();
    }

    private TemplateInstance page(String lang, HttpHeaders headers) {
        Locale locale = languages.pick(lang, headers.getAcceptableLanguages());
        List<String> roles = identity.getRoles().stream().sorted().toList();
        return Templates.home(locale.getLanguage(), currentUser.username(), roles,
                currentUser.staffId().orElse(null), ImportsPage.ROLES.stream().anyMatch(currentUser::is),
                CampaignsPage.ROLES.stream().anyMatch(currentUser::is), DeskPage.ROLES.stream().anyMatch(currentUser::is))
                .setLocale(locale);
    }
}
