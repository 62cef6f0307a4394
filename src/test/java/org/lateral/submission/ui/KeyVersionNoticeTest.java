package org.lateral.submission.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.base.highlighter.MarkState;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.LibraryImport;
import org.lateral.library.LibraryService;
import org.lateral.library.TestPacks;
import org.lateral.security.Role;
import org.lateral.submission.MarkingSession;
import org.lateral.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The "new key version" notice on the results page: shown when the library key gets a version
 * the assignment does not use, previewed student by student, and gone once the teacher moves to
 * it (the scores change). A school of its own with a private copy of the pack, so changing the
 * key touches no other test.
 */
@LateralTest
class KeyVersionNoticeTest extends SpringBrowserlessTest {

    static final String TEACHER = "key-version-teacher";
    static final String HEADLINE = "The Head Of ISIS’ European Operations Reportedly Defects";

    @Autowired
    org.lateral.Fixtures fixtures;

    @Autowired
    LibraryImport libraryImport;

    @Autowired
    LibraryService library;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    ClassroomService classroom;

    @Autowired
    AssignmentService assignments;

    @Autowired
    SubmissionService submissions;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    UUID assignment;

    @BeforeEach
    void aSubmittedAttemptAndThenANewKeyVersion() throws IOException {
        UUID school = fixtures.school("Key version school");
        Path pack = TestPacks.defectorsWithFreshIds(temp.resolve("defectors"));
        fixtures.importPack(school, pack);
        administration.ensureAccount(
                school, TEACHER, "History Teacher", Set.of(Role.TEACHER), "a long enough password");
        OneTimeCredential ada;
        try (var s = SignedIn.as(users, TEACHER)) {
            ClassDetail schoolClass = classroom.createClass(new NewClass("Media", "", "", "UTC"));
            ada = classroom.createStudents(schoolClass.id(), "Ada").getFirst();
            UUID frisky = library.articles("frisky").getFirst().articleId();
            assignment = assignments
                    .assignMarkClaims(
                            schoolClass.id(),
                            new NewAssignment(
                                    frisky,
                                    null,
                                    LocalDate.now().plusDays(3),
                                    true,
                                    FeedbackPolicy.AFTER_SUBMIT,
                                    false,
                                    null,
                                    false))
                    .id();
        }
        try (var s = SignedIn.as(users, ada.username())) {
            MarkingSession session = submissions.open(assignment).orElseThrow();
            submissions.saveMark(
                    session.attemptId(),
                    new MarkState(UUID.randomUUID(), 1, 0, HEADLINE.length(), HEADLINE, "", "", "factual", false));
            submissions.submit(session.attemptId());
        }
        // The key's authors now also accept "factual" for the headline: a new key version.
        Path key = pack.resolve("keys/000-the-frisky.yaml");
        String yaml = Files.readString(key);
        String before = "    types: [hedged, attributed]\n    worthiness: 3\n    why: \"The central claim";
        assertThat(yaml).contains(before);
        Files.writeString(
                key,
                yaml.replace(before, before.replace("[hedged, attributed]", "[hedged, attributed, factual]"))
                        .replaceFirst("(?m)^changes: \\|\n(  .*\n)*", "changes: |\n  " + WHAT_CHANGED + "\n"));
        fixtures.importPack(school, pack);
    }

    static final String WHAT_CHANGED = "The headline also accepts factual.";

    private String attemptOne() {
        return ResultsRows.of($(Grid.class).withTestId("results-table").single()).stream()
                .flatMap(r -> r.find(Anchor.class, "open-attempt-1").stream())
                .reduce((a, b) -> {
                    throw new AssertionError("more than one attempt 1");
                })
                .orElseThrow()
                .getText();
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_teacher_sees_the_notice_previews_the_change_and_moves_the_assignment() {
        navigate("results/" + assignment, ResultsView.class);
        assertThat($(Div.class)
                        .withTestId("key-version-notice")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("A new version of this article’s answer key is available")
                .as("the pack's own account of the change")
                .contains("What changed: " + WHAT_CHANGED);
        String before = attemptOne();

        test($(Button.class).withTestId("preview-key-version").single()).click();
        assertThat($(Div.class).withTestId("key-preview").single().getElement().getTextRecursively())
                .contains("What changed: " + WHAT_CHANGED)
                .as("the long teaching notes give way to the account of the change")
                .doesNotContain("Notes of the new version");
        assertThat($(Div.class)
                        .withAttribute("data-testid", "key-preview-change")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .startsWith("Ada · attempt 1")
                .contains(before + " \u2192 ");
        assertThat(attemptOne()).as("a preview changes nothing").isEqualTo(before);

        test($(Button.class).withTestId("accept-key-version").single()).click();
        assertThat($(Div.class).withTestId("key-version-notice").exists()).isFalse();
        assertThat(Double.parseDouble(attemptOne())).isGreaterThan(Double.parseDouble(before));
    }
}
