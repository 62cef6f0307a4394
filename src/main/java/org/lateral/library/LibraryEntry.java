package org.lateral.library;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One article in the library list. */
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
        @Nullable String maturityNote) {

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
