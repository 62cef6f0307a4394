package org.lateral.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every text Lateral shows, in every language it has (DD034). English is built in and complete;
 * other languages are files named {@code translations_<language>.properties}: built in under
 * {@code vaadin-i18n/} on the classpath (Spanish), or dropped by a school into the languages
 * directory ({@code LATERAL_LANGUAGES_DIR}, by default {@code languages/} in the data directory),
 * where a file also corrects a built-in language key by key. A key a language lacks is shown in
 * English, never as a blank or a key name; files are read once at start.
 *
 * <p>Values are {@link MessageFormat} patterns ({@code {0}} is the first argument); they never
 * contain an ASCII apostrophe (which MessageFormat would take as a quote and swallow text): texts
 * use the typographic ’, and {@code TranslationFilesTest} fails on a ' in any file. Keys under
 * {@code highlighter.} are sent to the browser as they are, with the highlighter's own {@code {name}}
 * placeholders.
 */
@Component
public class Translations implements I18NProvider {

    /** The language every other one falls back to. */
    public static final Locale ENGLISH = Locale.ENGLISH;

    static final String FOLDER = "vaadin-i18n";
    private static final Pattern FILE = Pattern.compile("translations(?:_([A-Za-z0-9_]+))?\\.properties");
    private static final Logger log = LoggerFactory.getLogger(Translations.class);

    /** English first, then the other languages by tag. */
    private final Map<Locale, Map<String, String>> languages;

    private final List<Locale> provided;
    private final Set<String> reportedMissing = ConcurrentHashMap.newKeySet();

    @Autowired
    Translations(@Value("${lateral.languages-dir:}") String languagesDir) {
        this(builtIn(), languagesDir.isBlank() ? null : Path.of(languagesDir));
    }

    Translations(Map<Locale, Map<String, String>> builtIn, @Nullable Path languagesDir) {
        Map<Locale, Map<String, String>> all = new TreeMap<>(Comparator.comparing(Locale::toLanguageTag));
        builtIn.forEach((locale, texts) -> all.put(locale, new LinkedHashMap<>(texts)));
        if (!all.containsKey(ENGLISH)) {
            throw new IllegalStateException("The English texts (" + FOLDER + "/translations.properties) are missing");
        }
        if (languagesDir != null && Files.isDirectory(languagesDir)) {
            addFrom(languagesDir, all);
        }
        Map<Locale, Map<String, String>> ordered = new LinkedHashMap<>();
        ordered.put(ENGLISH, Collections.unmodifiableMap(all.remove(ENGLISH)));
        all.forEach((locale, texts) -> ordered.put(locale, Collections.unmodifiableMap(texts)));
        this.languages = Collections.unmodifiableMap(ordered);
        this.provided = List.copyOf(ordered.keySet());
    }

    /**
     * The English text of a key with its arguments, outside any page (the English message of a
     * refusal, for logs); the built-in file only.
     */
    public static String english(String key, Object... params) {
        String pattern = EnglishTexts.TEXTS.get(key);
        return pattern == null ? "!" + key + "!" : new MessageFormat(pattern, ENGLISH).format(params);
    }

    /** Read on first use: the built-in English file. */
    private static final class EnglishTexts {
        static final Map<String, String> TEXTS = builtIn().getOrDefault(ENGLISH, Map.of());
    }

    /** Lateral's translations as the Vaadin service knows them (none in a test without Spring). */
    public static Optional<Translations> of(VaadinService service) {
        return service.getInstantiator().getI18NProvider() instanceof Translations t
                ? Optional.of(t)
                : Optional.empty();
    }

    /** English first (Vaadin's default for a browser asking for none of them), then the others. */
    @Override
    public List<Locale> getProvidedLocales() {
        return provided;
    }

    @Override
    public String getTranslation(String key, @Nullable Locale locale, Object... params) {
        String pattern = text(key, locale);
        if (pattern == null) {
            if (reportedMissing.add(key)) {
                log.warn("No English text for the key '{}'", key);
            }
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, language(locale)).format(params);
    }

    /** The text of a key as written in the file (English if the language lacks it), unformatted. */
    public @Nullable String text(String key, @Nullable Locale locale) {
        String text = languages.get(language(locale)).get(key);
        return text != null ? text : languages.get(ENGLISH).get(key);
    }

    /**
     * Every text whose key starts with the prefix, the prefix taken off, in the given language with
     * English for what it lacks: the browser-side components' labels.
     */
    public Map<String, String> withPrefix(String prefix, @Nullable Locale locale) {
        Map<String, String> texts = new TreeMap<>();
        Stream.of(languages.get(ENGLISH), languages.get(language(locale)))
                .forEach(each -> each.forEach((k, v) -> {
                    if (k.startsWith(prefix)) {
                        texts.put(k.substring(prefix.length()), v);
                    }
                }));
        return texts;
    }

    /** The provided language closest to the one asked for: same language and country, same language, English. */
    public Locale language(@Nullable Locale locale) {
        if (locale == null) {
            return ENGLISH;
        }
        if (languages.containsKey(locale)) {
            return locale;
        }
        Locale bare = Locale.of(locale.getLanguage());
        return languages.containsKey(bare) ? bare : ENGLISH;
    }

    /** The texts as loaded, per language (for the tests that compare languages). */
    Map<Locale, Map<String, String>> languages() {
        return languages;
    }

    private static Map<Locale, Map<String, String>> builtIn() {
        Map<Locale, Map<String, String>> found = new LinkedHashMap<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver(Translations.class.getClassLoader())
                    .getResources("classpath*:" + FOLDER + "/translations*.properties");
            for (Resource file : files) {
                Locale locale = localeOf(file.getFilename());
                if (locale != null) {
                    try (InputStream in = file.getInputStream()) {
                        found.put(locale, read(in));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("The built-in texts cannot be read", e);
        }
        return found;
    }

    private static void addFrom(Path dir, Map<Locale, Map<String, String>> all) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(dir)) {
            listing.filter(Files::isRegularFile).sorted().forEach(files::add);
        } catch (IOException e) {
            log.error("The languages directory {} cannot be read: {}", dir, e.getMessage());
            return;
        }
        for (Path file : files) {
            Locale locale = localeOf(file.getFileName().toString());
            if (locale == null) {
                log.warn(
                        "Ignored {} in the languages directory: its name is not translations_<language>.properties",
                        file);
                continue;
            }
            Map<String, String> texts;
            try (InputStream in = Files.newInputStream(file)) {
                texts = read(in);
            } catch (IOException | IllegalArgumentException e) {
                // One broken file must not keep a school's Lateral from starting: its language
                // is left out, and the log says which file and why.
                log.error("Ignored {}: {}", file, e.getMessage());
                continue;
            }
            Set<String> known = all.get(ENGLISH).keySet();
            long unknown =
                    texts.keySet().stream().filter(k -> !known.contains(k)).count();
            texts.keySet().retainAll(known);
            all.computeIfAbsent(locale, l -> new LinkedHashMap<>()).putAll(texts);
            long missing =
                    known.stream().filter(k -> !all.get(locale).containsKey(k)).count();
            log.info(
                    "Language {} from {}: {} texts{}{}",
                    locale.toLanguageTag(),
                    file,
                    texts.size(),
                    missing > 0 ? ", " + missing + " shown in English" : "",
                    unknown > 0 ? ", " + unknown + " unknown keys ignored" : "");
        }
    }

    /** {@code translations_es.properties} → es; {@code translations_pt_BR.properties} → pt-BR; the English file → en. */
    static @Nullable Locale localeOf(@Nullable String fileName) {
        if (fileName == null) {
            return null;
        }
        Matcher m = FILE.matcher(fileName);
        if (!m.matches()) {
            return null;
        }
        if (m.group(1) == null) {
            return ENGLISH;
        }
        Locale locale = Locale.forLanguageTag(m.group(1).replace('_', '-'));
        return locale.getLanguage().isEmpty() ? null : locale;
    }

    /** Reads a properties file as UTF-8, refusing bytes that are not (a file saved as Latin-1 would show mojibake). */
    static Map<String, String> read(InputStream in) throws IOException {
        Properties p = new Properties();
        try (Reader reader = new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            p.load(reader);
        } catch (CharacterCodingException e) {
            throw new IOException("not saved as UTF-8", e);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> texts.put(k, p.getProperty(k)));
        return texts;
    }
}
