package org.lateral.submission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.submission.scoring.CompareScoring;
import org.lateral.submission.scoring.CompareScoring.Verdict;
import org.lateral.submission.scoring.Scoring;

/**
 * A compare-outlets attempt beside the comparison key (DD014, DD015), item by item: per article
 * the grid's answers with the key's and a verdict, the picked hedges and loaded words (matched or
 * not) with the key's words nobody matched, and the claims-by-outlets matrix cell by cell. Pure:
 * built from the key, the student's answer and the rules' result, so the teacher's review page and
 * the student's feedback show the same comparison. The whole key is in it: only for the teacher, or
 * for a student once the lesson's feedback is released (FeedbackService decides, DD006).
 *
 * <p>Codes are the stored ones in lower case ({@code sensational}, {@code relay}, {@code
 * attributed}); the views turn them into words.
 *
 * @param articles in the order of the step's columns
 * @param matrix one row per core claim of the key, in key order; empty when the key has none
 * @param judgementLevel the teacher's rubric level; null while not graded
 */
public record CompareReview(
        List<ArticleReview> articles,
        List<ClaimRow> matrix,
        double score,
        boolean provisional,
        double grid,
        @Nullable Double matrixPart,
        @Nullable Double judgementPart,
        @Nullable Integer judgementLevel,
        int rubricMaxLevel) {

    public CompareReview {
        articles = List.copyOf(articles);
        matrix = List.copyOf(matrix);
    }

    /**
     * A column of the step, as the review names it.
     *
     * @param key the article's name in the comparison key: its article version id as text
     * @param outletId the outlet that published it (a lateral-reading note is about it)
     * @param outlet the outlet's name ("War in Context")
     * @param text the pinned version's canonical text, which picked spans are offsets into
     */
    public record Column(UUID articleId, String key, UUID outletId, String outlet, String title, String text) {}

    /**
     * A categorical item: the student's code, the key's, the others the key (with this assignment's
     * amendments) also accepts, and the verdict.
     */
    public record Choice(@Nullable String given, String key, List<String> alsoAccepted, Verdict verdict) {
        public Choice {
            alsoAccepted = List.copyOf(alsoAccepted);
        }
    }

    /** A source count: the student's number and the key's range ({@code min == max} for one number). */
    public record CountItem(@Nullable Integer given, int min, int max, Verdict verdict) {}

    /** A span the student picked, with its words, and whether it matched a key span. */
    public record Pick(int start, int end, String exact, boolean matched) {}

    /**
     * Hedges or loaded words of one article.
     *
     * @param scored false when neither the key nor the student has one (the item is left out)
     * @param missed the key's words no pick matched, as the key quotes them
     * @param key every key phrase of the kind, as the key quotes it, in key order
     */
    public record Spans(boolean scored, double f1, List<Pick> picks, List<String> missed, List<String> key) {
        public Spans {
            picks = List.copyOf(picks);
            missed = List.copyOf(missed);
            key = List.copyOf(key);
        }
    }

    /**
     * The outlets an article relays.
     *
     * @param scored false when the student gave no reporting category (the item is then 0)
     * @param found key outlets the student named, by the key's name
     * @param missed key outlets the student did not name
     * @param extra the student's names that are no key outlet, as written
     */
    public record Relays(boolean scored, double f1, List<String> found, List<String> missed, List<String> extra) {
        public Relays {
            found = List.copyOf(found);
            missed = List.copyOf(missed);
            extra = List.copyOf(extra);
        }
    }

    /** One article's grid beside the key; {@code score} is the article's grid score, 0–1. */
    public record ArticleReview(
            Column column,
            Choice framing,
            CountItem named,
            CountItem anonymous,
            Choice reporting,
            Relays relayedFrom,
            Spans hedges,
            Spans loadedWords,
            double score) {}

    /** One cell of the matrix: how the key says the article carries the claim, and the student's answer. */
    public record Cell(Column column, Choice carriage) {}

    /** A core claim of the story with its cell per article. */
    public record ClaimRow(String claimId, String claim, List<Cell> cells) {
        public ClaimRow {
            cells = List.copyOf(cells);
        }
    }

    /**
     * @param key the comparison key the result was scored with (amendments folded in)
     * @param answer the student's answer the result was scored from
     * @param result {@link CompareScoring#score} of the two
     * @param columns the step's columns, in order: the articles in scope
     * @param claims each core claim's wording by its id
     */
    public static CompareReview of(
            CompareScoring.Key key,
            CompareScoring.Answer answer,
            CompareScoring.Result result,
            List<Column> columns,
            Map<String, String> claims) {
        Map<String, CompareScoring.KeyArticle> keyArticles = new HashMap<>();
        key.articles().forEach(a -> keyArticles.put(a.article(), a));
        Map<String, CompareScoring.StudentArticle> given = new HashMap<>();
        answer.articles().forEach(a -> given.put(a.article(), a));
        Map<String, CompareScoring.ArticleResult> results = new HashMap<>();
        result.articles().forEach(a -> results.put(a.article(), a));
        Map<String, Column> byKey = new HashMap<>();
        columns.forEach(c -> byKey.put(c.key(), c));

        List<ArticleReview> articles = new ArrayList<>();
        for (Column column : columns) {
            CompareScoring.KeyArticle k = keyArticles.get(column.key());
            CompareScoring.ArticleResult r = results.get(column.key());
            if (k == null || r == null) {
                throw new IllegalArgumentException("Column " + column.key() + " was not scored");
            }
            CompareScoring.StudentArticle s =
                    given.getOrDefault(column.key(), CompareScoring.StudentArticle.empty(column.key()));
            articles.add(new ArticleReview(
                    column,
                    new Choice(
                            code(s.framing()),
                            code(k.framing()),
                            codes(k.alsoAcceptedFramings(), k.framing()),
                            r.framing()),
                    new CountItem(s.named(), k.named().min(), k.named().max(), r.named()),
                    new CountItem(
                            s.anonymous(), k.anonymous().min(), k.anonymous().max(), r.anonymous()),
                    new Choice(
                            code(s.reporting()),
                            code(k.reporting()),
                            codes(k.alsoAcceptedReporting(), k.reporting()),
                            r.reporting()),
                    new Relays(
                            r.relayedFrom().given(),
                            r.relayedFrom().f1(),
                            r.relayedFrom().found(),
                            r.relayedFrom().missed(),
                            r.relayedFrom().extra()),
                    spans(column.text(), k.hedges(), s.hedges(), r.hedges()),
                    spans(column.text(), k.loadedWords(), s.loadedWords(), r.loadedWords()),
                    r.score()));
        }

        Map<String, CompareScoring.CoreClaim> keyClaims = new HashMap<>();
        key.coreClaims().forEach(c -> keyClaims.put(c.id(), c));
        Map<String, List<Cell>> rows = new java.util.LinkedHashMap<>();
        key.coreClaims().forEach(c -> rows.put(c.id(), new ArrayList<>()));
        for (CompareScoring.CellResult cell : result.cells()) {
            Column column = byKey.get(cell.article());
            CompareScoring.KeyCell keyCell =
                    keyClaims.get(cell.claimId()).cells().get(cell.article());
            if (column == null || keyCell == null) {
                throw new IllegalArgumentException(
                        "Cell " + cell.claimId() + " × " + cell.article() + " has no column");
            }
            rows.get(cell.claimId())
                    .add(new Cell(
                            column,
                            new Choice(
                                    code(cell.given()),
                                    code(cell.key()),
                                    codes(keyCell.alsoAccepted(), keyCell.carriage()),
                                    cell.verdict())));
        }
        List<ClaimRow> matrix = new ArrayList<>();
        rows.forEach((id, cells) -> matrix.add(new ClaimRow(id, claims.getOrDefault(id, id), cells)));
        return new CompareReview(
                articles,
                matrix,
                result.score(),
                result.provisional(),
                result.grid(),
                result.matrixScored() ? result.matrix() : null,
                result.provisional() ? null : result.judgement(),
                result.judgementLevel(),
                result.rubricMaxLevel());
    }

    private static Spans spans(
            String text, List<CompareScoring.KeySpan> key, List<Scoring.Span> picks, CompareScoring.SpanResult result) {
        Set<Integer> matched = new HashSet<>();
        result.matches().forEach(m -> matched.add(m.pickIndex()));
        List<Pick> picked = new ArrayList<>();
        for (int p = 0; p < picks.size(); p++) {
            Scoring.Span span = picks.get(p);
            picked.add(new Pick(span.start(), span.end(), words(text, span), matched.contains(p)));
        }
        List<String> missed = result.missed().stream()
                .map(k -> words(text, key.get(k).span()))
                .toList();
        List<String> all = key.stream().map(k -> words(text, k.span())).toList();
        return new Spans(result.scored(), result.f1(), picked, missed, all);
    }

    private static String words(String text, Scoring.Span span) {
        int start = Math.max(0, Math.min(span.start(), text.length()));
        int end = Math.max(start, Math.min(span.end(), text.length()));
        return text.substring(start, end);
    }

    /** The other codes accepted beside the key's own, in the enum's order. */
    private static <E extends Enum<E>> List<String> codes(Set<E> accepted, E key) {
        return accepted.stream()
                .filter(e -> e != key)
                .sorted()
                .map(CompareReview::code)
                .toList();
    }

    static @Nullable String code(@Nullable Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
