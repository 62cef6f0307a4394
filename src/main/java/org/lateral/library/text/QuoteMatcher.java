package org.lateral.library.text;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lateral.base.AnchoredSpan;

/**
 * Finds a quote in a canonical text, as answer keys and re-anchoring need it. Matching folds
 * curly quotes to straight ones and every kind of space to a plain space on both sides, so a key
 * written with straight quotes still finds the article's curly ones. Folding maps each character
 * to exactly one character, so offsets found in the folded text are offsets in the original.
 */
public final class QuoteMatcher {

    private QuoteMatcher() {}

    /** Where a quote was found: exactly once, or how many times when it was not. */
    public sealed interface Result {
        record Found(AnchoredSpan span) implements Result {}

        record NotFound() implements Result {}

        record Ambiguous(int occurrences) implements Result {}
    }

    public static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            folded.append(
                    switch (c) {
                        case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> '\'';
                        case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033' -> '"';
                        default -> Character.isWhitespace(c) || Character.isSpaceChar(c) ? ' ' : c;
                    });
        }
        return folded.toString();
    }

    /**
     * Finds {@code quote}, preceded immediately by {@code prefix} when one is given (to tell
     * apart a quote that occurs more than once).
     */
    public static Result find(String text, String quote, @Nullable String prefix) {
        if (quote.isEmpty()) {
            return new Result.NotFound();
        }
        String haystack = fold(text);
        String needle = fold((prefix == null ? "" : prefix) + quote);
        int skip = prefix == null ? 0 : prefix.length();
        List<Integer> hits = new ArrayList<>();
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            hits.add(at + skip);
        }
        return switch (hits.size()) {
            case 0 -> new Result.NotFound();
            case 1 -> new Result.Found(AnchoredSpan.of(text, hits.getFirst(), hits.getFirst() + quote.length()));
            default -> new Result.Ambiguous(hits.size());
        };
    }
}
