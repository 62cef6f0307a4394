package org.lateral.library.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The canonical form of an article's text (DD000, "Canonical article text"): plain text,
 * never rendered as Markdown or HTML, normalised length-preserving where it can be. Line endings
 * become LF and no-break spaces become spaces (one character each); whitespace-only lines become
 * empty and runs of blank lines collapse to one, so paragraphs are separated by exactly one blank
 * line. Curly quotes, dashes and everything else stay as written. Paragraph 0 is the headline.
 *
 * <p>{@link #paragraphs} splits the same way the browser's {@code splitParagraphs} does, so both
 * sides agree on every paragraph's start offset.
 */
public final class CanonicalText {

    public static final String PARAGRAPH_SEPARATOR = "\n\n";
    private static final Pattern NO_BREAK_SPACES = Pattern.compile("[\\u00A0\\u2007\\u202F]");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\u000B\\f]*(?=\\n)");
    private static final Pattern PARAGRAPH_BREAKS = Pattern.compile("\\n{3,}");

    private CanonicalText() {}

    public record Paragraph(int index, int start, String text) {
        public int end() {
            return start + text.length();
        }
    }

    public static String normalise(String raw) {
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        text = NO_BREAK_SPACES.matcher(text).replaceAll(" ");
        text = BLANK_LINES.matcher(text).replaceAll("\n");
        text = PARAGRAPH_BREAKS.matcher(text).replaceAll(PARAGRAPH_SEPARATOR);
        // No blank lines before the headline or after the last paragraph.
        int from = 0;
        while (from < text.length() && text.charAt(from) == '\n') {
            from++;
        }
        int to = text.length();
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }

    /** The non-empty paragraphs of a canonical text with their start offsets; the first is the headline. */
    public static List<Paragraph> paragraphs(String canonical) {
        List<Paragraph> paragraphs = new ArrayList<>();
        int start = 0;
        while (start <= canonical.length()) {
            int next = canonical.indexOf(PARAGRAPH_SEPARATOR, start);
            int end = next < 0 ? canonical.length() : next;
            if (end > start) {
                paragraphs.add(new Paragraph(paragraphs.size(), start, canonical.substring(start, end)));
            }
            if (next < 0) {
                break;
            }
            start = next + PARAGRAPH_SEPARATOR.length();
        }
        return paragraphs;
    }

    /** The headline: paragraph 0. */
    public static String headline(String canonical) {
        List<Paragraph> paragraphs = paragraphs(canonical);
        return paragraphs.isEmpty() ? "" : paragraphs.getFirst().text();
    }
}
