package org.lateral.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.AssignmentGrading;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.GradedAssignment;
import org.lateral.assignment.StudentAssignment;
import org.lateral.assignment.StudentOfAssignment;
import org.lateral.base.UserFacingException;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.SaveResult;
import org.lateral.base.highlighter.SavedMark;
import org.lateral.base.text.Tokens;
import org.lateral.library.LibraryPins;
import org.lateral.security.CurrentUser;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A student's work on an assignment: opening the marking page, saving marks, submitting. The
 * security boundary: every call checks the STUDENT role, that the attempt is this student's, and
 * (through {@link AssignmentService}) that they are still in the class, so a student removed
 * from a class cannot save even with the page still open. A save answers only after its
 * transaction has committed: "Saved" on the page means stored.
 * See DD004 (marks saved one by one).
 */
@Service
public class SubmissionService {

    private final CurrentUser currentUser;
    private final AssignmentService assignments;
    private final LibraryPins library;
    private final SubmissionRepository submissions;
    private final AssignmentGrading assignmentGrading;
    private final Grader grader;
    private final Clock clock;

    SubmissionService(
            CurrentUser currentUser,
            AssignmentService assignments,
            LibraryPins library,
            SubmissionRepository submissions,
            AssignmentGrading assignmentGrading,
            Grader grader,
            Clock clock) {
        this.assignmentGrading = assignmentGrading;
        this.grader = grader;
        this.currentUser = currentUser;
        this.assignments = assignments;
        this.library = library;
        this.submissions = submissions;
        this.clock = clock;
    }

    /** The student's current attempt on an assignment, created on first opening. */
    @Transactional
    @StudentOfAssignment
    public Optional<MarkingSession> open(UUID assignmentId) {
        LateralUser student = currentUser.require(Role.STUDENT);
        Optional<StudentAssignment> found = assignments.forStudent(assignmentId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StudentAssignment assignment = found.get();
        String text = library.canonicalText(student.schoolId(), assignment.articleVersionId())
                .orElseThrow();
        Instant now = now();
        UUID submissionId = submissions.ensureSubmission(student.schoolId(), assignmentId, student.accountId(), now);
        SubmissionRepository.Attempt attempt = submissions.currentAttempt(submissionId, now);
        return Optional.of(new MarkingSession(
                assignmentId,
                submissionId,
                attempt.id(),
                attempt.number(),
                assignment.title(),
                text,
                Tokens.words(text),
                Tokens.sentences(text),
                submissions.liveMarks(attempt.id()),
                assignment.dueAt(),
                assignment.timeZone(),
                assignment.lateWorkAccepted(),
                attempt.submittedAt()));
    }

    /**
     * Applies one mark save: checked, limited, versioned. A replay or an older change than the
     * stored one changes nothing and answers {@code stale}; bad input answers {@code rejected}
     * with the reason and changes nothing.
     */
    @Transactional
    @StudentOwnsAttempt
    public SaveResult saveMark(UUID attemptId, @Nullable MarkState state) {
        LateralUser student = currentUser.require(Role.STUDENT);
        if (state == null) {
            // A call without a mark comes from a broken or tampered client; it changes nothing.
            return SaveResult.rejected("", 0, "This mark could not be read. Please mark the words again.");
        }
        String markId = state.markId() == null ? "" : state.markId().toString();
        SubmissionRepository.Attempt attempt = submissions
                .lockAttempt(attemptId)
                .filter(a -> a.studentId().equals(student.accountId()))
                .orElseThrow(() -> new UserFacingException("This work is not yours or does not exist."));
        StudentAssignment assignment = assignments
                .forStudent(attempt.assignmentId())
                .orElseThrow(() -> new UserFacingException("You are no longer in the class of this assignment."));
        if (attempt.submittedAt() != null) {
            return SaveResult.rejected(
                    markId, state.seq(), "You have submitted this work, so it cannot change any more.");
        }
        Instant now = now();
        if (!assignment.acceptsWork(now)) {
            return SaveResult.rejected(markId, state.seq(), "The due date has passed and late work is not accepted.");
        }
        String text = library.canonicalText(student.schoolId(), assignment.articleVersionId())
                .orElseThrow();
        MarkClaimsModel.Decision decision = MarkClaimsModel.check(text, state);
        if (decision instanceof MarkClaimsModel.Decision.Reject reject) {
            return SaveResult.rejected(markId, state.seq(), reject.message());
        }
        MarkClaimsModel.Decision.Accept accept = (MarkClaimsModel.Decision.Accept) decision;
        Optional<Integer> stored = submissions.storedSeq(attemptId, state.markId());
        if (stored.isPresent() && stored.get() >= state.seq()) {
            return SaveResult.stale(markId, stored.get());
        }
        if (stored.isEmpty() && state.deleted()) {
            // Deleting a mark that was never stored (made and removed while offline) leaves
            // nothing to remember: no row is written, and the browser may forget the change.
            return SaveResult.saved(markId, state.seq());
        }
        if (stored.isEmpty() && submissions.liveMarkCount(attemptId) >= MarkClaimsModel.MAX_MARKS_PER_ATTEMPT) {
            return SaveResult.rejected(
                    markId,
                    state.seq(),
                    "You have marked " + MarkClaimsModel.MAX_MARKS_PER_ATTEMPT
                            + " claims, the most one attempt can hold. Delete a mark before adding another.");
        }
        if (stored.isEmpty()
                && submissions.storedMarkCount(attemptId) >= MarkClaimsModel.MAX_STORED_MARKS_PER_ATTEMPT) {
            return SaveResult.rejected(
                    markId,
                    state.seq(),
                    "This work has had " + MarkClaimsModel.MAX_STORED_MARKS_PER_ATTEMPT
                            + " marks made and deleted, the most one attempt can keep. Change the type of an existing mark "
                            + "instead of adding new ones.");
        }
        boolean applied = submissions.upsert(
                attemptId,
                state.markId(),
                state.seq(),
                accept.span(),
                accept.type().code(),
                state.deleted(),
                now);
        return applied
                ? SaveResult.saved(markId, state.seq())
                : SaveResult.stale(
                        markId, submissions.storedSeq(attemptId, state.markId()).orElse(state.seq()));
    }

    /** The attempt's current marks, for a tab that comes back to the foreground. */
    @Transactional(readOnly = true)
    @StudentOwnsAttempt
    public List<SavedMark> marks(UUID attemptId) {
        LateralUser student = currentUser.require(Role.STUDENT);
        SubmissionRepository.Attempt attempt = submissions
                .attempt(attemptId)
                .filter(a -> a.studentId().equals(student.accountId()))
                .orElseThrow(() -> new UserFacingException("This work is not yours or does not exist."));
        assignments
                .forStudent(attempt.assignmentId())
                .orElseThrow(() -> new UserFacingException("You are no longer in the class of this assignment."));
        return submissions.liveMarks(attemptId);
    }

    /**
     * Submits the attempt: final for it, and scored in the same transaction against the
     * assignment's key as it stands (with its amendments). The assignment row is share-locked so
     * a concurrent key change by the teacher is applied either before this score or to it.
     */
    @Transactional
    @StudentOwnsAttempt
    public void submit(UUID attemptId) {
        LateralUser student = currentUser.require(Role.STUDENT);
        SubmissionRepository.Attempt unlocked = submissions
                .attempt(attemptId)
                .filter(a -> a.studentId().equals(student.accountId()))
                .orElseThrow(() -> new UserFacingException("This work is not yours or does not exist."));
        StudentAssignment assignment = assignments
                .forStudent(unlocked.assignmentId())
                .orElseThrow(() -> new UserFacingException("You are no longer in the class of this assignment."));
        if (!assignment.acceptsWork(now())) {
            throw new UserFacingException("The due date has passed and late work is not accepted.");
        }
        // Assignment before attempt, the order a teacher's key change takes too (it locks the
        // assignment, then touches attempts through their scores), so the two cannot deadlock.
        GradedAssignment facts =
                assignmentGrading.lock(unlocked.assignmentId(), false).orElseThrow();
        SubmissionRepository.Attempt attempt =
                submissions.lockAttempt(attemptId).orElseThrow();
        Instant now = now();
        if (!submissions.submit(attempt, now)) {
            throw new UserFacingException("You have already submitted this work.");
        }
        grader.context(facts, null)
                .ifPresent(context -> grader.record(context, attemptId, ScoreCause.SUBMITTED, null, now));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
