package org.lateral.library.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lateral.library.text.CanonicalText.Paragraph;

class CanonicalTextTest {

    @Test
    void no_break_spaces_become_spaces_without_changing_the_length() {
        String raw = "A source told\u00a0The Daily Mail\u00a0the head";
        String text = CanonicalText.normalise(raw);
        assertThat(text).isEqualTo("A source told The Daily Mail the head").hasSameSizeAs(raw);
    }

    @Test
    void crlf_and_cr_line_endings_become_lf() {
        assertThat(CanonicalText.normalise("Headline\r\n\r\nBody line one\r\nline two\rline three"))
                .isEqualTo("Headline\n\nBody line one\nline two\nline three");
    }

    @Test
    void curly_quotes_dashes_and_apostrophes_are_kept_as_written() {
        String raw = "“They must have made arrangements,” Khaled said — it’s ISIS’ view.";
        assertThat(CanonicalText.normalise(raw)).isEqualTo(raw);
    }

    @Test
    void runs_of_blank_lines_and_whitespace_only_lines_become_one_paragraph_break() {
        assertThat(CanonicalText.normalise(
                        "\n\nCan We just Write ISIS Off?\n\n\n  \t\nBack when ISIS was in control\n\n\n"))
                .isEqualTo("Can We just Write ISIS Off?\n\nBack when ISIS was in control");
    }

    @Test
    void the_headline_is_paragraph_zero_and_starts_at_offset_zero() {
        List<Paragraph> paragraphs = CanonicalText.paragraphs(
                "Confessions of an ISIS Spy\n\nA former ISIS spy describes the situation inside the Caliphate:\n\nBefore the fight");
        assertThat(paragraphs.getFirst()).isEqualTo(new Paragraph(0, 0, "Confessions of an ISIS Spy"));
        assertThat(CanonicalText.headline("Confessions of an ISIS Spy\n\nBody"))
                .isEqualTo("Confessions of an ISIS Spy");
    }

    @Test
    void lead_ins_that_say_where_an_excerpt_comes_from_stay_in_the_text() {
        String raw = "Confessions of an ISIS defector\n\nMichael Weiss writes: It took some convincing";
        String text = CanonicalText.normalise(raw);
        assertThat(CanonicalText.paragraphs(text).get(1).text()).startsWith("Michael Weiss writes:");
        assertThat(CanonicalText.paragraphs(
                                "H\n\nA former ISIS spy describes the situation inside the Caliphate:\n\nBefore")
                        .get(1)
                        .text())
                .isEqualTo("A former ISIS spy describes the situation inside the Caliphate:");
    }

    @Test
    void paragraph_offsets_point_into_the_canonical_text_in_utf16_units() {
        String text = "Head 😀\n\nSecond\n\nThird line\nstill third";
        List<Paragraph> paragraphs = CanonicalText.paragraphs(text);
        assertThat(paragraphs).extracting(Paragraph::start).containsExactly(0, 9, 17);
        for (Paragraph p : paragraphs) {
            assertThat(text.substring(p.start(), p.end())).isEqualTo(p.text());
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"''|0", "'only a headline'|1", "'a\n\nb\n\nc'|3"})
    void counts_paragraphs(String text, int count) {
        assertThat(CanonicalText.paragraphs(text)).hasSize(count);
    }
}
