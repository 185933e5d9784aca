package com.bank.callcenter.sms;

import com.bank.callcenter.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SMS templates: stored in sms_template, checked at save time, rendered with a customer's values. */
@ApplicationScoped
public class SmsTemplates {

    /** The variables a template may use. */
    public static final Set<String> VARIABLES = Set.of("customerName", "managerName", "maturityDate", "bankName");

    private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** A template as the API shows it, with the variables it uses. */
    public record Template(String id, String name, String body, boolean active, Set<String> variables) {
    }

    private final EntityManager em;
    private final SmsConfig config;
    private final Clock clock;

    public SmsTemplates(EntityManager em, SmsConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @SuppressWarnings("unchecked")
    public List<Template> list() {
        List<Object[]> rows = em.createNativeQuery("select id, name, body, active from sms_template order by id")
                .getResultList();
        return rows.stream().map(SmsTemplates::template).toList();
    }

    @SuppressWarnings("unchecked")
    public Optional<Template> find(String id) {
        List<Object[]> rows = em.createNativeQuery("select id, name, body, active from sms_template where id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(SmsTemplates::template);
    }

    @Transactional
    public Template create(String id, String name, String body, Boolean active) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ProblemException.badRequest("invalid-template-id",
                    "a template id is 1–64 lower-case letters, digits and '-', starting with a letter or digit");
        }
        check(name, body);
        if (find(id).isPresent()) {
            throw ProblemException.conflict("template-exists", "SMS template " + id + " already exists");
        }
        em.createNativeQuery("insert into sms_template (id, name, body, active, updated_at) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, id).setParameter(2, name.trim()).setParameter(3, body)
                .setParameter(4, active == null || active).setParameter(5, Timestamp.from(clock.instant()))
                .executeUpdate();
        return find(id).orElseThrow();
    }

    @Transactional
    public Template update(String id, String name, String body, Boolean active) {
        Template existing = find(id).orElseThrow(() -> ProblemException.notFound("SMS template", id));
        check(name, body);
        em.createNativeQuery("update sms_template set name = ?2, body = ?3, active = ?4, updated_at = ?5 where id = ?1")
                .setParameter(1, id).setParameter(2, name.trim()).setParameter(3, body)
                .setParameter(4, active == null ? existing.active() : active)
                .setParameter(5, Timestamp.from(clock.instant())).executeUpdate();
        return find(id).orElseThrow();
    }

    /** 400 unless the text is non-blank, not too long and uses only known variables. */
    public void checkText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("empty-sms", what + " is empty");
        }
        if (text.length() > config.maxLength()) {
            throw ProblemException.badRequest("sms-too-long", what + " is longer than " + config.maxLength() + " characters");
        }
        Set<String> unknown = new TreeSet<>(variables(text));
        unknown.removeAll(VARIABLES);
        if (!unknown.isEmpty()) {
            throw new ProblemException(jakarta.ws.rs.core.Response.Status.BAD_REQUEST, "unknown-template-variable",
                    what + " uses unknown variables " + unknown + "; known are " + new TreeSet<>(VARIABLES),
                    Map.of("unknown", List.copyOf(unknown)));
        }
    }

    private void check(String name, String body) {
        if (name == null || name.isBlank()) {
            throw ProblemException.badRequest("invalid-template-name", "a template needs a name");
        }
        checkText(body, "the template");
    }

    /** The {name}s in a text, in order of first use. */
    public static Set<String> variables(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Replaces each {name} by its value; values are looked up only for the variables the text uses. */
    public static String render(String text, java.util.function.Function<String, String> values) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The SMS as sent: the signature once at the start, the unsubscribe tail once at the end, whatever
     * the text already held of either.
     */
    public String withSignatureAndTail(String text) {
        String signature = config.signature();
        String tail = config.unsubscribe();
        String core = text.replace(signature, "").replace(tail, "").strip();
        return signature + core + tail;
    }

    private static Template template(Object[] row) {
        String body = (String) row[2];
        return new Template((String) row[0], (String) row[1], body, (Boolean) row[3], variables(body));
    }
}
