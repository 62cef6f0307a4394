package org.lateral.library;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.i18n.Labelled;
import org.lateral.base.i18n.Translations;

/**
 * One article in the library list, with what a teacher must know before assigning it: its story
 * set's maturity note, age band, analysis note and support note, and the article's own content
 * note (each null when there is none).
 *
 * @param keyNamesSources whether the key an assignment would pin names the article's sources, so
 *     the article can be used for "Who says so?" (scored against those sources, DD013)
 */
public record LibraryEntry(
        UUID articleId,
        String title,
        UUID outletId,
        String outletName,
        OutletKind outletKind,
        @Nullable UUID storySetId,
        @Nullable String storySetTitle,
        @Nullable Integer storyPosition,
        PublicationDate published,
        KeyStatus keyStatus,
        @Nullable String maturityNote,
        @Nullable String ageBand,
        @Nullable String analysisNote,
        @Nullable String supportNote,
        @Nullable String contentNote,
        boolean keyNamesSources,
        boolean comparable) {

    /** Whether the article has an answer key students can be graded against. */
    public enum KeyStatus implements Labelled {
        COMPLETE("complete"),
        DRAFT("draft"),
        NONE("none");

        private final String code;

        KeyStatus(String code) {
            this.code = code;
        }

        @Override
        public String labelKey() {
            return "library.keyStatus." + code;
        }

        /** The English words, for pages not yet translated. */
        public String label() {
            return Translations.english(labelKey());
        }
    }
}
