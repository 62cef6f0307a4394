package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lateral.base.AnchoredSpan;
import org.lateral.library.LibraryPins;
import org.lateral.library.pack.PackFiles;
import org.lateral.library.pack.SeedPack;
import org.lateral.library.pack.SeedPackReader;
import org.lateral.submission.scoring.CompareScoring;
import org.lateral.submission.scoring.CompareScoring.Verdict;

/**
 * The compare step's feedback on the shipped Defectors comparison key, stored as the library
 * stores it (article version ids, the key's reasons and notes) and turned into the rules' key by
 * {@link CompareKeys}, as the feedback service does: the key's grid beside a student's, the matrix
 * with the key's reasons, the class counts and their threshold, the relay picture in words, and
 * hints that hold none of the key's answers.
 */
public class CompareFeedbackTest {

    public static final SeedPack PACK = SeedPackReader.read(PackFiles.directory(Path.of("seeds/defectors")));

    /** Each article's made-up version id, as if the pack had been imported. */
    public static final Map<String, UUID> VERSIONS = new LinkedHashMap<>();

    public static final Map<UUID, String> TEXTS = new HashMap<>();

    public static final LibraryPins.ComparisonKey STORED;
    public static final LibraryPins.ComparisonNotes NOTES;
    public static final CompareScoring.Key KEY;

    static {
        for (SeedPack.Article a : PACK.articles()) {
            UUID version =
                    UUID.nameUUIDFromBytes(("version " + a.slug()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            VERSIONS.put(a.slug(), version);
            TEXTS.put(version, a.canonicalText());
        }
        SeedPack.Comparison comparison = Objects.requireNonNull(PACK.comparison());
        List<LibraryPins.ComparisonArticle> articles = new ArrayList<>();
        Map<UUID, LibraryPins.ArticleNote> articleNotes = new HashMap<>();
        for (SeedPack.ComparisonEntry e : comparison.entries()) {
            UUID version = VERSIONS.get(e.articleSlug());
            articles.add(new LibraryPins.ComparisonArticle(
                    version,
                    e.framing() == null ? null : e.framing().code(),
                    e.framingAlsoAccepted().stream().map(SeedPack.Framing::code).toList(),
                    e.namedSources().min(),
                    max(e.namedSources()),
                    e.anonymousSources().min(),
                    max(e.anonymousSources()),
                    e.hedges(),
                    e.loadedWords(),
                    e.reporting().name().toLowerCase(java.util.Locale.ROOT),
                    e.relayedFrom()));
            articleNotes.put(version, new LibraryPins.ArticleNote(e.framingWhy(), e.outletKindNote()));
        }
        List<LibraryPins.ComparisonClaim> claims = new ArrayList<>();
        Map<String, Map<UUID, LibraryPins.CellNote>> cellNotes = new HashMap<>();
        for (SeedPack.CoreClaim c : comparison.coreClaims()) {
            Map<UUID, LibraryPins.ComparisonCell> cells = new LinkedHashMap<>();
            for (SeedPack.CarriedBy cell : c.carriedBy()) {
                UUID version = VERSIONS.get(cell.articleSlug());
                cells.put(
                        version,
                        new LibraryPins.ComparisonCell(
                                cell.how().code(),
                                cell.alsoAccepted().stream()
                                        .map(SeedPack.Carrying::code)
                                        .toList()));
                cellNotes
                        .computeIfAbsent(c.id(), id -> new HashMap<>())
                        .put(
                                version,
                                new LibraryPins.CellNote(
                                        cell.why(),
                                        cell.quote() == null
                                                ? null
                                                : cell.quote().exact()));
            }
            claims.add(new LibraryPins.ComparisonClaim(c.id(), c.claim(), cells));
        }
        STORED = new LibraryPins.ComparisonKey(
                UUID.randomUUID(),
                articles,
                claims,
                comparison.rubric().getLast().level());
        NOTES = new LibraryPins.ComparisonNotes(articleNotes, cellNotes);
        KEY = CompareKeys.of(STORED, TEXTS);
    }

    private static int max(SeedPack.SourceCount c) {
        return c.max() == null ? c.min() : c.max();
    }

    public static SeedPack.Article article(String slug) {
        return PACK.articles().stream()
                .filter(a -> a.slug().equals(slug))
                .findFirst()
                .orElseThrow();
    }

    public static SeedPack.ComparisonEntry entry(String slug) {
        return Objects.requireNonNull(PACK.comparison()).entries().stream()
                .filter(e -> e.articleSlug().equals(slug))
                .findFirst()
                .orElseThrow();
    }

    /** A column of the step, named by the outlet of the pack. */
    public static CompareFeedback.Column column(String slug) {
        SeedPack.Article a = article(slug);
        String outlet = PACK.outlets().stream()
                .filter(o -> o.slug().equals(a.outletSlug()))
                .findFirst()
                .orElseThrow()
                .name();
        String text = a.canonicalText();
        return new CompareFeedback.Column(a.id(), VERSIONS.get(slug), outlet, text.substring(0, text.indexOf('\n')));
    }

    public static final List<CompareFeedback.Column> INTERVIEW =
            List.of(column("002-isegoria"), column("003-war-in-context"));

    public static final List<CompareFeedback.Column> ALL =
            PACK.articles().stream().map(a -> column(a.slug())).toList();

    private static CompareWork.PickedSpan pick(String slug, String kind, String words) {
        String text = article(slug).canonicalText();
        int at = text.indexOf(words);
        assertThat(at).as(words).isNotNegative();
        return new CompareWork.PickedSpan(
                UUID.randomUUID(), 1, article(slug).id(), kind, AnchoredSpan.of(text, at, at + words.length()));
    }

    private static CompareWork.Cell cell(String claim, String slug, String carried) {
        return new CompareWork.Cell(claim, article(slug).id(), 1, carried, null);
    }

    /**
     * A student who compares the two excerpts of the Daily Beast interview (DD014's worked example,
     * in part): Isegoria's framing right, War in Context's wrong, both relays traced (one with a
     * writer named as an outlet), a hedge found and one picked that is an attribution, and two cells.
     */
    public static final CompareWork STUDENT = new CompareWork(
            Map.of(
                    article("002-isegoria").id(),
                    new CompareWork.Grid(
                            article("002-isegoria").id(),
                            3,
                            new CompareWorkModel.Grid(
                                    "sensational", 1, 1, "relay", List.of("Daily Beast"), null, "A blog, no author.")),
                    article("003-war-in-context").id(),
                    new CompareWork.Grid(
                            article("003-war-in-context").id(),
                            2,
                            new CompareWorkModel.Grid(
                                    "question",
                                    1,
                                    null,
                                    "relay",
                                    List.of("The Daily Beast", "Michael Weiss"),
                                    "It names the writer.",
                                    null))),
            List.of(
                    pick("002-isegoria", "hedge", "fairly certain"),
                    pick("002-isegoria", "hedge", "he says"),
                    pick("003-war-in-context", "loaded", "marked man")),
            List.of(cell("k01", "002-isegoria", "fact"), cell("k01", "003-war-in-context", "hedged")),
            Map.of(),
            null);

    @Test
    void the_keys_grid_stands_beside_the_students_with_the_keys_reasons() {
        CompareFeedback f = CompareFeedback.of(KEY, STORED, NOTES, INTERVIEW, TEXTS, STUDENT, 0.5, null);

        assertThat(f.articles())
                .extracting(CompareFeedback.ArticleFeedback::outlet)
                .containsExactly("Isegoria", "War in Context");
        CompareFeedback.ArticleFeedback isegoria = f.articles().getFirst();
        assertThat(isegoria.framing())
                .isEqualTo(new CompareFeedback.Choice(
                        "sensational",
                        "sensational",
                        List.of("neutral"),
                        Verdict.RIGHT,
                        entry("002-isegoria").framingWhy()));
        assertThat(isegoria.named()).isEqualTo(new CompareFeedback.CountCheck(1, 0, 1, Verdict.RIGHT));
        assertThat(isegoria.anonymous()).isEqualTo(new CompareFeedback.CountCheck(1, 1, 2, Verdict.RIGHT));
        assertThat(isegoria.reporting().verdict()).isEqualTo(Verdict.RIGHT);
        assertThat(isegoria.relayedFrom().found()).containsExactly("The Daily Beast");
        assertThat(isegoria.hedges().found())
                .containsExactly(new CompareFeedback.FoundWords("fairly certain", "fairly certain"));
        assertThat(isegoria.hedges().missed())
                .containsExactly(
                        "at least as far as Abu Khaled characterizes it",
                        "claimed not to know",
                        "one or both",
                        "in some way");
        assertThat(isegoria.hedges().extra()).containsExactly("he says");
        assertThat(isegoria.loadedWords().found()).isEmpty();
        assertThat(isegoria.loadedWords().missed()).hasSize(5);
        assertThat(isegoria.yourOutletKind()).isEqualTo("A blog, no author.");
        assertThat(isegoria.keyOutletKind()).isEqualTo(entry("002-isegoria").outletKindNote());

        CompareFeedback.ArticleFeedback wic = f.articles().getLast();
        assertThat(wic.framing().verdict()).isEqualTo(Verdict.WRONG);
        assertThat(wic.framing().yours()).isEqualTo("question");
        assertThat(wic.framing().why()).isEqualTo(entry("003-war-in-context").framingWhy());
        assertThat(wic.named()).isEqualTo(new CompareFeedback.CountCheck(1, 2, 2, Verdict.RIGHT));
        assertThat(wic.anonymous().verdict()).isEqualTo(Verdict.NOT_GIVEN);
        assertThat(wic.relayedFrom().extra()).containsExactly("Michael Weiss");
        assertThat(wic.loadedWords().found())
                .containsExactly(new CompareFeedback.FoundWords("marked man", "marked man"));
        assertThat(wic.yourIncludes()).isEqualTo("It names the writer.");
    }

    @Test
    void the_matrix_gives_each_cell_its_verdict_and_the_keys_reason_and_words() {
        CompareFeedback f = CompareFeedback.of(KEY, STORED, NOTES, INTERVIEW, TEXTS, STUDENT, 0.5, null);

        assertThat(f.matrix())
                .extracting(CompareFeedback.ClaimRow::claimId)
                .containsExactly("k01", "k02", "k03", "k04", "k05", "k06", "k07", "k08");
        CompareFeedback.ClaimRow k01 = f.matrix().getFirst();
        assertThat(k01.claim()).isEqualTo("Someone who held a post inside ISIS has left the group.");
        CompareFeedback.Cell isegoria = k01.cells().getFirst();
        assertThat(isegoria.outlet()).isEqualTo("Isegoria");
        assertThat(isegoria.yours()).isEqualTo("fact");
        assertThat(isegoria.key()).isEqualTo("fact");
        assertThat(isegoria.verdict()).isEqualTo(Verdict.RIGHT);
        CompareFeedback.Cell wic = k01.cells().getLast();
        assertThat(wic.yours()).isEqualTo("hedged");
        assertThat(wic.key()).isEqualTo("attributed");
        assertThat(wic.alsoAccepted()).containsExactly("fact");
        assertThat(wic.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(wic.why()).startsWith("'Now, he said, he had left ISIS' credits it to Abu Khaled");
        assertThat(wic.keyWords()).isEqualTo("Now, he said, he had left ISIS as a defector");
        // Left empty: not given, shown apart from a wrong answer.
        assertThat(f.matrix().get(1).cells())
                .extracting(CompareFeedback.Cell::verdict)
                .containsOnly(Verdict.NOT_GIVEN);
        // A cell the key does not explain has no reason.
        assertThat(f.matrix().get(6).cells().getLast().why()).isNull();
        assertThat(f.classStudents()).isNull();
        assertThat(f.matrix())
                .allSatisfy(r -> assertThat(r.cells())
                        .allSatisfy(c -> assertThat(c.classCounts()).isNull()));
    }

    @Test
    void the_relay_picture_says_who_reported_first_hand_and_who_relays_whom() {
        CompareFeedback f = CompareFeedback.of(KEY, STORED, NOTES, ALL, TEXTS, CompareWork.empty(), 0.5, null);
        CompareFeedback.RelayGraph relay = f.relay();

        assertThat(relay.text())
                .contains("The Daily Mail reported first-hand. The Frisky relays The Daily Mail.")
                .contains("The Daily Beast reported first-hand. Isegoria relays The Daily Beast. "
                        + "War in Context relays The Daily Beast.")
                .contains("Sputnik International reported partly first-hand, partly from reports it does not name.")
                .contains("New Eastern Outlook relays Die Welt, The Sunday Times and The Conversation.");
        assertThat(relay.edges())
                .extracting(e -> e.from() + " -> " + e.to())
                .contains("daily mail -> frisky", "daily beast -> isegoria", "daily beast -> war in context")
                .hasSize(6);
        assertThat(relay.edges()).allSatisfy(e -> assertThat(e.traced()).isFalse());
        CompareFeedback.Node beast = relay.nodes().stream()
                .filter(n -> n.name().equals("The Daily Beast"))
                .findFirst()
                .orElseThrow();
        assertThat(beast.firstHand()).isTrue();
        assertThat(beast.compared()).isFalse();
        assertThat(beast.layer()).isZero();
        CompareFeedback.Node isegoria = relay.nodes().stream()
                .filter(n -> n.name().equals("Isegoria"))
                .findFirst()
                .orElseThrow();
        assertThat(isegoria.firstHand()).isFalse();
        assertThat(isegoria.compared()).isTrue();
        assertThat(isegoria.layer()).isEqualTo(1);
        assertThat(relay.layers()).isEqualTo(2);
    }

    @Test
    void the_relay_picture_of_the_two_excerpts_marks_the_relays_the_student_traced() {
        CompareFeedback.RelayGraph relay = CompareFeedback.of(KEY, STORED, NOTES, INTERVIEW, TEXTS, STUDENT, 0.5, null)
                .relay();

        assertThat(relay.text())
                .isEqualTo("The Daily Beast reported first-hand. Isegoria relays The Daily Beast. "
                        + "War in Context relays The Daily Beast.");
        assertThat(relay.nodes())
                .extracting(CompareFeedback.Node::name)
                .containsExactlyInAnyOrder("Isegoria", "War in Context", "The Daily Beast");
        assertThat(relay.edges()).allSatisfy(e -> assertThat(e.traced()).isTrue());
    }

    @Test
    void class_counts_are_shown_per_cell_only_from_five_students() {
        Map<String, Map<UUID, Map<String, Integer>>> counts = Map.of(
                "k01", Map.of(article("003-war-in-context").id(), Map.of("attributed", 2, "fact", 1, "hedged", 1)));
        CompareFeedback four = CompareFeedback.of(
                KEY, STORED, NOTES, INTERVIEW, TEXTS, STUDENT, 0.5, new CompareFeedback.ClassCounts(4, counts));
        assertThat(four.classStudents()).isNull();
        assertThat(four.matrix().getFirst().cells().getLast().classCounts()).isNull();

        CompareFeedback five = CompareFeedback.of(
                KEY,
                STORED,
                NOTES,
                INTERVIEW,
                TEXTS,
                STUDENT,
                0.5,
                new CompareFeedback.ClassCounts(CompareFeedback.CLASS_COUNTS_MIN_STUDENTS, counts));
        assertThat(five.classStudents()).isEqualTo(5);
        assertThat(five.matrix().getFirst().cells().getLast().classCounts())
                .containsExactly(
                        Map.entry("fact", 1),
                        Map.entry("attributed", 2),
                        Map.entry("hedged", 1),
                        Map.entry("absent", 0),
                        Map.entry("none", 1));
        assertThat(five.matrix().getFirst().cells().getFirst().classCounts()).containsEntry("none", 5);
    }

    @Test
    void hints_count_what_is_right_and_hold_none_of_the_keys_answers() {
        CompareHints hints = CompareHints.of(KEY, INTERVIEW, TEXTS, STUDENT, 0.5, 61.2, true);

        CompareHints.ArticleHint isegoria = hints.articles().getFirst();
        assertThat(isegoria.lookAgain()).isEmpty();
        assertThat(isegoria.hedgesFound()).isEqualTo(1);
        assertThat(isegoria.hedges()).isEqualTo(5);
        assertThat(isegoria.hedgesExtra()).isEqualTo(1);
        assertThat(isegoria.loaded()).isEqualTo(5);
        assertThat(isegoria.rightCells()).isEqualTo(1);
        assertThat(isegoria.cells()).isEqualTo(8);
        CompareHints.ArticleHint wic = hints.articles().getLast();
        assertThat(wic.lookAgain())
                .containsExactly(
                        CompareHints.Item.FRAMING, CompareHints.Item.ANONYMOUS_SOURCES, CompareHints.Item.RELAYED_FROM);
        assertThat(wic.loadedFound()).isEqualTo(1);
        assertThat(wic.rightCells()).isZero();
        assertThat(hints.score()).isEqualTo(61.2);
        assertThat(hints.provisional()).isTrue();

        // Nothing the key says, in any field: its categories, words, outlets, reasons and notes.
        String all = hints.toString();
        List<String> keyTexts = new ArrayList<>(List.of(
                "sensational",
                "neutral",
                "question",
                "relay",
                "original",
                "mixed",
                "fact",
                "attributed",
                "hedged",
                "absent",
                "Daily Beast",
                "Michael Weiss"));
        for (String slug : List.of("002-isegoria", "003-war-in-context")) {
            SeedPack.ComparisonEntry e = entry(slug);
            keyTexts.add(Objects.requireNonNull(e.framingWhy()));
            keyTexts.add(Objects.requireNonNull(e.outletKindNote()));
            keyTexts.addAll(e.hedges());
            keyTexts.addAll(e.loadedWords());
        }
        for (SeedPack.CoreClaim c : Objects.requireNonNull(PACK.comparison()).coreClaims()) {
            keyTexts.add(c.claim());
            c.carriedBy().stream()
                    .map(SeedPack.CarriedBy::why)
                    .filter(Objects::nonNull)
                    .forEach(keyTexts::add);
        }
        assertThat(keyTexts).allSatisfy(t -> assertThat(all).doesNotContain(t));
    }

    @Test
    void an_untouched_comparison_is_all_not_given() {
        CompareFeedback f = CompareFeedback.of(KEY, STORED, NOTES, INTERVIEW, TEXTS, CompareWork.empty(), 0.5, null);
        assertThat(f.articles()).allSatisfy(a -> {
            assertThat(a.framing().verdict()).isEqualTo(Verdict.NOT_GIVEN);
            assertThat(a.framing().yours()).isNull();
            assertThat(a.reporting().verdict()).isEqualTo(Verdict.NOT_GIVEN);
            assertThat(a.relayedFrom().given()).isFalse();
            assertThat(a.hedges().found()).isEmpty();
        });
        assertThat(f.matrix())
                .allSatisfy(r -> assertThat(r.cells())
                        .extracting(CompareFeedback.Cell::verdict)
                        .containsOnly(Verdict.NOT_GIVEN));
    }
}
