package org.lateral.submission.ui;

/**
 * A passage of a text described by its words, never by character positions: a selection that
 * starts or ends inside a word is widened to the whole word, so a student reads the words they
 * meant ("Families told us", not "amilies told u"). Pure: the practice page and its tests use it.
 */
final class WholeWords {

    private WholeWords() {}

    /** The selection widened to whole words, as {@code [start, end)} of the text. */
    static int[] widen(String text, int start, int end) {
        int from = Math.clamp(start, 0, text.length());
        int to = Math.clamp(end, from, text.length());
        while (from > 0 && from < text.length() && inWord(text.charAt(from - 1)) && inWord(text.charAt(from))) {
            from--;
        }
        while (to < text.length() && to > 0 && inWord(text.charAt(to - 1)) && inWord(text.charAt(to))) {
            to++;
        }
        return new int[] {from, to};
    }

    /** The widened passage in quotation marks, its spacing kept as one line. */
    static String quote(String text, int start, int end) {
        int[] span = widen(text, start, end);
        String words = text.substring(span[0], span[1]).strip().replaceAll("\\s+", " ");
        return "\u201c" + words + "\u201d";
    }

    /** Letters, digits and the marks inside a word (its apostrophes and hyphens). */
    private static boolean inWord(char c) {
        return Character.isLetterOrDigit(c) || c == '\'' || c == '\u2019' || c == '-';
    }
}
