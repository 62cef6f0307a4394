package org.lateral.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** A page takes the browser's first language Lateral has, keeping its region for dates. */
class LanguageChoiceTest {

    private final LanguageChoice choice = new LanguageChoice(
            new Translations(Map.of(Locale.ENGLISH, Map.of("a", "A"), Locale.of("es"), Map.of("a", "A")), null),
            new StaticListableBeanFactory().getBeanProvider(SavedLanguage.class));

    @Test
    void the_first_language_lateral_has_wins_with_its_region() {
        assertThat(choice.chosen(List.of(Locale.GERMAN, Locale.forLanguageTag("es-MX"), Locale.UK)))
                .contains(Locale.forLanguageTag("es-MX"));
        assertThat(choice.chosen(List.of(Locale.UK, Locale.of("es")))).contains(Locale.UK);
    }

    @Test
    void a_browser_asking_for_no_language_lateral_has_gets_the_default() {
        assertThat(choice.chosen(List.of(Locale.GERMAN, Locale.JAPANESE))).isEmpty();
        assertThat(choice.chosen(List.of())).isEmpty();
    }
}
