package org.lateral.base.highlighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lateral.base.text.Tokens;
import org.lateral.library.text.CanonicalText;

/** The span code the highlighter's words and sentences travel in (decodeSpans in snapping.js). */
class SpanCodecTest {

    /** The same pair is checked by frontend/test/snapping.test.js: both sides read one format. */
    static final int[] SHARED = {0, 5, 6, 10, 1000, 998};

    static final String SHARED_CODE = "0a28B!s3";

    @Test
    void the_shared_example_encodes_as_the_browser_expects_and_back() {
        assertThat(SpanCodec.encode(SHARED)).isEqualTo(SHARED_CODE);
        assertThat(SpanCodec.decode(SHARED_CODE)).containsExactly(SHARED);
    }

    @Test
    void an_articles_words_and_sentences_round_trip_in_about_two_characters_a_word() throws IOException {
        String text = CanonicalText.normalise(Files.readString(Path.of("seeds/defectors/articles/000-the-frisky.txt")));
        int[] words = Tokens.words(text);
        int[] sentences = Tokens.sentences(text);

        String wordCode = SpanCodec.encode(words);
        assertThat(SpanCodec.decode(wordCode)).containsExactly(words);
        assertThat(SpanCodec.decode(SpanCodec.encode(sentences))).containsExactly(sentences);
        // Two numbers a word, mostly one character each: far shorter than the JSON list.
        assertThat(wordCode.length()).isLessThan(words.length * 3 / 2);
        assertThat(wordCode).matches("[0-9a-vA-Z\\-_.!~*]*");
    }

    @Test
    void large_offsets_and_a_list_that_goes_backwards_round_trip() {
        int[] flat = {Integer.MAX_VALUE, 0, 7, 3, 1 << 20, (1 << 20) + 1};
        assertThat(SpanCodec.decode(SpanCodec.encode(flat))).containsExactly(flat);
        assertThat(SpanCodec.encode(new int[0])).isEmpty();
    }

    @Test
    void a_broken_code_is_refused() {
        assertThatThrownBy(() -> SpanCodec.decode("0a,2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpanCodec.decode("0aB")).isInstanceOf(IllegalArgumentException.class);
    }
}
