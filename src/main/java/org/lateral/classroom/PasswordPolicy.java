package org.lateral.classroom;

import java.util.Locale;
import java.util.Optional;
import org.lateral.base.UserFacingException;

/**
 * Password rules after NIST SP 800-63B: length matters, composition rules do not. At least 8
 * characters and up to 128 (so passphrases fit); never the username; never one of the common
 * passwords attackers try first ({@link CommonPasswords}).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {}

    /**
     * Why this password is refused, as a refusal the page words in its language (DD034), or empty
     * when it is acceptable.
     */
    public static Optional<UserFacingException> problem(String password, String username) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(UserFacingException.of("classroom.refusal.password.tooShort", MIN_LENGTH));
        }
        if (length > MAX_LENGTH) {
            return Optional.of(UserFacingException.of("classroom.refusal.password.tooLong", MAX_LENGTH));
        }
        if (password.strip().toLowerCase(Locale.ROOT).equals(username.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of(UserFacingException.of("classroom.refusal.password.isUsername"));
        }
        if (CommonPasswords.contains(password)) {
            return Optional.of(UserFacingException.of("classroom.refusal.password.common"));
        }
        return Optional.empty();
    }
}
