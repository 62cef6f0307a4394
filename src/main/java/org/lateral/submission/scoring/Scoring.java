package org.lateral.submission.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lateral.library.ClaimType;

/**
 * The scoring rules, version {@value #RULES_VERSION} (DD000, "Scoring"):
 * <ul>
 *   <li>tokens are runs of letters and digits; a span covers the tokens it overlaps;</li>
 *   <li>a mark matches a key claim when the Jaccard index of their token sets is at least the
 *       threshold (0.5 unless the assignment says otherwise);</li>
 *   <li>matching is one-to-one and greedy: pairs by Jaccard descending, then key claim start, then
 *       mark id;</li>
 *   <li>score = 100 × (0.7 × recall of key claims weighted by check-worthiness + 0.3 × share of
 *       matched claims whose mark has an accepted type);</li>
 *   <li>marks that match no claim are counted and shown, not penalised.</li>
 * </ul>
 */
public final class Scoring {

    public static final String RULES_VERSION = "1";
    public static final double DEFAULT_THRESHOLD = 0.5;

    private Scoring() {}

    /**
     * A key claim: its span, the types it accepts, how much finding it matters (1–3), and the
     * other spans this assignment's teacher accepted for it ("accept as alternative"). A mark is
     * compared with the claim's span and each alternative, and the best Jaccard counts; without
     * alternatives this is exactly the pinned rule.
     */
    public record KeyClaim(
            String id, int start, int end, Set<ClaimType> accepted, int worthiness, List<Span> alternatives) {

        public KeyClaim {
            accepted = Set.copyOf(accepted);
            alternatives = List.copyOf(alternatives);
        }

        public KeyClaim(String id, int start, int end, Set<ClaimType> accepted, int worthiness) {
            this(id, start, end, accepted, worthiness, List.of());
        }
    }

    public record Span(int start, int end) {}

    /** A student's mark. */
    public record Mark(String id, int start, int end, ClaimType type) {}

    public record Match(String claimId, String markId, double jaccard, boolean typeAccepted) {}

    /**
     * The outcome for one attempt.
     *
     * @param score 0–100, rounded to one decimal
     */
    public record Result(
            double score,
            double weightedRecall,
            double typeAccuracy,
            List<Match> matches,
            List<String> missedClaims,
            List<String> extraMarks) {

        public Result {
            matches = List.copyOf(matches);
            missedClaims = List.copyOf(missedClaims);
            extraMarks = List.copyOf(extraMarks);
        }

        public List<Match> mislabelled() {
            return matches.stream().filter(m -> !m.typeAccepted()).toList();
        }
    }

    /**
     * Scores marks against a key over one canonical text, given as its token spans
     * ({@code Tokens.words}: flat pairs of offsets).
     */
    public static Result score(int[] tokens, List<KeyClaim> key, List<Mark> marks, double threshold) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("The match threshold must be in (0, 1], got " + threshold);
        }
        record Candidate(KeyClaim claim, Mark mark, double jaccard) {}
        List<List<int[]>> claimTokens = key.stream()
                .map(c -> {
                    List<int[]> spans = new ArrayList<>();
                    spans.add(covered(tokens, c.start(), c.end()));
                    c.alternatives().forEach(a -> spans.add(covered(tokens, a.start(), a.end())));
                    return spans;
                })
                .toList();
        List<int[]> markTokens =
                marks.stream().map(m -> covered(tokens, m.start(), m.end())).toList();
        List<Candidate> candidates = new ArrayList<>();
        for (int c = 0; c < key.size(); c++) {
            for (int m = 0; m < marks.size(); m++) {
                double j = 0;
                for (int[] span : claimTokens.get(c)) {
                    j = Math.max(j, jaccard(span, markTokens.get(m)));
                }
                if (j >= threshold) {
                    candidates.add(new Candidate(key.get(c), marks.get(m), j));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::jaccard)
                .reversed()
                .thenComparingInt(x -> x.claim().start())
                .thenComparing(x -> x.mark().id()));
        Set<String> usedClaims = new HashSet<>();
        Set<String> usedMarks = new HashSet<>();
        List<Match> matches = new ArrayList<>();
        for (Candidate x : candidates) {
            if (usedClaims.contains(x.claim().id())
                    || usedMarks.contains(x.mark().id())) {
                continue;
            }
            usedClaims.add(x.claim().id());
            usedMarks.add(x.mark().id());
            matches.add(new Match(
                    x.claim().id(),
                    x.mark().id(),
                    x.jaccard(),
                    x.claim().accepted().contains(x.mark().type())));
        }
        int totalWeight = key.stream().mapToInt(KeyClaim::worthiness).sum();
        int foundWeight = key.stream()
                .filter(c -> usedClaims.contains(c.id()))
                .mapToInt(KeyClaim::worthiness)
                .sum();
        double recall = totalWeight == 0 ? 0 : (double) foundWeight / totalWeight;
        double typeAccuracy = matches.isEmpty()
                ? 0
                : (double) matches.stream().filter(Match::typeAccepted).count() / matches.size();
        double score = Math.round(1000 * (0.7 * recall + 0.3 * typeAccuracy)) / 10.0;
        List<String> missed = key.stream()
                .map(KeyClaim::id)
                .filter(id -> !usedClaims.contains(id))
                .toList();
        List<String> extras = marks.stream()
                .map(Mark::id)
                .filter(id -> !usedMarks.contains(id))
                .sorted()
                .toList();
        return new Result(score, recall, typeAccuracy, matches, missed, extras);
    }

    /** Indices of the tokens a span overlaps, ascending (binary search over the sorted token starts). */
    static int[] covered(int[] tokens, int start, int end) {
        int n = tokens.length / 2;
        int lo = 0;
        int hi = n;
        while (lo < hi) { // first token whose end is after start
            int mid = (lo + hi) >>> 1;
            if (tokens[2 * mid + 1] <= start) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int first = lo;
        int last = first;
        while (last < n && tokens[2 * last] < end) {
            last++;
        }
        int[] indices = new int[last - first];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = first + i;
        }
        return indices;
    }

    /** Jaccard of two ascending runs of token indices (contiguous, so it is interval arithmetic). */
    static double jaccard(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int overlap = Math.max(0, Math.min(a[a.length - 1], b[b.length - 1]) - Math.max(a[0], b[0]) + 1);
        int union = a.length + b.length - overlap;
        return (double) overlap / union;
    }
}
