package org.lateral.base;

/**
 * A span of a canonical text stored both by position and by quote (DD000, "Offsets"): UTF-16
 * offsets, the exact text, and about 32 characters of context on each side, so that the span can
 * be found again if the text ever changes.
 */
public record AnchoredSpan(int start, int end, String exact, String prefix, String suffix) {

    public static final int CONTEXT = 32;

    public AnchoredSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("A span needs 0 <= start < end, got " + start + ".." + end);
        }
        if (exact.length() != end - start) {
            throw new IllegalArgumentException("The quote's length does not match the span");
        }
    }

    /** The span {@code start..end} of {@code text}, with its context. */
    public static AnchoredSpan of(String text, int start, int end) {
        if (start < 0 || end > text.length() || end <= start) {
            throw new IllegalArgumentException("The span " + start + ".." + end + " is outside the text");
        }
        int from = safeBoundary(text, Math.max(0, start - CONTEXT));
        int to = safeBoundary(text, Math.min(text.length(), end + CONTEXT));
        return new AnchoredSpan(
                start, end, text.substring(start, end), text.substring(from, start), text.substring(end, to));
    }

    /** Never cut a surrogate pair in half when clipping context. */
    private static int safeBoundary(String text, int index) {
        if (index > 0
                && index < text.length()
                && Character.isLowSurrogate(text.charAt(index))
                && Character.isHighSurrogate(text.charAt(index - 1))) {
            return index + 1 <= text.length() ? index + 1 : index - 1;
        }
        return index;
    }

    public TextSpan toTextSpan() {
        return new TextSpan(start, end, exact);
    }
}
