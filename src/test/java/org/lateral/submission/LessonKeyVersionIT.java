package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.assignment.NewStep;
import org.lateral.base.highlighter.LinkState;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.SaveStatus;
import org.lateral.base.highlighter.SourceState;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.LibraryImport;
import org.lateral.library.LibraryService;
import org.lateral.library.TestPacks;
import org.lateral.library.pack.PackFiles;
import org.lateral.library.pack.SeedPackReader;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A newer library key version in a lesson (DD013): the preview counts the sources step's attempts
 * too, and accepting moves both steps to the new version and re-scores the sources step.
 */
@LateralServerTest
class LessonKeyVersionIT {

    @Autowired
    org.lateral.Fixtures fixtures;

    @Autowired
    SubmissionService submissions;

    @Autowired
    SourceWorkService work;

    @Autowired
    KeyAmendments keys;

    @Autowired
    AssignmentService assignments;

    @Autowired
    ClassroomService classroom;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    LibraryService library;

    @Autowired
    LibraryImport libraryImport;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    UUID school;
    Path pack;
    String teacher;
    OneTimeCredential ada;
    AssignmentSummary lesson;

    @BeforeEach
    void aLessonWithBothStepsSubmitted() throws IOException {
        school = fixtures.school("Lesson key version school");
        pack = TestPacks.defectorsWithFreshIds(temp.resolve("defectors"));
        fixtures.importPack(school, pack);
        teacher = "t-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                school, teacher, "History Teacher", Set.of(Role.TEACHER), "a long enough password");
        try (var s = SignedIn.as(users, teacher)) {
            ClassDetail schoolClass = classroom.createClass(new NewClass("Media", "", "", "UTC"));
            ada = classroom.createStudents(schoolClass.id(), "Ada").getFirst();
            UUID frisky = library.articles("frisky").getFirst().articleId();
            lesson = assignments.assignMarkClaims(
                    schoolClass.id(),
                    new NewAssignment(
                            frisky,
                            null,
                            LocalDate.now().plusDays(3),
                            true,
                            FeedbackPolicy.AFTER_SUBMIT,
                            false,
                            null,
                            false,
                            List.of(NewStep.of(NewStep.MARK_CLAIMS), NewStep.of(NewStep.IDENTIFY_SOURCES))));
        }
        try (var s = SignedIn.as(users, ada.username())) {
            MarkingSession claims = submissions.open(lesson.id()).orElseThrow();
            String quote = "told The Daily Mail";
            int at = claims.text().indexOf(quote);
            UUID mark = UUID.randomUUID();
            assertThat(submissions
                            .saveMark(
                                    claims.attemptId(),
                                    new MarkState(mark, 1, at, at + quote.length(), quote, "", "", "attributed", false))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
            submissions.submit(claims.attemptId());
            MarkingSession sources = submissions.open(lesson.id()).orElseThrow();
            UUID mail = UUID.randomUUID();
            // The Daily Mail taken for a document: wrong by the first key version.
            work.saveSource(
                    sources.attemptId(),
                    new SourceState(mail, 1, "The Daily Mail", "document", "first-hand", null, false));
            work.saveLink(sources.attemptId(), new LinkState(UUID.randomUUID(), 1, mark.toString(), mail, false));
            submissions.submit(sources.attemptId());
        }
    }

    @Test
    void a_newer_key_version_is_previewed_and_applied_for_the_sources_step_too() throws IOException {
        // The key's authors now also accept "document" for the Daily Mail.
        Path key = pack.resolve("keys/000-the-frisky.yaml");
        String yaml = Files.readString(key);
        String primary = "    kind: media-outlet\n    origin: primary";
        assertThat(yaml).contains(primary);
        Files.writeString(
                key,
                yaml.replace(
                        primary,
                        "    kind: media-outlet\n    also_accepted_kinds: [document]\n"
                                + "    kind_why: \"A newspaper's report can be read as a document it published.\"\n"
                                + "    origin: primary"));
        libraryImport.importPack(SeedPackReader.read(PackFiles.directory(pack)), school);

        double before = sourcesScore();
        try (var s = SignedIn.as(users, teacher)) {
            KeyPreview preview = keys.previewKeyVersion(lesson.id());
            assertThat(preview.attempts())
                    .as("the claims attempt and the sources attempt")
                    .isEqualTo(2);
            assertThat(preview.changes())
                    .filteredOn(c -> c.step().equals("identify-sources"))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.student()).isEqualTo("Ada");
                        assertThat(c.before()).isEqualTo(before);
                        assertThat(c.delta()).isPositive();
                    });
            assertThat(sourcesScore()).as("a preview stores nothing").isEqualTo(before);
            keys.acceptKeyVersion(lesson.id(), preview.currentVersionId(), preview.newVersionId());
            assertThat(jdbc.sql("SELECT DISTINCT key_version_id FROM lesson_step WHERE assignment_id = :a")
                            .param("a", lesson.id())
                            .query(UUID.class)
                            .list())
                    .as("both steps move to the new key version")
                    .containsExactly(preview.newVersionId());
        }
        assertThat(sourcesScore()).isGreaterThan(before);
        assertThat(jdbc.sql("""
                        SELECT s.cause FROM score s JOIN attempt t ON t.id = s.attempt_id
                         WHERE t.submission_id = (SELECT id FROM submission WHERE assignment_id = :a) AND t.step = 1
                         ORDER BY s.position DESC LIMIT 1
                        """).param("a", lesson.id()).query(String.class).single())
                .isEqualTo("key-version");
    }

    private double sourcesScore() {
        return jdbc.sql("""
                SELECT s.score FROM score s JOIN attempt t ON t.id = s.attempt_id
                 WHERE t.submission_id = (SELECT id FROM submission WHERE assignment_id = :a) AND t.step = 1
                 ORDER BY s.position DESC LIMIT 1
                """).param("a", lesson.id()).query(Double.class).single();
    }
}
