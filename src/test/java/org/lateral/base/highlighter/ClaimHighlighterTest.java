package org.lateral.base.highlighter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.base.TextSpan;

/** The Java side of the highlighter: what a browser reports is checked before anyone hears of it. */
class ClaimHighlighterTest {

    private final ClaimHighlighter highlighter = new ClaimHighlighter();
    private final List<ClaimHighlighter.SelectionEvent> events = new ArrayList<>();

    @BeforeEach
    void listen() {
        highlighter.setText("Headline\n\nA source told the paper.");
        highlighter.addSelectionListener(events::add);
    }

    @Test
    void the_text_reaches_the_browser_as_a_property_and_the_test_id_is_fixed() {
        assertThat(highlighter.getElement().getProperty("text")).isEqualTo("Headline\n\nA source told the paper.");
        assertThat(highlighter.getElement().getAttribute("data-testid")).isEqualTo("claim-highlighter");
    }

    @Test
    void a_selection_matching_the_text_is_passed_on_as_a_span() {
        highlighter.selectionChanged(10, 18, "A source");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.span()).contains(new TextSpan(10, 18, "A source"));
            assertThat(e.problem()).isEmpty();
        });
    }

    @Test
    void a_selection_whose_quote_differs_from_the_text_is_refused() {
        highlighter.selectionChanged(10, 18, "A sauce!");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.span()).isEmpty();
            assertThat(e.problem()).isPresent();
        });
    }

    @Test
    void a_selection_beyond_the_end_of_the_text_is_refused() {
        highlighter.selectionChanged(30, 99, "x");
        assertThat(events).singleElement().satisfies(e -> assertThat(e.span()).isEmpty());
    }
}
