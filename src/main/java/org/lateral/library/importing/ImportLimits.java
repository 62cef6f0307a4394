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
            throw new UserFacingException("The text is too long: Lateral keeps articles of up to 200 KB of text "
                    + "(about 30,000 words), and this one has " + kilobytes(bytes)
                    + " KB. Import a shorter article, or only the part your students will read.");
        }
    }

    static void checkUpload(String fileName, long bytes) {
        if (bytes > MAX_UPLOAD_BYTES) {
            throw new UserFacingException("\u201c" + shown(fileName)
                    + "\u201d is too large: Lateral accepts files of up to "
                    + "5 MB, and this one has " + String.format(Locale.ENGLISH, "%.1f", bytes / (1024.0 * 1024.0))
                    + " MB. "
                    + (fileName.toLowerCase(Locale.ROOT).endsWith(".docx")
                            ? "Save a copy without its pictures, or copy and paste its text."
                            : "Save the page again as \u201cHTML only\u201d, or copy and paste its text."));
        }
    }

    static UserFacingException wrongType(String fileName) {
        return new UserFacingException(
                "Lateral imports .txt, .md, .html (a web page saved from the browser) " + "and .docx files; \u201c"
                        + shown(fileName) + "\u201d is not one of them. Open it and paste its text instead.");
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
