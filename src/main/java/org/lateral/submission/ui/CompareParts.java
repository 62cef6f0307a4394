package org.lateral.submission.ui;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Words for the compare step's codes (DD015), shared by the teacher's pages. */
final class CompareParts {

    private CompareParts() {}

    /** "as fact", "attributed", "hedged", "absent" for a carriage code; "not answered" for none. */
    static String carriage(@Nullable String code) {
        if (code == null) {
            return "not answered";
        }
        return switch (code) {
            case "fact" -> "as fact";
            case "attributed" -> "attributed";
            case "hedged" -> "hedged";
            case "absent" -> "absent";
            default -> code;
        };
    }

    /** A category code in words: "sensational", "relay"; "not answered" for none. */
    static String category(@Nullable String code) {
        return code == null ? "not answered" : code.toLowerCase(Locale.ROOT);
    }
}
