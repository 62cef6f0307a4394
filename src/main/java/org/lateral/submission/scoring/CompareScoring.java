package org.lateral.submission.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lateral.submission.scoring.Scoring.Span;
import org.lateral.submission.scoring.SourceScoring.Outlet;

/**
 * The scoring rules of the compare-outlets exercise, version {@value #RULES_VERSION} (DD014).
 * Pure, like {@link Scoring} and {@link SourceScoring}, whose tokens, Jaccard index and name
 * normalisation it reuses.
 *
 * <p><b>The grid</b>, per article in scope (the lesson's articles, not every article of the story
 * set), each item 0 or 1 unless said otherwise:
 * <ul>
 *   <li><em>framing</em>: right when it is the key's category or one it also accepts;</li>
 *   <li><em>named</em> and <em>anonymous</em> source counts: right when within
 *       ±{@value #COUNT_TOLERANCE} of the key's count or range ({@link Count#accepts});</li>
 *   <li><em>reporting</em> (original, relay, mixed): right when it is the key's or one it also
 *       accepts;</li>
 *   <li><em>relayed from</em>: F1 of the student's outlets against the key's, outlets compared by
 *       {@link SourceScoring#normaliseName} with the key outlet's aliases; both empty is 1 (the
 *       student agrees that the article names no outlet it relays); 0 when the student gave no
 *       reporting category (an untouched column earns nothing);</li>
 *   <li><em>hedges</em> and <em>loaded words</em>: spans picked in the article, matched to the
 *       key's spans by the claims rule (token Jaccard at least the threshold, the best of a key
 *       span and its accepted alternatives), one-to-one and greedy (Jaccard descending, then the
 *       key span's start, then the pick's start, then list order); the item is the F1 of the
 *       matches. When the key has no span of the kind and the student picked none, the item
 *       measures nothing and is left out of that article (its weight goes to the others); when
 *       the student picked some, it is 0.</li>
 * </ul>
 * The article's grid score is the weighted mean of its items ({@value #FRAMING_WEIGHT} framing,
 * {@value #NAMED_WEIGHT} + {@value #ANONYMOUS_WEIGHT} counts, {@value #REPORTING_WEIGHT}
 * reporting, {@value #RELAYED_FROM_WEIGHT} relayed from, {@value #HEDGES_WEIGHT} hedges,
 * {@value #LOADED_WORDS_WEIGHT} loaded words); the grid is the plain mean over the articles.
 *
 * <p><b>The matrix</b>: one cell per key core claim and article in scope. A cell is right when the
 * student's carriage (fact, attributed, hedged, absent) is the key's or one it also accepts; a
 * cell left empty is wrong. The matrix part is right cells ÷ cells; a key with no core claims
 * leaves it out.
 *
 * <p><b>The judgement</b>: the teacher's rubric level ÷ the rubric's maximum level. Until the
 * teacher grades it the score is <em>provisional</em>: computed from the other parts with their
 * weights scaled up to sum to 1, and flagged in the {@link Result}.
 *
 * <p><b>Score</b> = 100 × ({@value #GRID_WEIGHT} × grid + {@value #MATRIX_WEIGHT} × matrix +
 * {@value #JUDGEMENT_WEIGHT} × judgement) ÷ the weights of the parts scored, rounded to one
 * decimal. Free texts (what an article includes or leaves out, what kind of outlet it is) and the
 * wording a student picks for a matrix cell are shown to the teacher and never scored by these
 * rules, so they are not inputs here.
 */
public final class CompareScoring {

    public static final String RULES_VERSION = "1";

    public static final double GRID_WEIGHT = 0.50;
    public static final double MATRIX_WEIGHT = 0.30;
    public static final double JUDGEMENT_WEIGHT = 0.20;

    public static final double FRAMING_WEIGHT = 0.15;
    public static final double NAMED_WEIGHT = 0.10;
    public static final double ANONYMOUS_WEIGHT = 0.10;
    public static final double REPORTING_WEIGHT = 0.15;
    public static final double RELAYED_FROM_WEIGHT = 0.10;
    public static final double HEDGES_WEIGHT = 0.20;
    public static final double LOADED_WORDS_WEIGHT = 0.20;

    /** How far a student's source count may be from the key's count or range and still be right. */
    public static final int COUNT_TOLERANCE = 1;

    public static final int DEFAULT_RUBRIC_MAX_LEVEL = 3;

    private CompareScoring() {}

    /** How a headline frames the story. */
    public enum Framing {
        NEUTRAL,
        HEDGED,
        SENSATIONAL,
        QUESTION
    }

    /** Whether the outlet reported the story itself, relayed another outlet's report, or both. */
    public enum Reporting {
        ORIGINAL,
        RELAY,
        MIXED
    }

    /** How an article carries a core claim of the story. */
    public enum Carriage {
        FACT,
        ATTRIBUTED,
        HEDGED,
        ABSENT
    }

    /** A categorical item of the answer: right, wrong, or left empty (which scores as wrong). */
    public enum Verdict {
        RIGHT,
        WRONG,
        NOT_GIVEN
    }

    /**
     * A key's source count: exactly {@code min} when {@code min == max}, else any number between
     * them (comparison.yaml's {@code {min, max}}, for texts that allow more than one count).
     */
    public record Count(int min, int max) {
        public Count {
            if (min < 0 || max < min) {
                throw new IllegalArgumentException("A source count needs 0 <= min <= max, got " + min + ".." + max);
            }
        }

        public static Count exactly(int n) {
            return new Count(n, n);
        }

        public static Count between(int min, int max) {
            return new Count(min, max);
        }

        /** Within {@value CompareScoring#COUNT_TOLERANCE} of the range (DD014: why ±1). */
        public boolean accepts(int n) {
            return n >= min - COUNT_TOLERANCE && n <= max + COUNT_TOLERANCE;
        }
    }

    /**
     * A hedge or loaded words in the key: the span of the article's text, and the other spans this
     * assignment's teacher accepted for it (the best Jaccard of all of them counts, as for claims).
     */
    public record KeySpan(Span span, List<Span> alternatives) {
        public KeySpan {
            alternatives = List.copyOf(alternatives);
        }

        public static KeySpan of(Span span) {
            return new KeySpan(span, List.of());
        }
    }

    /**
     * The key's grid for one article.
     *
     * @param article the article's id in the story set (its slug)
     * @param alsoAcceptedFramings other framings counted right (the key's, and any a teacher accepted)
     * @param relayedFrom the outlets the article relays; empty when it names none
     */
    public record KeyArticle(
            String article,
            Framing framing,
            Set<Framing> alsoAcceptedFramings,
            Count named,
            Count anonymous,
            List<KeySpan> hedges,
            List<KeySpan> loadedWords,
            Reporting reporting,
            Set<Reporting> alsoAcceptedReporting,
            List<Outlet> relayedFrom) {
        public KeyArticle {
            alsoAcceptedFramings = Set.copyOf(alsoAcceptedFramings);
            hedges = List.copyOf(hedges);
            loadedWords = List.copyOf(loadedWords);
            alsoAcceptedReporting = Set.copyOf(alsoAcceptedReporting);
            relayedFrom = List.copyOf(relayedFrom);
        }

        public boolean acceptsFraming(Framing given) {
            return given == framing || alsoAcceptedFramings.contains(given);
        }

        public boolean acceptsReporting(Reporting given) {
            return given == reporting || alsoAcceptedReporting.contains(given);
        }
    }

    /** How the key says one article carries a core claim, and the other carriages it accepts. */
    public record KeyCell(Carriage carriage, Set<Carriage> alsoAccepted) {
        public KeyCell {
            alsoAccepted = Set.copyOf(alsoAccepted);
        }

        public static KeyCell of(Carriage carriage, Carriage... alsoAccepted) {
            return new KeyCell(carriage, Set.of(alsoAccepted));
        }

        public boolean accepts(Carriage given) {
            return given == carriage || alsoAccepted.contains(given);
        }
    }

    /** A row of the matrix: a core claim of the story and, per article, how the key says it carries it. */
    public record CoreClaim(String id, Map<String, KeyCell> cells) {
        public CoreClaim {
            cells = Map.copyOf(cells);
        }
    }

    /**
     * The comparison key of a story set (with this assignment's accepted alternatives folded in).
     *
     * @param rubricMaxLevel the highest level of the judgement rubric (levels are 0..max)
     */
    public record Key(List<KeyArticle> articles, List<CoreClaim> coreClaims, int rubricMaxLevel) {
        public Key {
            articles = List.copyOf(articles);
            coreClaims = List.copyOf(coreClaims);
            if (rubricMaxLevel < 1) {
                throw new IllegalArgumentException(
                        "The rubric needs a maximum level of at least 1, got " + rubricMaxLevel);
            }
        }
    }

    /**
     * The student's grid for one article. Null means left empty.
     *
     * @param relayedFrom outlet names as typed or picked (compared normalised)
     */
    public record StudentArticle(
            String article,
            @Nullable Framing framing,
            @Nullable Integer named,
            @Nullable Integer anonymous,
            List<Span> hedges,
            List<Span> loadedWords,
            @Nullable Reporting reporting,
            List<String> relayedFrom) {
        public StudentArticle {
            hedges = List.copyOf(hedges);
            loadedWords = List.copyOf(loadedWords);
            relayedFrom = List.copyOf(relayedFrom);
            if ((named != null && named < 0) || (anonymous != null && anonymous < 0)) {
                throw new IllegalArgumentException("Source counts cannot be negative (article " + article + ")");
            }
        }

        /** A column the student has not touched. */
        public static StudentArticle empty(String article) {
            return new StudentArticle(article, null, null, null, List.of(), List.of(), null, List.of());
        }
    }

    /** The student's cell of the matrix; a null carriage is a cell left empty. */
    public record StudentCell(
            String claimId, String article, @Nullable Carriage carriage) {}

    /**
     * The student's work as the rules see it.
     *
     * @param judgementLevel the teacher's rubric level for the written judgement; null until graded
     */
    public record Answer(
            List<StudentArticle> articles,
            List<StudentCell> cells,
            @Nullable Integer judgementLevel) {
        public Answer {
            articles = List.copyOf(articles);
            cells = List.copyOf(cells);
        }
    }

    /** A key span and the pick matched to it, by their places in the key's and the student's lists. */
    public record SpanMatch(int keyIndex, int pickIndex, double jaccard) {}

    /**
     * Hedges or loaded words of one article.
     *
     * @param scored false when neither the key nor the student has a span of this kind
     * @param precision matches ÷ picks (1 with no picks)
     * @param recall matches ÷ key spans (1 with no key spans)
     * @param f1 2 × matches ÷ (picks + key spans); the item's value
     * @param missed indices of key spans no pick matched
     * @param extra indices of picks that matched no key span
     */
    public record SpanResult(
            boolean scored,
            double precision,
            double recall,
            double f1,
            List<SpanMatch> matches,
            List<Integer> missed,
            List<Integer> extra) {
        public SpanResult {
            matches = List.copyOf(matches);
            missed = List.copyOf(missed);
            extra = List.copyOf(extra);
        }
    }

    /**
     * The relayed-from item of one article.
     *
     * @param given false when the student gave no reporting category (the item is then 0)
     * @param found the key outlets the student named (by the key's name)
     * @param missed the key outlets the student did not name
     * @param extra the student's names that are no key outlet, as typed (one per normalised name)
     * @param f1 2 × found ÷ (the student's distinct outlets + the key's outlets); 1 when both are empty
     */
    public record OutletResult(
            boolean given,
            double precision,
            double recall,
            double f1,
            List<String> found,
            List<String> missed,
            List<String> extra) {
        public OutletResult {
            found = List.copyOf(found);
            missed = List.copyOf(missed);
            extra = List.copyOf(extra);
        }
    }

    /**
     * The grid of one article.
     *
     * @param score 0–1, the weighted mean of the items scored
     */
    public record ArticleResult(
            String article,
            Verdict framing,
            Verdict named,
            Verdict anonymous,
            Verdict reporting,
            OutletResult relayedFrom,
            SpanResult hedges,
            SpanResult loadedWords,
            double score) {}

    /** One cell of the matrix: what the key says, what the student gave, and the verdict. */
    public record CellResult(
            String claimId,
            String article,
            Carriage key,
            @Nullable Carriage given,
            Verdict verdict) {}

    /**
     * The outcome for one attempt.
     *
     * @param score 0–100, rounded to one decimal
     * @param provisional true while the judgement is not graded: the score leaves it out
     * @param grid 0–1, the mean of the articles' grid scores
     * @param matrix 0–1, right cells ÷ cells; 0 when not scored
     * @param matrixScored false when the key has no core claims
     * @param judgement 0–1, level ÷ max level; 0 while provisional
     * @param articles in the order of the articles in scope
     * @param cells by core claim in key order, then article in scope order
     */
    public record Result(
            double score,
            boolean provisional,
            double grid,
            double matrix,
            boolean matrixScored,
            double judgement,
            @Nullable Integer judgementLevel,
            int rubricMaxLevel,
            List<ArticleResult> articles,
            List<CellResult> cells) {
        public Result {
            articles = List.copyOf(articles);
            cells = List.copyOf(cells);
        }

        public List<CellResult> cells(Verdict verdict) {
            return cells.stream().filter(c -> c.verdict() == verdict).toList();
        }
    }

    /**
     * Scores a student's comparison against the key.
     *
     * @param tokens each article in scope's token spans ({@code Tokens.words} of its canonical text)
     * @param articles the articles in scope: the lesson's, in the order shown
     * @throws IllegalArgumentException for a threshold outside (0, 1], no article in scope, an
     *     article in scope without key, tokens or a key cell, duplicate articles or cells, a cell
     *     naming no core claim, or a judgement level outside the rubric
     */
    public static Result score(
            Map<String, int[]> tokens, Key key, List<String> articles, Answer answer, double threshold) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("The match threshold must be in (0, 1], got " + threshold);
        }
        if (articles.isEmpty()) {
            throw new IllegalArgumentException("A comparison needs at least one article in scope");
        }
        if (new HashSet<>(articles).size() != articles.size()) {
            throw new IllegalArgumentException("An article is in scope twice: " + articles);
        }
        @Nullable Integer level = answer.judgementLevel();
        if (level != null && (level < 0 || level > key.rubricMaxLevel())) {
            throw new IllegalArgumentException(
                    "The judgement level must be in 0.." + key.rubricMaxLevel() + ", got " + level);
        }
        Map<String, KeyArticle> keyArticles = new HashMap<>();
        for (KeyArticle a : key.articles()) {
            if (keyArticles.put(a.article(), a) != null) {
                throw new IllegalArgumentException("The key has article " + a.article() + " twice");
            }
        }
        Map<String, StudentArticle> studentArticles = new HashMap<>();
        for (StudentArticle a : answer.articles()) {
            if (studentArticles.put(a.article(), a) != null) {
                throw new IllegalArgumentException("The answer has article " + a.article() + " twice");
            }
        }

        List<ArticleResult> grids = new ArrayList<>();
        for (String article : articles) {
            KeyArticle k = keyArticles.get(article);
            if (k == null) {
                throw new IllegalArgumentException("Article " + article + " is in scope but not in the key");
            }
            int[] words = tokens.get(article);
            if (words == null) {
                throw new IllegalArgumentException("No tokens for article " + article);
            }
            grids.add(grid(words, k, studentArticles.getOrDefault(article, StudentArticle.empty(article)), threshold));
        }
        double grid = grids.stream().mapToDouble(ArticleResult::score).average().orElseThrow();

        List<CellResult> cells = matrix(key, articles, answer);
        boolean matrixScored = !cells.isEmpty();
        double matrix = matrixScored
                ? (double) cells.stream()
                                .filter(c -> c.verdict() == Verdict.RIGHT)
                                .count()
                        / cells.size()
                : 0;

        boolean provisional = level == null;
        double judgement = provisional ? 0 : (double) level / key.rubricMaxLevel();

        double weights = GRID_WEIGHT + (matrixScored ? MATRIX_WEIGHT : 0) + (provisional ? 0 : JUDGEMENT_WEIGHT);
        double weighted = GRID_WEIGHT * grid
                + (matrixScored ? MATRIX_WEIGHT * matrix : 0)
                + (provisional ? 0 : JUDGEMENT_WEIGHT * judgement);
        double score = Math.round(1000 * weighted / weights) / 10.0;
        return new Result(
                score, provisional, grid, matrix, matrixScored, judgement, level, key.rubricMaxLevel(), grids, cells);
    }

    private static ArticleResult grid(int[] tokens, KeyArticle key, StudentArticle student, double threshold) {
        Verdict framing = student.framing() == null
                ? Verdict.NOT_GIVEN
                : key.acceptsFraming(student.framing()) ? Verdict.RIGHT : Verdict.WRONG;
        Verdict named = count(key.named(), student.named());
        Verdict anonymous = count(key.anonymous(), student.anonymous());
        Verdict reporting = student.reporting() == null
                ? Verdict.NOT_GIVEN
                : key.acceptsReporting(student.reporting()) ? Verdict.RIGHT : Verdict.WRONG;
        OutletResult relayedFrom = outlets(key.relayedFrom(), student.relayedFrom(), student.reporting() != null);
        SpanResult hedges = spans(tokens, key.hedges(), student.hedges(), threshold);
        SpanResult loaded = spans(tokens, key.loadedWords(), student.loadedWords(), threshold);

        double weights = FRAMING_WEIGHT
                + NAMED_WEIGHT
                + ANONYMOUS_WEIGHT
                + REPORTING_WEIGHT
                + RELAYED_FROM_WEIGHT
                + (hedges.scored() ? HEDGES_WEIGHT : 0)
                + (loaded.scored() ? LOADED_WORDS_WEIGHT : 0);
        double weighted = FRAMING_WEIGHT * right(framing)
                + NAMED_WEIGHT * right(named)
                + ANONYMOUS_WEIGHT * right(anonymous)
                + REPORTING_WEIGHT * right(reporting)
                + RELAYED_FROM_WEIGHT * relayedFrom.f1()
                + (hedges.scored() ? HEDGES_WEIGHT * hedges.f1() : 0)
                + (loaded.scored() ? LOADED_WORDS_WEIGHT * loaded.f1() : 0);
        return new ArticleResult(
                key.article(), framing, named, anonymous, reporting, relayedFrom, hedges, loaded, weighted / weights);
    }

    private static Verdict count(Count key, @Nullable Integer given) {
        if (given == null) {
            return Verdict.NOT_GIVEN;
        }
        return key.accepts(given) ? Verdict.RIGHT : Verdict.WRONG;
    }

    private static int right(Verdict verdict) {
        return verdict == Verdict.RIGHT ? 1 : 0;
    }

    /**
     * Set F1 of outlets. The student's names are first reduced to distinct outlets: a name that is
     * a key outlet's name or alias stands for that outlet (so "Daily Beast" and "The Daily Beast"
     * count once), any other name stands for its normalised self.
     */
    private static OutletResult outlets(List<Outlet> key, List<String> given, boolean reportingGiven) {
        Map<String, Integer> outletOfName = new HashMap<>();
        for (int i = 0; i < key.size(); i++) {
            Outlet outlet = key.get(i);
            outletOfName.putIfAbsent(SourceScoring.normaliseName(outlet.name()), i);
            for (String alias : outlet.aliases()) {
                outletOfName.putIfAbsent(SourceScoring.normaliseName(alias), i);
            }
        }
        Set<Integer> found = new LinkedHashSet<>();
        Map<String, String> extra = new LinkedHashMap<>();
        for (String name : given) {
            String normalised = SourceScoring.normaliseName(name);
            if (normalised.isEmpty()) {
                continue;
            }
            Integer outlet = outletOfName.get(normalised);
            if (outlet != null) {
                found.add(outlet);
            } else {
                extra.putIfAbsent(normalised, name);
            }
        }
        List<String> foundNames =
                found.stream().sorted().map(i -> key.get(i).name()).toList();
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            if (!found.contains(i)) {
                missed.add(key.get(i).name());
            }
        }
        int picks = found.size() + extra.size();
        double precision = picks == 0 ? 1 : (double) found.size() / picks;
        double recall = key.isEmpty() ? 1 : (double) found.size() / key.size();
        double f1 = picks + key.size() == 0 ? 1 : 2.0 * found.size() / (picks + key.size());
        if (!reportingGiven) {
            // Nothing said about the origin: an empty list then is silence, not "relays no one".
            return new OutletResult(false, 0, 0, 0, foundNames, missed, List.copyOf(extra.values()));
        }
        return new OutletResult(true, precision, recall, f1, foundNames, missed, List.copyOf(extra.values()));
    }

    /** The claims rule (Jaccard at least the threshold, one-to-one, greedy) applied to picked spans. */
    private static SpanResult spans(int[] tokens, List<KeySpan> key, List<Span> picks, double threshold) {
        if (key.isEmpty() && picks.isEmpty()) {
            return new SpanResult(false, 1, 1, 1, List.of(), List.of(), List.of());
        }
        record Candidate(int keyIndex, int pickIndex, int keyStart, int pickStart, double jaccard) {}
        List<int[]> pickWords = picks.stream()
                .map(p -> Scoring.covered(tokens, p.start(), p.end()))
                .toList();
        List<Candidate> candidates = new ArrayList<>();
        for (int k = 0; k < key.size(); k++) {
            List<int[]> keyWords = new ArrayList<>();
            KeySpan keySpan = key.get(k);
            keyWords.add(Scoring.covered(
                    tokens, keySpan.span().start(), keySpan.span().end()));
            for (Span alternative : keySpan.alternatives()) {
                keyWords.add(Scoring.covered(tokens, alternative.start(), alternative.end()));
            }
            for (int p = 0; p < picks.size(); p++) {
                double best = 0;
                for (int[] words : keyWords) {
                    best = Math.max(best, Scoring.jaccard(words, pickWords.get(p)));
                }
                if (best >= threshold) {
                    candidates.add(new Candidate(
                            k, p, keySpan.span().start(), picks.get(p).start(), best));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::jaccard)
                .reversed()
                .thenComparingInt(Candidate::keyStart)
                .thenComparingInt(Candidate::pickStart)
                .thenComparingInt(Candidate::keyIndex)
                .thenComparingInt(Candidate::pickIndex));
        Set<Integer> usedKey = new HashSet<>();
        Set<Integer> usedPicks = new HashSet<>();
        List<SpanMatch> matches = new ArrayList<>();
        for (Candidate c : candidates) {
            if (usedKey.contains(c.keyIndex()) || usedPicks.contains(c.pickIndex())) {
                continue;
            }
            usedKey.add(c.keyIndex());
            usedPicks.add(c.pickIndex());
            matches.add(new SpanMatch(c.keyIndex(), c.pickIndex(), c.jaccard()));
        }
        matches.sort(Comparator.comparingInt(SpanMatch::keyIndex));
        List<Integer> missed = new ArrayList<>();
        for (int k = 0; k < key.size(); k++) {
            if (!usedKey.contains(k)) {
                missed.add(k);
            }
        }
        List<Integer> extra = new ArrayList<>();
        for (int p = 0; p < picks.size(); p++) {
            if (!usedPicks.contains(p)) {
                extra.add(p);
            }
        }
        int n = matches.size();
        double precision = picks.isEmpty() ? 1 : (double) n / picks.size();
        double recall = key.isEmpty() ? 1 : (double) n / key.size();
        double f1 = 2.0 * n / (picks.size() + key.size());
        return new SpanResult(true, precision, recall, f1, matches, missed, extra);
    }

    private static List<CellResult> matrix(Key key, List<String> articles, Answer answer) {
        Set<String> claimIds = new HashSet<>();
        for (CoreClaim claim : key.coreClaims()) {
            if (!claimIds.add(claim.id())) {
                throw new IllegalArgumentException("The key has core claim " + claim.id() + " twice");
            }
        }
        Map<List<String>, StudentCell> given = new HashMap<>();
        for (StudentCell cell : answer.cells()) {
            if (!claimIds.contains(cell.claimId())) {
                throw new IllegalArgumentException("A cell names no core claim of the key: " + cell.claimId());
            }
            if (given.put(List.of(cell.claimId(), cell.article()), cell) != null) {
                throw new IllegalArgumentException(
                        "The answer has the cell " + cell.claimId() + " × " + cell.article() + " twice");
            }
        }
        // Only the articles in scope make cells: a cell of another article of the set (a grader
        // handing over everything the student ever saved) is ignored, not counted.
        List<CellResult> cells = new ArrayList<>();
        for (CoreClaim claim : key.coreClaims()) {
            for (String article : articles) {
                KeyCell keyCell = claim.cells().get(article);
                if (keyCell == null) {
                    throw new IllegalArgumentException(
                            "Core claim " + claim.id() + " has no cell for article " + article);
                }
                StudentCell cell = given.get(List.of(claim.id(), article));
                @Nullable Carriage carriage = cell == null ? null : cell.carriage();
                Verdict verdict = carriage == null
                        ? Verdict.NOT_GIVEN
                        : keyCell.accepts(carriage) ? Verdict.RIGHT : Verdict.WRONG;
                cells.add(new CellResult(claim.id(), article, keyCell.carriage(), carriage, verdict));
            }
        }
        return cells;
    }
}
