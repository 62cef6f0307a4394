package org.lateral.library;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Everything the reader shows of one article version: its text, its metadata, its outlet, its key. */
public record ArticleReading(
        UUID articleId,
        UUID versionId,
        String contentHash,
        String title,
        @Nullable String byline,
        PublicationDate published,
        @Nullable String originalUrl,
        @Nullable String originalUrlSource,
        @Nullable String contentNote,
        String language,
        String canonicalText,
        List<String> removedChrome,
        @Nullable String sourceFile,
        @Nullable UUID storySetId,
        @Nullable String storySetTitle,
        @Nullable String maturityNote,
        @Nullable String ageBand,
        @Nullable String analysisNote,
        @Nullable String supportNote,
        OutletProfile outlet,
        @Nullable KeyOverlay key) {

    public ArticleReading {
        removedChrome = List.copyOf(removedChrome);
    }

    public Optional<KeyOverlay> keyOverlay() {
        return Optional.ofNullable(key);
    }
}
