package org.lateral.base.i18n;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Chooses each new page's language (DD034): the one the signed-in person chose, else the first
 * language of the browser's list that Lateral has, kept with its region so dates and numbers follow
 * it ("en-GB" reads 3 Dec 2026, "es-MX" its own), else English. Vaadin alone would narrow "en-GB" to the bare provided "en" and write dates
 * the US way.
 */
@Component
class LanguageChoice implements VaadinServiceInitListener {

    private final Translations translations;
    private final ObjectProvider<SavedLanguage> saved;

    LanguageChoice(Translations translations, ObjectProvider<SavedLanguage> saved) {
        this.translations = translations;
        this.saved = saved;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            List<Locale> asked = request == null ? List.of() : Collections.list(request.getLocales());
            Optional<Locale> own = Optional.ofNullable(saved.getIfAvailable()).flatMap(SavedLanguage::ofSignedIn);
            own.or(() -> chosen(asked)).ifPresent(locale -> init.getUI().setLocale(locale));
        });
    }

    /** The first of the browser's languages Lateral has a translation for, with its region. */
    Optional<Locale> chosen(List<Locale> asked) {
        for (@Nullable Locale each : asked) {
            if (each != null && !each.getLanguage().isEmpty() && has(each)) {
                return Optional.of(each);
            }
        }
        return Optional.empty();
    }

    private boolean has(Locale locale) {
        Locale language = translations.language(locale);
        return language.getLanguage().equals(locale.getLanguage());
    }
}
