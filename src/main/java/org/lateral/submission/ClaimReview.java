package org.lateral.submission;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lateral.base.TextSpan;
import org.lateral.base.i18n.KeyedText;
import org.lateral.library.ClaimType;
import org.lateral.library.SourceKind;

/**
 * One key claim beside the student's work: what the key says, whether and how the student found
 * it, and the cue words to point at when they missed or mislabelled a hedge or a speculation.
 *
 * @param yourMark the student's matching mark, when they found the claim
 * @param cues spans of the text inside the claim that signal its type (only for a missed or
 *        mislabelled hedge or speculation)
 * @param sources who says so: the sources the key links to the claim, in the key's order; empty
 *        for a claim nobody in the text backs (its why says so) and for a claim the teacher added
 * @param amendment whether the claim was added to this assignment's key by the teacher
 */
public record ClaimReview(
        String claimId,
        int start,
        int end,
        String exact,
        Set<ClaimType> accepted,
        int worthiness,
        String why,
        List<Source> sources,
        Outcome outcome,
        @Nullable ReviewedMark yourMark,
        List<TextSpan> cues,
        boolean amendment) {

    public ClaimReview {
        accepted = Set.copyOf(accepted);
        sources = List.copyOf(sources);
        cues = List.copyOf(cues);
    }

    /**
     * A source the key links to the claim, and where the article's outlet got what it says
     * (DD000, "Primary and secondary sources").
     *
     * @param relayedFrom the outlet a secondary source came through
     * @param outlet the outlet that published the article
     */
    public record Source(
            String name,
            SourceKind kind,
            boolean primary,
            @Nullable String relayedFrom,
            @Nullable String kindWhy,
            String outlet) {

        /**
         * Where the outlet got it, in plain words a student can check against the text ("primary:
         * The Frisky read its report itself."), worded by the page that shows it (DD034).
         */
        public KeyedText origin() {
            if (!primary) {
                return KeyedText.of("submission.review.source.secondary", outlet, relayedFrom);
            }
            return switch (kind) {
                // Reading another outlet's report is first-hand too: the outlet saw it itself.
                case MEDIA_OUTLET -> KeyedText.of("submission.review.source.primaryOutlet", outlet);
                case DOCUMENT -> KeyedText.of("submission.review.source.primaryDocument", outlet);
                // Vague or unnamed sources ("unnamed reports") are primary when no outlet stands in
                // between (seeds/README.md, "Conventions every key follows").
                default -> KeyedText.of("submission.review.source.primary", outlet);
            };
        }
    }

    public enum Outcome {
        FOUND("Found"),
        MISLABELLED("Found, other type"),
        MISSED("Missed");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A student's mark as feedback shows it. */
    public record ReviewedMark(String markId, int start, int end, String exact, ClaimType type) {}
}
