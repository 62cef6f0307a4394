package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.base.Schools;
import org.lateral.base.highlighter.MarkState;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.LibraryService;
import org.lateral.security.Role;
import org.lateral.submission.MarkingSession;
import org.lateral.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Editing and removing assignments on the class page, in real Chromium (issue 19, DD035): the
 * teacher renames an assignment with the keyboard alone, removes one a student has worked on (the
 * question names the student count, and it is archived, not deleted), restores it, and deletes one
 * nobody opened. The class and its students are the test's own; no demo student is used.
 */
class AssignmentEditingJourneyIT extends JourneyTest {

    static final String TEACHER = "assignment-journey-teacher";
    static final String PASSWORD = "a long enough password";

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    ClassroomService classroom;

    @Autowired
    AssignmentService assignments;

    @Autowired
    SubmissionService submissions;

    @Autowired
    LibraryService library;

    @Autowired
    UserDetailsService users;

    ClassDetail history;

    @BeforeEach
    void aClassWithAnUntouchedAssignmentAndOneAStudentSubmitted() {
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, TEACHER, "Journey Teacher", Set.of(Role.TEACHER), PASSWORD);
        OneTimeCredential tui;
        UUID worked;
        try (var s = SignedIn.as(users, TEACHER)) {
            history = classroom.createClass(
                    new NewClass("Editing " + UUID.randomUUID().toString().substring(0, 4), "", "", "UTC"));
            tui = classroom.createStudents(history.id(), "Tui Ngata").getFirst();
            assignments.assignMarkClaims(history.id(), lesson("frisky", 5));
            worked = assignments
                    .assignMarkClaims(history.id(), lesson("isegoria", 9))
                    .id();
        }
        try (var s = SignedIn.as(users, tui.username())) {
            MarkingSession session = submissions.open(worked).orElseThrow();
            String headline = session.text().lines().findFirst().orElseThrow();
            submissions.saveMark(
                    session.attemptId(),
                    new MarkState(UUID.randomUUID(), 1, 0, headline.length(), headline, "", "", "factual", false));
            submissions.submit(session.attemptId());
        }
    }

    private NewAssignment lesson(String search, int dueInDays) {
        return new NewAssignment(
                library.articles(search).getFirst().articleId(),
                null,
                LocalDate.now().plusDays(dueInDays),
                true,
                FeedbackPolicy.AFTER_SUBMIT,
                false,
                null,
                false);
    }

    private Locator rows() {
        return page.locator("[data-testid='class-assignment']");
    }

    @Test
    void the_teacher_renames_one_assignment_archives_and_restores_one_with_work_and_deletes_one_nobody_opened() {
        page.setViewportSize(1280, 800);
        signIn(TEACHER, PASSWORD);
        page.navigate(url("class/" + history.id()));
        assertThat(rows()).hasCount(2);
        screenshot("assignment-editing-1-class.png");

        // Rename the first (due first: the one nobody opened) with the keyboard only.
        Locator first = rows().first();
        first.getByTestId("edit-assignment").focus();
        page.keyboard().press("Enter");
        Locator title = page.getByTestId("edit-title").locator("input");
        assertThat(title).isVisible();
        screenshot("assignment-editing-2-edit-dialog.png");
        title.fill("Frisky, read again");
        page.getByTestId("edit-save").focus();
        page.keyboard().press("Enter");
        assertThat(rows().first()).containsText("Frisky, read again");

        // Remove the one a student submitted: it is archived, and the question says how many.
        Locator worked = rows().nth(1);
        String workedTitle = worked.locator(".article-headline").innerText();
        worked.getByTestId("remove-assignment").click();
        // The dialog's host has no box of its own; its words and buttons are what the teacher sees.
        assertThat(page.getByTestId("remove-assignment-dialog")).containsText("1 student has work on this assignment");
        assertThat(page.getByText("Archive, keep the student’s work")).isVisible();
        screenshot("assignment-editing-3-archive-question.png");
        page.getByText("Archive, keep the student’s work").click();
        assertThat(rows()).hasCount(1);
        Locator archived = page.locator("[data-testid='archived-assignment']");
        assertThat(archived).hasCount(1);
        assertThat(archived).containsText(workedTitle);
        assertThat(archived).containsText("1 student with work");
        screenshot("assignment-editing-4-archived.png");

        archived.getByTestId("restore-assignment").click();
        assertThat(rows()).hasCount(2);
        assertThat(page.locator("[data-testid='archived-assignment']")).hasCount(0);

        // The renamed one nobody opened: deleted after a plain question.
        rows().first().getByTestId("remove-assignment").click();
        assertThat(page.getByTestId("remove-assignment-dialog")).containsText("No student has opened");
        page.getByText("Delete", new Page.GetByTextOptions().setExact(true))
                .last()
                .click();
        assertThat(rows()).hasCount(1);
        assertThat(rows().first()).containsText(workedTitle);
        assertThat(page.locator("[data-testid='class-assignments']")).not().containsText("Frisky, read again");
        screenshot("assignment-editing-5-after.png");
    }
}
