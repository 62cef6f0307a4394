package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lateral.base.highlighter.MarkState;
import org.lateral.library.ClaimType;
import org.lateral.submission.MarkClaimsModel.Decision;

class MarkClaimsModelTest {

    private static final String TEXT = "Head reportedly defects\n\nA source said he defected. He defected in June.";
    private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    private static MarkState mark(int start, int end, String exact, String prefix, String suffix, String type) {
        return new MarkState(ID, 1, start, end, exact, prefix, suffix, type, false);
    }

    @Test
    void a_mark_whose_offsets_and_quote_agree_is_accepted_as_it_is() {
        int at = TEXT.indexOf("reportedly defects");
        Decision d = MarkClaimsModel.check(TEXT, mark(at, at + 18, "reportedly defects", "", "", "hedged"));
        assertThat(d).isInstanceOfSatisfying(Decision.Accept.class, a -> {
            assertThat(a.span().start()).isEqualTo(at);
            assertThat(a.type()).isEqualTo(ClaimType.HEDGED);
            assertThat(a.span().suffix()).startsWith("\n\nA source");
        });
    }

    @Test
    void when_offsets_and_quote_disagree_the_quote_wins_and_the_context_picks_the_occurrence() {
        int second = TEXT.lastIndexOf("defected");
        // Offsets from a stale page point elsewhere; the context says "He " before and " in June" after.
        Decision d = MarkClaimsModel.check(TEXT, mark(0, 8, "defected", "June. He ", " in June.", "factual"));
        assertThat(d)
                .isInstanceOfSatisfying(
                        Decision.Accept.class, a -> assertThat(a.span().start()).isEqualTo(second));
    }

    @Test
    void with_no_context_the_occurrence_nearest_the_offsets_is_chosen() {
        int first = TEXT.indexOf("defected");
        Decision d = MarkClaimsModel.check(TEXT, mark(first + 2, first + 10, "defected", "", "", "factual"));
        assertThat(d)
                .isInstanceOfSatisfying(
                        Decision.Accept.class, a -> assertThat(a.span().start()).isEqualTo(first));
    }

    @Test
    void words_that_are_not_in_the_text_are_refused_with_a_reason() {
        assertThat(MarkClaimsModel.check(TEXT, mark(0, 9, "invented!", "", "", "factual")))
                .isInstanceOfSatisfying(
                        Decision.Reject.class,
                        r -> assertThat(r.message().english()).contains("not in the article"));
    }

    @Test
    void an_unknown_type_an_empty_span_and_an_overlong_span_are_refused() {
        assertThat(MarkClaimsModel.check(TEXT, mark(0, 4, "Head", "", "", "rumour")))
                .isInstanceOf(Decision.Reject.class);
        assertThat(MarkClaimsModel.check(TEXT, mark(0, 0, "", "", "", "factual")))
                .isInstanceOf(Decision.Reject.class);
        String longText = "x".repeat(3000);
        assertThat(MarkClaimsModel.check(longText, mark(0, 2500, "x".repeat(2500), "", "", "factual")))
                .isInstanceOfSatisfying(
                        Decision.Reject.class,
                        r -> assertThat(r.message().english()).contains("at most 2000"));
    }

    @Test
    void offsets_outside_the_text_are_refused_even_if_the_quote_occurs_somewhere() {
        assertThat(MarkClaimsModel.check(TEXT, mark(500, 504, "Head", "", "", "factual")))
                .isInstanceOfSatisfying(
                        Decision.Reject.class,
                        r -> assertThat(r.message().english()).contains("outside the article"));
    }

    @Test
    void a_mark_without_an_id_or_sequence_is_refused() {
        assertThat(MarkClaimsModel.check(TEXT, new MarkState(null, 1, 0, 4, "Head", "", "", "factual", false)))
                .isInstanceOf(Decision.Reject.class);
        assertThat(MarkClaimsModel.check(TEXT, new MarkState(ID, 0, 0, 4, "Head", "", "", "factual", false)))
                .isInstanceOf(Decision.Reject.class);
    }
}
