package org.lateral.submission;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.Coded;
import org.lateral.library.ClaimType;

/**
 * A teacher's change to one assignment's key, never to the library key: another span accepted
 * for a claim, another type accepted for a claim, or a claim added.
 */
public record KeyAmendment(
        UUID id,
        Kind kind,
        String claimId,
        @Nullable Integer start,
        @Nullable Integer end,
        @Nullable String exact,
        @Nullable ClaimType type,
        String createdBy,
        Instant createdAt) {

    public enum Kind implements Coded {
        ALTERNATIVE_SPAN("alternative-span"),
        ALTERNATIVE_TYPE("alternative-type"),
        ADDED_CLAIM("added-claim");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        static Optional<Kind> fromCode(String code) {
            return Coded.fromCode(Kind.class, code);
        }
    }
}
