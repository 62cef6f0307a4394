package org.lateral.submission;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lateral.library.ClaimType;
import org.lateral.submission.scoring.Alternatives;
import org.lateral.submission.scoring.Scoring;

/**
 * The arithmetic of the assignment dashboard, kept pure so it can be checked by hand: it only
 * counts what the scoring rules already decided ({@link Scoring.Result}), never matches spans
 * itself, so the dashboard and the scores can not disagree on what a student found.
 */
public final class DashboardFigures {

    /** How many 10-point bins the score distribution has: 0–9.9, 10–19.9, … 90–100. */
    public static final int BINS = 10;

    private DashboardFigures() {}

    /** For each key claim id, how many of the attempts matched it (any type). */
    public static Map<String, Integer> foundCounts(List<String> claimIds, List<Alternatives.ScoredAttempt> attempts) {
        Map<String, Integer> counts = new HashMap<>();
        claimIds.forEach(id -> counts.put(id, 0));
        for (Alternatives.ScoredAttempt a : attempts) {
            Set<String> found = new HashSet<>();
            a.result().matches().forEach(m -> found.add(m.claimId()));
            found.forEach(id -> counts.computeIfPresent(id, (k, n) -> n + 1));
        }
        return counts;
    }

    /** A share of the class, rounded to two decimals; 0 when nobody submitted. */
    public static double share(int found, int submitters) {
        return submitters == 0 ? 0 : Math.round(100.0 * found / submitters) / 100.0;
    }

    /**
     * The key type a claim's row of the confusion matrix is filed under: the first of the types
     * the key accepts, in the taxonomy's order (a key claim usually accepts one).
     */
    public static ClaimType keyType(Set<ClaimType> accepted) {
        return accepted.stream().min(Comparator.naturalOrder()).orElseThrow();
    }

    /**
     * Key type × chosen type over every matched claim of every attempt: {@code [key][chosen]}
     * counts, with the rows and columns in the taxonomy's order. A key claim may accept several
     * types: a chosen type the key accepts counts on the diagonal (as the scoring rules count it
     * right), any other under the key's first type ({@link #keyType}).
     */
    public static Map<ClaimType, Map<ClaimType, Integer>> confusion(
            Map<String, Set<ClaimType>> keyTypes, List<Alternatives.ScoredAttempt> attempts) {
        List<Map.Entry<Set<ClaimType>, ClaimType>> pairs = new ArrayList<>();
        for (Alternatives.ScoredAttempt a : attempts) {
            Map<String, ClaimType> chosen = new HashMap<>();
            a.marks().forEach(m -> chosen.put(m.id(), m.type()));
            for (Scoring.Match m : a.result().matches()) {
                Set<ClaimType> accepted = keyTypes.get(m.claimId());
                ClaimType type = chosen.get(m.markId());
                if (accepted != null && type != null) {
                    pairs.add(Map.entry(accepted, type));
                }
            }
        }
        return matrix(ClaimType.class, pairs);
    }

    /**
     * A confusion matrix of any category (claim types, source kinds): each pair is what the key
     * accepts and what was chosen. A chosen category the key accepts counts on the diagonal, any
     * other under the key's first accepted category in the enum's order.
     */
    public static <E extends Enum<E>> Map<E, Map<E, Integer>> matrix(Class<E> type, List<Map.Entry<Set<E>, E>> pairs) {
        Map<E, Map<E, Integer>> matrix = new EnumMap<>(type);
        for (E row : type.getEnumConstants()) {
            Map<E, Integer> cells = new EnumMap<>(type);
            for (E col : type.getEnumConstants()) {
                cells.put(col, 0);
            }
            matrix.put(row, cells);
        }
        for (Map.Entry<Set<E>, E> pair : pairs) {
            Set<E> accepted = pair.getKey();
            if (accepted.isEmpty()) {
                continue;
            }
            E key = accepted.contains(pair.getValue())
                    ? pair.getValue()
                    : accepted.stream().min(Comparator.naturalOrder()).orElseThrow();
            matrix.get(key).merge(pair.getValue(), 1, Integer::sum);
        }
        return matrix;
    }

    /** Counts of scores in 10-point bins; 100 falls in the last. */
    public static int[] histogram(List<Double> scores) {
        int[] bins = new int[BINS];
        for (double s : scores) {
            int bin = (int) Math.floor(Math.max(0, Math.min(100, s)) / 10);
            bins[Math.min(BINS - 1, bin)]++;
        }
        return bins;
    }

    /** The median, the mean of the middle two for an even count; null without scores. */
    public static @Nullable Double median(List<Double> scores) {
        if (scores.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(scores);
        sorted.sort(Comparator.naturalOrder());
        int n = sorted.size();
        double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return Math.round(10 * m) / 10.0;
    }

    /**
     * How many students must have marked a span outside the key before the dashboard lists it:
     * at least 3, or 30% of those who submitted when that is more (rounded up).
     */
    public static int unkeyedMinimum(int submitters) {
        return Math.max(3, (int) Math.ceil(0.3 * submitters));
    }
}
