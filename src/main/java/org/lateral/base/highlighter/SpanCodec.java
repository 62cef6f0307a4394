package org.lateral.base.highlighter;

import java.util.Arrays;

/**
 * The word and sentence spans as one short ASCII string (issue 18, DD028): the flat pairs
 * {@code [s0, e0, s1, e1, …]} of UTF-16 offsets, each number written as its difference from the
 * one before (zigzag, so a list that is not sorted still round-trips), in base 32 with the last
 * digit of each number drawn from its own alphabet, so no separator is needed. A word of five
 * letters after a space costs two characters instead of two JSON numbers of up to five digits
 * each, and the UI keeps one string instead of a thousand JSON nodes.
 *
 * <p>{@code snapping.js} ({@code decodeSpans}) reads it; both sides must change together.
 */
public final class SpanCodec {

    /** The last (or only) base-32 digit of a number. */
    static final String LAST = "0123456789abcdefghijklmnopqrstuv";
    /** A base-32 digit with more digits of the same number after it. */
    static final String MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.!~*";

    private SpanCodec() {}

    public static String encode(int[] flat) {
        StringBuilder out = new StringBuilder(flat.length * 2);
        char[] digits = new char[8];
        long previous = 0;
        for (int value : flat) {
            long delta = value - previous;
            previous = value;
            long zigzag = delta >= 0 ? delta * 2 : -delta * 2 - 1;
            int n = 0;
            digits[n++] = LAST.charAt((int) (zigzag & 31));
            zigzag >>>= 5;
            while (zigzag > 0) {
                digits[n++] = MORE.charAt((int) (zigzag & 31));
                zigzag >>>= 5;
            }
            while (n > 0) {
                out.append(digits[--n]);
            }
        }
        return out.toString();
    }

    /** The numbers {@link #encode} wrote; a character outside both alphabets is refused. */
    public static int[] decode(String encoded) {
        int[] flat = new int[encoded.length()];
        int count = 0;
        long value = 0;
        long previous = 0;
        boolean pending = false;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            int more = MORE.indexOf(c);
            if (more >= 0) {
                value = value * 32 + more;
                pending = true;
                continue;
            }
            int last = LAST.indexOf(c);
            if (last < 0) {
                throw new IllegalArgumentException("Not a span code: " + c);
            }
            value = value * 32 + last;
            long delta = (value & 1) == 0 ? value >>> 1 : -((value + 1) >>> 1);
            previous += delta;
            flat[count++] = Math.toIntExact(previous);
            value = 0;
            pending = false;
        }
        if (pending) {
            throw new IllegalArgumentException("A span code ends in the middle of a number");
        }
        return Arrays.copyOf(flat, count);
    }
}
