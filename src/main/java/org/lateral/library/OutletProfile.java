package org.lateral.library;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Who published an article: what kind of outlet, who owns or funds it, and where that is from. */
public record OutletProfile(
        UUID id,
        String name,
        OutletKind kind,
        @Nullable String country,
        @Nullable String ownership,
        @Nullable String ownershipSource,
        @Nullable String description,
        @Nullable String homeUrl,
        boolean fromPack) {}
