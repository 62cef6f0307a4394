package org.lateral.library.importing;

import org.jspecify.annotations.Nullable;
import org.lateral.library.OutletKind;

/**
 * What the teacher wrote in their outlet's profile form: saved as the profile's next version. Blank
 * texts mean "not known"; the facts of the profile are not edited here and stay as they are.
 */
public record OutletCorrection(
        String name,
        @Nullable OutletKind kind,
        @Nullable String country,
        @Nullable String ownership,
        @Nullable String ownershipSource,
        @Nullable String publisher,
        @Nullable String publisherSource,
        @Nullable String description,
        @Nullable String homeUrl) {}
