package org.lateral.submission.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
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
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The teacher's results and attempt pages of a class of its own (issue 19): what the results page
 * says before anyone submitted, and "Previous student" / "Next student" on the attempt page.
 */
@LateralTest
class TeacherPagesOfANewClassTest extends SpringBrowserlessTest {

    static final String TEACHER = "attempt-nav-teacher";

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
    List<OneTimeCredential> students;
    UUID assignment;

    @BeforeEach
    void aClassOfThreeWithANewAssignment() {
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, TEACHER, "History Teacher", Set.of(Role.TEACHER), "a long enough password");
        try (var s = SignedIn.as(users, TEACHER)) {
            history = classroom.createClass(
                    new NewClass("History " + UUID.randomUUID().toString().substring(0, 4), "", "", "UTC"));
            // Given out of order: the pages go by name.
            students = classroom.createStudents(history.id(), "Cai Moana\nAna López\nBen Ode");
            assignment = assignments
                    .assignMarkClaims(
                            history.id(),
                            new NewAssignment(
                                    library.articles("frisky").getFirst().articleId(),
                                    null,
                                    LocalDate.now().plusDays(7),
                                    true,
                                    FeedbackPolicy.AFTER_SUBMIT,
                                    false,
                                    null,
                                    false))
                    .id();
        }
    }

    /** Each student marks the headline and submits; their attempt ids by name order (Ana, Ben, Cai). */
    private List<UUID> everyoneSubmits() {
        return submit("Ana López", "Ben Ode", "Cai Moana");
    }

    /** These students mark the headline and submit; their attempt ids in the order given. */
    private List<UUID> submit(String... names) {
        List<UUID> byName = new ArrayList<>();
        for (String name : names) {
            OneTimeCredential student = students.stream()
                    .filter(c -> c.displayName().equals(name))
                    .findFirst()
                    .orElseThrow();
            try (var s = SignedIn.as(users, student.username())) {
                MarkingSession session = submissions.open(assignment).orElseThrow();
                String headline = session.text().lines().findFirst().orElseThrow();
                submissions.saveMark(
                        session.attemptId(),
                        new MarkState(UUID.randomUUID(), 1, 0, headline.length(), headline, "", "", "factual", false));
                submissions.submit(session.attemptId());
                byName.add(session.attemptId());
            }
        }
        return byName;
    }

    private String text(String testId) {
        return $(Div.class).withTestId(testId).single().getElement().getTextRecursively();
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void before_anyone_submits_the_results_page_says_so_instead_of_claiming_every_mark_matches() {
        navigate("results/" + assignment, ResultsView.class);
        String spans = text("popular-spans");
        assertThat(spans).contains("No one has submitted yet.").doesNotContain("every mark of the submitted work");
        assertThat($(Paragraph.class).withTestId("results-summary").single().getText())
                .isEqualTo("0 of 3 submitted");
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void once_work_is_submitted_the_results_page_no_longer_says_nobody_submitted() {
        everyoneSubmits();
        navigate("results/" + assignment, ResultsView.class);
        assertThat(text("popular-spans")).doesNotContain("No one has submitted yet.");
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_attempt_page_steps_through_the_students_in_the_results_order_and_stops_at_the_ends() {
        List<UUID> attempts = everyoneSubmits();
        navigate("review/" + attempts.get(1), ReviewView.class);
        assertThat($(H2.class).first().getText()).startsWith("Ben Ode");
        assertThat($(Span.class).withTestId("student-position").single().getText())
                .isEqualTo("2 of 3");
        Button previous = $(Button.class).withTestId("student-previous").single();
        Button next = $(Button.class).withTestId("student-next").single();
        assertThat(previous.isEnabled()).isTrue();
        assertThat(previous.getElement().getAttribute("title")).isEqualTo("Ana López");
        assertThat(next.getElement().getAttribute("title")).isEqualTo("Cai Moana");

        test(next).click();
        assertThat($(H2.class).first().getText()).startsWith("Cai Moana");
        assertThat($(Span.class).withTestId("student-position").single().getText())
                .isEqualTo("3 of 3");
        assertThat($(Button.class).withTestId("student-next").single().isEnabled())
                .as("the last student has no next")
                .isFalse();

        test($(Button.class).withTestId("student-previous").single()).click();
        test($(Button.class).withTestId("student-previous").single()).click();
        assertThat($(H2.class).first().getText()).startsWith("Ana López");
        assertThat($(Span.class).withTestId("student-position").single().getText())
                .isEqualTo("1 of 3");
        assertThat($(Button.class).withTestId("student-previous").single().isEnabled())
                .as("the first student has no previous")
                .isFalse();
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void students_without_work_on_the_step_are_skipped() {
        List<UUID> attempts = submit("Ana López", "Cai Moana");
        navigate("review/" + attempts.getFirst(), ReviewView.class);
        assertThat($(Span.class).withTestId("student-position").single().getText())
                .isEqualTo("1 of 2");
        assertThat($(Button.class)
                        .withTestId("student-next")
                        .single()
                        .getElement()
                        .getAttribute("title"))
                .isEqualTo("Cai Moana");
    }
}
