package com.bank.callcenter.pages;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Locale;

/**
 * The language of a page: {@code ?lang=} first, then the browser's Accept-Language, then the
 * default locale; only languages listed in {@code quarkus.locales} are offered.
 */
@ApplicationScoped
public class PageLanguage {

    private final List<String> supported;
    private final String fallback;

    public PageLanguage(@ConfigProperty(name = "quarkus.locales") List<Locale> locales,
                        @ConfigProperty(name = "quarkus.default-locale") Locale defaultLocale) {
        this.supported = locales.stream().map(Locale::getLanguage).distinct().toList();
        this.fallback = defaultLocale.getLanguage();
    }

    /**
     * @param requested  the {@code lang} query parameter, may be null
     * @param acceptable the Accept-Language ranges, best first
     */
    public Locale pick(String requested, List<Locale> acceptable) {
        if (requested != null) {
            String language = Locale.forLanguageTag(requested.trim().replace('_', '-')).getLanguage();
            if (supported.contains(language)) {
                return Locale.forLanguageTag(language);
            }
        }
        for (Locale locale : acceptable) {
            if (supported.contains(locale.getLanguage())) {
                return Locale.forLanguageTag(locale.getLanguage());
            }
        }
        return Locale.forLanguageTag(fallback);
    }
}
