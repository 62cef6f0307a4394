package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lateral.LateralServerTest;
import org.lateral.MovableClockConfiguration;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.base.Schools;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.SaveResult;
import org.lateral.base.highlighter.SaveStatus;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.LibraryService;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A revision window that outlasts the due date (late work not accepted): a revision the student may
 * start after the due date can also be saved and submitted, until the window closes.
 */
@LateralServerTest
@Import(MovableClockConfiguration.class)
class RevisionAfterDueIT {

    @Autowired
    SubmissionService submissions;

    @Autowired
    FeedbackService feedback;

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

    private SaveResult mark(MarkingSession session, String quote, int seq, UUID id) {
        int at = session.text().indexOf(quote);
        return submissions.saveMark(
                session.attemptId(), new MarkState(id, seq, at, at + quote.length(), quote, "", "", "hedged", false));
    }

    @Test
    void a_revision_started_after_the_due_date_takes_work_until_its_window_closes() {
        String teacher = "t-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, teacher, "Ms Late", Set.of(Role.TEACHER), "a long enough password");
        LocalDate today = LocalDate.now(MovableClockConfiguration.CLOCK.withZone(ZoneOffset.UTC));
        AssignmentSummary assignment;
        OneTimeCredential student;
        try (var s = SignedIn.as(users, teacher)) {
            ClassDetail media = classroom.createClass(new NewClass("Media", "", "", "UTC"));
            student = classroom.createStudents(media.id(), "Ada").getFirst();
            UUID frisky = library.articles("frisky").getFirst().articleId();
            assignment = assignments.assignMarkClaims(
                    media.id(),
                    new NewAssignment(
                            frisky,
                            null,
                            today.plusDays(1),
                            false,
                            FeedbackPolicy.AFTER_SUBMIT,
                            true,
                            today.plusDays(5),
                            false));
        }
        Duration moved = Duration.ZERO;
        try (var s = SignedIn.as(users, student.username())) {
            MarkingSession first = submissions.open(assignment.id()).orElseThrow();
            assertThat(mark(first, "Reportedly Defects", 1, UUID.randomUUID()).status())
                    .isEqualTo(SaveStatus.SAVED);
            submissions.submit(first.attemptId());

            MovableClockConfiguration.CLOCK.advance(Duration.ofDays(3));
            moved = moved.plusDays(3);
            feedback.startRevision(assignment.id());
            MarkingSession revision = submissions.open(assignment.id()).orElseThrow();
            assertThat(revision.attemptNumber()).isEqualTo(2);
            assertThat(mark(revision, "is believed to", 1, UUID.randomUUID()).status())
                    .as("past the due date, inside the revision window")
                    .isEqualTo(SaveStatus.SAVED);

            MovableClockConfiguration.CLOCK.advance(Duration.ofDays(4));
            moved = moved.plusDays(4);
            SaveResult closed = mark(revision, "If true", 1, UUID.randomUUID());
            assertThat(closed.status()).as("after the window").isEqualTo(SaveStatus.REJECTED);
            assertThat(closed.message()).isEqualTo("The due date has passed and late work is not accepted.");
        } finally {
            // The clock is shared with the other test classes that import it (demo assignments are
            // due a week after seeding): put it back where it was.
            MovableClockConfiguration.CLOCK.advance(moved.negated());
        }
    }
}
