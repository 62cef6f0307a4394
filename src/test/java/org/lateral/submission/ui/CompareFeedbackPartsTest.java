package org.lateral.submission.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lateral.submission.CompareFeedback;
import org.lateral.submission.CompareFeedbackTest;
import org.lateral.submission.CompareHints;
import org.lateral.submission.StudentFeedback;

/**
 * The compare step's feedback as components, without a browser: the two excerpts of the Daily
 * Beast interview compared by {@link CompareFeedbackTest#STUDENT}, on the shipped key. Verdicts are
 * attributes and words, the class counts appear per cell, the relay drawing is labelled by its
 * visible text, and the hints hold no part of the review.
 */
// No routes are needed: the parts are added to the mock UI directly.
@ViewPackages(packages = "org.lateral.submission.ui.none")
class CompareFeedbackPartsTest extends BrowserlessTest {

    private static CompareFeedback feedback(CompareFeedback.ClassCounts counts) {
        return CompareFeedback.of(
                CompareFeedbackTest.KEY,
                CompareFeedbackTest.STORED,
                CompareFeedbackTest.NOTES,
                CompareFeedbackTest.INTERVIEW,
                CompareFeedbackTest.TEXTS,
                CompareFeedbackTest.STUDENT,
                0.5,
                counts);
    }

    private void show(Component component) {
        UI.getCurrent().add(component);
    }

    private List<NativeTableCell> cells() {
        return $(NativeTableCell.class)
                .withAttribute("data-testid", "compare-feedback-cell")
                .all();
    }

    @Test
    void the_matrix_says_right_wrong_and_not_answered_in_attributes_and_words_with_the_class_counts() {
        UUID wic = CompareFeedbackTest.article("003-war-in-context").id();
        show(CompareFeedbackParts.review(
                feedback(new CompareFeedback.ClassCounts(
                        6, Map.of("k01", Map.of(wic, Map.of("attributed", 4, "hedged", 1))))),
                new StudentFeedback.CompareScore(71.4, false, true, 0.8, 0.125, null)));

        assertThat($(Div.class)
                        .withAttribute("data-testid", "compare-feedback-grid")
                        .all())
                .hasSize(2);
        assertThat($(NativeTable.class).withTestId("compare-feedback-matrix").all())
                .hasSize(1);
        List<NativeTableCell> cells = cells();
        assertThat(cells).hasSize(16);
        NativeTableCell right = cells.get(0);
        assertThat(right.getElement().getAttribute("data-verdict")).isEqualTo("right");
        assertThat(right.getElement().getTextRecursively()).contains("\u2713 Right");
        NativeTableCell wrong = cells.get(1);
        assertThat(wrong.getElement().getAttribute("data-claim-id")).isEqualTo("k01");
        assertThat(wrong.getElement().getAttribute("data-article-id")).isEqualTo(wic.toString());
        assertThat(wrong.getElement().getAttribute("data-verdict")).isEqualTo("wrong");
        assertThat(wrong.getElement().getTextRecursively())
                .contains("\u2717 Wrong")
                .contains("You: hedged")
                .contains("Key: attributed (also right: as fact)")
                .contains("Now, he said, he had left ISIS as a defector");
        assertThat(cells.subList(2, 16))
                .allSatisfy(c ->
                        assertThat(c.getElement().getAttribute("data-verdict")).isEqualTo("not-given"));
        assertThat(cells.get(2).getElement().getTextRecursively()).contains("Not answered");

        List<Span> counts = $(Span.class)
                .withAttribute("data-testid", "compare-class-counts")
                .all();
        assertThat(counts).hasSize(16);
        Span wicCounts = counts.get(1);
        assertThat(wicCounts.getElement().getAttribute("data-attributed")).isEqualTo("4");
        assertThat(wicCounts.getElement().getAttribute("data-none")).isEqualTo("1");
        assertThat(wicCounts.getText()).contains("attributed 4").contains("no answer 1");

        assertThat($(Paragraph.class).withTestId("compare-score").single().getText())
                .isEqualTo("Score 71.4 of 100 \u00b7 grid 80% \u00b7 matrix 13%");
        assertThat($(Paragraph.class)
                        .withTestId("compare-score-provisional")
                        .single()
                        .getText())
                .contains("Provisional until your teacher grades your judgement");
    }

    @Test
    void the_grid_shows_the_keys_answer_and_reason_beside_the_students() {
        show(CompareFeedbackParts.review(feedback(new CompareFeedback.ClassCounts(2, Map.of())), null));

        Div isegoria = $(Div.class)
                .withAttribute("data-testid", "compare-feedback-grid")
                .all()
                .getFirst();
        String text = isegoria.getElement().getTextRecursively();
        assertThat(text)
                .contains("Headline framing")
                .contains("sensational (also right: neutral)")
                .contains(CompareFeedbackTest.entry("002-isegoria").framingWhy())
                .contains(CompareFeedbackTest.entry("002-isegoria").outletKindNote())
                .contains("\u201cfairly certain\u201d (found)")
                .contains("\u201che says\u201d (not in the key)");
        // Too few students: no counts, and no score row yet: no score.
        assertThat($(Span.class)
                        .withAttribute("data-testid", "compare-class-counts")
                        .all())
                .isEmpty();
        assertThat($(Paragraph.class).withTestId("compare-score").all()).isEmpty();
    }

    @Test
    void the_relay_graph_is_an_image_labelled_by_its_visible_text() {
        show(CompareFeedbackParts.review(feedback(new CompareFeedback.ClassCounts(0, Map.of())), null));

        Div graph = $(Div.class).withTestId("relay-graph").single();
        assertThat(graph.getElement().getAttribute("role")).isEqualTo("img");
        String labelledBy = graph.getElement().getAttribute("aria-labelledby");
        Paragraph text = $(Paragraph.class).withTestId("relay-graph-text").single();
        assertThat(text.getId()).contains(labelledBy);
        assertThat(text.getText())
                .isEqualTo("The Daily Beast reported first-hand. Isegoria relays The Daily Beast. "
                        + "War in Context relays The Daily Beast.");
        String svg = graph.getElement().getProperty("innerHTML");
        assertThat(svg)
                .startsWith("<svg")
                .contains(">The Daily Beast</text>", ">Isegoria</text>", ">War in Context</text>")
                .contains("data-from=\"daily beast\" data-to=\"isegoria\"")
                .contains("relay-traced");
    }

    @Test
    void names_in_the_drawing_are_escaped() {
        CompareFeedback.RelayGraph graph = new CompareFeedback.RelayGraph(
                List.of(
                        new CompareFeedback.Node("a", "<script>alert(1)</script>", false, true, 0),
                        new CompareFeedback.Node("b", "B & \"C\"", true, false, 1)),
                List.of(new CompareFeedback.Edge("a", "b", null)),
                List.of());
        String svg = CompareFeedbackParts.svg(graph);
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;").contains("B &amp; &quot;C&quot;");
    }

    @Test
    void hints_show_counts_and_what_to_look_at_again_and_nothing_of_the_review() {
        show(CompareFeedbackParts.hints(CompareHints.of(
                CompareFeedbackTest.KEY,
                CompareFeedbackTest.INTERVIEW,
                CompareFeedbackTest.TEXTS,
                CompareFeedbackTest.STUDENT,
                0.5,
                61.2,
                true)));

        assertThat($(Div.class).withTestId("compare-hints").all()).hasSize(1);
        List<ListItem> articles = $(ListItem.class)
                .withAttribute("data-testid", "compare-hint-article")
                .all();
        assertThat(articles).hasSize(2);
        assertThat(articles.getLast().getElement().getTextRecursively())
                .contains("Look again at: the headline’s framing, the number of anonymous sources, the outlets it "
                        + "relays.")
                .contains("Loaded words: you found 1 of 7.")
                .contains("Claims: 0 of 8 cells right.");
        assertThat($(Paragraph.class).withTestId("compare-score-provisional").all())
                .hasSize(1);
        assertThat($(Div.class).withTestId("relay-graph").all()).isEmpty();
        assertThat($(NativeTable.class).withTestId("compare-feedback-matrix").all())
                .isEmpty();
        assertThat($(Div.class)
                        .withAttribute("data-testid", "compare-feedback-grid")
                        .all())
                .isEmpty();
    }
}
