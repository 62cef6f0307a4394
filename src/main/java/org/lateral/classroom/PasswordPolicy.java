package org.lateral.classroom;

import java.util.Locale;
import java.util.Optional;

/**
 * Password rules after NIST SP 800-63B: length matters, composition rules do not. At least 8
 * characters and up to 128 (so passphrases fit); never the username; never one of the common
 * passwords attackers try first ({@link CommonPasswords}).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {}

    /** Why this password is refused, in plain words, or empty when it is acceptable. */
    public static Optional<String> problem(String password, String username) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters. A short sentence is easy to remember.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        if (password.strip().toLowerCase(Locale.ROOT).equals(username.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("Your password must not be your username.");
        }
        if (CommonPasswords.contains(password)) {
            return Optional.of(
                    "That password is on the list of passwords people use most often, so it is easy to guess. "
                            + "Choose another one.");
        }
        return Optional.empty();
    }
}
