package org.lateral.submission;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.lateral.library.ClaimType;
import org.lateral.library.SourceKind;
import org.lateral.submission.scoring.Scoring;
import org.lateral.submission.scoring.SourceScoring;

/**
 * The arithmetic of one student's work by claim type and source kind (DD016, "Student
 * drill-down and own progress"): what each key item's outcome was in an attempt, added up per
 * category. Pure, so it is checked by hand without a database; it only counts what the scoring
 * rules decided ({@link Scoring.Result}, {@link SourceScoring.Result}), so these figures cannot
 * disagree with the scores.
 */
public final class WorkTallies {

    private WorkTallies() {}

    /**
     * One key item in one attempt.
     *
     * @param category the key's category the item is filed under (its first accepted one in the
     *     taxonomy's order, as the assignment dashboard files it)
     * @param found the scoring matched one of the student's items to it
     * @param right found, and the category the student chose is one the key accepts
     */
    public record Outcome<E extends Enum<E>>(E category, boolean found, boolean right) {}

    /**
     * Key items of one category: how many there were, how many the student found, and how many of
     * those they gave a category the key accepts.
     */
    public record Tally<E extends Enum<E>>(E category, int total, int found, int right) {

        /** Found as a share of the key's items, 0 to 1; 0 without items. */
        public double foundShare() {
            return total == 0 ? 0 : (double) found / total;
        }
    }

    /** The outcomes of every key claim in one scored set of marks. */
    static List<Outcome<ClaimType>> claims(List<Grader.GradedClaim> key, Scoring.Result result) {
        Map<String, Scoring.Match> matched = new HashMap<>();
        result.matches().forEach(m -> matched.put(m.claimId(), m));
        List<Outcome<ClaimType>> outcomes = new ArrayList<>();
        for (Grader.GradedClaim c : key) {
            Scoring.Match m = matched.get(c.id());
            outcomes.add(
                    new Outcome<>(DashboardFigures.keyType(c.accepted()), m != null, m != null && m.typeAccepted()));
        }
        return outcomes;
    }

    /** The outcomes of every key source in one scored set of sources. */
    static List<Outcome<SourceKind>> sources(SourceScoring.Key key, SourceScoring.Result result) {
        Map<String, SourceScoring.SourceMatch> matched = new HashMap<>();
        result.matches().forEach(m -> matched.put(m.keySourceId(), m));
        List<Outcome<SourceKind>> outcomes = new ArrayList<>();
        for (SourceScoring.KeySource k : key.sources()) {
            if (k.acceptedKinds().isEmpty()) {
                continue;
            }
            SourceScoring.SourceMatch m = matched.get(k.id());
            SourceKind kind = k.acceptedKinds().stream()
                    .min(java.util.Comparator.naturalOrder())
                    .orElseThrow();
            outcomes.add(new Outcome<>(kind, m != null, m != null && m.kindAccepted()));
        }
        return outcomes;
    }

    /** Outcomes added up per category, in the taxonomy's order; categories without items are left out. */
    public static <E extends Enum<E>> List<Tally<E>> tally(Class<E> type, Collection<Outcome<E>> outcomes) {
        Map<E, int[]> sums = new EnumMap<>(type);
        for (Outcome<E> o : outcomes) {
            int[] s = sums.computeIfAbsent(o.category(), k -> new int[3]);
            s[0]++;
            s[1] += o.found() ? 1 : 0;
            s[2] += o.right() ? 1 : 0;
        }
        List<Tally<E>> tallies = new ArrayList<>();
        sums.forEach((category, s) -> tallies.add(new Tally<>(category, s[0], s[1], s[2])));
        return tallies;
    }

    /**
     * One lesson's outcomes in one category family, for the student's progress.
     *
     * @param latest the outcomes of the lesson's latest submitted attempt of the step
     * @param attemptOne attempt 1's outcomes when the step was revised (attempts 1 and 2 both
     *     submitted); null otherwise
     * @param attemptTwo attempt 2's outcomes, with {@code attemptOne}
     */
    public record Worked<E extends Enum<E>>(
            String title,
            List<Outcome<E>> latest,
            @Nullable List<Outcome<E>> attemptOne,
            @Nullable List<Outcome<E>> attemptTwo) {

        public Worked {
            latest = List.copyOf(latest);
            attemptOne = attemptOne == null ? null : List.copyOf(attemptOne);
            attemptTwo = attemptTwo == null ? null : List.copyOf(attemptTwo);
        }
    }

    /**
     * How a student did in one category over time.
     *
     * @param first the tally in the earliest lesson whose key had items of the category
     * @param latest the tally in the latest such lesson; null when only one lesson had any
     * @param lessons how many lessons had items of the category
     * @param revised how many of those lessons were revised (attempts 1 and 2 submitted)
     * @param beforeRevision attempt 1's tallies summed over the revised lessons; null when none
     * @param afterRevision attempt 2's tallies over the same lessons; null when none
     */
    public record Change<E extends Enum<E>>(
            E category,
            String firstTitle,
            Tally<E> first,
            @Nullable String latestTitle,
            @Nullable Tally<E> latest,
            int lessons,
            int revised,
            @Nullable Tally<E> beforeRevision,
            @Nullable Tally<E> afterRevision) {

        /**
         * Whether the student got better at the category: a larger share of the key's items found
         * in the latest lesson than in the first, or more given the right category in the same
         * share found; or more found after revising than before.
         */
        public boolean improved() {
            boolean overTime = latest != null
                    && (latest.foundShare() > first.foundShare()
                            || (latest.foundShare() == first.foundShare() && rightShare(latest) > rightShare(first)));
            boolean byRevising = beforeRevision != null
                    && afterRevision != null
                    && (afterRevision.found() > beforeRevision.found()
                            || afterRevision.right() > beforeRevision.right());
            return overTime || byRevising;
        }

        private static double rightShare(Tally<?> t) {
            return t.total() == 0 ? 0 : (double) t.right() / t.total();
        }
    }

    /** Each category's change over the lessons, which come oldest first; taxonomy order. */
    public static <E extends Enum<E>> List<Change<E>> changes(Class<E> type, List<Worked<E>> lessons) {
        List<Change<E>> changes = new ArrayList<>();
        for (E category : type.getEnumConstants()) {
            List<Worked<E>> having = lessons.stream()
                    .filter(l -> l.latest().stream().anyMatch(o -> o.category() == category))
                    .toList();
            if (having.isEmpty()) {
                continue;
            }
            Tally<E> first = only(type, category, having.getFirst().latest());
            Tally<E> latest =
                    having.size() > 1 ? only(type, category, having.getLast().latest()) : null;
            List<Outcome<E>> before = new ArrayList<>();
            List<Outcome<E>> after = new ArrayList<>();
            int revised = 0;
            for (Worked<E> l : having) {
                if (l.attemptOne() != null && l.attemptTwo() != null) {
                    revised++;
                    before.addAll(l.attemptOne());
                    after.addAll(l.attemptTwo());
                }
            }
            changes.add(new Change<>(
                    category,
                    having.getFirst().title(),
                    first,
                    latest == null ? null : having.getLast().title(),
                    latest,
                    having.size(),
                    revised,
                    revised == 0 ? null : only(type, category, before),
                    revised == 0 ? null : only(type, category, after)));
        }
        return changes;
    }

    private static <E extends Enum<E>> Tally<E> only(Class<E> type, E category, List<Outcome<E>> outcomes) {
        return tally(
                        type,
                        outcomes.stream().filter(o -> o.category() == category).toList())
                .stream()
                .findFirst()
                .orElse(new Tally<>(category, 0, 0, 0));
    }
}
