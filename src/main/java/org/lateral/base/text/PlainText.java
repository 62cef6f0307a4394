package org.lateral.base.text;

/**
 * Free text as PostgreSQL can store it. Its {@code text} type cannot hold U+0000 (the insert fails
 * with a database error); no keyboard types it, but a script calling the server can send it, and
 * bad input must end in a refusal or a save, never a server error. Dropping the character keeps
 * everything a person could have meant.
 */
public final class PlainText {

    private PlainText() {}

    /** The text without U+0000. */
    public static String storable(String text) {
        return text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
    }
}
