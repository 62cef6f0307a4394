package org.lateral.library.importing;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a teacher pasted, with the details they may type beside it. Blank details are found in the
 * text where possible (the first line is the headline, a "By …" line the byline).
 */
public record PastedArticle(
        String text,
        @Nullable String title,
        @Nullable String outlet,
        @Nullable String byline,
        @Nullable LocalDate date,
        @Nullable String address) {

    public static PastedArticle of(String text) {
        return new PastedArticle(text, null, null, null, null, null);
    }
}
