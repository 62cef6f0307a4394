package org.lateral.submission.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lateral.base.text.Tokens;
import org.lateral.library.SourceKind;
import org.lateral.library.pack.PackFiles;
import org.lateral.library.pack.SeedPack;
import org.lateral.library.pack.SeedPackReader;
import org.lateral.submission.scoring.Scoring.Span;
import org.lateral.submission.scoring.SourceScoring.Answer;
import org.lateral.submission.scoring.SourceScoring.ClaimMapping;
import org.lateral.submission.scoring.SourceScoring.Key;
import org.lateral.submission.scoring.SourceScoring.KeyLink;
import org.lateral.submission.scoring.SourceScoring.KeySource;
import org.lateral.submission.scoring.SourceScoring.LinkVerdict;
import org.lateral.submission.scoring.SourceScoring.Origin;
import org.lateral.submission.scoring.SourceScoring.Outlet;
import org.lateral.submission.scoring.SourceScoring.Result;
import org.lateral.submission.scoring.SourceScoring.StudentLink;
import org.lateral.submission.scoring.SourceScoring.StudentSource;

/**
 * The worked examples of the user guide ("Sources (rules version 1)"), on the real Frisky key:
 * two sources (s01 the informant, secondary through The Daily Mail; s02 The Daily Mail, primary)
 * and 26 claims, 7 of which the key links to both sources and 19 to none.
 */
class FriskySourceScoringTest {

    static final SeedPack PACK = SeedPackReader.read(PackFiles.directory(Path.of("seeds/defectors")));
    static final SeedPack.Key FRISKY = PACK.keys().stream()
            .filter(k -> k.articleSlug().equals("000-the-frisky"))
            .findFirst()
            .orElseThrow();
    static final int[] TOKENS = Tokens.words(PACK.articles().stream()
            .filter(a -> a.slug().equals("000-the-frisky"))
            .findFirst()
            .orElseThrow()
            .canonicalText());
    static final Key KEY = key(FRISKY, PACK.citedOutlets());
    static final List<String> CLAIMS =
            FRISKY.claims().stream().map(SeedPack.Claim::id).toList();

    /** What the lessons code will do with a stored key; here from the pack, for the example. */
    static Key key(SeedPack.Key key, List<SeedPack.CitedOutlet> cited) {
        List<KeySource> sources = key.sources().stream()
                .map(s -> {
                    Set<SourceKind> accepted = EnumSet.of(s.kind());
                    accepted.addAll(s.alsoAcceptedKinds());
                    Outlet outlet = s.relayedFrom() == null ? null : outlet(s.relayedFrom(), cited);
                    return new KeySource(
                            s.id(),
                            s.name(),
                            s.aliases(),
                            accepted,
                            s.origin() == SeedPack.Origin.PRIMARY ? Origin.PRIMARY : Origin.SECONDARY,
                            outlet,
                            s.attributions().stream()
                                    .map(a -> new Span(a.start(), a.end()))
                                    .toList());
                })
                .toList();
        List<KeyLink> links = key.claims().stream()
                .map(c -> new KeyLink(c.id(), Set.copyOf(c.sourceIds())))
                .toList();
        return new Key(sources, links);
    }

    static Outlet outlet(String relayedFrom, List<SeedPack.CitedOutlet> cited) {
        return cited.stream()
                .filter(c -> c.name().equals(relayedFrom) || c.aliases().contains(relayedFrom))
                .findFirst()
                .map(c -> {
                    List<String> aliases = new ArrayList<>(c.aliases());
                    aliases.add(c.name());
                    return new Outlet(relayedFrom, aliases);
                })
                .orElse(new Outlet(relayedFrom, List.of()));
    }

    @Test
    void the_key_has_the_shape_the_examples_assume() {
        Map<Integer, Long> claimsBySourceCount = FRISKY.claims().stream()
                .collect(Collectors.groupingBy(c -> c.sourceIds().size(), Collectors.counting()));
        assertThat(claimsBySourceCount).isEqualTo(Map.of(0, 19L, 2, 7L));
        assertThat(KEY.sources()).extracting(KeySource::id).containsExactly("s01", "s02");
    }

    @Test
    void a_student_who_gives_the_key_answer_scores_100() {
        List<StudentSource> sources = KEY.sources().stream()
                .map(s -> new StudentSource(
                        "t-" + s.id(),
                        s.aliases().getFirst(),
                        FRISKY.sources().stream()
                                .filter(k -> k.id().equals(s.id()))
                                .findFirst()
                                .orElseThrow()
                                .kind(),
                        s.origin(),
                        s.relayedFrom() == null ? null : s.relayedFrom().name(),
                        List.of(s.attributions().getFirst())))
                .toList();
        List<StudentLink> links = KEY.links().stream()
                .map(l -> new StudentLink(
                        l.claimId(), l.sourceIds().stream().map(id -> "t-" + id).collect(Collectors.toSet())))
                .toList();
        Result result = SourceScoring.score(
                TOKENS, KEY, new Answer(sources, links, ClaimMapping.identity(CLAIMS)), Scoring.DEFAULT_THRESHOLD);
        assertThat(result.score()).isEqualTo(100.0);
        assertThat(result.links()).allSatisfy(l -> assertThat(l.verdict()).isEqualTo(LinkVerdict.RIGHT));
        assertThat(result.links()).hasSize(33);
    }

    /**
     * The student finds only the Daily Mail (pointing at "The Daily Mail" in "a source told The
     * Daily Mail", named "Daily Mail", a media outlet, first-hand) and links c05 to it, nothing
     * else. The mention overlaps s02's span (Jaccard 1, and the name) and s01's "a source told The
     * Daily Mail" (Jaccard 3/6 = 0.5, no name): mention and name come first, so it is s02.
     * <ul>
     *   <li>recall of key sources: 1 of 2 = 0.5; kind: 1 of 1; origin (primary, first-hand): 1 of 1;</li>
     *   <li>links: the key has 7 × 2 + 19 × 1 = 33 pairs, the student 1, and it is right:
     *       F1 = 2 × 1 ÷ (1 + 33) = 0.0588;</li>
     *   <li>score = 100 × (0.40 × 0.5 + 0.20 × 1 + 0.15 × 1 + 0.25 × 0.0588) = 20 + 20 + 15 + 1.47
     *       = 56.5.</li>
     * </ul>
     * In a lesson where the same student found only c05 in step 1, only c05 is in scope: 2 key
     * pairs, F1 = 2 ÷ 3, score = 55 + 16.7 = 71.7.
     */
    @Test
    void a_student_who_finds_only_the_daily_mail_and_links_c05_to_it() {
        Span dailyMail = KEY.sources().get(1).attributions().getFirst();
        StudentSource only = new StudentSource(
                "dm", "Daily Mail", SourceKind.MEDIA_OUTLET, Origin.PRIMARY, null, List.of(dailyMail));
        List<StudentLink> links = List.of(new StudentLink("c05", Set.of("dm")));

        Result alone = SourceScoring.score(
                TOKENS,
                KEY,
                new Answer(List.of(only), links, ClaimMapping.identity(CLAIMS)),
                Scoring.DEFAULT_THRESHOLD);
        assertThat(alone.matches())
                .extracting(m -> m.keySourceId() + "=" + m.studentSourceId() + " " + m.matchedBy())
                .containsExactly("s02=dm MENTION_AND_NAME");
        assertThat(alone.missedSources()).containsExactly("s01");
        assertThat(alone.sourceRecall()).isEqualTo(0.5);
        assertThat(alone.kindAccuracy()).isEqualTo(1.0);
        assertThat(alone.originAccuracy()).isEqualTo(1.0);
        assertThat(alone.linkF1()).isEqualTo(2.0 / 34);
        assertThat(alone.links(LinkVerdict.RIGHT)).hasSize(1);
        assertThat(alone.links(LinkVerdict.MISSED)).hasSize(32);
        assertThat(alone.score()).isEqualTo(56.5);

        Result inLesson = SourceScoring.score(
                TOKENS,
                KEY,
                new Answer(
                        List.of(only),
                        List.of(new StudentLink("mark-7", Set.of("dm"))),
                        new ClaimMapping(Map.of("mark-7", "c05"))),
                Scoring.DEFAULT_THRESHOLD);
        assertThat(inLesson.linkF1()).isEqualTo(2.0 / 3);
        assertThat(inLesson.links(LinkVerdict.MISSED))
                .extracting(l -> l.keyClaimId() + " " + l.keySourceId() + " " + l.claimRef())
                .containsExactly("c05 s01 mark-7");
        assertThat(inLesson.score()).isEqualTo(71.7);
    }
}
