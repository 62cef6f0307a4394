package org.lateral.library;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.lateral.base.i18n.KeyedText;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The sentence an importer reads when the database refused a pack the reader had accepted (a
 * CHECK, a foreign key, a text too long: DD020). It names the rule that failed in words and never
 * shows the database's own message, which can quote a whole row.
 */
final class StorageRefusal {

    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([a-z0-9_]+)\"");

    private StorageRefusal() {}

    static KeyedText sentence(DataIntegrityViolationException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof SQLException sql) {
            return sentence(sql.getSQLState(), sql.getMessage());
        }
        return sentence(null, null);
    }

    /**
     * From the SQLSTATE and the database's message (only a constraint's name is taken from it),
     * worded by the page that shows it (DD034).
     */
    static KeyedText sentence(@Nullable String sqlState, @Nullable String message) {
        String state = sqlState == null ? "" : sqlState;
        return switch (state) {
            case "22001" -> KeyedText.of("library.packs.storage.textTooLong");
            case "23514" -> {
                String rule = constraint(message);
                yield rule == null
                        ? KeyedText.of("library.packs.storage.check")
                        : KeyedText.of("library.packs.storage.checkNamed", rule);
            }
            case "23503" -> KeyedText.of("library.packs.storage.reference");
            case "23505" -> KeyedText.of("library.packs.storage.duplicate");
            case "23502" -> KeyedText.of("library.packs.storage.missing");
            default ->
                state.startsWith("22")
                        ? KeyedText.of("library.packs.storage.form")
                        : KeyedText.of("library.packs.storage.other");
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
