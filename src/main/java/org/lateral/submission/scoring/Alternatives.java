package org.lateral.submission.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lateral.library.ClaimType;

/**
 * What many students chose that the key does not accept: spans marked outside the key, and types
 * given to a key claim that it does not accept. The teacher's results screen lists them so one
 * click can accept them as alternatives. Pure, like the scoring it builds on.
 */
public final class Alternatives {

    private Alternatives() {}

    /** One student's scored attempt: their marks and the scorer's result for them. */
    public record ScoredAttempt(String studentId, List<Scoring.Mark> marks, Scoring.Result result) {}

    /**
     * A span several students marked that matched no key claim.
     *
     * @param start the most common span of the group (ties: the earliest)
     * @param overlapsClaim the key claim the span shares most words with, if any: accepting the
     *        span then makes it an alternative span of that claim
     */
    public record PopularSpan(
            int start,
            int end,
            int students,
            ClaimType commonType,
            @Nullable String overlapsClaim) {}

    /** A type several students gave a key claim that the key does not accept for it. */
    public record PopularType(String claimId, ClaimType type, int students) {}

    /**
     * Groups the extra marks of all attempts: a mark joins the first group whose span it matches
     * (token Jaccard at least the threshold), so near-identical selections count together. Sorted
     * by the number of students, then by position.
     */
    public static List<PopularSpan> popularSpans(
            int[] tokens, List<Scoring.KeyClaim> key, List<ScoredAttempt> attempts, double threshold) {
        record Extra(String student, Scoring.Mark mark, int[] words) {}
        List<Extra> extras = new ArrayList<>();
        for (ScoredAttempt attempt : attempts) {
            Set<String> extraIds = new HashSet<>(attempt.result().extraMarks());
            for (Scoring.Mark mark : attempt.marks()) {
                if (extraIds.contains(mark.id())) {
                    extras.add(new Extra(attempt.studentId(), mark, Scoring.covered(tokens, mark.start(), mark.end())));
                }
            }
        }
        extras.sort(Comparator.comparingInt((Extra e) -> e.mark().start())
                .thenComparingInt(e -> e.mark().end())
                .thenComparing(e -> e.mark().id()));
        List<List<Extra>> groups = new ArrayList<>();
        for (Extra extra : extras) {
            List<Extra> home = null;
            for (List<Extra> group : groups) {
                if (Scoring.jaccard(group.getFirst().words(), extra.words()) >= threshold) {
                    home = group;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(extra);
        }
        List<PopularSpan> popular = new ArrayList<>();
        for (List<Extra> group : groups) {
            Map<List<Integer>, Integer> spans = new LinkedHashMap<>();
            Map<ClaimType, Integer> types = new HashMap<>();
            Set<String> students = new HashSet<>();
            for (Extra e : group) {
                spans.merge(List.of(e.mark().start(), e.mark().end()), 1, Integer::sum);
                types.merge(e.mark().type(), 1, Integer::sum);
                students.add(e.student());
            }
            List<Integer> span = spans.entrySet().stream()
                    .max(Comparator.comparingInt((Map.Entry<List<Integer>, Integer> x) -> x.getValue())
                            .thenComparing(x -> -x.getKey().get(0)))
                    .orElseThrow()
                    .getKey();
            ClaimType type = types.entrySet().stream()
                    .max(Comparator.comparingInt((Map.Entry<ClaimType, Integer> x) -> x.getValue())
                            .thenComparing(x -> -x.getKey().ordinal()))
                    .orElseThrow()
                    .getKey();
            popular.add(new PopularSpan(
                    span.get(0),
                    span.get(1),
                    students.size(),
                    type,
                    mostOverlapping(tokens, key, span.get(0), span.get(1))));
        }
        popular.sort(Comparator.comparingInt(PopularSpan::students).reversed().thenComparingInt(PopularSpan::start));
        return popular;
    }

    /** Types students gave key claims that the key does not accept, by claim and type. */
    public static List<PopularType> popularTypes(List<Scoring.KeyClaim> key, List<ScoredAttempt> attempts) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < key.size(); i++) {
            order.put(key.get(i).id(), i);
        }
        Map<String, Map<ClaimType, Set<String>>> byClaim = new HashMap<>();
        for (ScoredAttempt attempt : attempts) {
            Map<String, ClaimType> typeOfMark = new HashMap<>();
            attempt.marks().forEach(m -> typeOfMark.put(m.id(), m.type()));
            for (Scoring.Match match : attempt.result().mislabelled()) {
                byClaim.computeIfAbsent(match.claimId(), c -> new HashMap<>())
                        .computeIfAbsent(typeOfMark.get(match.markId()), t -> new HashSet<>())
                        .add(attempt.studentId());
            }
        }
        List<PopularType> popular = new ArrayList<>();
        byClaim.forEach((claim, types) ->
                types.forEach((type, students) -> popular.add(new PopularType(claim, type, students.size()))));
        popular.sort(Comparator.comparingInt(PopularType::students)
                .reversed()
                .thenComparingInt(p -> order.getOrDefault(p.claimId(), Integer.MAX_VALUE))
                .thenComparing(p -> p.type().ordinal()));
        return popular;
    }

    private static @Nullable String mostOverlapping(int[] tokens, List<Scoring.KeyClaim> key, int start, int end) {
        int[] words = Scoring.covered(tokens, start, end);
        String best = null;
        double bestJaccard = 0;
        for (Scoring.KeyClaim claim : key) {
            double j = Scoring.jaccard(Scoring.covered(tokens, claim.start(), claim.end()), words);
            if (j > bestJaccard) {
                bestJaccard = j;
                best = claim.id();
            }
        }
        return best;
    }
}
