package org.lateral.base.text;

import java.text.BreakIterator;
import java.util.Arrays;
import java.util.Locale;

/**
 * Word and sentence spans of a canonical text, computed once on the server and sent to the
 * browser, which only snaps selections to them (DD000, "Offsets"). Words are runs of letters
 * and digits: the same tokens the scorer compares. Sentences come from the JDK's sentence
 * BreakIterator, never crossing a paragraph break, trimmed of surrounding spaces.
 *
 * <p>Both are flat arrays of UTF-16 offset pairs {@code [start0, end0, start1, end1, ...]}.
 */
public final class Tokens {

    private Tokens() {}

    public static int[] words(String text) {
        int[] spans = new int[16];
        int count = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                int start = i;
                while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                if (count + 2 > spans.length) {
                    spans = Arrays.copyOf(spans, spans.length * 2);
                }
                spans[count++] = start;
                spans[count++] = i;
            } else {
                i += Character.charCount(cp);
            }
        }
        return Arrays.copyOf(spans, count);
    }

    public static int[] sentences(String text) {
        int[] spans = new int[16];
        int count = 0;
        int paragraphStart = 0;
        while (paragraphStart <= text.length()) {
            int paragraphEnd = text.indexOf("\n\n", paragraphStart);
            if (paragraphEnd < 0) {
                paragraphEnd = text.length();
            }
            BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
            it.setText(text.substring(paragraphStart, paragraphEnd));
            for (int s = it.first(), e = it.next(); e != BreakIterator.DONE; s = e, e = it.next()) {
                int start = paragraphStart + s;
                int end = paragraphStart + e;
                while (start < end && Character.isWhitespace(text.charAt(start))) {
                    start++;
                }
                while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                if (end > start) {
                    if (count + 2 > spans.length) {
                        spans = Arrays.copyOf(spans, spans.length * 2);
                    }
                    spans[count++] = start;
                    spans[count++] = end;
                }
            }
            if (paragraphEnd == text.length()) {
                break;
            }
            paragraphStart = paragraphEnd + 2;
        }
        return Arrays.copyOf(spans, count);
    }
}
