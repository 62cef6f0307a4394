package org.lateral.classroom;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.lateral.base.UserFacingException;

/**
 * Usernames are stored lower-case and are what people type to sign in, so they stay simple:
 * 3 to 40 letters, digits, dots, dashes or underscores, starting with a letter or digit. The
 * database enforces the same pattern.
 */
public final class Usernames {

    private static final Pattern VALID = Pattern.compile("^[a-z0-9][a-z0-9._-]{2,39}$");

    /** The longest username made from a name, leaving room for "-2" … "-99999" to tell apart. */
    static final int LONGEST_FROM_NAME = 34;

    private Usernames() {}

    /**
     * A username made from a person's name, before it is checked for being free: the name's
     * letters in Latin, lower-case, words joined by dots ("Ana López" to ana.lopez, "王小明" to
     * wang.xiao.ming, "Иван Петров" to ivan.petrov). A name that leaves fewer than three letters
     * becomes "student" (with what it left: "student.li"), so a username is made for every name.
     */
    public static String fromName(String name) {
        String latin = name.chars().allMatch(ch -> ch < 0x80) ? name : Latin.of(name);
        String ascii = Normalizer.normalize(latin, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", ".")
                .replaceAll("^\\.+|\\.+$", "");
        String base = ascii.length() < 3 ? "student" + (ascii.isEmpty() ? "" : "." + ascii) : ascii;
        return base.length() > LONGEST_FROM_NAME
                ? base.substring(0, LONGEST_FROM_NAME).replaceAll("\\.+$", "")
                : base;
    }

    /**
     * Names in any script written in Latin letters, by ICU's transliterator. Loaded the first time a
     * name that is not plain ASCII arrives (holder idiom): building it reads ICU's rule data, which
     * a class of "Ana Lopez"s never needs. ICU does not promise one transliterator is safe to share
     * between threads, so it is used by one at a time; names are few and short.
     */
    private static final class Latin {
        private static final Transliterator TO_LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII");

        static synchronized String of(String name) {
            return TO_LATIN.transliterate(name);
        }
    }

    public static String normalise(String username) {
        String normalised = username.strip().toLowerCase(Locale.ROOT);
        problem(normalised).ifPresent(p -> {
            throw new IllegalArgumentException(p.getMessage(), p);
        });
        return normalised;
    }

    /**
     * Why a username cannot be used, in words a student understands (a refusal the page words in
     * its language, DD034), or empty when it can.
     */
    public static Optional<UserFacingException> problem(String username) {
        String u = username.strip().toLowerCase(Locale.ROOT);
        if (u.length() < 3) {
            return Optional.of(UserFacingException.of("classroom.refusal.username.tooShort"));
        }
        if (u.length() > 40) {
            return Optional.of(UserFacingException.of("classroom.refusal.username.tooLong"));
        }
        if (!VALID.matcher(u).matches()) {
            return Optional.of(UserFacingException.of("classroom.refusal.username.characters"));
        }
        return Optional.empty();
    }
}
