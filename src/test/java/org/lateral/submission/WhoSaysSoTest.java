package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lateral.library.SourceKind;

/** How feedback explains where the article's outlet got what a source says (DD000). */
class WhoSaysSoTest {

    @Test
    void an_outlet_whose_report_was_read_is_a_primary_source() {
        assertThat(new ClaimReview.Source("The Daily Mail", SourceKind.MEDIA_OUTLET, true, null, null, "The Frisky")
                        .origin()
                        .english())
                .isEqualTo("primary: The Frisky read its report itself.");
    }

    @Test
    void a_secondary_source_names_the_outlet_it_came_through() {
        assertThat(new ClaimReview.Source(
                                "Abu Khaled (a pseudonym)",
                                SourceKind.PSEUDONYMOUS,
                                false,
                                "The Daily Mail",
                                null,
                                "The Frisky")
                        .origin()
                        .english())
                .isEqualTo("secondary: it reached The Frisky through The Daily Mail.");
    }

    @Test
    void other_primary_sources_are_cited_with_no_outlet_between_and_a_document_was_read() {
        assertThat(new ClaimReview.Source(
                                "The Russian General Staff",
                                SourceKind.OFFICIAL_BODY,
                                true,
                                null,
                                null,
                                "Sputnik International")
                        .origin()
                        .english())
                .isEqualTo("primary: Sputnik International cites it directly, with no other outlet in between.");
        assertThat(new ClaimReview.Source(
                                "Briefing prepared for the European Parliament",
                                SourceKind.DOCUMENT,
                                true,
                                null,
                                null,
                                "New Eastern Outlook")
                        .origin()
                        .english())
                .isEqualTo("primary: New Eastern Outlook read the document itself.");
    }
}
