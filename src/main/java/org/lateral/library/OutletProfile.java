package org.lateral.library;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who published an article: what kind of outlet, who owns, funds or publishes it, sourced facts
 * about it and the outlet's responses, and where each is from. Profiles are versioned (DD012):
 * {@code currentSince} is when the shown version was stored, {@code earlierVersions} what the
 * profile said before, newest first.
 */
public record OutletProfile(
        UUID id,
        String name,
        OutletKind kind,
        @Nullable String country,
        @Nullable String ownership,
        @Nullable String ownershipSource,
        @Nullable String publisher,
        @Nullable String publisherSource,
        @Nullable String description,
        @Nullable String homeUrl,
        List<Fact> facts,
        boolean fromPack,
        @Nullable Instant currentSince,
        List<EarlierVersion> earlierVersions) {

    public OutletProfile {
        facts = List.copyOf(facts);
        earlierVersions = List.copyOf(earlierVersions);
    }

    /** A sourced fact about the outlet, and what the outlet says about it, with its source. */
    public record Fact(
            String fact,
            String source,
            @Nullable String response,
            @Nullable String responseSource) {}

    /** A profile version that is no longer current, as it read then. */
    public record EarlierVersion(
            Instant storedAt,
            String name,
            @Nullable String country,
            @Nullable String ownership,
            @Nullable String publisher,
            @Nullable String description,
            List<Fact> facts) {
        public EarlierVersion {
            facts = List.copyOf(facts);
        }
    }
}
