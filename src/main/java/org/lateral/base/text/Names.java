package org.lateral.base.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Cleans a name a person typed (a student's, a class's, a school's) before it is stored. Names
 * are shown to others, so invisible characters must not change how they read: bidirectional
 * overrides and isolates (which can make "evil.exe" display as "exe.live"), zero-width spaces
 * and joiners, other format characters and control characters are removed; any run of spaces
 * becomes one; the result is in Unicode NFC, so the same name typed on two keyboards is the
 * same string.
 */
public final class Names {

    /** Unicode "format" (Cf: bidi controls, zero-width characters, soft hyphen…) and "control" (Cc). */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Cc}&&[^\\t\\n\\r ]]");

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private Names() {}

    public static String clean(String typed) {
        String normalised = Normalizer.normalize(typed, Normalizer.Form.NFC);
        String visible = INVISIBLE.matcher(normalised).replaceAll("");
        return SPACES.matcher(visible).replaceAll(" ").strip();
    }
}
