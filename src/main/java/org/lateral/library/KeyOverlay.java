package org.lateral.library;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A teacher's view of an answer key version: claims, sources and which sources back which claims. */
public record KeyOverlay(
        UUID keyId, UUID versionId, String status, String notes, List<Claim> claims, List<Source> sources) {

    public KeyOverlay {
        claims = List.copyOf(claims);
        sources = List.copyOf(sources);
    }

    public record Claim(
            String id,
            int start,
            int end,
            String exact,
            Set<ClaimType> types,
            int worthiness,
            String why,
            List<String> cues,
            List<String> sourceIds) {
        public Claim {
            types = Set.copyOf(types);
            cues = List.copyOf(cues);
            sourceIds = List.copyOf(sourceIds);
        }
    }

    public record Attribution(int start, int end, String exact) {}

    public record Source(
            String id,
            String name,
            List<String> aliases,
            SourceKind kind,
            List<SourceKind> alsoAcceptedKinds,
            @Nullable String kindWhy,
            boolean primary,
            @Nullable String relayedFrom,
            List<Attribution> attributions) {
        public Source {
            aliases = List.copyOf(aliases);
            alsoAcceptedKinds = List.copyOf(alsoAcceptedKinds);
            attributions = List.copyOf(attributions);
        }
    }
}
