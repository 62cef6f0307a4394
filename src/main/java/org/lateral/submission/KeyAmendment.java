package org.lateral.submission;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.Coded;
import org.lateral.library.ClaimType;
import org.lateral.library.SourceKind;

/**
 * A teacher's change to one assignment's key, never to the library key: another span accepted
 * for a claim, another type accepted for a claim, or a claim added; and for the "Who says so?"
 * step (DD013) another kind, another name or another span accepted for a key source, whose id is
 * then in {@code claimId}; and for the compare-outlets step (DD014, DD015) another framing or
 * reporting category for an article, or another carriage of a core claim (its id in
 * {@code claimId}) in an article.
 *
 * @param sourceKind the kind accepted for a key source ({@link Kind#SOURCE_KIND})
 * @param alias the name accepted for a key source ({@link Kind#SOURCE_ALIAS})
 * @param articleId the article of a compare amendment (the article, not its version: amendments
 *     outlive a corrected article version, as claim ids outlive key versions)
 * @param category the framing, reporting or carriage code a compare amendment accepts
 */
public record KeyAmendment(
        UUID id,
        Kind kind,
        String claimId,
        @Nullable Integer start,
        @Nullable Integer end,
        @Nullable String exact,
        @Nullable ClaimType type,
        @Nullable SourceKind sourceKind,
        @Nullable String alias,
        @Nullable UUID articleId,
        @Nullable String category,
        String createdBy,
        Instant createdAt) {

    /** Whether the amendment is of a key source (the sources step) rather than of a claim. */
    public boolean ofSource() {
        return kind == Kind.SOURCE_KIND || kind == Kind.SOURCE_ALIAS || kind == Kind.SOURCE_SPAN;
    }

    /** Whether the amendment is of the comparison key (the compare-outlets step). */
    public boolean ofComparison() {
        return kind == Kind.COMPARE_FRAMING || kind == Kind.COMPARE_REPORTING || kind == Kind.COMPARE_CARRIAGE;
    }

    public enum Kind implements Coded {
        ALTERNATIVE_SPAN("alternative-span"),
        ALTERNATIVE_TYPE("alternative-type"),
        ADDED_CLAIM("added-claim"),
        SOURCE_KIND("source-kind"),
        SOURCE_ALIAS("source-alias"),
        SOURCE_SPAN("source-span"),
        COMPARE_FRAMING("compare-framing"),
        COMPARE_REPORTING("compare-reporting"),
        COMPARE_CARRIAGE("compare-carriage");

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
