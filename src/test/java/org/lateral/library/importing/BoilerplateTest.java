package org.lateral.library.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The line rules of the import: what is the page's furniture, and which lines are metadata. */
class BoilerplateTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Advertisement",
                "Subscribe for \u00a31 a week",
                "Share",
                "Share | Tweet | Email",
                "12 comments",
                "1.2k shares",
                "Leave a comment",
                "Most read",
                "Read more: the ferry's history",
                "Skip to content",
                "Photo: the ferry at dawn",
                "Getty Images",
                "\u00a9 2024 The Coastal Ledger",
                "We use cookies to improve your experience"
            })
    void furniture_is_recognised(String line) {
        assertThat(Boilerplate.isChrome(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Share prices fell sharply on Monday.",
                "Comments were closed.",
                "Michael Weiss writes:",
                "\u201cHome,\u201d she said.",
                "Subscribe to our newsletter and get a free tote bag, the council's leaflet promised residents last week"
            })
    void article_text_is_kept(String line) {
        assertThat(Boilerplate.isChrome(line)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "By Ana Pereira|Ana Pereira",
                "BY ANA PEREIRA AND TOM HALE|ANA PEREIRA AND TOM HALE",
                "Written by: Ana Pereira|Ana Pereira"
            })
    void byline_lines_become_metadata(String line, String name) {
        assertThat(Boilerplate.byline(line)).contains(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"By the end of the week the ferry was full.", "Bystanders watched."})
    void sentences_starting_with_by_are_not_bylines(String line) {
        assertThat(Boilerplate.byline(line)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "14 March 2024",
                "Published 14 March 2024",
                "Updated: March 14, 2024 at 10:02",
                "Thursday 14 March 2024",
                "14th March 2024",
                "2024-03-14T09:30:00Z"
            })
    void date_lines_become_metadata(String line) {
        assertThat(Boilerplate.dateLine(line)).contains(LocalDate.of(2024, 3, 14));
    }
}
