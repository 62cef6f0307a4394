package org.lateral.library.importing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.lateral.base.UserFacingException;

/**
 * The import's limits, checked on the server whatever the browser allowed, each with the sentence
 * the teacher reads. 200 KB of text is about 30,000 words, far more than any news article; the
 * database refuses longer canonical texts anyway.
 */
final class ImportLimits {

    static final int MAX_TEXT_BYTES = 200_000;
    static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
    static final int MAX_TITLE = 500;
    static final int MAX_BYLINE = 300;
    static final int MAX_OUTLET_NAME = 200;
    static final int MAX_ADDRESS = 2000;

    private ImportLimits() {}

    static void checkText(String text) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TEXT_BYTES) {
            throw UserFacingException.of("library.import.refusal.textTooLong", kilobytes(bytes));
        }
    }

    static void checkUpload(String fileName, long bytes) {
        if (bytes > MAX_UPLOAD_BYTES) {
            // The size as a string: written the same way (one decimal, a point) in every language.
            String megabytes = String.format(Locale.ENGLISH, "%.1f", bytes / (1024.0 * 1024.0));
            throw fileName.toLowerCase(Locale.ROOT).endsWith(".docx")
                    ? UserFacingException.of("library.import.refusal.wordTooLarge", shown(fileName), megabytes)
                    : UserFacingException.of("library.import.refusal.fileTooLarge", shown(fileName), megabytes);
        }
    }

    static UserFacingException wrongType(String fileName) {
        return UserFacingException.of("library.import.refusal.wrongType", shown(fileName));
    }

    /** A file name as a message repeats it: at most 80 characters, so a refusal stays a sentence. */
    private static String shown(String fileName) {
        return fileName.codePointCount(0, fileName.length()) <= 80
                ? fileName
                : fileName.substring(0, fileName.offsetByCodePoints(0, 80)) + "\u2026";
    }

    private static long kilobytes(int bytes) {
        return (bytes + 999) / 1000;
    }
}
