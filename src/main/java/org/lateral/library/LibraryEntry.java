package org.lateral.library;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

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
    public enum KeyStatus {
        COMPLETE("Key complete"),
        DRAFT("Key in draft"),
        NONE("No key yet");

        private final String label;

        KeyStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
