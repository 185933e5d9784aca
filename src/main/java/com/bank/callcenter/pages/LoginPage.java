package com.bank.callcenter.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Locale;

/** The login form (posts to Quarkus' /j_security_check) and signing out. */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance login(String lang, boolean error);
    }

    private final PageLanguage languages;
    private final String cookieName;
    private final String loginPage;

    public LoginPage(PageLanguage languages,
                     @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
                     String cookieName,
                     @ConfigProperty(name = "quarkus.http.auth.form.login-page") String loginPage) {
        this.languages = languages;
        this.cookieName = cookieName;
        this.loginPage = loginPage;
    }

    @GET
    @Path("login")
    public TemplateInstance login(@QueryParam("lang") String lang, @QueryParam("error") boolean error,
                                  @Context HttpHeaders headers) {
        Locale locale = languages.pick(lang, headers.getAcceptableLanguages());
        return Templates.login(locale.getLanguage(), error).setLocale(locale);
    }

    /** Forgets the form-login cookie and goes back to the login form. */
    @GET
    @Path("logout")
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(cookieName).path("/").maxAge(0).httpOnly(true).value("").build();
        return Response.seeOther(URI.create(loginPage)).cookie(expired).build();
    }
}
