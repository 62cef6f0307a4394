package org.lateral.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lateral.base.UserFacingException;

/** A refusal made with a key is English in the log and in the reader's language on the page. */
class UserFacingTextTest {

    @Test
    void a_refusal_by_key_is_english_as_a_message_and_translated_for_a_language() {
        Translations translations = new Translations(
                Map.of(
                        Locale.ENGLISH,
                        Map.of("highlighter.saved", "Saved"),
                        Locale.of("es"),
                        Map.of("highlighter.saved", "Guardado")),
                null);

        UserFacingException refusal = UserFacingException.of("highlighter.saved");

        assertThat(refusal.getMessage()).isEqualTo("Saved");
        assertThat(refusal.getLocalizedMessage()).as("outside a page").isEqualTo("Saved");
        assertThat(refusal.messageIn(Locale.of("es"), translations)).isEqualTo("Guardado");
        assertThat(refusal.key()).isEqualTo("highlighter.saved");
    }

    @Test
    void a_refusal_written_as_a_sentence_stays_as_written() {
        UserFacingException refusal = new UserFacingException("That class is archived.");

        assertThat(refusal.getLocalizedMessage()).isEqualTo("That class is archived.");
        assertThat(refusal.messageIn(Locale.of("es"), new Translations(Map.of(Locale.ENGLISH, Map.of()), null)))
                .isEqualTo("That class is archived.");
        assertThat(refusal.key()).isNull();
    }

    @Test
    void english_outside_a_page_fills_in_the_arguments() {
        assertThat(Translations.english("highlighter.saved")).isEqualTo("Saved");
        assertThat(Translations.english("no.such.key")).isEqualTo("!no.such.key!");
    }
}
