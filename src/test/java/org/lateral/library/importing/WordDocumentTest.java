package org.lateral.library.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lateral.base.UserFacingException;

/** Reading the text of .docx files, and refusing what is not one (DD017). */
class WordDocumentTest {

    private static final String NOT_DOCX = "\u201cstory.docx\u201d is not a Word document Lateral can read";

    @Test
    void the_title_paragraph_is_the_headline_and_headings_stay_paragraphs() {
        WordDocument.Text text = WordDocument.read("ferry.docx", WordFixtures.ferry());
        assertThat(text.headline()).isEqualTo("Harbour town votes to keep its ferry");
        assertThat(text.paragraphs())
                .containsExactly(
                        "Residents voted on Thursday to keep the ferry.",
                        "Advertisement",
                        "What happens next",
                        "The council will respect the vote.");
        assertThat(text.coreTitle()).isEqualTo("ferry draft");
        assertThat(text.creator()).isEqualTo("Ana Pereira");
    }

    @Test
    void a_heading_1_is_a_headline_and_a_lower_heading_is_not() {
        WordDocument.Text first = WordDocument.read(
                "a.docx", WordFixtures.docx(null, null, "Kicker line", "[Heading1] The headline", "Body."));
        assertThat(first.headline()).isEqualTo("The headline");
        assertThat(first.paragraphs()).containsExactly("Kicker line", "Body.");

        WordDocument.Text second =
                WordDocument.read("b.docx", WordFixtures.docx(null, null, "[Heading2] A section", "Body."));
        assertThat(second.headline()).isNull();
        assertThat(second.paragraphs()).containsExactly("A section", "Body.");
    }

    @Test
    void a_document_without_text_is_refused_in_plain_words() {
        assertThatThrownBy(() -> WordDocument.read("empty.docx", WordFixtures.docx("A title only", null, "", "  ")))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("\u201cempty.docx\u201d has no text to import.");
    }

    @Test
    void a_damaged_file_or_another_file_renamed_is_refused_in_plain_words() {
        byte[] ferry = WordFixtures.ferry();
        assertThatThrownBy(() -> WordDocument.read("story.docx", Arrays.copyOf(ferry, ferry.length / 2)))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith(NOT_DOCX);
        assertThatThrownBy(() -> WordDocument.read(
                        "story.docx", "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith(NOT_DOCX);
        assertThatThrownBy(() -> WordDocument.read("story.docx", "Plain text".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith(NOT_DOCX);
        byte[] notWord = WordFixtures.withPadding(new byte[0], 10);
        assertThatThrownBy(() -> WordDocument.read("story.docx", notWord))
                .as("a zip that holds no Word document")
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith(NOT_DOCX);
    }

    @Test
    void an_old_word_file_is_refused_with_what_to_do() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThatThrownBy(() -> WordDocument.read("old.docx", ole2))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("\u201cold.docx\u201d is an older Word document (.doc)")
                .hasMessageContaining("save it as .docx");
    }

    @Test
    void a_file_that_unpacks_to_far_more_than_it_weighs_is_refused() {
        byte[] bomb = WordFixtures.withPadding(WordFixtures.ferry(), 60 * 1024 * 1024);
        assertThat(bomb.length).as("small on the wire").isLessThan(ImportLimits.MAX_UPLOAD_BYTES);
        assertThatThrownBy(() -> WordDocument.read("story.docx", bomb))
                .as("stopped by the unpacked-size limit")
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith(NOT_DOCX);

        byte[] ratioBomb = WordFixtures.withPadding(WordFixtures.ferry(), 20 * 1024 * 1024);
        assertThatThrownBy(() -> WordDocument.read("story.docx", ratioBomb))
                .as("under the size limit, stopped by POI's inflation-ratio check")
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith(NOT_DOCX);
    }
}
