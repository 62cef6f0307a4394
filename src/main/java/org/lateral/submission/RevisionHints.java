package org.lateral.submission;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.TextSpan;
import org.lateral.library.ClaimType;
import org.lateral.library.text.CanonicalText;

/**
 * What a student sees of a submitted attempt while a revision is still possible (DD006): where to
 * look again and what kind of claim to look for, never the key itself. No field here can hold a
 * key claim's offsets, text or reasons; the only spans are the student's own marks.
 *
 * @param score the attempt's score, null when it has none
 * @param scoreSetByTeacher the score is the teacher's override
 * @param claims how many claims the key has
 * @param byType the key's claims counted by their first accepted type, in the taxonomy's order
 * @param hints one per key claim the student missed or gave another type, by paragraph
 * @param yourMarks the student's own marks with what became of them
 */
public record RevisionHints(
        UUID attemptId,
        int attemptNumber,
        @Nullable Double score,
        boolean scoreSetByTeacher,
        int claims,
        List<TypeCount> byType,
        List<Hint> hints,
        List<OwnMark> yourMarks,
        List<AttemptReview.Comment> comments) {

    public RevisionHints {
        byType = List.copyOf(byType);
        hints = List.copyOf(hints);
        yourMarks = List.copyOf(yourMarks);
        comments = List.copyOf(comments);
    }

    public int found() {
        return byType.stream().mapToInt(TypeCount::found).sum();
    }

    public int mislabelled() {
        return byType.stream().mapToInt(TypeCount::mislabelled).sum();
    }

    public int missed() {
        return byType.stream().mapToInt(TypeCount::missed).sum();
    }

    /** The key's claims of one type, and how many the student found, found with another type, missed. */
    public record TypeCount(ClaimType type, int inKey, int found, int mislabelled, int missed) {}

    /**
     * A key claim to look for again.
     *
     * @param paragraph where it is: 0 is the headline, then the paragraphs of the text in order
     * @param outcome {@code MISSED} or {@code MISLABELLED}, never {@code FOUND}
     * @param types the types the key accepts, in the taxonomy's order
     * @param cues the key's cue words as the text writes them (only for a hedge or speculation)
     * @param yourMark the student's own mark that found the claim with another type
     */
    public record Hint(
            int paragraph,
            ClaimReview.Outcome outcome,
            List<ClaimType> types,
            List<String> cues,
            ClaimReview.@Nullable ReviewedMark yourMark) {

        public Hint {
            if (outcome == ClaimReview.Outcome.FOUND) {
                throw new IllegalArgumentException("A hint is for a claim still to find");
            }
            types = List.copyOf(types);
            cues = List.copyOf(cues);
        }
    }

    /** One of the student's marks: found a key claim, found it with another type, or matched none. */
    public record OwnMark(ClaimReview.ReviewedMark mark, MarkOutcome outcome) {}

    public enum MarkOutcome {
        FOUND,
        MISLABELLED,
        EXTRA
    }

    /**
     * Keeps of a review only what may be shown while a revision is possible. The review itself
     * (key spans, quotes, reasons) stays in the service that calls this.
     */
    static RevisionHints of(AttemptReview review, String text) {
        List<CanonicalText.Paragraph> paragraphs = CanonicalText.paragraphs(text);
        Map<ClaimType, int[]> counts = new EnumMap<>(ClaimType.class);
        List<Hint> hints = new ArrayList<>();
        List<OwnMark> marks = new ArrayList<>();
        for (ClaimReview c : review.claims()) {
            List<ClaimType> types = c.accepted().stream().sorted().toList();
            int[] count = counts.computeIfAbsent(types.getFirst(), t -> new int[4]);
            count[0]++;
            count[
                    switch (c.outcome()) {
                        case FOUND -> 1;
                        case MISLABELLED -> 2;
                        case MISSED -> 3;
                    }]++;
            if (c.yourMark() != null) {
                marks.add(new OwnMark(
                        c.yourMark(),
                        c.outcome() == ClaimReview.Outcome.FOUND ? MarkOutcome.FOUND : MarkOutcome.MISLABELLED));
            }
            if (c.outcome() != ClaimReview.Outcome.FOUND) {
                hints.add(new Hint(
                        paragraphOf(paragraphs, c.start()),
                        c.outcome(),
                        types,
                        c.cues().stream().map(TextSpan::exact).distinct().toList(),
                        c.yourMark()));
            }
        }
        review.extras().forEach(m -> marks.add(new OwnMark(m, MarkOutcome.EXTRA)));
        marks.sort(Comparator.comparingInt(m -> m.mark().start()));
        hints.sort(Comparator.comparingInt(Hint::paragraph));
        List<TypeCount> byType = counts.entrySet().stream()
                .map(e -> new TypeCount(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList();
        ScoreEntry score = review.score();
        return new RevisionHints(
                review.attemptId(),
                review.number(),
                score == null ? null : score.score(),
                score != null && score.overridden(),
                review.claims().size(),
                byType,
                hints,
                marks,
                review.comments());
    }

    /** The index of the paragraph an offset falls in (a separator counts to the paragraph before it). */
    static int paragraphOf(List<CanonicalText.Paragraph> paragraphs, int offset) {
        int index = 0;
        for (CanonicalText.Paragraph p : paragraphs) {
            if (p.start() > offset) {
                break;
            }
            index = p.index();
        }
        return index;
    }
}
