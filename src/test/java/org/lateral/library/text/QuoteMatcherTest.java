package org.lateral.library.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lateral.base.AnchoredSpan;
import org.lateral.library.text.QuoteMatcher.Result;

class QuoteMatcherTest {

    private static final String TEXT =
            "“They must have made arrangements of some kind with the Turkish authorities,” Khaled said."
                    + " “He went with fourteen French nationals.” Khaled said it twice: Khaled said.";

    @Test
    void a_quote_written_with_straight_quotes_finds_the_curly_ones() {
        Result result = QuoteMatcher.find(TEXT, "\"He went with fourteen French nationals.\"", null);
        assertThat(result).isInstanceOfSatisfying(Result.Found.class, found -> {
            AnchoredSpan span = found.span();
            assertThat(span.exact()).isEqualTo("“He went with fourteen French nationals.”");
            assertThat(TEXT.substring(span.start(), span.end())).isEqualTo(span.exact());
        });
    }

    @Test
    void a_no_break_space_in_the_text_matches_a_plain_space_in_the_quote() {
        Result result = QuoteMatcher.find("told\u00a0The Daily Mail", "told The Daily Mail", null);
        assertThat(result).isInstanceOf(Result.Found.class);
    }

    @Test
    void a_quote_found_twice_is_ambiguous_and_a_prefix_picks_one() {
        assertThat(QuoteMatcher.find(TEXT, "Khaled said", null)).isEqualTo(new Result.Ambiguous(3));
        Result withPrefix = QuoteMatcher.find(TEXT, "Khaled said", "twice: ");
        assertThat(withPrefix)
                .isInstanceOfSatisfying(
                        Result.Found.class,
                        found -> assertThat(found.span().start()).isEqualTo(TEXT.lastIndexOf("Khaled said")));
    }

    @Test
    void a_quote_that_is_not_in_the_text_is_not_found() {
        assertThat(QuoteMatcher.find(TEXT, "fifteen French nationals", null)).isInstanceOf(Result.NotFound.class);
        assertThat(QuoteMatcher.find(TEXT, "", null)).isInstanceOf(Result.NotFound.class);
    }

    @Test
    void the_span_keeps_up_to_32_characters_of_context_on_each_side() {
        Result result = QuoteMatcher.find(TEXT, "fourteen French", null);
        assertThat(result).isInstanceOfSatisfying(Result.Found.class, found -> {
            AnchoredSpan span = found.span();
            assertThat(span.prefix()).hasSize(32).isEqualTo(TEXT.substring(span.start() - 32, span.start()));
            assertThat(span.suffix()).hasSize(32);
        });
    }

    @Test
    void context_at_the_start_of_the_text_is_shorter_and_never_splits_an_emoji() {
        String text = "😀😀 Reportedly defects";
        Result result = QuoteMatcher.find(text, "Reportedly", null);
        assertThat(result).isInstanceOfSatisfying(Result.Found.class, found -> {
            assertThat(found.span().prefix()).isEqualTo("😀😀 ");
            assertThat(found.span().start()).isEqualTo(5);
        });
    }
}
