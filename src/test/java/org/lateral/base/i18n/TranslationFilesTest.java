package org.lateral.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The built-in languages are complete and every text is used (DD034): a key the code asks for
 * that a language lacks, or a key no code asks for, fails here rather than showing a student
 * English in a Spanish page or leaving dead text for translators.
 *
 * <p>A key counts as used when it appears as a string literal in the main sources (views ask
 * with {@code getTranslation("key")}, services refuse with {@code UserFacingException.of("key")},
 * access rules with {@code notFound = "key"}); the {@code highlighter.} and {@code compareWork.}
 * keys are the browser's, used exactly when the component's labels.js has them.
 */
class TranslationFilesTest {

    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Path HIGHLIGHTER_LABELS = Path.of("frontend", "claim-highlighter", "labels.js");
    private static final String HIGHLIGHTER = "highlighter.";
    private static final Path COMPARE_WORK_LABELS = Path.of("frontend", "compare-work", "labels.js");
    private static final String COMPARE_WORK = "compareWork.";
    private static final Pattern ASKED = Pattern.compile(
            "(?:(?:getTranslation|UserFacingException\\.of|Translations\\.english|KeyedText\\.of)\\(|notFound\\s*=)\\s*\"([^\"]+)\"");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9-]*(?:\\.[A-Za-z0-9:-]+)+)\"");
    private static final Pattern INDEXED = Pattern.compile("\\{(\\d+)[,}]");
    private static final Pattern NAMED = Pattern.compile("\\{(\\w+)}");

    private final Translations translations = new Translations("");
    private final Map<String, String> english = translations.languages().get(Locale.ENGLISH);

    @Test
    void every_built_in_language_has_exactly_the_english_keys() {
        for (var language : translations.languages().entrySet()) {
            Set<String> missing = new TreeSet<>(english.keySet());
            missing.removeAll(language.getValue().keySet());
            Set<String> extra = new TreeSet<>(language.getValue().keySet());
            extra.removeAll(english.keySet());
            assertThat(missing).as("keys %s lacks", language.getKey()).isEmpty();
            assertThat(extra)
                    .as("keys %s has that English has not", language.getKey())
                    .isEmpty();
        }
    }

    @Test
    void every_key_the_code_asks_for_exists() throws IOException {
        Set<String> asked = new TreeSet<>();
        for (String source : mainSources().values()) {
            Matcher m = ASKED.matcher(source);
            while (m.find()) {
                asked.add(m.group(1));
            }
        }
        asked.removeAll(english.keySet());
        assertThat(asked)
                .as("keys asked for that translations.properties lacks")
                .isEmpty();
    }

    @Test
    void every_shown_value_of_a_labelled_enum_has_its_text() {
        Set<String> missing = new TreeSet<>(labelledKeys());
        missing.removeAll(english.keySet());
        assertThat(missing)
                .as("keys of Labelled values that translations.properties lacks")
                .isEmpty();
    }

    @Test
    void every_key_is_used() throws IOException {
        Set<String> literals = new TreeSet<>(labelledKeys());
        for (String source : mainSources().values()) {
            Matcher m = LITERAL.matcher(source);
            while (m.find()) {
                literals.add(m.group(1));
            }
        }
        Set<String> unused = english.keySet().stream()
                .filter(k -> !browsers(k))
                .filter(k -> !literals.contains(k))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unused).as("keys no code uses").isEmpty();
    }

    @Test
    void the_highlighter_keys_are_exactly_the_labels_of_the_browser_component() throws IOException {
        assertThat(keysUnder(HIGHLIGHTER)).isEqualTo(labelsJsKeys(HIGHLIGHTER_LABELS));
    }

    @Test
    void the_compare_work_keys_are_exactly_the_labels_of_the_browser_component() throws IOException {
        assertThat(keysUnder(COMPARE_WORK)).isEqualTo(labelsJsKeys(COMPARE_WORK_LABELS));
    }

    private Set<String> keysUnder(String prefix) {
        return english.keySet().stream()
                .filter(k -> k.startsWith(prefix))
                .map(k -> k.substring(prefix.length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A key the browser reads (named placeholders, no MessageFormat). */
    private static boolean browsers(String key) {
        return key.startsWith(HIGHLIGHTER) || key.startsWith(COMPARE_WORK);
    }

    @Test
    void a_translation_keeps_the_placeholders_of_the_english_text() {
        for (var language : translations.languages().entrySet()) {
            language.getValue().forEach((key, text) -> {
                Pattern placeholder = browsers(key) ? NAMED : INDEXED;
                assertThat(placeholders(placeholder, text))
                        .as("placeholders of %s in %s", key, language.getKey())
                        .isEqualTo(placeholders(placeholder, english.get(key)));
            });
        }
    }

    @Test
    void no_text_has_an_ascii_apostrophe_and_every_one_is_a_valid_pattern() {
        for (var language : translations.languages().entrySet()) {
            language.getValue().forEach((key, text) -> {
                assertThat(text)
                        .as("%s in %s: write ’, not ' (MessageFormat would swallow text)", key, language.getKey())
                        .doesNotContain("'");
                if (!browsers(key)) {
                    new MessageFormat(text, language.getKey());
                }
            });
        }
    }

    /** The keys of every constant of every enum that is {@link Labelled}. */
    private static Set<String> labelledKeys() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Labelled.class));
        Set<String> keys = new TreeSet<>();
        for (BeanDefinition found : scanner.findCandidateComponents("org.lateral")) {
            try {
                Class<?> type = Class.forName(found.getBeanClassName());
                if (type.isEnum()) {
                    for (Object constant : type.getEnumConstants()) {
                        keys.add(((Labelled) constant).labelKey());
                    }
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return keys;
    }

    private static Set<String> placeholders(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The keys of DEFAULT_LABELS in a labels.js: one per line, bare or quoted. */
    private static Set<String> labelsJsKeys(Path labelsJs) throws IOException {
        String js = Files.readString(labelsJs, StandardCharsets.UTF_8);
        int start = js.indexOf("DEFAULT_LABELS = Object.freeze({");
        int end = js.indexOf("\n});", start);
        assertThat(start).as("DEFAULT_LABELS in labels.js").isPositive();
        Set<String> keys = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\s+(?:'([^']+)'|([A-Za-z_]\\w*)):").matcher(js.substring(start, end));
        while (m.find()) {
            keys.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return keys;
    }

    private static Map<Path, String> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toMap(p -> p, p -> {
                try {
                    return Files.readString(p, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }
}
