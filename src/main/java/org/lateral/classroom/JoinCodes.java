package org.lateral.classroom;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Class join codes: 10 characters from 32 symbols without the look-alikes 0/O and 1/I, drawn
 * with {@link SecureRandom}: 50 bits. Students may type them in lower case, with spaces or a
 * dash; {@link #normalise} accepts all of that. Uniqueness is the database's job (a unique
 * index); the service retries on a collision.
 */
public final class JoinCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCodes() {}

    static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as stored, or empty when what was typed cannot be a join code. */
    public static Optional<String> normalise(String typed) {
        String code = typed.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (code.length() != LENGTH) {
            return Optional.empty();
        }
        for (char c : code.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(code);
    }

    /** For reading aloud and projecting: ABCDE-FGHJK. */
    public static String display(String code) {
        return code.substring(0, 5) + "-" + code.substring(5);
    }
}
