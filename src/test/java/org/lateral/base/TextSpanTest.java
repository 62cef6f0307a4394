package org.lateral.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextSpanTest {

    private static final String TEXT = "Headline 😀\n\nThe mayor said it is “likely”.";

    @Test
    void a_span_inside_the_text_with_the_matching_quote_is_accepted() {
        TextSpan span = TextSpan.within(TEXT, 13, 18, "The m");
        assertThat(span).isEqualTo(new TextSpan(13, 18, "The m"));
    }

    @Test
    void offsets_count_utf16_code_units_like_javascript() {
        // The emoji is two UTF-16 code units, so the second paragraph starts at 13, not 12.
        assertThat(TEXT.indexOf("The")).isEqualTo(13);
        assertThat(TextSpan.within(TEXT, 9, 11, "😀").exact()).isEqualTo("😀");
    }

    @ParameterizedTest(name = "start={0} end={1} is refused")
    @CsvSource({"-1, 3", "5, 5", "6, 5", "40, 60"})
    void offsets_outside_the_text_or_empty_spans_are_refused(int start, int end) {
        assertThatIllegalArgumentException().isThrownBy(() -> TextSpan.within(TEXT, start, end, "x"));
    }

    @Test
    void a_quote_that_differs_from_the_text_is_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TextSpan.within(TEXT, 13, 18, "The M"))
                .withMessageContaining("do not match");
    }
}
