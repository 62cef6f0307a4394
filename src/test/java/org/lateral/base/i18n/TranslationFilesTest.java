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

    /** Counted nouns, by language: after the number 1 a text must use the singular. */
    private static final Map<Locale, Pattern> ONE_AND_A_PLURAL = Map.of(
            Locale.ENGLISH,
            Pattern.compile("(?<![\\d.,])1 (events|claims|sources|students|attempts|lessons|marks|assignments|articles"
                    + "|classes|teachers|accounts|outlets|words|days|hours|minutes|revisions|submissions|steps|spans"
                    + "|names|versions|packs|changes|codes|points)\\b"),
            Locale.forLanguageTag("es"),
            Pattern.compile("(?<![\\d.,])1 (eventos|afirmaciones|fuentes|estudiantes|intentos|lecciones|marcas|tareas"
                    + "|artículos|clases|docentes|cuentas|medios|palabras|días|horas|minutos|revisiones|entregas"
                    + "|pasos|fragmentos|nombres|versiones|paquetes|cambios|códigos|puntos)\\b"));

    /**
     * Counts a class sees every day (re-scored attempts, lessons submitted, students who found a
     * claim, a key's claims and sources). Other texts with a count (limits in refusals, retention
     * days, minutes and hours of the session rules, points gained) are not yet written with a
     * choice; the check lists them when this set is widened.
     */
    private static final Set<String> COUNTED = Set.of(
            "audit.page.info",
            "library.reader.key.heading",
            "library.keyEditor.copyable.pack",
            "library.keyEditor.copyable.colleague",
            "submission.hints.found",
            "submission.hints.foundMislabelled",
            "submission.compareFeedback.classHow",
            "submission.results.move.moved",
            "submission.results.keyChanged",
            "submission.results.withdrawn",
            "dashboard.dashboards.card.lessons",
            "dashboard.assignment.heatmap.claim",
            "dashboard.assignment.heatmap.source",
            "dashboard.assignment.unkeyed.intro",
            "dashboard.assignment.unkeyed.metaNoClaim",
            "dashboard.assignment.unkeyed.metaClaim",
            "dashboard.assignment.unkeyed.changed",
            "dashboard.assignment.distribution.summary",
            "dashboard.assignment.distribution.summaryMedian",
            "dashboard.school.summary.lessons");

    @Test
    void a_count_of_one_is_followed_by_the_singular() {
        assertThat(english.keySet()).containsAll(COUNTED);
        Set<String> wrong = new TreeSet<>();
        for (var language : translations.languages().entrySet()) {
            Pattern plural = ONE_AND_A_PLURAL.get(language.getKey());
            assertThat(plural).as("counted nouns of %s", language.getKey()).isNotNull();
            for (var text : language.getValue().entrySet()) {
                if (!COUNTED.contains(text.getKey())) {
                    continue;
                }
                int arguments = placeholders(INDEXED, text.getValue()).stream()
                                .mapToInt(Integer::parseInt)
                                .max()
                                .orElse(-1)
                        + 1;
                if (arguments == 0) {
                    continue;
                }
                Object[] ones = new Object[arguments];
                java.util.Arrays.fill(ones, 1);
                String shown;
                try {
                    shown = new MessageFormat(text.getValue(), language.getKey()).format(ones);
                } catch (IllegalArgumentException notANumber) {
                    continue; // a date or time placeholder: not a count
                }
                Matcher m = plural.matcher(shown);
                if (m.find()) {
                    wrong.add(language.getKey() + " " + text.getKey() + ": …" + m.group() + "…");
                }
            }
        }
        assertThat(wrong)
                .as("texts that say \"1\" and then a plural; write {0,choice,1#1 claim|1<{0} claims}")
                .isEmpty();
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
