package org.lateral.submission;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.highlighter.SavedLink;
import org.lateral.base.highlighter.SavedMark;
import org.lateral.base.highlighter.SavedSource;

/**
 * Everything the lesson page needs for one step of one student's lesson (DD013): the step's
 * attempt of the current round and its work, the lesson's progress for the stepper.
 *
 * @param step the shown step's position
 * @param exercise the shown step's exercise ({@code mark-claims}, {@code identify-sources})
 * @param marks the attempt's marks (a mark-claims step)
 * @param claims the claims to link, neutral (an identify-sources step): the student's own marks of
 *     the lesson's claims step, or the key's claim spans when the lesson has none
 * @param sources the attempt's sources with their mentions (an identify-sources step)
 * @param links the attempt's claim links (an identify-sources step)
 * @param outlets outlets the article's text names, offered as where a source was relayed from; for
 *     a compare step, the outlets any of its columns' texts name, offered as what an article relays
 * @param compare the columns, core claims and saved work of a compare-outlets step; null otherwise
 */
public record MarkingSession(
        UUID assignmentId,
        UUID submissionId,
        UUID attemptId,
        int attemptNumber,
        String title,
        String text,
        int[] words,
        int[] sentences,
        List<SavedMark> marks,
        Instant dueAt,
        ZoneId timeZone,
        boolean lateWorkAccepted,
        @Nullable Instant submittedAt,
        int step,
        String exercise,
        LessonProgress progress,
        List<ClaimToLink> claims,
        List<SavedSource> sources,
        List<SavedLink> links,
        List<String> outlets,
        @Nullable CompareSession compare) {

    public MarkingSession {
        marks = List.copyOf(marks);
        claims = List.copyOf(claims);
        sources = List.copyOf(sources);
        links = List.copyOf(links);
        outlets = List.copyOf(outlets);
    }

    /**
     * A claim the student links to sources, drawn without its type.
     *
     * @param ref the student's mark id, or the key claim's id
     * @param label "Claim 3": its number in text order
     */
    public record ClaimToLink(String ref, int start, int end, String label) {

        /** Claims numbered "Claim 1", "Claim 2", … in text order. */
        static List<ClaimToLink> numbered(List<ClaimToLink> unnumbered) {
            List<ClaimToLink> ordered = unnumbered.stream()
                    .sorted(java.util.Comparator.comparingInt(ClaimToLink::start)
                            .thenComparingInt(ClaimToLink::end))
                    .toList();
            List<ClaimToLink> claims = new java.util.ArrayList<>();
            for (int i = 0; i < ordered.size(); i++) {
                ClaimToLink c = ordered.get(i);
                claims.add(new ClaimToLink(c.ref(), c.start(), c.end(), "Claim " + (i + 1)));
            }
            return claims;
        }

        static List<ClaimToLink> ofMarks(List<SavedMark> marks) {
            return numbered(marks.stream()
                    .map(m -> new ClaimToLink(m.markId(), m.start(), m.end(), ""))
                    .toList());
        }
    }

    public boolean submitted() {
        return submittedAt != null;
    }

    public boolean identifySources() {
        return "identify-sources".equals(exercise);
    }

    /** Whether the shown step compares the outlets of a story set (DD015): {@link #compare()} is set. */
    public boolean compares() {
        return compare != null;
    }

    /** Whether the lesson has more than one step, so the page shows the stepper. */
    public boolean lesson() {
        return progress.steps().size() > 1;
    }
}
