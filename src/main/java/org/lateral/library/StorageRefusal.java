package org.lateral.library;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The sentence an importer reads when the database refused a pack the reader had accepted (a
 * CHECK, a foreign key, a text too long: DD020). It names the rule that failed in words and never
 * shows the database's own message, which can quote a whole row.
 */
final class StorageRefusal {

    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([a-z0-9_]+)\"");

    private StorageRefusal() {}

    static String sentence(DataIntegrityViolationException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof SQLException sql) {
            return sentence(sql.getSQLState(), sql.getMessage());
        }
        return sentence(null, null);
    }

    /** From the SQLSTATE and the database's message (only a constraint's name is taken from it). */
    static String sentence(@Nullable String sqlState, @Nullable String message) {
        return "The pack has a value Lateral cannot store (" + reason(sqlState, message) + ").";
    }

    private static String reason(@Nullable String sqlState, @Nullable String message) {
        String state = sqlState == null ? "" : sqlState;
        return switch (state) {
            case "22001" -> "a text is longer than Lateral allows";
            case "23514" -> {
                String rule = constraint(message);
                yield rule == null
                        ? "a value is too long, or not in a form Lateral accepts"
                        : rule + ": too long, or not in a form Lateral accepts";
            }
            case "23503" -> "it refers to something that is not in the library";
            case "23505" -> "two items have the same identity";
            case "23502" -> "a value that must be there is missing";
            default ->
                state.startsWith("22")
                        ? "a value is not in a form Lateral accepts"
                        : "the database refused one of its items";
        };
    }

    /** The failed constraint's name as words, e.g. "article version byline" for article_version_byline_check. */
    private static @Nullable String constraint(@Nullable String message) {
        if (message == null) {
            return null;
        }
        Matcher m = CONSTRAINT.matcher(message);
        if (!m.find()) {
            return null;
        }
        return m.group(1).replaceAll("_check$", "").replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
