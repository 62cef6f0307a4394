package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.SaveStatus;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.TestPacks;
import org.lateral.library.pack.PackFiles;
import org.lateral.library.pack.SeedPack;
import org.lateral.library.pack.SeedPackReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The upgrade a school running the first release of the shipped pack gets (issue 12): its
 * assignments were made on the first release, then Lateral ships the pack in {@code
 * seeds/defectors}. Every assignment whose key changed while its article's text stayed the same
 * is offered the new key version, the preview works, and accepting moves both pins and re-scores.
 *
 * <p>The first release is frozen in {@code src/test/resources/packs/defectors-first-release}. While
 * {@code seeds/defectors} is still that release, there is nothing to upgrade and the test is
 * skipped. {@code LATERAL_CORRECTED_PACK} names another pack folder to use instead of {@code
 * seeds/defectors}, to try a correction before it is shipped.
 */
@LateralServerTest
class CorrectedSeedPackIT {

    static final Path FIRST_RELEASE = Path.of("src/test/resources/packs/defectors-first-release");

    @Autowired
    org.lateral.Fixtures fixtures;

    @Autowired
    ClassroomService classroom;

    @Autowired
    AssignmentService assignments;

    @Autowired
    SubmissionService submissions;

    @Autowired
    ResultsService results;

    @Autowired
    KeyAmendments keys;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    static Path shippedPack() {
        String override = System.getenv("LATERAL_CORRECTED_PACK");
        return override == null || override.isBlank() ? Path.of("seeds", "defectors") : Path.of(override);
    }

    @Test
    void every_article_whose_key_changed_since_the_first_release_is_offered_its_new_key_and_can_move_to_it()
            throws IOException {
        Path shipped = shippedPack();
        Assumptions.assumeFalse(
                sameFiles(FIRST_RELEASE, shipped),
                shipped + " is still the first release of the pack: there is nothing to upgrade yet");

        // One id mapping for both releases, so the shipped pack loads as a correction of the first.
        Map<String, String> ids = new HashMap<>();
        Path first = TestPacks.copyWithFreshIds(FIRST_RELEASE, temp.resolve("first/defectors"), ids);
        Files.deleteIfExists(first.resolve("README.md"));
        Path corrected = TestPacks.copyWithFreshIds(shipped, temp.resolve("corrected/defectors"), ids);
        SeedPack firstPack = SeedPackReader.read(PackFiles.directory(first));

        UUID school = fixtures.school("First release school");
        fixtures.importPack(school, first);
        String teacher = fixtures.teacher(school, "upgrade");

        // Demo-like: one mark-claims assignment per article, in the story set's order, each with
        // a submitted attempt that marks the key's first claim.
        Map<String, UUID> assignmentOf = new LinkedHashMap<>();
        OneTimeCredential student;
        try (var s = SignedIn.as(users, teacher)) {
            ClassDetail demoClass = classroom.createClass(new NewClass("Demo-like class", "", "", "UTC"));
            student = classroom.createStudents(demoClass.id(), "Ada").getFirst();
            for (String slug : firstPack.manifest().articleOrder()) {
                SeedPack.Article article = firstPack.articles().stream()
                        .filter(a -> a.slug().equals(slug))
                        .findFirst()
                        .orElseThrow();
                assignmentOf.put(
                        slug,
                        assignments
                                .assignMarkClaims(
                                        demoClass.id(),
                                        new NewAssignment(
                                                article.id(),
                                                null,
                                                LocalDate.now().plusDays(7),
                                                true,
                                                FeedbackPolicy.AFTER_SUBMIT,
                                                true,
                                                null,
                                                false))
                                .id());
            }
        }
        assertThat(assignmentOf).hasSize(5);
        try (var s = SignedIn.as(users, student.username())) {
            for (SeedPack.Key key : firstPack.keys()) {
                SeedPack.Claim claim = key.claims().getFirst();
                MarkingSession session =
                        submissions.open(assignmentOf.get(key.articleSlug())).orElseThrow();
                var saved = submissions.saveMark(
                        session.attemptId(),
                        new MarkState(
                                UUID.randomUUID(),
                                1,
                                claim.span().start(),
                                claim.span().end(),
                                claim.span().exact(),
                                "",
                                "",
                                claim.types().iterator().next().code(),
                                false));
                assertThat(saved.status()).as(key.articleSlug()).isEqualTo(SaveStatus.SAVED);
                submissions.submit(session.attemptId());
            }
        }
        Map<String, UUID> keyBefore = new HashMap<>();
        Map<String, String> textBefore = new HashMap<>();
        assignmentOf.forEach((slug, assignment) -> {
            keyBefore.put(slug, pin(assignment, "key_version_id"));
            textBefore.put(slug, canonicalText(pin(assignment, "article_version_id")));
        });

        fixtures.importPack(school, corrected);

        Set<String> keyChanged = new TreeSet<>();
        Set<String> shouldBeOffered = new TreeSet<>();
        Map<String, UUID> currentKey = new HashMap<>();
        for (SeedPack.Key key : firstPack.keys()) {
            UUID current = jdbc.sql("SELECT current_version_id FROM answer_key WHERE id = :k")
                    .param("k", key.id())
                    .query(UUID.class)
                    .single();
            currentKey.put(key.articleSlug(), current);
            if (!current.equals(keyBefore.get(key.articleSlug()))) {
                keyChanged.add(key.articleSlug());
                String textOfNewKey =
                        jdbc.sql("""
                                SELECT v.canonical_text FROM answer_key_version kv
                                  JOIN article_version v ON v.id = kv.article_version_id WHERE kv.id = :kv
                                """).param("kv", current).query(String.class).single();
                if (textOfNewKey.equals(textBefore.get(key.articleSlug()))) {
                    shouldBeOffered.add(key.articleSlug());
                }
            }
        }
        assertThat(keyChanged)
                .as("articles whose key changed since the first release")
                .isNotEmpty();

        Set<String> offered = new TreeSet<>();
        List<String> moved = new ArrayList<>();
        try (var s = SignedIn.as(users, teacher)) {
            for (var e : assignmentOf.entrySet()) {
                String slug = e.getKey();
                UUID assignment = e.getValue();
                Results.KeyNotice notice =
                        results.results(assignment).orElseThrow().newKeyVersion();
                if (notice == null) {
                    continue;
                }
                offered.add(slug);
                assertThat(notice.keyVersionId()).as(slug).isEqualTo(currentKey.get(slug));
                KeyPreview preview = keys.previewKeyVersion(assignment);
                assertThat(preview.newVersionId()).as(slug).isEqualTo(notice.keyVersionId());
                assertThat(preview.correctedDetails()).as(slug).isEqualTo(notice.correctedDetails());
                assertThat(preview.attempts()).as(slug + ": submitted attempts").isEqualTo(1);
                assertThat(keys.acceptKeyVersion(assignment, preview.currentVersionId(), preview.newVersionId()))
                        .as(slug)
                        .isEqualTo(1);
                assertThat(pin(assignment, "key_version_id")).as(slug).isEqualTo(currentKey.get(slug));
                assertThat(canonicalText(pin(assignment, "article_version_id")))
                        .as(slug + ": the same text after the move")
                        .isEqualTo(textBefore.get(slug));
                moved.add(slug);
            }
        }
        // With the corrected pack (front matter and keys of all five articles, texts unchanged)
        // this is all five.
        assertThat(offered)
                .as("offered exactly where the key changed and the text did not")
                .isEqualTo(shouldBeOffered)
                .isNotEmpty();
        assertThat(moved).hasSameSizeAs(offered);
    }

    private UUID pin(UUID assignment, String column) {
        return jdbc.sql("SELECT " + column + " FROM lesson_step WHERE assignment_id = :a AND position = 0")
                .param("a", assignment)
                .query(UUID.class)
                .single();
    }

    private String canonicalText(UUID articleVersion) {
        return jdbc.sql("SELECT canonical_text FROM article_version WHERE id = :v")
                .param("v", articleVersion)
                .query(String.class)
                .single();
    }

    /** Whether two pack folders hold the same pack files (the frozen copy's README aside). */
    static boolean sameFiles(Path a, Path b) throws IOException {
        Map<String, String> left = files(a);
        Map<String, String> right = files(b);
        left.remove("README.md");
        right.remove("README.md");
        return left.equals(right);
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(f).toString(), Files.readString(f));
            }
        }
        return files;
    }
}
