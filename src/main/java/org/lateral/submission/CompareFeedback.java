package org.lateral.submission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.i18n.KeyedText;
import org.lateral.base.text.Tokens;
import org.lateral.library.LibraryPins;
import org.lateral.submission.scoring.CompareScoring;
import org.lateral.submission.scoring.CompareScoring.Verdict;
import org.lateral.submission.scoring.Scoring.Span;
import org.lateral.submission.scoring.SourceScoring;

/**
 * What a student sees of a compare-outlets attempt once the lesson's feedback is released and no
 * revision is possible (DD015, DD006): per article the key's grid beside theirs, the matrix cell by
 * cell with the key's reasons, how the class answered each cell (when enough students submitted),
 * and the story's relay picture. Pure: built from the key, the student's work and the step's pins,
 * so it is tested on the shipped Defectors key without a database. While a revision is possible
 * the view gets {@link CompareHints} instead, which holds none of this.
 *
 * @param articles the step's columns, in the teacher's order
 * @param matrix the core claims in key order, each with one cell per column; empty when the key
 *     has none
 * @param relay the relay picture of the articles compared
 * @param classStudents how many students' submitted comparisons the class counts are made of;
 *     null when they are not shown (too few students)
 */
public record CompareFeedback(
        List<ArticleFeedback> articles,
        List<ClaimRow> matrix,
        RelayGraph relay,
        @Nullable Integer classStudents) {

    /**
     * The fewest submitted comparisons for which the class's answers per cell are shown. With
     * fewer, a student who knows their own answer and a friend's could tell what the others chose
     * (DD015, "Class counts").
     */
    public static final int CLASS_COUNTS_MIN_STUDENTS = 5;

    /** The answers a cell of the class counts has: the four carriages, and no answer. */
    public static final List<String> CLASS_ANSWERS = List.of("fact", "attributed", "hedged", "absent", "none");

    public CompareFeedback {
        articles = List.copyOf(articles);
        matrix = List.copyOf(matrix);
    }

    /**
     * One column of the step as the feedback names it.
     *
     * @param outlet the name of the outlet that published the article
     */
    public record Column(UUID articleId, UUID articleVersionId, String outlet, String title) {}

    /**
     * A category of the grid (framing, reporting): the student's, the key's, the others the key
     * accepts, and the key's reason when it gives one.
     */
    public record Choice(
            @Nullable String yours,
            String key,
            List<String> alsoAccepted,
            Verdict verdict,
            @Nullable String why) {
        public Choice {
            alsoAccepted = List.copyOf(alsoAccepted);
        }
    }

    /** A source count: the student's, the key's range (min = max for an exact count). */
    public record CountCheck(@Nullable Integer yours, int keyMin, int keyMax, Verdict verdict) {}

    /**
     * The outlets an article relays, as the rules compared them.
     *
     * @param given false when the student chose no reporting category (the item then scores 0)
     * @param found the key's outlets the student named
     * @param missed the key's outlets the student did not name
     * @param extra the student's names that are none of the key's outlets
     */
    public record Relays(
            List<String> yours,
            List<String> key,
            List<String> found,
            List<String> missed,
            List<String> extra,
            boolean given) {
        public Relays {
            yours = List.copyOf(yours);
            key = List.copyOf(key);
            found = List.copyOf(found);
            missed = List.copyOf(missed);
            extra = List.copyOf(extra);
        }
    }

    /**
     * Hedges or loaded words: the key's words the student picked (with the words they picked),
     * those they missed, and their picks that match none.
     */
    public record Picks(List<FoundWords> found, List<String> missed, List<String> extra) {
        public Picks {
            found = List.copyOf(found);
            missed = List.copyOf(missed);
            extra = List.copyOf(extra);
        }
    }

    /** A key's words and the student's pick matched to them. */
    public record FoundWords(String key, String yours) {}

    /**
     * One article's grid, the key's beside the student's.
     *
     * @param yourOutletKind what the student wrote about the kind of outlet, beside the key's note
     * @param yourIncludes what the student wrote the article includes or leaves out (no key: the
     *     teacher reads it)
     */
    public record ArticleFeedback(
            UUID articleId,
            String outlet,
            String title,
            Choice framing,
            CountCheck named,
            CountCheck anonymous,
            Choice reporting,
            Relays relayedFrom,
            Picks hedges,
            Picks loadedWords,
            @Nullable String yourIncludes,
            @Nullable String yourOutletKind,
            @Nullable String keyOutletKind) {}

    /** A core claim and how each compared article carries it. */
    public record ClaimRow(String claimId, String claim, List<Cell> cells) {
        public ClaimRow {
            cells = List.copyOf(cells);
        }
    }

    /**
     * One cell of the matrix.
     *
     * @param yours the student's carriage, null when left empty
     * @param keyWords the article's words that carry the claim, as the key quotes them
     * @param classCounts how many students chose each of {@link #CLASS_ANSWERS}, in that order;
     *     null when the class counts are not shown
     */
    public record Cell(
            UUID articleId,
            String outlet,
            @Nullable String yours,
            String key,
            List<String> alsoAccepted,
            Verdict verdict,
            @Nullable String why,
            @Nullable String keyWords,
            @Nullable Map<String, Integer> classCounts) {
        public Cell {
            alsoAccepted = List.copyOf(alsoAccepted);
            classCounts = classCounts == null
                    ? null
                    : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(classCounts));
        }
    }

    /**
     * The class's answers per cell: from each student's latest submitted attempt of the step.
     *
     * @param students how many students submitted the step
     * @param counts per core claim id and article id, per carriage code, how many students chose it
     */
    public record ClassCounts(int students, Map<String, Map<UUID, Map<String, Integer>>> counts) {
        public ClassCounts {
            counts = Map.copyOf(counts);
        }

        /** The counts of one cell, with "none" for the students who left it empty, in {@link #CLASS_ANSWERS} order. */
        Map<String, Integer> cell(String claimId, UUID articleId) {
            Map<String, Integer> given = counts.getOrDefault(claimId, Map.of()).getOrDefault(articleId, Map.of());
            Map<String, Integer> all = new LinkedHashMap<>();
            int answered = 0;
            for (String answer : CLASS_ANSWERS.subList(0, 4)) {
                int n = given.getOrDefault(answer, 0);
                all.put(answer, n);
                answered += n;
            }
            all.put("none", Math.max(0, students - answered));
            return all;
        }
    }

    /**
     * The relay picture: outlets as nodes, "relays" as edges from the outlet relayed to the one
     * that relays it, and the same in sentences for a reader who cannot see the drawing.
     *
     * @param sentences the picture in words, one sentence each, worded in the reader's language by
     *     the page (DD034)
     */
    public record RelayGraph(List<Node> nodes, List<Edge> edges, List<KeyedText> sentences) {
        public RelayGraph {
            nodes = List.copyOf(nodes);
            edges = List.copyOf(edges);
            sentences = List.copyOf(sentences);
        }

        /** The sentences in one paragraph, each worded by {@code words}. */
        public String text(java.util.function.Function<KeyedText, String> words) {
            return sentences.stream().map(words).collect(java.util.stream.Collectors.joining(" "));
        }

        /** The sentences in English, for logs and tests. */
        public String text() {
            return text(KeyedText::english);
        }

        /** Layers from left to right: the first-hand reporters in layer 0, each relay one further right. */
        public int layers() {
            return nodes.stream().mapToInt(Node::layer).max().orElse(0) + 1;
        }
    }

    /**
     * An outlet of the picture.
     *
     * @param id the outlet's normalised name, which edges use
     * @param compared it published one of the articles compared (else it only appears as the outlet
     *     another one relays)
     * @param firstHand it reported (at least partly) first-hand, as far as the set shows
     * @param layer the column of the drawing
     */
    public record Node(String id, String name, boolean compared, boolean firstHand, int layer) {}

    /**
     * One relay.
     *
     * @param traced the student named this outlet for the article; null when not known (hints)
     */
    public record Edge(String from, String to, @Nullable Boolean traced) {}

    /**
     * Builds the feedback of one attempt.
     *
     * @param key the key as it grades this assignment (articles by article version id, as {@link
     *     CompareKeys#of} makes it, with the teacher's accepted alternatives folded in)
     * @param stored the stored key version, for the core claims' words
     * @param notes the key's reasons and notes
     * @param columns the step's pinned articles, in order
     * @param texts each pinned article version's canonical text
     * @param work the attempt's saved work (grids and cells by article id)
     * @param threshold the assignment's match threshold
     * @param classCounts the class's answers, or null before release (never passed then)
     */
    public static CompareFeedback of(
            CompareScoring.Key key,
            LibraryPins.ComparisonKey stored,
            LibraryPins.ComparisonNotes notes,
            List<Column> columns,
            Map<UUID, String> texts,
            CompareWork work,
            double threshold,
            @Nullable ClassCounts classCounts) {
        CompareScoring.Result result = score(key, columns, texts, work, threshold);
        Map<String, CompareScoring.KeyArticle> keyArticles = new HashMap<>();
        key.articles().forEach(a -> keyArticles.put(a.article(), a));

        List<ArticleFeedback> articles = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            CompareScoring.ArticleResult r = result.articles().get(i);
            CompareScoring.KeyArticle k = keyArticles.get(r.article());
            String text = texts.get(column.articleVersionId());
            CompareWorkModel.Grid grid = gridOf(work, column.articleId());
            LibraryPins.ArticleNote note = notes.article(column.articleVersionId());
            articles.add(new ArticleFeedback(
                    column.articleId(),
                    column.outlet(),
                    column.title(),
                    new Choice(
                            grid.framing(),
                            code(k.framing()),
                            k.alsoAcceptedFramings().stream()
                                    .filter(f -> f != k.framing())
                                    .map(CompareFeedback::code)
                                    .sorted()
                                    .toList(),
                            r.framing(),
                            note.framingWhy()),
                    new CountCheck(
                            grid.namedSources(), k.named().min(), k.named().max(), r.named()),
                    new CountCheck(
                            grid.anonymousSources(),
                            k.anonymous().min(),
                            k.anonymous().max(),
                            r.anonymous()),
                    new Choice(
                            grid.reporting(),
                            code(k.reporting()),
                            k.alsoAcceptedReporting().stream()
                                    .filter(x -> x != k.reporting())
                                    .map(CompareFeedback::code)
                                    .sorted()
                                    .toList(),
                            r.reporting(),
                            null),
                    new Relays(
                            grid.relayedFrom(),
                            k.relayedFrom().stream()
                                    .map(SourceScoring.Outlet::name)
                                    .toList(),
                            r.relayedFrom().found(),
                            r.relayedFrom().missed(),
                            r.relayedFrom().extra(),
                            r.relayedFrom().given()),
                    picks(text, k.hedges(), work.spans(column.articleId(), "hedge"), r.hedges()),
                    picks(text, k.loadedWords(), work.spans(column.articleId(), "loaded"), r.loadedWords()),
                    grid.includes(),
                    grid.outletKind(),
                    note.outletKindNote()));
        }

        Map<String, Column> columnOf = new HashMap<>();
        columns.forEach(c -> columnOf.put(c.articleVersionId().toString(), c));
        Map<String, String> claimWords = new HashMap<>();
        stored.claims().forEach(c -> claimWords.put(c.id(), c.claim()));
        Map<String, CompareScoring.CoreClaim> keyClaims = new HashMap<>();
        key.coreClaims().forEach(c -> keyClaims.put(c.id(), c));
        boolean showCounts = classCounts != null && classCounts.students() >= CLASS_COUNTS_MIN_STUDENTS;
        Map<String, List<Cell>> rows = new LinkedHashMap<>();
        for (CompareScoring.CellResult c : result.cells()) {
            Column column = columnOf.get(c.article());
            CompareScoring.KeyCell keyCell = keyClaims.get(c.claimId()).cells().get(c.article());
            LibraryPins.CellNote note = notes.cell(c.claimId(), column.articleVersionId());
            rows.computeIfAbsent(c.claimId(), id -> new ArrayList<>())
                    .add(new Cell(
                            column.articleId(),
                            column.outlet(),
                            c.given() == null ? null : code(c.given()),
                            code(c.key()),
                            keyCell.alsoAccepted().stream()
                                    .filter(x -> x != keyCell.carriage())
                                    .map(CompareFeedback::code)
                                    .sorted()
                                    .toList(),
                            c.verdict(),
                            note.why(),
                            note.words(),
                            showCounts ? classCounts.cell(c.claimId(), column.articleId()) : null));
        }
        List<ClaimRow> matrix = new ArrayList<>();
        rows.forEach((id, cells) -> matrix.add(new ClaimRow(id, claimWords.getOrDefault(id, id), cells)));

        return new CompareFeedback(
                articles, matrix, relayGraph(key, columns, work), showCounts ? classCounts.students() : null);
    }

    /**
     * The attempt scored by the compare rules, for its verdicts (the score that counts is the score
     * row's: it has the teacher's judgement level and any override).
     */
    static CompareScoring.Result score(
            CompareScoring.Key key, List<Column> columns, Map<UUID, String> texts, CompareWork work, double threshold) {
        Map<String, int[]> tokens = new HashMap<>();
        List<String> scope = new ArrayList<>();
        for (Column c : columns) {
            String text = texts.get(c.articleVersionId());
            if (text == null) {
                throw new IllegalArgumentException("No text for article version " + c.articleVersionId());
            }
            tokens.put(c.articleVersionId().toString(), Tokens.words(text));
            scope.add(c.articleVersionId().toString());
        }
        return CompareScoring.score(tokens, key, scope, answer(key, columns, work), threshold);
    }

    /**
     * The student's work as the rules take it: grids and cells of the step's columns, by article
     * version id; anything saved for another article or a claim the key does not have is left out.
     */
    static CompareScoring.Answer answer(CompareScoring.Key key, List<Column> columns, CompareWork work) {
        Set<String> claims = new HashSet<>();
        key.coreClaims().forEach(c -> claims.add(c.id()));
        List<CompareScoring.StudentArticle> articles = new ArrayList<>();
        List<CompareScoring.StudentCell> cells = new ArrayList<>();
        for (Column c : columns) {
            CompareWorkModel.Grid grid = gridOf(work, c.articleId());
            articles.add(new CompareScoring.StudentArticle(
                    c.articleVersionId().toString(),
                    grid.framing() == null ? null : CompareScoring.Framing.valueOf(upper(grid.framing())),
                    grid.namedSources(),
                    grid.anonymousSources(),
                    spans(work.spans(c.articleId(), "hedge")),
                    spans(work.spans(c.articleId(), "loaded")),
                    grid.reporting() == null ? null : CompareScoring.Reporting.valueOf(upper(grid.reporting())),
                    grid.relayedFrom()));
            for (CompareWork.Cell cell : work.cells()) {
                if (cell.articleId().equals(c.articleId())
                        && claims.contains(cell.claimId())
                        && cell.carried() != null) {
                    cells.add(new CompareScoring.StudentCell(
                            cell.claimId(),
                            c.articleVersionId().toString(),
                            CompareScoring.Carriage.valueOf(upper(cell.carried()))));
                }
            }
        }
        return new CompareScoring.Answer(articles, cells, null);
    }

    static CompareWorkModel.Grid gridOf(CompareWork work, UUID articleId) {
        CompareWork.Grid grid = work.grids().get(articleId);
        return grid == null ? new CompareWorkModel.Grid(null, null, null, null, List.of(), null, null) : grid.grid();
    }

    private static List<Span> spans(List<CompareWork.PickedSpan> picked) {
        return picked.stream()
                .map(p -> new Span(p.span().start(), p.span().end()))
                .toList();
    }

    private static Picks picks(
            String text,
            List<CompareScoring.KeySpan> key,
            List<CompareWork.PickedSpan> picked,
            CompareScoring.SpanResult result) {
        List<FoundWords> found = new ArrayList<>();
        for (CompareScoring.SpanMatch m : result.matches()) {
            found.add(new FoundWords(
                    words(text, key.get(m.keyIndex()).span()),
                    picked.get(m.pickIndex()).span().exact()));
        }
        List<String> missed = result.missed().stream()
                .map(i -> words(text, key.get(i).span()))
                .toList();
        List<String> extra =
                result.extra().stream().map(i -> picked.get(i).span().exact()).toList();
        return new Picks(found, missed, extra);
    }

    private static String words(String text, Span span) {
        return text.substring(span.start(), span.end());
    }

    /**
     * The key's relay picture of the compared articles. An outlet is drawn once, however it is
     * named: a relayed outlet that is also a compared article's outlet (by normalised name) is that
     * node. An outlet that appears only as the one relayed is drawn as reporting first-hand: the
     * key traces relays no further than the set, and the outlets it names as relayed are the ones
     * that went to the people or documents themselves (DD015).
     *
     * @param work the student's work, to mark which relays they traced; null for none
     */
    static RelayGraph relayGraph(CompareScoring.Key key, List<Column> columns, @Nullable CompareWork work) {
        Map<String, CompareScoring.KeyArticle> keyArticles = new HashMap<>();
        key.articles().forEach(a -> keyArticles.put(a.article(), a));
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, CompareScoring.KeyArticle> comparedBy = new LinkedHashMap<>();
        Map<String, Column> columnBy = new HashMap<>();
        for (Column c : columns) {
            String id = SourceScoring.normaliseName(c.outlet());
            names.putIfAbsent(id, c.outlet());
            comparedBy.putIfAbsent(id, keyArticles.get(c.articleVersionId().toString()));
            columnBy.putIfAbsent(id, c);
        }
        List<Edge> edges = new ArrayList<>();
        Map<String, List<String>> sourcesOf = new LinkedHashMap<>();
        List<KeyedText> text = new ArrayList<>();
        Set<String> described = new HashSet<>();
        for (Map.Entry<String, CompareScoring.KeyArticle> e : comparedBy.entrySet()) {
            String to = e.getKey();
            CompareScoring.KeyArticle article = e.getValue();
            List<String> from = new ArrayList<>();
            Set<String> named = new HashSet<>();
            if (work != null) {
                gridOf(work, columnBy.get(to).articleId())
                        .relayedFrom()
                        .forEach(n -> named.add(SourceScoring.normaliseName(n)));
            }
            for (SourceScoring.Outlet outlet : article.relayedFrom()) {
                String id = SourceScoring.normaliseName(outlet.name());
                if (id.equals(to) || from.contains(id)) {
                    continue;
                }
                names.putIfAbsent(id, outlet.name());
                from.add(id);
                boolean traced = named.contains(id)
                        || outlet.aliases().stream().anyMatch(a -> named.contains(SourceScoring.normaliseName(a)));
                edges.add(new Edge(id, to, work == null ? null : traced));
                if (!comparedBy.containsKey(id) && described.add(id)) {
                    text.add(KeyedText.of("submission.explain.relay.firstHand", outlet.name()));
                }
            }
            sourcesOf.put(to, from);
            described.add(to);
            List<String> fromNames = from.stream().map(names::get).toList();
            String name = names.get(to);
            text.add(
                    switch (article.reporting()) {
                        case ORIGINAL -> KeyedText.of("submission.explain.relay.firstHand", name);
                        case MIXED ->
                            fromNames.isEmpty()
                                    ? KeyedText.of("submission.explain.relay.partlyUnnamed", name)
                                    : KeyedText.of("submission.explain.relay.partly", name, and(fromNames));
                        case RELAY ->
                            fromNames.isEmpty()
                                    ? KeyedText.of("submission.explain.relay.unnamed", name)
                                    : KeyedText.of("submission.explain.relay.relays", name, and(fromNames));
                    });
        }
        Map<String, Integer> layers = new HashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (Map.Entry<String, String> n : names.entrySet()) {
            CompareScoring.KeyArticle article = comparedBy.get(n.getKey());
            boolean firstHand = article == null || article.reporting() != CompareScoring.Reporting.RELAY;
            nodes.add(new Node(
                    n.getKey(),
                    n.getValue(),
                    article != null,
                    firstHand,
                    layer(n.getKey(), sourcesOf, layers, names.size())));
        }
        return new RelayGraph(nodes, edges, text);
    }

    /** The longest relay path to the outlet; a cycle (two articles relaying each other) is cut at the node count. */
    private static int layer(String id, Map<String, List<String>> sourcesOf, Map<String, Integer> memo, int depth) {
        Integer known = memo.get(id);
        if (known != null) {
            return known;
        }
        int layer = 0;
        if (depth > 0) {
            for (String from : sourcesOf.getOrDefault(id, List.of())) {
                layer = Math.max(layer, 1 + layer(from, sourcesOf, memo, depth - 1));
            }
        }
        memo.put(id, layer);
        return layer;
    }

    /** "A", or "A, B and C" in the reader's language. */
    static Object and(List<String> items) {
        return items.size() == 1
                ? items.getFirst()
                : KeyedText.of(
                        "submission.explain.lastOf",
                        String.join(", ", items.subList(0, items.size() - 1)),
                        items.getLast());
    }

    static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String upper(String code) {
        return code.toUpperCase(Locale.ROOT);
    }
}
