package org.lateral.base;

import com.vaadin.flow.component.UI;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.lateral.base.i18n.Translations;

/**
 * A request refused for a reason the user can act on; nothing was changed. Its text is written for
 * the person in front of the screen (often a student).
 *
 * <p>Made with {@link #of(String, Object...)} it carries a translation key and its arguments
 * (DD034): {@link #getLocalizedMessage()} is the text in the language of the page being served
 * and {@link #getMessage()} the English one, for logs. The constructor with a whole sentence is
 * English only.
 */
public class UserFacingException extends RuntimeException {

    private final @Nullable String key;
    private final Object[] args;

    public UserFacingException(String message) {
        super(message);
        this.key = null;
        this.args = new Object[0];
    }

    /** For subclasses refusing with a translation key. */
    protected UserFacingException(String key, Object[] args) {
        super(Translations.english(key, args));
        this.key = key;
        this.args = args.clone();
    }

    /** A refusal whose text is the translation of {@code key} with these arguments. */
    public static UserFacingException of(String key, Object... args) {
        return new UserFacingException(key, args);
    }

    /** The translation key, if the text has one. */
    public @Nullable String key() {
        return key;
    }

    public Object[] args() {
        return Arrays.copyOf(args, args.length);
    }

    /** The text in the language of the page being served (English outside a page). */
    @Override
    public String getLocalizedMessage() {
        if (key == null) {
            return String.valueOf(getMessage());
        }
        UI ui = UI.getCurrent();
        return ui == null ? String.valueOf(getMessage()) : ui.getTranslation(key, args);
    }

    /** The text in the given language. */
    public String messageIn(Locale language, Translations translations) {
        return key == null ? String.valueOf(getMessage()) : translations.getTranslation(key, language, args);
    }
}
