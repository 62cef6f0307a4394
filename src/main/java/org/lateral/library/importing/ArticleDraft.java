package org.lateral.library.importing;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.library.OutletKind;
import org.lateral.library.PublicationDate;
import org.lateral.library.text.CanonicalText;

/**
 * The preview of an imported article, which the teacher may correct before saving it: the headline,
 * the text below it, the outlet (one of the school's, or a new one to create), byline, date,
 * address and what was removed as the page's furniture. Nothing is stored until it is saved.
 *
 * @param body the article's paragraphs below the headline, separated by blank lines
 * @param outletId the school's outlet it was matched to; null proposes a new outlet
 * @param outletName the matched outlet's name, or the new outlet's name
 * @param outletHome the new outlet's home page, when the address gives one
 * @param newOutletKind what kind of outlet a new outlet is
 * @param addressSource where the address was found (stored with it, as for seed articles)
 */
public record ArticleDraft(
        String title,
        String body,
        @Nullable UUID outletId,
        String outletName,
        @Nullable String outletHome,
        OutletKind newOutletKind,
        @Nullable String byline,
        PublicationDate published,
        @Nullable String address,
        @Nullable String addressSource,
        String language,
        List<String> removed,
        Origin origin,
        @Nullable String sourceFile) {

    /** How the article came in; stored with the version. */
    public enum Origin {
        PASTE("paste"),
        UPLOAD("upload"),
        ADDRESS("address");

        private final String code;

        Origin(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Origin of(String code) {
            for (Origin o : values()) {
                if (o.code.equals(code)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("No import origin " + code);
        }
    }

    public ArticleDraft {
        removed = List.copyOf(removed);
    }

    /** The text as it will be stored and shown to students: the headline is paragraph 0. */
    public String canonicalText() {
        String headline = title.strip().replaceAll("\\s+", " ");
        String text = CanonicalText.normalise(body);
        return text.isEmpty() ? headline : CanonicalText.normalise(headline + CanonicalText.PARAGRAPH_SEPARATOR + text);
    }

    /** The same draft after the teacher's corrections in the preview. */
    public ArticleDraft corrected(
            String title,
            String body,
            @Nullable UUID outletId,
            String outletName,
            OutletKind newOutletKind,
            @Nullable String byline,
            PublicationDate published) {
        return new ArticleDraft(
                title,
                body,
                outletId,
                outletName,
                outletId == null ? outletHome : null,
                newOutletKind,
                byline,
                published,
                address,
                addressSource,
                language,
                removed,
                origin,
                sourceFile);
    }
}
