package org.lateral.classroom;

import com.nulabinc.zxcvbn.StandardDictionaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;

/**
 * The list of common passwords NIST SP 800-63B asks us to refuse: the roughly 30,000 most
 * common passwords from the zxcvbn project's dictionary, bundled in its jar (MIT licence).
 * Compared case-insensitively, so "Password1" is as common as "password1".
 */
final class CommonPasswords {

    private static final Set<String> LIST = load();

    private CommonPasswords() {}

    static boolean contains(String password) {
        return LIST.contains(password.toLowerCase(Locale.ROOT));
    }

    static int size() {
        return LIST.size();
    }

    private static Set<String> load() {
        try {
            return Set.copyOf(StandardDictionaries.PASSWORDS_LOADER
                    .load()
                    .getRankedDictionary()
                    .keySet());
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled common-password list could not be read", e);
        }
    }
}
