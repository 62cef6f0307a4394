package org.lateral.submission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.lateral.submission.scoring.CompareScoring;
import org.lateral.submission.scoring.CompareScoring.Verdict;

/**
 * How a class's submitted comparisons agree, cell by cell of the grid (article × grid item) and of
 * the claims-by-outlets matrix (core claim × article): a panel of the assignment dashboard (DD016).
 * Built by {@link #of}, pure, from the reviews the compare grader builds for each student, so the
 * panel counts right and wrong exactly as the scores do.
 *
 * @param step the compare step's position in the lesson, from 0
 * @param submitters students with a submitted attempt of the step (the latest one counts)
 * @param outlets the step's columns, in order
 * @param grid one row per grid item, one cell per column
 * @param matrix one row per core claim of the key, in key order, one cell per column
 */
public record CompareAgreement(int step, int submitters, List<String> outlets, List<Row> grid, List<Row> matrix)
        implements AssignmentDashboard.StepPanel {

    public CompareAgreement {
        outlets = List.copyOf(outlets);
        grid = List.copyOf(grid);
        matrix = List.copyOf(matrix);
    }

    /**
     * The grid items' codes in the order the student fills them; the dashboard names each in the
     * reader's language.
     */
    public static final List<String> GRID_ITEMS =
            List.of("framing", "named", "anonymous", "reporting", "relayed-from", "hedges", "loaded");

    /** A relayed-from answer that names no outlet, among the answers of {@link Cell#common()}. */
    public static final String NO_OUTLET = "none";

    /**
     * @param item the grid item's code (one of {@link #GRID_ITEMS}) or the core claim's id
     * @param claim the core claim's wording for a matrix row; null for a grid item, which the
     *     dashboard names by its code in the reader's language
     */
    public record Row(String item, @Nullable String claim, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * The key's answer to one cell, as data the dashboard words in the reader's language: the
     * codes it accepts (any one of them), a count with its tolerance, the outlets it relays from
     * (none when empty), or how many phrases it marks.
     */
    public sealed interface KeyAnswer {
        /** The key's own code first, then the others it also accepts. */
        record Accepted(List<String> codes) implements KeyAnswer {
            public Accepted {
                codes = List.copyOf(codes);
            }
        }

        /** A count from min to max (the same when the key gives one), right within the tolerance. */
        record Count(int min, int max, int tolerance) implements KeyAnswer {}

        /** The outlets the article relays from, in the key's order; empty when it relays from none. */
        record Relays(List<String> outlets) implements KeyAnswer {
            public Relays {
                outlets = List.copyOf(outlets);
            }
        }

        /** How many phrases the key marks (hedges, loaded words). */
        record Phrases(int count) implements KeyAnswer {}
    }

    /**
     * One cell: how the class answered one item for one article.
     *
     * @param answered students who gave an answer (a category, a count, a reporting category with
     *     its outlets, at least one picked span)
     * @param common the most common answer, every one of a tie in alphabetical order; empty when
     *     nobody answered or the item has no single answer (picked spans). A relayed-from answer
     *     is its outlets joined by "; ", or {@link #NO_OUTLET}
     * @param commonCount how many students gave it
     * @param commonShare commonCount ÷ submitters, two decimals; null with {@code common}
     * @param key the key's answer as the teacher reads it (with what it also accepts)
     * @param keyShare agreement with the key: students right ÷ submitters for an item that is right
     *     or wrong; the mean overlap (F1) for relayed-from, hedges and loaded words, which the
     *     scoring measures by overlap; two decimals; null when the item is scored for nobody
     * @param counted how many students {@code keyShare} is over
     * @param agreeing how many students the scoring counts right, for an item that is right or
     *     wrong (0 for an overlap item); the count behind {@code keyShare}, not rebuilt from it
     * @param overlap whether {@code keyShare} is a mean overlap rather than a share of students
     */
    public record Cell(
            String outlet,
            int answered,
            List<String> common,
            int commonCount,
            @Nullable Double commonShare,
            KeyAnswer key,
            @Nullable Double keyShare,
            int counted,
            int agreeing,
            boolean overlap) {

        public Cell {
            common = List.copyOf(common);
        }
    }

    /** One student's answer to one item as the panel counts it. */
    private record Answer(@Nullable String given, double agreement, boolean scored) {}

    /**
     * @param key the step's key as the reviews were scored with (amendments folded in)
     * @param columns the step's columns, in order
     * @param claims each core claim's wording by id, in key order
     * @param reviews one per submitter: their latest submitted attempt beside the key
     */
    static CompareAgreement of(
            int step,
            CompareScoring.Key key,
            List<CompareReview.Column> columns,
            Map<String, String> claims,
            List<CompareReview> reviews) {
        int n = reviews.size();
        Map<String, CompareScoring.KeyArticle> keyArticles = new LinkedHashMap<>();
        key.articles().forEach(a -> keyArticles.put(a.article(), a));
        List<Row> grid = new ArrayList<>();
        for (String item : GRID_ITEMS) {
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                int column = c;
                CompareReview.Column col = columns.get(c);
                CompareScoring.KeyArticle k = keyArticles.get(col.key());
                List<Answer> answers = reviews.stream()
                        .map(r -> gridAnswer(item, r.articles().get(column)))
                        .toList();
                cells.add(cell(col.outlet(), keyAnswer(item, k), answers, n, overlap(item)));
            }
            grid.add(new Row(item, null, cells));
        }
        List<Row> matrix = new ArrayList<>();
        for (CompareScoring.CoreClaim claim : key.coreClaims()) {
            List<Cell> cells = new ArrayList<>();
            for (CompareReview.Column col : columns) {
                CompareScoring.KeyCell k = claim.cells().get(col.key());
                if (k == null) {
                    continue;
                }
                List<Answer> answers = reviews.stream()
                        .flatMap(r -> r.matrix().stream())
                        .filter(row -> row.claimId().equals(claim.id()))
                        .flatMap(row -> row.cells().stream())
                        .filter(cell -> cell.column().key().equals(col.key()))
                        .map(cell -> choice(cell.carriage()))
                        .toList();
                cells.add(cell(col.outlet(), accepted(k.carriage(), k.alsoAccepted()), answers, n, false));
            }
            matrix.add(new Row(claim.id(), claims.getOrDefault(claim.id(), claim.id()), cells));
        }
        return new CompareAgreement(
                step, n, columns.stream().map(CompareReview.Column::outlet).toList(), grid, matrix);
    }

    private static boolean overlap(String item) {
        return item.equals("relayed-from") || item.equals("hedges") || item.equals("loaded");
    }

    private static Answer gridAnswer(String item, CompareReview.ArticleReview a) {
        return switch (item) {
            case "framing" -> choice(a.framing());
            case "named" -> count(a.named());
            case "anonymous" -> count(a.anonymous());
            case "reporting" -> choice(a.reporting());
            case "relayed-from" -> {
                // Scored even without a reporting category (as 0), so counted; but then not answered.
                CompareReview.Relays r = a.relayedFrom();
                String given = r.scored()
                        ? Stream.concat(r.found().stream(), r.extra().stream())
                                .sorted(String.CASE_INSENSITIVE_ORDER)
                                .collect(Collectors.collectingAndThen(
                                        Collectors.joining("; "), s -> s.isEmpty() ? NO_OUTLET : s))
                        : null;
                yield new Answer(given, r.f1(), true);
            }
            case "hedges" -> spans(a.hedges());
            case "loaded" -> spans(a.loadedWords());
            default -> throw new IllegalArgumentException("No grid item " + item);
        };
    }

    private static Answer choice(CompareReview.Choice c) {
        return new Answer(c.given(), c.verdict() == Verdict.RIGHT ? 1 : 0, true);
    }

    private static Answer count(CompareReview.CountItem c) {
        return new Answer(
                c.given() == null ? null : String.valueOf(c.given()), c.verdict() == Verdict.RIGHT ? 1 : 0, true);
    }

    /** Picked spans have no single answer to agree on: only whether any were picked, and the overlap. */
    private static Answer spans(CompareReview.Spans s) {
        return new Answer(s.picks().isEmpty() ? null : "", s.f1(), s.scored());
    }

    private static Cell cell(String outlet, KeyAnswer key, List<Answer> answers, int submitters, boolean overlap) {
        int answered = (int) answers.stream().filter(a -> a.given() != null).count();
        Map<String, Long> counts = answers.stream()
                .map(Answer::given)
                .filter(g -> g != null && !g.isEmpty())
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        long most = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<String> common = most == 0
                ? List.of()
                : counts.entrySet().stream()
                        .filter(e -> e.getValue() == most)
                        .map(Map.Entry::getKey)
                        .toList();
        List<Answer> scored = answers.stream().filter(Answer::scored).toList();
        Double keyShare = scored.isEmpty()
                ? null
                : round(scored.stream().mapToDouble(Answer::agreement).sum() / (overlap ? scored.size() : submitters));
        return new Cell(
                outlet,
                answered,
                common,
                (int) most,
                common.isEmpty() ? null : round((double) most / submitters),
                key,
                keyShare,
                overlap ? scored.size() : submitters,
                overlap
                        ? 0
                        : (int) Math.round(
                                scored.stream().mapToDouble(Answer::agreement).sum()),
                overlap);
    }

    private static double round(double share) {
        return Math.round(100 * share) / 100.0;
    }

    private static KeyAnswer keyAnswer(String item, CompareScoring.KeyArticle k) {
        return switch (item) {
            case "framing" -> accepted(k.framing(), k.alsoAcceptedFramings());
            case "named" -> count(k.named());
            case "anonymous" -> count(k.anonymous());
            case "reporting" -> accepted(k.reporting(), k.alsoAcceptedReporting());
            case "relayed-from" ->
                new KeyAnswer.Relays(k.relayedFrom().stream().map(o -> o.name()).toList());
            case "hedges" -> new KeyAnswer.Phrases(k.hedges().size());
            case "loaded" -> new KeyAnswer.Phrases(k.loadedWords().size());
            default -> throw new IllegalArgumentException("No grid item " + item);
        };
    }

    private static KeyAnswer count(CompareScoring.Count c) {
        return new KeyAnswer.Count(c.min(), c.max(), CompareScoring.COUNT_TOLERANCE);
    }

    private static <E extends Enum<E>> KeyAnswer accepted(E key, java.util.Set<E> also) {
        List<String> codes = new ArrayList<>();
        codes.add(CompareReview.code(key));
        also.stream().filter(e -> e != key).sorted().forEach(e -> codes.add(CompareReview.code(e)));
        return new KeyAnswer.Accepted(codes);
    }
}
