package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lateral.base.AnchoredSpan;
import org.lateral.submission.CompareWorkModel.Grid;
import org.lateral.submission.CompareWorkModel.Note;
import org.lateral.submission.SourceWorkModel.Checked;

/** The compare-outlets items' rules (DD015): what is kept, what is refused and with which sentence. */
class CompareWorkModelTest {

    static final String TEXT = "Headline\n\nReportedly, the man defected. He said so.";

    static Grid grid(String framing, Integer named, String reporting, List<String> relayed) {
        return new Grid(framing, named, 1, reporting, relayed, "  ", null);
    }

    static String refusal(Checked<?> checked) {
        return checked instanceof Checked.Refused<?> r ? r.message().english() : "accepted";
    }

    @Test
    void a_grid_keeps_known_categories_trims_texts_and_drops_outlets_of_an_original_report() {
        Checked<Grid> ok = CompareWorkModel.check(
                grid(" Hedged ", 2, "relay", List.of(" The Daily Mail ", "The Daily Mail", "", "Die Welt")));
        assertThat(ok).isInstanceOf(Checked.Ok.class);
        Grid kept = ((Checked.Ok<Grid>) ok).value();
        assertThat(kept.framing()).isEqualTo("hedged");
        assertThat(kept.relayedFrom()).containsExactly("The Daily Mail", "Die Welt");
        assertThat(kept.includes()).as("blank is not answered").isNull();

        Grid original = ((Checked.Ok<Grid>) CompareWorkModel.check(grid(null, null, "original", List.of("X")))).value();
        assertThat(original.relayedFrom()).isEmpty();
    }

    @Test
    void a_grid_with_an_unknown_category_a_bad_count_or_too_much_text_is_refused() {
        record Case(Grid grid, String message) {}
        List<String> eleven =
                IntStream.range(0, 11).mapToObj(i -> "Outlet " + i).toList();
        List<Case> cases = List.of(
                new Case(grid("clickbait", 1, null, List.of()), CompareWorkModel.BAD_FRAMING.english()),
                new Case(grid(null, -1, null, List.of()), CompareWorkModel.BAD_COUNT.english()),
                new Case(grid(null, 201, null, List.of()), CompareWorkModel.BAD_COUNT.english()),
                new Case(grid(null, 1, "rumour", List.of()), CompareWorkModel.BAD_REPORTING.english()),
                new Case(grid(null, 1, "relay", eleven), CompareWorkModel.TOO_MANY_OUTLETS.english()),
                new Case(grid(null, 1, "relay", List.of("x".repeat(301))), CompareWorkModel.LONG_OUTLET.english()),
                new Case(
                        new Grid(null, null, null, null, List.of(), "x".repeat(2001), null),
                        CompareWorkModel.LONG_TEXT.english()));
        for (Case c : cases) {
            assertThat(refusal(CompareWorkModel.check(c.grid())))
                    .as(c.toString())
                    .isEqualTo(c.message());
        }
    }

    @Test
    void a_picked_span_is_a_hedge_or_a_loaded_word_inside_the_text_and_a_stale_one_is_found_again() {
        int at = TEXT.indexOf("Reportedly");
        Checked<AnchoredSpan> hedge = CompareWorkModel.checkSpan(TEXT, "hedge", at, at + 10, "Reportedly", "", "");
        assertThat(((Checked.Ok<AnchoredSpan>) hedge).value().start()).isEqualTo(at);
        Checked<AnchoredSpan> moved = CompareWorkModel.checkSpan(TEXT, "loaded", at + 3, at + 13, "Reportedly", "", "");
        assertThat(((Checked.Ok<AnchoredSpan>) moved).value().start())
                .as("re-anchored")
                .isEqualTo(at);

        assertThat(refusal(CompareWorkModel.checkSpan(TEXT, "quote", at, at + 10, "Reportedly", "", "")))
                .isEqualTo(CompareWorkModel.BAD_KIND_OF_SPAN.english());
        assertThat(refusal(CompareWorkModel.checkSpan(TEXT, "hedge", at, at + 10, "", "", "")))
                .isEqualTo(CompareWorkModel.NO_WORDS.english());
        assertThat(refusal(CompareWorkModel.checkSpan(TEXT, "hedge", -1, 5, "Headl", "", "")))
                .isEqualTo(CompareWorkModel.OUTSIDE.english());
        assertThat(refusal(CompareWorkModel.checkSpan(TEXT, "hedge", at, at + 9, "Allegedly", "", "")))
                .isEqualTo(CompareWorkModel.MOVED.english());
    }

    @Test
    void a_cell_says_how_the_article_carries_the_claim_or_nothing_yet() {
        assertThat(((Checked.Ok<String>) CompareWorkModel.checkCell(" Attributed ")).value())
                .isEqualTo("attributed");
        assertThat(((Checked.Ok<String>) CompareWorkModel.checkCell("")).value())
                .isNull();
        assertThat(refusal(CompareWorkModel.checkCell("maybe"))).isEqualTo(CompareWorkModel.BAD_CARRIED.english());
    }

    @Test
    void a_lateral_reading_note_takes_only_web_addresses_and_a_short_note() {
        assertThat(refusal(CompareWorkModel.check(new Note("https://en.wikipedia.org/wiki/The_Frisky", "A site."))))
                .isEqualTo("accepted");
        for (String bad : List.of(
                "javascript:alert(1)",
                "data:text/html,hi",
                "ftp://example.org/x",
                "www.example.org",
                "https://",
                "https://exa mple.org")) {
            assertThat(refusal(CompareWorkModel.check(new Note(bad, null))))
                    .as(bad)
                    .isEqualTo(CompareWorkModel.BAD_ADDRESS.english());
        }
        assertThat(refusal(CompareWorkModel.check(new Note(null, "x".repeat(601)))))
                .isEqualTo(CompareWorkModel.LONG_NOTE.english());
    }

    @Test
    void an_address_typed_with_a_capital_scheme_is_kept_as_browsers_write_it() {
        // The database takes only lower-case http(s) addresses; a phone keyboard writes "Https".
        Checked<Note> checked = CompareWorkModel.check(new Note("Https://En.Wikipedia.org/wiki/Isegoria", null));
        assertThat(((Checked.Ok<Note>) checked).value().address()).isEqualTo("https://En.Wikipedia.org/wiki/Isegoria");
    }

    @Test
    void the_judgement_is_at_most_two_thousand_characters() {
        assertThat(((Checked.Ok<String>) CompareWorkModel.checkJudgement("  I trust 003 most.  ")).value())
                .isEqualTo("I trust 003 most.");
        assertThat(refusal(CompareWorkModel.checkJudgement("x".repeat(2001))))
                .isEqualTo(CompareWorkModel.LONG_TEXT.english());
    }
}
