package org.lateral.library.importing;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.library.OutletKind;

/**
 * One of the teacher's own outlets as its current profile has it, opened for correcting, with the
 * {@code outlet.version} it was read at: saving must still find that version, so a correction made
 * meanwhile (in another tab) is never overwritten unseen.
 */
public record EditableOutlet(
        UUID outletId,
        int version,
        String name,
        OutletKind kind,
        @Nullable String country,
        @Nullable String ownership,
        @Nullable String ownershipSource,
        @Nullable String publisher,
        @Nullable String publisherSource,
        @Nullable String description,
        @Nullable String homeUrl) {

    /** The profile as it stands, as a correction that changes nothing. */
    public OutletCorrection asCorrection() {
        return new OutletCorrection(
                name, kind, country, ownership, ownershipSource, publisher, publisherSource, description, homeUrl);
    }
}
