package org.lateral.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ArticleDetailsTest {

    static final ArticleDetails FIRST = new ArticleDetails(
            "The Head Of ISIS’ European Operations Reportedly Defects",
            null,
            LocalDate.of(2017, 1, 1),
            "approximate",
            "Worked out from the text.",
            null);

    @Test
    void the_same_details_name_no_correction() {
        assertThat(ArticleDetails.corrections(FIRST, FIRST)).isEmpty();
    }

    @Test
    void a_corrected_date_and_address_are_named_in_plain_words_in_a_fixed_order() {
        ArticleDetails corrected = new ArticleDetails(
                FIRST.title(),
                FIRST.byline(),
                LocalDate.of(2016, 8, 15),
                "day",
                FIRST.publishedNote(),
                "https://example.org/story");
        assertThat(ArticleDetails.corrections(FIRST, corrected))
                .containsExactly("publication date", "original address");
    }

    @Test
    void a_date_said_more_precisely_counts_as_a_corrected_date_and_every_field_is_named() {
        ArticleDetails everything = new ArticleDetails(
                "Another headline",
                "A. Writer",
                FIRST.publishedOn(),
                "month",
                "From the archive's index.",
                "https://example.org/story");
        assertThat(ArticleDetails.corrections(FIRST, everything))
                .containsExactly(
                        "title",
                        "byline",
                        "publication date",
                        "note on how the date was worked out",
                        "original address");
    }
}
