package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lateral.base.TextSpan;

/** Where the key's cue words are highlighted in a student's feedback. */
class CueSpansTest {

    static final String TEXT =
            "The Head Of ISIS’ European Operations Reportedly Defects. It could, possibly, matter. Couldn’t it?";

    @Test
    void cues_are_found_inside_the_claim_as_whole_words_ignoring_case() {
        int start = TEXT.indexOf("It could");
        int end = TEXT.indexOf("Couldn’t") + "Couldn’t it?".length();
        List<TextSpan> spans = Grader.cueSpans(TEXT, start, end, List.of("could", "POSSIBLY"));
        assertThat(spans).extracting(TextSpan::exact).containsExactly("could", "possibly");
        assertThat(spans.getFirst().start()).isEqualTo(TEXT.indexOf("could"));
    }

    @Test
    void a_cue_outside_the_claim_is_not_highlighted() {
        int start = TEXT.indexOf("It could");
        assertThat(Grader.cueSpans(TEXT, start, TEXT.length(), List.of("Reportedly")))
                .isEmpty();
        assertThat(Grader.cueSpans(TEXT, 0, TEXT.indexOf('.'), List.of("reportedly")))
                .extracting(TextSpan::exact)
                .containsExactly("Reportedly");
    }

    @Test
    void several_word_cues_and_blank_cues() {
        String text = "If true, it would change everything.";
        assertThat(Grader.cueSpans(text, 0, text.length(), List.of("If true", " ")))
                .extracting(TextSpan::start)
                .containsExactly(0);
    }
}
