package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.assignment.NewStep;
import org.lateral.base.Schools;
import org.lateral.base.highlighter.SaveStatus;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.LibraryService;
import org.lateral.security.Role;
import org.lateral.submission.scoring.CompareScoring.Verdict;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The compare step's feedback through {@link FeedbackService} on the seeded Defectors set: a
 * compare-only lesson on the two excerpts of the Daily Beast interview. Nothing before release;
 * once released, the student's grid and matrix beside the key and the relay picture; the class's
 * answers per cell only from {@value CompareFeedback#CLASS_COUNTS_MIN_STUDENTS} submitted students,
 * counted from each one's latest submitted attempt; hints only while a revision is possible.
 */
@LateralServerTest
class CompareFeedbackIT {

    @Autowired
    SubmissionService submissions;

    @Autowired
    CompareWorkService compareWork;

    @Autowired
    FeedbackService feedback;

    @Autowired
    KeyAmendments amendments;

    @Autowired
    GradingActions actions;

    @Autowired
    AssignmentService assignments;

    @Autowired
    ClassroomService classroom;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    LibraryService library;

    @Autowired
    UserDetailsService users;

    String teacher;
    ClassDetail schoolClass;
    List<OneTimeCredential> students;
    UUID isegoria;
    UUID warInContext;

    @BeforeEach
    void aClass() {
        teacher = "t-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, teacher, "Ms Adeyemi", Set.of(Role.TEACHER), "a long enough password");
        try (var s = SignedIn.as(users, teacher)) {
            schoolClass = classroom.createClass(new NewClass("Media", "", "", "UTC"));
            students = classroom.createStudents(schoolClass.id(), "Ada\nBen\nCai\nDee\nEli\nFay");
            isegoria = library.articles("isegoria").getFirst().articleId();
            warInContext = library.articles("war in context").getFirst().articleId();
        }
    }

    AssignmentSummary compareLesson(FeedbackPolicy policy, boolean revision) {
        try (var s = SignedIn.as(users, teacher)) {
            return assignments.assignMarkClaims(
                    schoolClass.id(),
                    new NewAssignment(
                            isegoria,
                            null,
                            LocalDate.now().plusDays(3),
                            false,
                            policy,
                            revision,
                            null,
                            false,
                            List.of(NewStep.compare(List.of(isegoria, warInContext), BigDecimal.ONE, false))));
        }
    }

    /**
     * Fills and submits the student's comparison: Isegoria's framing (right), War in Context's
     * reporting, and k01 in War in Context as the given carriage.
     */
    void compareAndSubmit(OneTimeCredential student, AssignmentSummary lesson, String k01InWarInContext) {
        try (var s = SignedIn.as(users, student.username())) {
            MarkingSession session = submissions.open(lesson.id()).orElseThrow();
            assertThat(session.compare()).isNotNull();
            UUID attempt = session.attemptId();
            assertThat(compareWork
                            .saveGrid(
                                    attempt,
                                    new CompareItems.GridState(
                                            isegoria.toString(),
                                            1,
                                            "sensational",
                                            1,
                                            1,
                                            "relay",
                                            List.of("The Daily Beast"),
                                            null,
                                            null))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
            assertThat(compareWork
                            .saveCell(
                                    attempt,
                                    new CompareItems.CellState(
                                            "k01",
                                            warInContext.toString(),
                                            1,
                                            k01InWarInContext,
                                            null,
                                            null,
                                            null,
                                            null,
                                            null))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
            submissions.submit(attempt);
        }
    }

    StudentFeedback feedbackOf(OneTimeCredential student, AssignmentSummary lesson) {
        try (var s = SignedIn.as(users, student.username())) {
            return feedback.feedback(lesson.id()).orElseThrow();
        }
    }

    @Test
    void nothing_before_release_then_the_key_beside_the_work_and_class_counts_only_from_five_students() {
        AssignmentSummary lesson = compareLesson(FeedbackPolicy.WHEN_RELEASED, false);
        List<String> answers = List.of("attributed", "attributed", "hedged", "fact", "attributed");
        for (int i = 0; i < 4; i++) {
            compareAndSubmit(students.get(i), lesson, answers.get(i));
        }

        StudentFeedback waiting = feedbackOf(students.getFirst(), lesson);
        assertThat(waiting.released()).isFalse();
        assertThat(waiting.waiting().reason()).isEqualTo(StudentFeedback.Waiting.Reason.TEACHER_RELEASES);
        assertThat(waiting.compare()).isEmpty();
        assertThat(waiting.compareHints()).isNull();

        try (var s = SignedIn.as(users, teacher)) {
            actions.releaseFeedback(lesson.id());
        }
        StudentFeedback four = feedbackOf(students.getFirst(), lesson);
        assertThat(four.released()).isTrue();
        assertThat(four.compareHints()).isNull();
        CompareFeedback f = four.compare().getLast().feedback();
        assertThat(f.articles())
                .extracting(CompareFeedback.ArticleFeedback::outlet)
                .containsExactly("Isegoria", "War in Context");
        assertThat(f.articles().getFirst().framing().verdict()).isEqualTo(Verdict.RIGHT);
        assertThat(f.articles().getFirst().framing().why()).contains("Confessions");
        assertThat(f.articles().getFirst().keyOutletKind()).contains("personal blog");
        CompareFeedback.Cell k01 = f.matrix().getFirst().cells().getLast();
        assertThat(k01.verdict()).isEqualTo(Verdict.RIGHT);
        assertThat(k01.why()).contains("credits it to Abu Khaled");
        assertThat(f.relay().text())
                .isEqualTo("The Daily Beast reported first-hand. Isegoria relays The Daily Beast. "
                        + "War in Context relays The Daily Beast.");
        assertThat(f.classStudents()).as("four students are too few to show").isNull();
        assertThat(k01.classCounts()).isNull();

        // A sixth student who has not submitted counts for nothing; the fifth who submits shows the counts.
        compareAndSubmit(students.get(4), lesson, answers.get(4));
        CompareFeedback five =
                feedbackOf(students.getFirst(), lesson).compare().getLast().feedback();
        assertThat(five.classStudents()).isEqualTo(5);
        assertThat(five.matrix().getFirst().cells().getLast().classCounts())
                .containsExactly(
                        java.util.Map.entry("fact", 1),
                        java.util.Map.entry("attributed", 3),
                        java.util.Map.entry("hedged", 1),
                        java.util.Map.entry("absent", 0),
                        java.util.Map.entry("none", 0));
        assertThat(five.matrix().getFirst().cells().getFirst().classCounts())
                .as("Isegoria's k01, which nobody answered")
                .containsEntry("none", 5);
        assertThat(feedbackOf(students.get(5), lesson).compare())
                .as("a student who has not submitted gets no review")
                .isEmpty();
    }

    @Test
    void while_a_revision_is_possible_the_compare_step_gives_hints_not_the_key() {
        AssignmentSummary lesson = compareLesson(FeedbackPolicy.AFTER_SUBMIT, true);
        compareAndSubmit(students.getFirst(), lesson, "hedged");

        StudentFeedback hints = feedbackOf(students.getFirst(), lesson);
        assertThat(hints.released()).isFalse();
        assertThat(hints.compare()).isEmpty();
        assertThat(hints.canRevise()).isTrue();
        CompareHints h = hints.compareHints();
        assertThat(h).isNotNull();
        assertThat(h.articles()).hasSize(2);
        assertThat(h.articles().getFirst().lookAgain())
                .doesNotContain(CompareHints.Item.FRAMING, CompareHints.Item.RELAYED_FROM);
        assertThat(h.articles().getLast().rightCells()).isZero();
        assertThat(h.articles().getLast().cells()).isEqualTo(8);
    }

    @Test
    void an_alternative_the_teacher_accepts_shows_as_right_in_the_feedback_as_it_counts_in_the_score() {
        AssignmentSummary lesson = compareLesson(FeedbackPolicy.AFTER_SUBMIT, false);
        compareAndSubmit(students.getFirst(), lesson, "hedged");
        CompareFeedback.Cell before = feedbackOf(students.getFirst(), lesson)
                .compare()
                .getLast()
                .feedback()
                .matrix()
                .getFirst()
                .cells()
                .getLast();
        assertThat(before.verdict())
                .as("the key does not take \u201chedged\u201d here")
                .isEqualTo(Verdict.WRONG);

        try (var s = SignedIn.as(users, teacher)) {
            amendments.acceptCompareCarriage(
                    lesson.id(), "k01", warInContext, org.lateral.submission.scoring.CompareScoring.Carriage.HEDGED);
        }
        CompareFeedback.Cell after = feedbackOf(students.getFirst(), lesson)
                .compare()
                .getLast()
                .feedback()
                .matrix()
                .getFirst()
                .cells()
                .getLast();
        assertThat(after.verdict()).isEqualTo(Verdict.RIGHT);
    }
}
