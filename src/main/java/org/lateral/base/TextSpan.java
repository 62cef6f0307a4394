package org.lateral.base;

/**
 * A span of a canonical text: UTF-16 offsets (Java {@code String} and JavaScript agree), end
 * exclusive, and the exact text it covers (DD000, "Offsets").
 */
public record TextSpan(int start, int end, String exact) {

    public TextSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("A span needs 0 <= start < end, got " + start + ".." + end);
        }
        if (exact.length() != end - start) {
            throw new IllegalArgumentException("The quote's length does not match the span");
        }
    }

    /**
     * Checks a span reported by a browser against the text it claims to cover.
     *
     * @throws IllegalArgumentException when the offsets fall outside the text or the quote differs
     */
    public static TextSpan within(String text, int start, int end, String exact) {
        if (start < 0 || end > text.length() || end <= start) {
            throw new IllegalArgumentException("The selection is outside the article text");
        }
        if (!text.substring(start, end).equals(exact)) {
            throw new IllegalArgumentException("The selected words do not match the article text");
        }
        return new TextSpan(start, end, exact);
    }
}
