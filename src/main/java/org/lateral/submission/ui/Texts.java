package org.lateral.submission.ui;

import com.vaadin.flow.component.UI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.lateral.base.i18n.Translations;
import org.lateral.library.ClaimType;

/**
 * The page's texts for the static parts of this package (DD034), which build components without
 * being one. Named like {@code Component.getTranslation} so that {@code TranslationFilesTest}
 * sees every key asked for here; outside a page (a background thread) the text is English.
 */
final class Texts {

    private Texts() {}

    /** The text of a key in the language of the page being served. */
    static String getTranslation(String key, Object... args) {
        UI ui = UI.getCurrent();
        return ui == null ? Translations.english(key, args) : ui.getTranslation(key, args);
    }

    /** A text a service made as a key and its arguments, in the language of the page being served. */
    static String text(org.lateral.base.i18n.KeyedText text) {
        UI ui = UI.getCurrent();
        return ui == null ? text.english() : text.in(ui);
    }

    /** A student's name on the class's roster, or what a teacher sees for one no longer in it. */
    static String student(@Nullable String name) {
        return name != null ? name : getTranslation("submission.formerStudent");
    }

    /** The language of the page being served, for numbers and dates. */
    static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Translations.ENGLISH : ui.getLocale();
    }

    /** A claim type's name inside a sentence, in lower case: "hedged", "atribuida". */
    static String type(ClaimType type) {
        return switch (type) {
            case FACTUAL -> getTranslation("submission.type.factual");
            case ATTRIBUTED -> getTranslation("submission.type.attributed");
            case HEDGED -> getTranslation("submission.type.hedged");
            case SPECULATION -> getTranslation("submission.type.speculation");
            case OPINION -> getTranslation("submission.type.opinion");
            case UNSUPPORTED -> getTranslation("submission.type.unsupported");
        };
    }

    /** A due instant as people read it: "Nov 28, 2026, end of day", or the time when it is not midnight. */
    static String due(java.time.Instant due, java.time.ZoneId zone) {
        java.time.ZonedDateTime local = due.atZone(zone);
        if (local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return getTranslation(
                    "submission.due.endOfDay",
                    org.lateral.base.i18n.Formats.day(org.lateral.assignment.DueDates.dayOf(due, zone), locale()));
        }
        return getTranslation(
                "submission.due.at",
                org.lateral.base.i18n.Formats.day(local.toLocalDate(), locale()),
                local.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm", locale())));
    }

    /** Items joined as a list of choices: "hedged or speculation". */
    static String or(java.util.List<String> items) {
        return items.stream()
                .reduce((a, b) -> getTranslation("submission.common.or", a, b))
                .orElse("");
    }
}
