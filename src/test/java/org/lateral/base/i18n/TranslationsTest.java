package org.lateral.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a text is found: language, then its bare language, then English; a school's own files. */
class TranslationsTest {

    private static final Locale SPANISH = Locale.of("es");

    private static final Map<Locale, Map<String, String>> BUILT_IN = Map.of(
            Locale.ENGLISH,
            Map.of("greeting", "Hello, {0}", "count", "{0,number,integer} marks", "only.english", "Only here"),
            SPANISH,
            Map.of("greeting", "Hola, {0}", "count", "{0,number,integer} marcas"));

    @TempDir
    Path languages;

    @Test
    void a_text_is_found_in_the_language_asked_for_with_its_arguments_filled_in() {
        Translations t = new Translations(BUILT_IN, null);

        assertThat(t.getTranslation("greeting", SPANISH, "Ana")).isEqualTo("Hola, Ana");
        assertThat(t.getTranslation("greeting", Locale.ENGLISH, "Ana")).isEqualTo("Hello, Ana");
    }

    @Test
    void numbers_follow_the_language() {
        Translations t = new Translations(BUILT_IN, null);

        assertThat(t.getTranslation("count", Locale.ENGLISH, 12000)).isEqualTo("12,000 marks");
        assertThat(t.getTranslation("count", SPANISH, 12000)).isEqualTo("12.000 marcas");
    }

    @Test
    void a_country_variant_uses_its_language_and_an_unknown_language_uses_english() {
        Translations t = new Translations(BUILT_IN, null);

        assertThat(t.language(Locale.forLanguageTag("es-MX"))).isEqualTo(SPANISH);
        assertThat(t.getTranslation("greeting", Locale.forLanguageTag("es-MX"), "Ana"))
                .isEqualTo("Hola, Ana");
        assertThat(t.language(Locale.GERMAN)).isEqualTo(Locale.ENGLISH);
        assertThat(t.getTranslation("greeting", Locale.GERMAN, "Ana")).isEqualTo("Hello, Ana");
    }

    @Test
    void a_text_a_language_lacks_is_shown_in_english_and_an_unknown_key_is_marked() {
        Translations t = new Translations(BUILT_IN, null);

        assertThat(t.getTranslation("only.english", SPANISH)).isEqualTo("Only here");
        assertThat(t.getTranslation("no.such.key", SPANISH)).isEqualTo("!no.such.key!");
    }

    @Test
    void english_comes_first_among_the_provided_languages() {
        Translations t = new Translations(BUILT_IN, null);

        assertThat(t.getProvidedLocales()).containsExactly(Locale.ENGLISH, SPANISH);
    }

    @Test
    void a_school_adds_a_language_with_one_file_in_the_languages_directory() throws Exception {
        Files.writeString(
                languages.resolve("translations_de.properties"),
                "greeting=Hallo, {0}\nnot.a.key=ignored\n",
                StandardCharsets.UTF_8);

        Translations t = new Translations(BUILT_IN, languages);

        assertThat(t.getProvidedLocales()).containsExactly(Locale.ENGLISH, Locale.GERMAN, SPANISH);
        assertThat(t.getTranslation("greeting", Locale.GERMAN, "Ana")).isEqualTo("Hallo, Ana");
        assertThat(t.getTranslation("count", Locale.GERMAN, 3)).isEqualTo("3 marks");
        assertThat(t.text("not.a.key", Locale.GERMAN)).isNull();
    }

    @Test
    void a_file_in_the_languages_directory_corrects_a_built_in_language_key_by_key() throws Exception {
        Files.writeString(
                languages.resolve("translations_es.properties"), "greeting=Buenas, {0}\n", StandardCharsets.UTF_8);

        Translations t = new Translations(BUILT_IN, languages);

        assertThat(t.getTranslation("greeting", SPANISH, "Ana")).isEqualTo("Buenas, Ana");
        assertThat(t.getTranslation("count", SPANISH, 2)).isEqualTo("2 marcas");
    }

    @Test
    void a_file_not_saved_as_utf8_or_badly_named_is_left_out_and_the_rest_still_loads() throws Exception {
        Files.write(
                languages.resolve("translations_fr.properties"),
                "greeting=Bonjour, {0} \u00e0 vous\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(languages.resolve("deutsch.properties"), "greeting=Hallo\n", StandardCharsets.UTF_8);
        Files.writeString(
                languages.resolve("translations_it.properties"), "greeting=Ciao, {0}\n", StandardCharsets.UTF_8);

        Translations t = new Translations(BUILT_IN, languages);

        assertThat(t.getProvidedLocales()).containsExactly(Locale.ENGLISH, SPANISH, Locale.ITALIAN);
    }

    @Test
    void the_browser_texts_come_by_prefix_with_english_where_the_language_lacks_one() {
        Translations t = new Translations(
                Map.of(
                        Locale.ENGLISH,
                        Map.of("highlighter.saved", "Saved", "highlighter.kind:document", "Document", "other", "x"),
                        SPANISH,
                        Map.of("highlighter.saved", "Guardado")),
                null);

        assertThat(t.withPrefix("highlighter.", SPANISH))
                .containsExactlyInAnyOrderEntriesOf(Map.of("saved", "Guardado", "kind:document", "Document"));
    }

    @Test
    void file_names_give_the_language() {
        assertThat(Translations.localeOf("translations.properties")).isEqualTo(Locale.ENGLISH);
        assertThat(Translations.localeOf("translations_es.properties")).isEqualTo(SPANISH);
        assertThat(Translations.localeOf("translations_pt_BR.properties")).isEqualTo(Locale.forLanguageTag("pt-BR"));
        assertThat(Translations.localeOf("messages_es.properties")).isNull();
    }

    @Test
    void the_built_in_files_load_from_the_classpath_with_english_and_spanish() {
        Translations t = new Translations("");

        assertThat(t.getProvidedLocales()).startsWith(Locale.ENGLISH).contains(SPANISH);
        assertThat(t.text("highlighter.saved", SPANISH)).isEqualTo("Guardado");
    }

    @Test
    void reading_refuses_bytes_that_are_not_utf8() {
        byte[] latin1 = "a=\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Translations.read(new ByteArrayInputStream(latin1)))
                .hasMessageContaining("UTF-8");
    }
}
