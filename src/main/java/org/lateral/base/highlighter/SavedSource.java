package org.lateral.base.highlighter;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A student source as stored, sent to a tab that restores its work (DD013, "Source work"): its
 * state as last saved, with the seq the browser continues from, and its live mentions.
 */
public record SavedSource(
        String sourceId,
        int seq,
        String name,
        @Nullable String kind,
        @Nullable String origin,
        @Nullable String relayedFrom,
        List<SavedMention> mentions) {

    public SavedSource {
        mentions = List.copyOf(mentions);
    }
}
