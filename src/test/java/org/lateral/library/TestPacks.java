package org.lateral.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Copies of a seed pack with fresh ids, so a test can load "the same pack" into a school
 * of its own without colliding with the rows start-up loaded into the default school.
 */
public final class TestPacks {

    private static final Pattern ID = Pattern.compile("(?m)^\\s*(?:- )?id: ([0-9a-f-]{36})$");

    private TestPacks() {}

    /** Copies seeds/defectors to {@code target}, giving every id in it a new UUID. */
    public static Path defectorsWithFreshIds(Path target) throws IOException {
        return copyWithFreshIds(Path.of("seeds", "defectors"), target, new LinkedHashMap<>());
    }

    /**
     * Copies a pack folder to {@code target}, replacing every id by the one {@code newIds} maps it
     * to (a fresh UUID for an id it does not know yet, added to the map). Copying two releases of a
     * pack with the same map gives them the same fresh ids, so the second loads as a correction of
     * the first, not as another pack.
     */
    public static Path copyWithFreshIds(Path source, Path target, Map<String, String> newIds) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path copy = target.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(f, copy);
                }
            }
        }
        try (Stream<Path> files = Files.walk(target)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher ids = ID.matcher(Files.readString(f));
                while (ids.find()) {
                    newIds.computeIfAbsent(ids.group(1), k -> UUID.randomUUID().toString());
                }
            }
        }
        try (Stream<Path> files = Files.walk(target)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = Files.readString(f);
                for (var e : newIds.entrySet()) {
                    content = content.replace(e.getKey(), e.getValue());
                }
                Files.writeString(f, content);
            }
        }
        return target;
    }

    /**
     * A one-article pack with fresh ids that uses every optional field of the format: the story
     * set's care notes, an article's content note and sourced original address, an outlet's
     * publisher and facts (one with the outlet's response), a cited outlet, a source-count range
     * and a relay list. Written here rather than derived from seeds/ so that rewriting the shipped
     * content cannot break the tests of the format.
     */
    public static Path careful(Path target) throws IOException {
        Files.createDirectories(target.resolve("articles"));
        Files.createDirectories(target.resolve("keys"));
        Files.writeString(target.resolve("pack.yaml"), """
                id: %s
                title: "Careful set %s"
                description: A pack for the format's tests
                maturity: "Violence is discussed."
                age_band: "14+ (grades 9–12)"
                analysis_note: "State-linked texts are here for analysis, not endorsement."
                support_note: "Some students may have family in the region: offer another article."
                articles: [one]
                """.formatted(
                        UUID.randomUUID(), UUID.randomUUID().toString().substring(0, 8)));
        Files.writeString(target.resolve("outlets.yaml"), """
                outlets:
                  - slug: daily
                    id: %s
                    name: The Daily Example
                    kind: newspaper
                    country: Nowhere
                    ownership: "Owned by Example Holdings."
                    ownership_source: "Company register, 2019"
                    publisher: "Example Media Group"
                    publisher_source: "The outlet's imprint page"
                    description: A newspaper made up for tests
                    url: https://daily.example
                    facts:
                      - fact: "Named in a government report on disinformation."
                        source: "The report, August 2020"
                        response: "The outlet disputes the report."
                        response_source: "The outlet's statement of 5 August 2020"
                cited_outlets:
                  - name: The Daily Mail
                    aliases: [Daily Mail]
                    url: https://www.dailymail.co.uk
                """.formatted(UUID.randomUUID()));
        Files.writeString(target.resolve("articles/one.txt"), """
                ---
                id: %s
                outlet: daily
                byline: null
                published: "2017-01-05"
                published_precision: day
                original_url: https://daily.example/mayor
                original_url_source: "Internet Archive capture of 2 March 2017"
                content_note: "This text stereotypes mayors."
                language: en
                source_file: one.txt
                removed: []
                ---
                Mayor reportedly resigns

                The mayor resigned, a source told The Daily Mail.
                """.formatted(UUID.randomUUID()));
        Files.writeString(target.resolve("keys/one.yaml"), """
                id: %s
                status: complete
                notes: Test notes
                claims:
                  - id: c1
                    quote: "Mayor reportedly resigns"
                    types: [hedged]
                    worthiness: 3
                    why: It is hedged.
                    cues: [reportedly]
                    sources: [s1]
                sources:
                  - id: s1
                    name: An unnamed source
                    aliases: [a source]
                    kind: anonymous
                    origin: secondary
                    relayed_from: "Daily Mail"
                    attributions:
                      - quote: "a source told The Daily Mail"
                """.formatted(UUID.randomUUID()));
        Files.writeString(target.resolve("comparison.yaml"), """
                id: %s
                articles:
                  - article: one
                    headline_framing: Hedged
                    named_sources: 0
                    anonymous_sources: {min: 1, max: 2}
                    hedges: [reportedly]
                    loaded_words: []
                    reporting: relay
                    relayed_from: ["The Daily Mail"]
                    omissions: None
                    notes: None
                """.formatted(UUID.randomUUID()));
        return target;
    }

    /**
     * {@link #careful} with a key that names no sources: its article can be assigned for "Mark the
     * claims" but not for "Who says so?" (DD013), which is scored against the key's sources.
     */
    public static Path carefulWithoutSources(Path target) throws IOException {
        careful(target);
        Path key = target.resolve("keys/one.yaml");
        String text = Files.readString(key);
        int sources = text.indexOf("\nsources:");
        Files.writeString(key, text.substring(0, sources + 1).replace("sources: [s1]", "sources: []"));
        return target;
    }
}
