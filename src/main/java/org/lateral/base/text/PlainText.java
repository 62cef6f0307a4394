package org.lateral.base.text;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Free text as PostgreSQL can store it. Its {@code text} type cannot hold U+0000 (the insert fails
 * with a database error); no keyboard types it, but a script calling the server can send it, and
 * bad input must end in a refusal or a save, never a server error. Dropping the character keeps
 * everything a person could have meant.
 */
public final class PlainText {

    /**
     * An escaped U+0000 in JSON text: a backslash that is not itself escaped (an even run of
     * backslashes before it), then {@code u0000}. PostgreSQL's jsonb refuses it like text does.
     */
    private static final Pattern JSON_NUL = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");

    private PlainText() {}

    /** Whether any of the texts holds U+0000 (for inputs that refuse it rather than drop it). */
    public static boolean hasNul(@Nullable String... texts) {
        for (String text : texts) {
            if (text != null && text.indexOf('\u0000') >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The text without U+0000. */
    public static String storable(String text) {
        return text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
    }

    /** JSON text (as Jackson writes it) without escaped U+0000 in its strings, for a jsonb column. */
    public static String storableJson(String json) {
        return json.contains("\\u0000") ? JSON_NUL.matcher(json).replaceAll("$1") : json;
    }
}
