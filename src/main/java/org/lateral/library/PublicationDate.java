package org.lateral.library;

import com.vaadin.flow.component.UI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.lateral.base.i18n.Formats;
import org.lateral.base.i18n.Translations;

/**
 * When an article was published, as precisely as is known. A page may show no date at all; then
 * the date is worked out from the text, marked approximate, and the note says how.
 */
public record PublicationDate(
        LocalDate date, Precision precision, @Nullable String note) {

    public enum Precision {
        DAY,
        MONTH,
        APPROXIMATE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Reads {@code 2016-08-15} or {@code 2017-01}; a month alone is never claimed to be a day. */
    public static PublicationDate parse(String value, Precision precision, @Nullable String note) {
        try {
            if (value.length() == 7) {
                LocalDate first = YearMonth.parse(value).atDay(1);
                return new PublicationDate(first, precision == Precision.DAY ? Precision.MONTH : precision, note);
            }
            return new PublicationDate(LocalDate.parse(value), precision, note);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + value + "\" is not a date like 2016-08-15 or 2017-01");
        }
    }

    /**
     * For people, as their language and region write dates: "Aug 15, 2016", "15 ago 2016",
     * "January 2017", "enero de 2017", "around January 2017".
     */
    public String display(Locale language) {
        return switch (precision) {
            case DAY -> Formats.day(date, language);
            case MONTH -> Formats.month(date, language);
            case APPROXIMATE -> around(Formats.month(date, language), language);
        };
    }

    private static String around(String month, Locale language) {
        UI ui = UI.getCurrent();
        return ui != null
                ? ui.getTranslation(language, "library.publicationDate.around", month)
                : Translations.english("library.publicationDate.around", month);
    }
}
