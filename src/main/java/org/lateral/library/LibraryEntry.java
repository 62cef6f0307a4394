package org.lateral.library;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One article in the library list, with what a teacher must know before assigning it: its story
 * set's maturity note, age band, analysis note and support note, and the article's own content
 * note (each null when there is none).
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
        @Nullable String contentNote) {

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
