package org.lateral.base.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokensTest {

    private static String[] spans(String text, int[] pairs) {
        String[] out = new String[pairs.length / 2];
        for (int i = 0; i < pairs.length; i += 2) {
            out[i / 2] = text.substring(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    @Test
    void words_are_runs_of_letters_and_digits_with_utf16_offsets() {
        String text = "ISIS’ head, 14 French nationals — “reportedly” 😀défecte";
        assertThat(spans(text, Tokens.words(text)))
                .containsExactly("ISIS", "head", "14", "French", "nationals", "reportedly", "défecte");
        int[] words = Tokens.words(text);
        assertThat(words[words.length - 2])
                .as("the emoji counts two UTF-16 units")
                .isEqualTo(text.indexOf("défecte"));
    }

    @Test
    void sentences_never_cross_a_paragraph_break_and_are_trimmed() {
        String text = "Headline without a stop\n\nFirst sentence here. Second one? Third!\n\nNew paragraph.";
        assertThat(spans(text, Tokens.sentences(text)))
                .containsExactly(
                        "Headline without a stop", "First sentence here.", "Second one?", "Third!", "New paragraph.");
    }

    @Test
    void an_empty_text_has_no_tokens() {
        assertThat(Tokens.words("")).isEmpty();
        assertThat(Tokens.sentences("")).isEmpty();
    }
}
