package org.lateral.submission;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lateral.base.TextSpan;
import org.lateral.library.ClaimType;

/**
 * One key claim beside the student's work: what the key says, whether and how the student found
 * it, and the cue words to point at when they missed or mislabelled a hedge or a speculation.
 *
 * @param yourMark the student's matching mark, when they found the claim
 * @param cues spans of the text inside the claim that signal its type (only for a missed or
 *        mislabelled hedge or speculation)
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
        Outcome outcome,
        @Nullable ReviewedMark yourMark,
        List<TextSpan> cues,
        boolean amendment) {

    public ClaimReview {
        accepted = Set.copyOf(accepted);
        cues = List.copyOf(cues);
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
