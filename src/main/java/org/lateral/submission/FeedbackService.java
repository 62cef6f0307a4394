package org.lateral.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lateral.assignment.AssignmentGrading;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.DueDates;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.GradedAssignment;
import org.lateral.assignment.StudentAssignment;
import org.lateral.assignment.StudentOfAssignment;
import org.lateral.base.UserFacingException;
import org.lateral.security.CurrentUser;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A student's feedback and revision. The security boundary for the key on the student side:
 * nothing of the key (claims, why, cues, even the score) leaves this service before the
 * assignment's feedback policy releases it for this student, and while a revision is possible
 * only hints leave it, never the key's claims (src/docs/decisions/DD006).
 */
@Service
public class FeedbackService {

    private final CurrentUser currentUser;
    private final AssignmentService assignments;
    private final SubmissionRepository submissions;
    private final GradingRepository grading;
    private final AssignmentGrading assignmentGrading;
    private final Grader grader;
    private final Clock clock;

    FeedbackService(
            CurrentUser currentUser,
            AssignmentService assignments,
            SubmissionRepository submissions,
            GradingRepository grading,
            AssignmentGrading assignmentGrading,
            Grader grader,
            Clock clock) {
        this.currentUser = currentUser;
        this.assignments = assignments;
        this.submissions = submissions;
        this.grading = grading;
        this.assignmentGrading = assignmentGrading;
        this.grader = grader;
        this.clock = clock;
    }

    /** The student's feedback on an assignment; empty when the assignment is not theirs or not open. */
    @Transactional(readOnly = true)
    @StudentOfAssignment
    public Optional<StudentFeedback> feedback(UUID assignmentId) {
        LateralUser student = currentUser.require(Role.STUDENT);
        Optional<StudentAssignment> found = assignments.forStudent(assignmentId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StudentAssignment assignment = found.get();
        Instant now = clock.instant();
        Optional<UUID> submission = grading.submissionOf(assignmentId, student.accountId());
        List<GradingRepository.AttemptRow> attempts =
                submission.map(grading::attemptsOf).orElse(List.of());
        List<GradingRepository.AttemptRow> submitted =
                attempts.stream().filter(a -> a.submittedAt() != null).toList();
        boolean revisionInProgress = attempts.size() > 1 && attempts.getLast().submittedAt() == null;
        boolean canRevise =
                attempts.size() == 1 && attempts.getFirst().submittedAt() != null && assignment.revisionOpen(now);
        boolean released = !submitted.isEmpty() && assignment.feedbackReleased(now);
        GradedAssignment facts = assignmentGrading.pins(assignmentId).orElseThrow();
        Optional<Grader.Context> context = released ? grader.context(facts, null) : Optional.empty();
        String text = context.map(Grader.Context::text).orElseGet(() -> grader.text(facts));
        if (!released || context.isEmpty()) {
            return Optional.of(new StudentFeedback(
                    assignmentId,
                    assignment.title(),
                    text,
                    assignment.timeZone(),
                    false,
                    waiting(assignment, submitted.isEmpty(), context.isEmpty() && released),
                    List.of(),
                    null,
                    canRevise,
                    revisionInProgress,
                    null));
        }
        if (revisionPossible(assignment, attempts, now)) {
            // DD006: a student who could copy the key into attempt 2 sees where to look, not the key.
            RevisionHints hints = RevisionHints.of(grader.review(context.get(), submitted.getLast(), false), text);
            return Optional.of(new StudentFeedback(
                    assignmentId,
                    assignment.title(),
                    text,
                    assignment.timeZone(),
                    false,
                    null,
                    List.of(),
                    hints,
                    canRevise,
                    revisionInProgress,
                    null));
        }
        List<AttemptReview> reviews = new ArrayList<>();
        for (GradingRepository.AttemptRow a : submitted) {
            reviews.add(grader.review(context.get(), a, false));
        }
        Double gain = null;
        if (reviews.size() == 2
                && reviews.get(0).score() != null
                && reviews.get(1).score() != null) {
            gain = Math.round(10
                            * (reviews.get(1).score().score()
                                    - reviews.get(0).score().score()))
                    / 10.0;
        }
        return Optional.of(new StudentFeedback(
                assignmentId,
                assignment.title(),
                text,
                assignment.timeZone(),
                true,
                null,
                reviews,
                null,
                canRevise,
                revisionInProgress,
                gain));
    }

    /**
     * Whether the student could still submit an attempt 2 (DD006): attempt 1 is submitted, attempt
     * 2 is not, and either a revision can be started now or an attempt 2 that was started can still
     * be saved and submitted (the marking page takes work while the assignment does, even after
     * the revision window has closed).
     */
    static boolean revisionPossible(
            StudentAssignment assignment, List<GradingRepository.AttemptRow> attempts, Instant now) {
        if (attempts.isEmpty() || attempts.getFirst().submittedAt() == null) {
            return false;
        }
        if (attempts.size() == 1) {
            return assignment.revisionOpen(now);
        }
        return attempts.get(1).submittedAt() == null && (assignment.revisionOpen(now) || assignment.acceptsWork(now));
    }

    private static String waiting(StudentAssignment assignment, boolean nothingSubmitted, boolean noKey) {
        if (nothingSubmitted) {
            return "Feedback appears here after you submit your work.";
        }
        if (noKey) {
            return "This article has no answer key yet, so there is no feedback to show. Your teacher will look at your work.";
        }
        return assignment.feedbackPolicy() == FeedbackPolicy.AFTER_DUE
                ? "Feedback appears after the due date, " + DueDates.display(assignment.dueAt(), assignment.timeZone())
                        + "."
                : "Your teacher will release feedback when the class has finished.";
    }

    /**
     * Starts attempt 2 from a copy of attempt 1's marks, when the assignment allows revision and
     * attempt 1 is submitted. Attempt 1 and its score stay as they were.
     */
    @Transactional
    @StudentOfAssignment
    public void startRevision(UUID assignmentId) {
        LateralUser student = currentUser.require(Role.STUDENT);
        StudentAssignment assignment = assignments
                .forStudent(assignmentId)
                .orElseThrow(() -> new UserFacingException("This assignment is not open for you."));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!assignment.revisionOpen(now)) {
            throw new UserFacingException("This assignment cannot be revised (any more).");
        }
        UUID submission = grading.submissionOf(assignmentId, student.accountId())
                .orElseThrow(() -> new UserFacingException("Submit your work first; then you can revise it."));
        // Locking attempt 1 first makes a double click start one revision, not fail on the second.
        SubmissionRepository.Attempt first = submissions
                .lockAttempt(grading.attemptsOf(submission).getFirst().id())
                .orElseThrow();
        if (grading.attemptsOf(submission).size() > 1) {
            throw new UserFacingException("You have already started your revision.");
        }
        if (first.submittedAt() == null) {
            throw new UserFacingException("Submit your work first; then you can revise it.");
        }
        grading.startAttemptFrom(submission, first, now);
    }
}
