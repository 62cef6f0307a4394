package org.lateral.library.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lateral.base.UserFacingException;
import org.lateral.base.i18n.KeyedText;
import org.lateral.library.pack.SeedPack;

/** The comparison key editor's pure rules (DD021, "Comparison keys"): limits, publish problems, the version. */
class ComparisonDraftsTest {

    static final UUID HARBOUR = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID COAST = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID ELSEWHERE = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    static final String HARBOUR_TEXT = "Ferry reportedly saved\n\nThe council voted to keep the ferry, officials said. "
            + "A devastating fare rise may follow. The council voted to keep the ferry.";
    static final String COAST_TEXT = "Council keeps ferry\n\nThe council kept the ferry on Thursday.";

    static final List<ComparisonDrafts.SetArticle> SET = List.of(
            new ComparisonDrafts.SetArticle(HARBOUR, "Ferry reportedly saved", HARBOUR_TEXT),
            new ComparisonDrafts.SetArticle(COAST, "Council keeps ferry", COAST_TEXT));

    static ComparisonDraft.Entry row(UUID article, String framing, String reporting) {
        return new ComparisonDraft.Entry(
                article,
                "It states the story plainly.",
                framing,
                List.of(),
                "",
                "",
                1,
                null,
                0,
                null,
                List.of(),
                List.of(),
                reporting,
                List.of(),
                "",
                "");
    }

    /** A comparison key every field of which is filled: it publishes. */
    static ComparisonDraft complete() {
        return new ComparisonDraft(
                List.of(row(HARBOUR, "hedged", "original"), row(COAST, "neutral", "original")),
                List.of(new ComparisonDraft.CoreClaim(
                        "k1",
                        "The council kept the ferry.",
                        List.of(
                                new ComparisonDraft.Carriage(
                                        HARBOUR,
                                        "attributed",
                                        List.of(),
                                        "",
                                        "The council voted to keep the ferry",
                                        null),
                                new ComparisonDraft.Carriage(
                                        COAST, "fact", List.of(), "", "The council kept the ferry", null)))),
                List.of(
                        new ComparisonDraft.Level("Not yet", "Restates one article."),
                        new ComparisonDraft.Level("Secure", "Weighs the outlets against each other.")));
    }

    static ComparisonDraft harbour(ComparisonDraft d, UnaryOperator<ComparisonDraft.Entry> change) {
        return ComparisonDrafts.updateEntry(d, HARBOUR, change);
    }

    static ComparisonDraft.Entry framing(ComparisonDraft.Entry e, String framing, List<String> also, String why) {
        return new ComparisonDraft.Entry(
                e.articleId(),
                e.headlineFraming(),
                framing,
                also,
                why,
                e.outletKindNote(),
                e.named(),
                e.namedMax(),
                e.anonymous(),
                e.anonymousMax(),
                e.hedges(),
                e.loadedWords(),
                e.reporting(),
                e.relayedFrom(),
                e.omissions(),
                e.notes());
    }

    static ComparisonDraft.Entry counts(
            ComparisonDraft.Entry e, int named, Integer namedMax, int anonymous, Integer anonymousMax) {
        return new ComparisonDraft.Entry(
                e.articleId(),
                e.headlineFraming(),
                e.framing(),
                e.framingAlsoAccepted(),
                e.framingWhy(),
                e.outletKindNote(),
                named,
                namedMax,
                anonymous,
                anonymousMax,
                e.hedges(),
                e.loadedWords(),
                e.reporting(),
                e.relayedFrom(),
                e.omissions(),
                e.notes());
    }

    static ComparisonDraft.Entry words(ComparisonDraft.Entry e, List<String> hedges, List<String> loaded) {
        return new ComparisonDraft.Entry(
                e.articleId(),
                e.headlineFraming(),
                e.framing(),
                e.framingAlsoAccepted(),
                e.framingWhy(),
                e.outletKindNote(),
                e.named(),
                e.namedMax(),
                e.anonymous(),
                e.anonymousMax(),
                hedges,
                loaded,
                e.reporting(),
                e.relayedFrom(),
                e.omissions(),
                e.notes());
    }

    static ComparisonDraft.Entry reporting(ComparisonDraft.Entry e, String reporting) {
        return new ComparisonDraft.Entry(
                e.articleId(),
                e.headlineFraming(),
                e.framing(),
                e.framingAlsoAccepted(),
                e.framingWhy(),
                e.outletKindNote(),
                e.named(),
                e.namedMax(),
                e.anonymous(),
                e.anonymousMax(),
                e.hedges(),
                e.loadedWords(),
                reporting,
                e.relayedFrom(),
                e.omissions(),
                e.notes());
    }

    static ComparisonDraft cell(ComparisonDraft d, UUID article, UnaryOperator<ComparisonDraft.Carriage> change) {
        return ComparisonDrafts.updateCarriage(d, "k1", article, change);
    }

    static ComparisonDraft.Carriage how(
            ComparisonDraft.Carriage c, String how, List<String> also, String why, String quote) {
        return new ComparisonDraft.Carriage(c.articleId(), how, also, why, quote, c.at());
    }

    static ComparisonDraft withRubric(ComparisonDraft d, List<ComparisonDraft.Level> levels) {
        return new ComparisonDraft(d.entries(), d.claims(), levels);
    }

    // --- limits ----------------------------------------------------------------------------

    static Stream<Arguments> refusedDrafts() {
        List<ComparisonDraft.Level> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(new ComparisonDraft.Level("Level " + i, "Work at level " + i));
        }
        ComparisonDraft manyClaims = ComparisonDraft.EMPTY;
        for (int i = 0; i <= ComparisonDrafts.MAX_CLAIMS; i++) {
            manyClaims = ComparisonDrafts.addClaim(manyClaims);
        }
        ComparisonDraft base = complete();
        return Stream.of(
                Arguments.of(
                        "an unknown framing",
                        harbour(base, e -> framing(e, "shouty", List.of(), "")),
                        "neutral, hedged, sensational or question"),
                Arguments.of(
                        "an unknown framing also accepted",
                        harbour(base, e -> framing(e, "hedged", List.of("loud"), "Because.")),
                        "other framings accepted"),
                Arguments.of(
                        "a framing also accepted twice",
                        harbour(base, e -> framing(e, "hedged", List.of("neutral", "neutral"), "Because.")),
                        "once"),
                Arguments.of(
                        "an unknown reporting", harbour(base, e -> reporting(e, "copied")), "original, relay or mixed"),
                Arguments.of("a negative count", harbour(base, e -> counts(e, -1, null, 0, null)), "between 0 and"),
                Arguments.of(
                        "a named maximum below its minimum",
                        harbour(base, e -> counts(e, 3, 2, 0, null)),
                        "cannot be fewer than the least"),
                Arguments.of(
                        "an anonymous maximum below its minimum",
                        harbour(base, e -> counts(e, 0, null, 2, 1)),
                        "anonymous sources a student may count"),
                Arguments.of(
                        "a blank hedge", harbour(base, e -> words(e, List.of(" "), List.of())), "hedges must be words"),
                Arguments.of(
                        "a row of an article outside the set",
                        ComparisonDrafts.updateEntry(base, ELSEWHERE, e -> e),
                        "not in this story set"),
                Arguments.of(
                        "an unknown carriage",
                        cell(base, COAST, c -> how(c, "rumoured", List.of(), "", c.quote())),
                        "fact, attributed, hedged or absent"),
                Arguments.of(
                        "an unknown carriage also accepted",
                        cell(base, COAST, c -> how(c, "fact", List.of("maybe"), "Why.", c.quote())),
                        "other answers accepted"),
                Arguments.of(
                        "a cell of an article outside the set",
                        cell(base, ELSEWHERE, c -> how(c, "absent", List.of(), "", "")),
                        "not in this story set"),
                Arguments.of(
                        "a core claim too long",
                        ComparisonDrafts.updateClaim(
                                base,
                                "k1",
                                c -> new ComparisonDraft.CoreClaim(c.id(), "x".repeat(1001), c.carriages())),
                        "too long"),
                Arguments.of(
                        "a core claim with an id the tables refuse",
                        ComparisonDrafts.updateClaim(
                                base, "k1", c -> new ComparisonDraft.CoreClaim("k 1", c.claim(), c.carriages())),
                        "no valid name"),
                Arguments.of("too many core claims", manyClaims, "at most " + ComparisonDrafts.MAX_CLAIMS),
                Arguments.of("eleven rubric levels", withRubric(base, eleven), "at most 10 levels"),
                Arguments.of(
                        "a rubric level name too long",
                        withRubric(base, List.of(new ComparisonDraft.Level("n".repeat(201), "d"))),
                        "name of rubric level 0"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("refusedDrafts")
    void limits_refuse_what_the_tables_would(String what, ComparisonDraft draft, String sentence) {
        assertThatThrownBy(() -> ComparisonDrafts.checkLimits(draft, SET))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining(sentence)
                .hasMessageEndingWith("Nothing was saved.");
    }

    @Test
    void an_unfinished_draft_is_saved_so_fields_can_be_filled_in_any_order() {
        ComparisonDraft unfinished = harbour(ComparisonDraft.EMPTY, e -> framing(e, "", List.of("question"), ""));
        unfinished = ComparisonDrafts.addLevel(ComparisonDrafts.addClaim(unfinished));
        unfinished = ComparisonDrafts.updateCarriage(
                unfinished, unfinished.claims().getFirst().id(), COAST, c -> how(c, "", List.of("fact"), "", ""));
        ComparisonDraft draft = unfinished;
        assertThatCode(() -> ComparisonDrafts.checkLimits(draft, SET)).doesNotThrowAnyException();
        assertThatCode(() -> ComparisonDrafts.checkLimits(complete(), SET)).doesNotThrowAnyException();
        assertThatCode(() -> ComparisonDrafts.checkLimits(ComparisonDraft.EMPTY, SET))
                .doesNotThrowAnyException();
    }

    // --- publish problems ------------------------------------------------------------------

    static Stream<Arguments> unpublishable() {
        ComparisonDraft base = complete();
        return Stream.of(
                Arguments.of(
                        "no framing chosen",
                        harbour(base, e -> framing(e, "", List.of(), "")),
                        "\u201cFerry reportedly saved\u201d: choose how its headline frames the story."),
                Arguments.of(
                        "other framings without a why",
                        harbour(base, e -> framing(e, "hedged", List.of("sensational"), " ")),
                        "\u201cFerry reportedly saved\u201d: say why the other framings are accepted too."),
                Arguments.of(
                        "no reporting chosen",
                        harbour(base, e -> reporting(e, "")),
                        "\u201cFerry reportedly saved\u201d: say whether it reports the story itself, relays it, or both."),
                Arguments.of(
                        "a hedge the text does not have",
                        harbour(base, e -> words(e, List.of("allegedly"), List.of())),
                        "\u201cFerry reportedly saved\u201d: the hedge \u201callegedly\u201d is not in the article\u2019s words."),
                Arguments.of(
                        "a loaded word the text does not have",
                        harbour(base, e -> words(e, List.of(), List.of("Devastating"))),
                        "\u201cFerry reportedly saved\u201d: the loaded word \u201cDevastating\u201d is not in the article\u2019s words."),
                Arguments.of(
                        "a core claim without words",
                        ComparisonDrafts.updateClaim(
                                base, "k1", c -> new ComparisonDraft.CoreClaim(c.id(), " ", c.carriages())),
                        "Core claim 1: write the claim in neutral words."),
                Arguments.of(
                        "a cell not decided",
                        cell(base, COAST, c -> how(c, "", List.of(), "", "")),
                        "Core claim 1, \u201cCouncil keeps ferry\u201d: choose how the article carries it."),
                Arguments.of(
                        "a carried claim without a quote",
                        cell(base, COAST, c -> how(c, "fact", List.of(), "", "")),
                        "Core claim 1, \u201cCouncil keeps ferry\u201d: quote the words that carry the claim."),
                Arguments.of(
                        "a quote the article does not have",
                        cell(base, COAST, c -> how(c, "fact", List.of(), "", "The mayor kept the ferry")),
                        "Core claim 1, \u201cCouncil keeps ferry\u201d: the words \u201cThe mayor kept the ferry\u201d are not in the article."),
                Arguments.of(
                        "other answers without a why",
                        cell(base, COAST, c -> how(c, "fact", List.of("hedged"), "", c.quote())),
                        "Core claim 1, \u201cCouncil keeps ferry\u201d: say why the other answers are accepted too."),
                Arguments.of(
                        "a rubric of one level",
                        withRubric(base, List.of(new ComparisonDraft.Level("Only", "One level."))),
                        "Give the closing judgement\u2019s rubric at least 2 levels."),
                Arguments.of(
                        "a rubric level without a name",
                        ComparisonDrafts.updateLevel(base, 1, l -> new ComparisonDraft.Level("", l.descriptor())),
                        "Rubric level 1: give it a name."),
                Arguments.of(
                        "a rubric level without a description",
                        ComparisonDrafts.updateLevel(base, 0, l -> new ComparisonDraft.Level(l.name(), "")),
                        "Rubric level 0: describe what work at this level looks like."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unpublishable")
    void publishing_names_each_gap_in_a_sentence(String what, ComparisonDraft draft, String problem) {
        assertThat(ComparisonDrafts.publishProblems(draft, SET).stream().map(KeyedText::english))
                .containsExactly(problem);
        assertThatThrownBy(() -> ComparisonDrafts.toComparison(draft, UUID.randomUUID(), SET))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_absent_claim_needs_no_quote_and_a_set_of_one_article_cannot_be_compared() {
        ComparisonDraft absent = cell(complete(), COAST, c -> how(c, "absent", List.of(), "", ""));
        assertThat(ComparisonDrafts.publishProblems(absent, SET)).isEmpty();
        assertThat(ComparisonDrafts.publishProblems(complete(), SET.subList(0, 1)).stream()
                        .map(KeyedText::english))
                .contains("A comparison needs at least two articles in the story set; this one has 1.");
    }

    @Test
    void an_empty_draft_lists_everything_still_to_do() {
        List<String> problems = ComparisonDrafts.publishProblems(ComparisonDraft.EMPTY, SET).stream()
                .map(KeyedText::english)
                .toList();
        assertThat(problems)
                .contains(
                        "\u201cCouncil keeps ferry\u201d: choose how its headline frames the story.",
                        "\u201cCouncil keeps ferry\u201d: explain the headline\u2019s framing in a sentence.",
                        "Give the closing judgement\u2019s rubric at least 2 levels.");
    }

    // --- the published version -------------------------------------------------------------

    @Test
    void a_complete_draft_becomes_the_packs_model_in_the_sets_order_with_quotes_resolved() {
        ComparisonDraft draft = complete();
        // Rows saved in another order, a quote the text has twice copied from its second place,
        // an "also accepted" that repeats the answer, a range of named sources.
        int second = HARBOUR_TEXT.lastIndexOf("The council voted to keep the ferry");
        draft = new ComparisonDraft(
                List.of(draft.entries().get(1), draft.entries().get(0)), draft.claims(), draft.rubric());
        draft = harbour(
                draft, e -> counts(framing(e, "hedged", List.of("hedged", "sensational"), "Both fit."), 1, 3, 0, null));
        draft = harbour(draft, e -> words(e, List.of("reportedly"), List.of("devastating")));
        draft = cell(
                draft,
                HARBOUR,
                c -> new ComparisonDraft.Carriage(
                        c.articleId(), c.how(), c.alsoAccepted(), c.why(), c.quote(), second));
        UUID keyId = UUID.randomUUID();

        SeedPack.Comparison comparison = ComparisonDrafts.toComparison(draft, keyId, SET);

        assertThat(comparison.id()).isEqualTo(keyId);
        assertThat(comparison.entries())
                .extracting(SeedPack.ComparisonEntry::articleSlug)
                .containsExactly(HARBOUR.toString(), COAST.toString());
        SeedPack.ComparisonEntry harbour = comparison.entries().getFirst();
        assertThat(harbour.framing()).isEqualTo(SeedPack.Framing.HEDGED);
        assertThat(harbour.framingAlsoAccepted()).containsExactly(SeedPack.Framing.SENSATIONAL);
        assertThat(harbour.framingWhy()).isEqualTo("Both fit.");
        assertThat(harbour.namedSources()).isEqualTo(new SeedPack.SourceCount(1, 3));
        assertThat(harbour.reporting()).isEqualTo(SeedPack.Reporting.ORIGINAL);
        assertThat(harbour.hedges()).containsExactly("reportedly");
        SeedPack.CarriedBy quoted =
                comparison.coreClaims().getFirst().in(HARBOUR.toString()).orElseThrow();
        assertThat(quoted.quote().start()).as("the copied place is kept").isEqualTo(second);
        assertThat(quoted.how()).isEqualTo(SeedPack.Carrying.ATTRIBUTED);
        assertThat(comparison
                        .coreClaims()
                        .getFirst()
                        .in(COAST.toString())
                        .orElseThrow()
                        .quote()
                        .start())
                .isEqualTo(COAST_TEXT.indexOf("The council kept the ferry"));
        assertThat(comparison.rubric())
                .extracting(SeedPack.RubricLevel::level, SeedPack.RubricLevel::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "Not yet"),
                        org.assertj.core.groups.Tuple.tuple(1, "Secure"));
    }

    @Test
    void a_quote_whose_place_moved_is_found_at_its_first_place() {
        ComparisonDraft draft = cell(
                complete(),
                HARBOUR,
                c -> new ComparisonDraft.Carriage(c.articleId(), c.how(), c.alsoAccepted(), c.why(), c.quote(), 3));
        SeedPack.Comparison comparison = ComparisonDrafts.toComparison(draft, UUID.randomUUID(), SET);
        assertThat(comparison
                        .coreClaims()
                        .getFirst()
                        .in(HARBOUR.toString())
                        .orElseThrow()
                        .quote()
                        .start())
                .isEqualTo(HARBOUR_TEXT.indexOf("The council voted to keep the ferry"));
    }

    @Test
    void edits_change_one_thing_and_comma_lists_are_read_as_words() {
        ComparisonDraft d = ComparisonDrafts.addClaim(ComparisonDrafts.addClaim(ComparisonDraft.EMPTY));
        assertThat(d.claims()).extracting(ComparisonDraft.CoreClaim::id).containsExactly("k1", "k2");
        d = ComparisonDrafts.removeClaim(d, "k1");
        assertThat(ComparisonDrafts.addClaim(d).claims())
                .extracting(ComparisonDraft.CoreClaim::id)
                .containsExactly("k2", "k3");
        d = ComparisonDrafts.addLevel(ComparisonDrafts.addLevel(ComparisonDrafts.addLevel(d)));
        d = ComparisonDrafts.updateLevel(d, 2, l -> new ComparisonDraft.Level("Top", ""));
        d = ComparisonDrafts.removeLevel(d, 0);
        assertThat(d.rubric()).extracting(ComparisonDraft.Level::name).containsExactly("", "Top");
        assertThat(ComparisonDrafts.words(" reportedly, is believed to,, reportedly "))
                .containsExactly("reportedly", "is believed to");
        ComparisonDraft pruned =
                ComparisonDrafts.inSet(ComparisonDrafts.updateEntry(complete(), ELSEWHERE, e -> e), SET);
        assertThat(pruned).isEqualTo(complete());
    }
}
