package org.lateral.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text in the audit trail is one line: control and invisible characters are encoded. */
class AuditTextTest {

    @Test
    void line_breaks_controls_and_bidi_overrides_are_encoded_and_a_backslash_is_doubled() {
        assertThat(AuditText.clean("a\r\nFAKE\t\u001b[31m\u202e\u200b\\u000a", 300))
                .isEqualTo("a\\u000d\\u000aFAKE\\u0009\\u001b[31m\\u202e\\u200b\\\\u000a")
                .doesNotContain("\r")
                .doesNotContain("\n");
    }

    @Test
    void long_text_is_cut_with_an_ellipsis_and_never_splits_an_escape() {
        String cut = AuditText.clean("x".repeat(10) + "\n", 12);
        assertThat(cut).isEqualTo("x".repeat(10) + "\u2026");
        assertThat(AuditText.clean("é漢😀", 20)).isEqualTo("é漢😀");
        assertThat(AuditText.clean(null, 5)).isEmpty();
    }
}
