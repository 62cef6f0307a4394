package org.lateral.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sentence for a pack the database refused names the broken rule in words, never the row. */
class StorageRefusalTest {

    @Test
    void a_check_names_its_field_and_leaves_the_row_out() {
        String message = "ERROR: new row for relation \"article_version\" violates check constraint "
                + "\"article_version_byline_check\"\n  Detail: Failing row contains (secret text)";
        assertThat(StorageRefusal.sentence("23514", message).english())
                .isEqualTo("The pack has a value Lateral cannot store (article version byline: too long, "
                        + "or not in a form Lateral accepts).")
                .doesNotContain("secret");
    }

    @Test
    void other_refusals_get_a_reason_of_their_kind() {
        assertThat(StorageRefusal.sentence("22001", "value too long for type character varying(20)")
                        .english())
                .isEqualTo("The pack has a value Lateral cannot store (a text is longer than Lateral allows).");
        assertThat(StorageRefusal.sentence("23503", "violates foreign key constraint \"x_fkey\"")
                        .english())
                .contains("(it refers to something that is not in the library)");
        assertThat(StorageRefusal.sentence("23505", null).english()).contains("(two items have the same identity)");
        assertThat(StorageRefusal.sentence("23502", null).english())
                .contains("(a value that must be there is missing)");
        assertThat(StorageRefusal.sentence("22P02", null).english())
                .contains("(a value is not in a form Lateral accepts)");
        assertThat(StorageRefusal.sentence(null, null).english()).contains("(the database refused one of its items)");
    }
}
