package org.lateral.classroom;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Usernames are stored lower-case and are what people type to sign in, so they stay simple:
 * 3 to 40 letters, digits, dots, dashes or underscores, starting with a letter or digit. The
 * database enforces the same pattern.
 */
public final class Usernames {

    private static final Pattern VALID = Pattern.compile("^[a-z0-9][a-z0-9._-]{2,39}$");

    private Usernames() {}

    public static String normalise(String username) {
        String normalised = username.strip().toLowerCase(Locale.ROOT);
        problem(normalised).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return normalised;
    }

    /** Why a username cannot be used, in words a student understands, or empty when it can. */
    public static Optional<String> problem(String username) {
        String u = username.strip().toLowerCase(Locale.ROOT);
        if (u.length() < 3) {
            return Optional.of("A username needs at least 3 characters.");
        }
        if (u.length() > 40) {
            return Optional.of("A username can have at most 40 characters.");
        }
        if (!VALID.matcher(u).matches()) {
            return Optional.of(
                    "Use only letters a–z, digits, dots, dashes and underscores, and start with a letter or digit.");
        }
        return Optional.empty();
    }
}
