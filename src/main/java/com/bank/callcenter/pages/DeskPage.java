package com.bank.callcenter.pages;

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
 * The remote manager's desk: state (ready / pause / offline, and the server's ON_CALL / WRAP_UP),
 * the customer in hand with the campaign's script, next / call, the disposition, an SMS, today's
 * counters and the callbacks. static/desk.js does the work against /api/agent/*, /api/calls and
 * /api/sms, live through the /api/agent/events stream. The page never sees a full mobile number:
 * the API gives {@code mobileMasked} only.
 */
@Path("/desk")
@RolesAllowed(Roles.RM)
@Produces(MediaType.TEXT_HTML)
public class DeskPage {

    /** Who may open this page; the same list as in @RolesAllowed. */
    static final List<String> ROLES = List.of(Roles.RM);

    /** The disposition codes in the order of their shortcut keys 1–7. */
    static final List<String> DISPOSITION_CODES = List.of("INTERESTED", "NOT_INTERESTED", "CALLBACK", "SOLD",
            "WRONG_NUMBER", "NO_ANSWER", "DO_NOT_CALL");

    /** The reasons offered for a pause (sent as {@code reason} of PUT /api/agent/state). */
    static final List<String> PAUSE_REASONS = List.of("BREAK", "MEAL", "MEETING", "TRAINING", "PAPERWORK");

    /** A disposition button: the code, its shortcut key and its label's message key. */
    public record Code(String code, int key) {
    }

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance desk(String lang, String username, String staffId, List<Code> codes,
                                            List<String> pauseReasons);
    }

    private final PageLanguage languages;
    private final CurrentUser currentUser;

    public DeskPage(PageLanguage languages, CurrentUser currentUser) {
        this.languages = languages;
        this.currentUser = currentUser;
    }

    @GET
    public TemplateInstance desk(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Locale locale = languages.pick(lang, headers.getAcceptableLanguages());
        List<Code> codes = DISPOSITION_CODES.stream()
                .map(code -> new Code(code, DISPOSITION_CODES.indexOf(code) + 1)).toList();
        return Templates.desk(locale.getLanguage(), currentUser.username(), currentUser.staffId().orElse(null),
                codes, PAUSE_REASONS).setLocale(locale);
    }
}
