package org.lateral.base.i18n;

import com.vaadin.flow.component.Component;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A sentence made where the reader's language is not known (a service's list of what a draft
 * still lacks, an import's report), carried as its translation key and arguments and worded by
 * the page that shows it (DD034). {@code TranslationFilesTest} checks the keys of {@code of}.
 *
 * <p>An argument that is itself a {@code KeyedText} or a {@link Labelled} value is worded in the
 * same language, so a sentence can hold another ("You did not say where … got it. First-hand: …")
 * or a translated name without the service knowing the language.
 */
public record KeyedText(String key, List<Object> args) {

    public KeyedText {
        args = List.copyOf(args);
    }

    public static KeyedText of(String key, Object... args) {
        return new KeyedText(key, Arrays.asList(args));
    }

    /** The text in the language of the page the component is on. */
    public String in(Component page) {
        return page.getTranslation(key, worded(t -> t.in(page), k -> page.getTranslation(k)));
    }

    /** The English text, for logs and files that are English only. */
    public String english() {
        return Translations.english(key, worded(KeyedText::english, k -> Translations.english(k)));
    }

    private Object[] worded(Function<KeyedText, String> text, Function<String, String> label) {
        return args.stream()
                .map(a -> a instanceof KeyedText t
                        ? text.apply(t)
                        : a instanceof Labelled l ? label.apply(l.labelKey()) : a)
                .toArray();
    }
}
