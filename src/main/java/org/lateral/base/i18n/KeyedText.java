package org.lateral.base.i18n;

import com.vaadin.flow.component.Component;
import java.util.Arrays;
import java.util.List;

/**
 * A sentence made where the reader's language is not known (a service's list of what a draft
 * still lacks, an import's report), carried as its translation key and arguments and worded by
 * the page that shows it (DD034). {@code TranslationFilesTest} checks the keys of {@code of}.
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
        return page.getTranslation(key, args.toArray());
    }

    /** The English text, for logs and files that are English only. */
    public String english() {
        return Translations.english(key, args.toArray());
    }
}
