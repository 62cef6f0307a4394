package org.lateral.library.suggest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cue word list shipped as a data file beside this class (see NOTICE.md there): one phrase a
 * line, lower case, {@code #} for comments. Phrases are found as whole words in a folded text
 * ({@link #fold}), so case and the kind of apostrophe do not matter.
 */
final class Lexicon {

    record Hit(int start, int end, String phrase) {}

    private final String name;
    private final List<String> phrases;
    private final Pattern pattern;

    private Lexicon(String name, List<String> phrases) {
        this.name = name;
        this.phrases = List.copyOf(phrases);
        // Longest first, so "could have" wins over "could" at the same place.
        String alternatives = phrases.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(p -> Pattern.quote(p).replace(" ", "\\E\\s+\\Q"))
                .collect(Collectors.joining("|"));
        this.pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
    }

    static Lexicon of(String name, List<String> phrases) {
        return new Lexicon(name, phrases.stream().map(p -> fold(p).strip()).toList());
    }

    static Lexicon load(String file) {
        try (InputStream in = Lexicon.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("The cue lexicon " + file + " is missing from the classpath");
            }
            List<String> phrases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String phrase = line.strip();
                if (!phrase.isEmpty() && !phrase.startsWith("#")) {
                    phrases.add(phrase);
                }
            }
            return of(file, phrases);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the cue lexicon " + file, e);
        }
    }

    String name() {
        return name;
    }

    List<String> phrases() {
        return phrases;
    }

    boolean contains(String word) {
        return phrases.contains(fold(word));
    }

    /** Every phrase of the list inside {@code folded[from, to)}, left to right, not overlapping. */
    List<Hit> find(String folded, int from, int to) {
        List<Hit> hits = new ArrayList<>();
        Matcher m = pattern.matcher(folded).region(from, to);
        m.useTransparentBounds(true);
        while (m.find()) {
            hits.add(new Hit(m.start(), m.end(), m.group().replaceAll("\\s+", " ")));
        }
        return hits;
    }

    /**
     * Lower case, curly apostrophes and quotes made straight, one character for one character, so
     * that offsets into the folded text are offsets into the original.
     */
    static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(
                    switch (c) {
                        case '\u2019', '\u2018', '\u02bc' -> '\'';
                        case '\u201c', '\u201d' -> '"';
                        default -> Character.isSurrogate(c) ? c : Character.toLowerCase(c);
                    });
        }
        return out.toString();
    }
}
