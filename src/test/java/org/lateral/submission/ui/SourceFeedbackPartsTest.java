package org.lateral.submission.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.lateral.library.pack.SeedPack;
import org.lateral.submission.SourceHints;
import org.lateral.submission.SourceReview;
import org.lateral.submission.SourceReviewTest;
import org.lateral.submission.scoring.Scoring;
import org.lateral.submission.scoring.SourceScoring;
import org.lateral.submission.scoring.SourceScoring.Answer;

/**
 * The sources feedback as components, without a browser or the application: the review of the
 * Frisky student who took the informant at his word, a student with nothing, and the hints form,
 * on the real key from the seed pack (built as {@link SourceReviewTest} builds it).
 */
// No routes are needed: the parts are added to the mock UI directly.
@ViewPackages(packages = "org.lateral.submission.ui.none")
class SourceFeedbackPartsTest extends BrowserlessTest {

    static final String CHAIN_END = " \u2192 The Daily Mail \u2192 The Frisky";

    private static SourceScoring.Result score(Answer answer) {
        return SourceScoring.score(SourceReviewTest.TOKENS, SourceReviewTest.KEY, answer, Scoring.DEFAULT_THRESHOLD);
    }

    private static SourceReview review(Answer answer) {
        return SourceReview.of(
                SourceReviewTest.KEY, answer, score(answer), SourceReviewTest.CITED, SourceReviewTest.LABELS);
    }

    private void show(Component component) {
        UI.getCurrent().add(component);
    }

    private List<String> texts(String testId) {
        return $(ListItem.class).withAttribute("data-testid", testId).all().stream()
                .map(i -> i.getElement().getTextRecursively())
                .toList();
    }

    @Test
    void the_review_draws_the_key_chain_beside_the_students_and_says_why_the_kind_matters() {
        show(SourceFeedbackParts.review(review(SourceReviewTest.TAKEN_AT_THEIR_WORD)));

        assertThat($(Div.class).withAttribute("data-testid", "source-feedback").all())
                .hasSize(1);
        assertThat(texts("source-found")).hasSize(2);
        assertThat(texts("source-missed")).isEmpty();
        assertThat($(Div.class)
                        .withTestId("source-missed-list")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("You found every source.");
        assertThat(texts("kind-wrong"))
                .singleElement()
                .asString()
                .contains("\u201cAbu Khaled\u201d: you chose Named person")
                .contains("the name was made up to protect them")
                .contains(SourceReviewTest.FRISKY.sources().getFirst().kindWhy());

        List<Div> keyChains =
                $(Div.class).withAttribute("data-testid", "relay-chain").all();
        // The key's merged chain, and the informant's and the Daily Mail's own beside the student's.
        assertThat(keyChains).hasSize(3);
        assertThat(keyChains.getFirst().getElement().getTextRecursively()).endsWith(CHAIN_END);
        assertThat(keyChains.getFirst().getElement().getAttribute("data-chain"))
                .isEqualTo(SourceReviewTest.FRISKY.sources().getFirst().name() + CHAIN_END);
        assertThat($(Div.class)
                        .withAttribute("data-testid", "relay-chain-student")
                        .all())
                .extracting(d -> d.getElement().getTextRecursively())
                .containsExactly("Abu Khaled \u2192 The Frisky", "Daily Mail \u2192 The Frisky");
        assertThat(texts("origin-wrong")).singleElement().asString().contains("it came through The Daily Mail");

        assertThat(texts("claim-link-issue")).hasSize(24);
        assertThat($(Div.class)
                        .withTestId("claim-link-issues")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains(
                        "\u201cNo source given\u201d is an answer, not a blank: a claim told as fact with nobody behind "
                                + "it is one you cannot check, and noticing that is part of the work. A claim someone backs "
                                + "should name who.");
        assertThat($(ListItem.class)
                        .withAttribute("data-testid", "claim-link-issue")
                        .all())
                .filteredOn(i -> "c07".equals(i.getElement().getAttribute("data-claim")))
                .singleElement()
                .satisfies(i ->
                        assertThat(i.getElement().getAttribute("data-kind")).isEqualTo("you_said_no_source"));
    }

    /** The explanations are worded by the page, so a Spanish page reads them in Spanish (DD034). */
    @Test
    void a_spanish_page_explains_the_kind_the_origin_and_the_claims_in_spanish() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        show(SourceFeedbackParts.review(review(SourceReviewTest.TAKEN_AT_THEIR_WORD)));

        assertThat(texts("kind-wrong"))
                .singleElement()
                .asString()
                .contains("Nadie puede buscar a esa persona: el nombre se inventó para protegerla.")
                .doesNotContain("the name was made up to protect them");
        assertThat(texts("origin-wrong"))
                .singleElement()
                .asString()
                .contains("Dijiste que The Frisky lo obtuvo de primera mano, pero llegó a través de The Daily Mail")
                .doesNotContain("it came through");
        assertThat($(ListItem.class)
                        .withAttribute("data-testid", "claim-link-issue")
                        .all())
                .filteredOn(i -> "c06".equals(i.getElement().getAttribute("data-claim")))
                .singleElement()
                .satisfies(i -> assertThat(i.getElement().getTextRecursively())
                        .contains("Afirmación c06")
                        .contains("Nadie en el texto respalda esta afirmación")
                        .doesNotContain("Nobody in the text"));
    }

    @Test
    void a_gap_the_student_left_is_named_in_the_page_language() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        show(SourceFeedbackParts.chain(
                new SourceReview.Chain(
                        List.of(new SourceReview.ChainNode("Abu Khaled", SourceReview.Role.SOURCE, null, null)),
                        List.of(
                                new SourceReview.ChainNode(
                                        "",
                                        SourceReview.Role.GAP,
                                        null,
                                        org.lateral.base.i18n.KeyedText.of("submission.explain.chain.noOrigin")),
                                new SourceReview.ChainNode("The Frisky", SourceReview.Role.OUTLET, null, null))),
                "relay-chain-student"));

        assertThat($(Div.class)
                        .withAttribute("data-testid", "relay-chain-student")
                        .single()
                        .getElement()
                        .getAttribute("data-chain"))
                .isEqualTo("Abu Khaled \u2192 origen sin indicar \u2192 The Frisky");
    }

    @Test
    void a_student_with_nothing_sees_what_to_look_for_and_every_source_missed() {
        show(SourceFeedbackParts.review(review(SourceReviewTest.NOTHING)));

        assertThat(texts("source-found")).isEmpty();
        assertThat($(Div.class)
                        .withTestId("source-found-list")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("You found none of the sources");
        assertThat(texts("source-missed")).hasSize(2);
        assertThat(texts("kind-wrong")).isEmpty();
        assertThat($(Div.class).withAttribute("data-testid", "relay-chain").all())
                .hasSize(1);
        assertThat($(Div.class)
                        .withAttribute("data-testid", "relay-chain-student")
                        .all())
                .isEmpty();
        assertThat($(Paragraph.class).withTestId("source-score").single().getText())
                .startsWith("Score 0.0 of 100 \u00b7 sources found 0 of 2 \u00b7 kinds right 0%");
    }

    @Test
    void the_hints_show_counts_and_paragraphs_and_nothing_of_the_key() {
        for (Answer answer : List.of(SourceReviewTest.TAKEN_AT_THEIR_WORD, SourceReviewTest.NOTHING)) {
            SourceHints hints =
                    SourceHints.of(SourceReviewTest.KEY, answer, score(answer), SourceReviewTest.PARAGRAPH_STARTS);
            Div shown = (Div) SourceFeedbackParts.hints(hints);
            show(shown);

            assertThat(shown.getElement().getAttribute("data-testid")).isEqualTo("source-hints");
            String text = shown.getElement().getTextRecursively();
            String html = shown.getElement().getOuterHTML();
            for (SeedPack.Source s : SourceReviewTest.FRISKY.sources()) {
                assertThat(text).doesNotContain(s.name());
                assertThat(html).doesNotContain(s.name());
                if (s.kindWhy() != null) {
                    assertThat(html).doesNotContain(s.kindWhy());
                }
            }
            assertThat(html).doesNotContain("The Daily Mail").doesNotContain("relay-chain");
            UI.getCurrent().remove(shown);
        }

        show(SourceFeedbackParts.hints(SourceHints.of(
                SourceReviewTest.KEY,
                SourceReviewTest.NOTHING,
                score(SourceReviewTest.NOTHING),
                SourceReviewTest.PARAGRAPH_STARTS)));
        assertThat(texts("source-hint-paragraph"))
                .hasSize(2)
                .containsOnly("A source you have not found is named in paragraphs 1 and 3.");
        assertThat(texts("source-hint"))
                .contains("2 sources still to find. Look for who says so: \u201ctold\u201d, \u201csaid\u201d, "
                        + "\u201caccording to\u201d, a report or a document.");
    }

    @Test
    void the_hints_for_the_student_who_found_both_name_what_to_recheck_in_their_own_words() {
        show(SourceFeedbackParts.hints(SourceHints.of(
                SourceReviewTest.KEY,
                SourceReviewTest.TAKEN_AT_THEIR_WORD,
                score(SourceReviewTest.TAKEN_AT_THEIR_WORD),
                SourceReviewTest.PARAGRAPH_STARTS)));
        assertThat(texts("source-hint"))
                .anySatisfy(t -> assertThat(t).startsWith("1 source you found has a kind to look at again"))
                .anySatisfy(t -> assertThat(t).startsWith("1 source you found has an origin to look at again"))
                .anySatisfy(t -> assertThat(t).startsWith("Look again at the links of 24 claims."));
        assertThat(texts("source-hint-own"))
                .containsExactly(
                        "\u201cDaily Mail\u201d \u00b7 Media outlet \u00b7 first-hand \u2014 found",
                        "\u201cAbu Khaled\u201d \u00b7 Named person \u00b7 first-hand \u2014 check its kind and where it "
                                + "came from");
    }

    @Test
    void paragraphs_are_named_as_a_reader_counts_them() {
        assertThat(SourceFeedbackParts.where(List.of(0))).isEqualTo("the headline");
        assertThat(SourceFeedbackParts.where(List.of(2))).isEqualTo("paragraph 2");
        assertThat(SourceFeedbackParts.where(List.of(1, 3))).isEqualTo("paragraphs 1 and 3");
        assertThat(SourceFeedbackParts.where(List.of(0, 2, 4, 5))).isEqualTo("the headline and paragraphs 2, 4 and 5");
    }

    @Test
    void the_claims_the_student_contradicted_come_before_the_ones_left_open() {
        show(SourceFeedbackParts.review(review(SourceReviewTest.TAKEN_AT_THEIR_WORD)));
        List<String> kinds = $(ListItem.class).withAttribute("data-testid", "claim-link-issue").all().stream()
                .map(i -> i.getElement().getAttribute("data-kind"))
                .distinct()
                .toList();
        assertThat(kinds)
                .containsExactly(
                        "you_said_no_source",
                        "you_linked_an_unsourced_claim",
                        "you_missed_a_source",
                        "you_left_an_unsourced_claim_open");
    }
}
