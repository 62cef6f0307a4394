package org.lateral.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.AssignmentGrading;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.GradedAssignment;
import org.lateral.assignment.NewStep;
import org.lateral.assignment.TeacherOfAssignment;
import org.lateral.base.UserFacingException;
import org.lateral.base.text.PlainText;
import org.lateral.security.AuditAction;
import org.lateral.security.AuditOutcome;
import org.lateral.security.AuditTrail;
import org.lateral.security.CurrentUser;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the teacher of a class does to their students' work: comments, score overrides,
 * reopening a submitted attempt and releasing feedback. Every call checks the TEACHER role and
 * that the attempt or assignment belongs to a class the teacher teaches (DD003, DD009).
 */
@Service
public class GradingActions {

    static final int MAX_COMMENT = 2000;

    private final CurrentUser currentUser;
    private final AssignmentService assignments;
    private final AssignmentGrading assignmentGrading;
    private final GradingRepository grading;
    private final TeacherAttempts attempts;
    private final Grader grader;
    private final SourceGrader sourceGrader;
    private final CompareGrader compareGrader;
    private final CompareWorkRepository compareWork;
    private final SubmissionRepository submissions;
    private final Clock clock;

    private final AuditTrail audit;

    GradingActions(
            CurrentUser currentUser,
            AssignmentService assignments,
            AssignmentGrading assignmentGrading,
            GradingRepository grading,
            TeacherAttempts attempts,
            Grader grader,
            SourceGrader sourceGrader,
            CompareGrader compareGrader,
            CompareWorkRepository compareWork,
            SubmissionRepository submissions,
            Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.sourceGrader = sourceGrader;
        this.compareGrader = compareGrader;
        this.compareWork = compareWork;
        this.submissions = submissions;
        this.currentUser = currentUser;
        this.assignments = assignments;
        this.assignmentGrading = assignmentGrading;
        this.grading = grading;
        this.attempts = attempts;
        this.grader = grader;
        this.clock = clock;
    }

    /** A comment on the attempt, seen by its student with their feedback. */
    @Transactional
    @TeacherOfAttempt
    public void comment(UUID attemptId, String body) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        String text = body == null ? "" : PlainText.storable(body).strip();
        if (text.isEmpty()) {
            throw UserFacingException.of("submission.refusal.commentEmpty");
        }
        if (text.length() > MAX_COMMENT) {
            throw UserFacingException.of("submission.refusal.commentTooLong", MAX_COMMENT);
        }
        attempts.ownedOrThrow(attemptId);
        grading.insertComment(attemptId, teacher.accountId(), text, now());
    }

    /**
     * Sets the attempt's score, or with {@code score} null lets the rules' score count again. The
     * comment says why; it is kept in the score history (DD005).
     */
    @Transactional
    @TeacherOfAttempt
    public void override(UUID attemptId, @Nullable Double score, String comment) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        // Recorded in this transaction: a refused score (below) rolls the event back with it. The
        // teacher's reason is not copied: it may quote the student's work.
        audit.record(
                AuditAction.SCORE_OVERRIDDEN,
                AuditOutcome.SUCCESS,
                "attempt",
                List.of(attemptId),
                score == null ? "the rules' score counts again" : "score set to " + score);
        String why = comment == null ? "" : PlainText.storable(comment).strip();
        if (score != null && (score.isNaN() || score < 0 || score > 100)) {
            throw UserFacingException.of("submission.refusal.scoreRange");
        }
        if (score != null && why.isEmpty()) {
            throw UserFacingException.of("submission.refusal.scoreWhyMissing");
        }
        if (why.length() > MAX_COMMENT) {
            throw UserFacingException.of("submission.refusal.scoreWhyTooLong", MAX_COMMENT);
        }
        TeacherAttempts.Owned o = attempts.ownedOrThrow(attemptId);
        // The assignment before the attempt, the lock order of every grading path.
        GradedAssignment facts = assignmentGrading
                .lock(o.assignment().id(), o.attempt().step(), true)
                .orElseThrow();
        if (o.attempt().submittedAt() == null) {
            throw UserFacingException.of("submission.refusal.scoreNotSubmitted");
        }
        if (facts.exercise().equals(NewStep.COMPARE_OUTLETS)) {
            CompareGrader.Context compare = compareGrader
                    .context(facts)
                    .orElseThrow(() -> UserFacingException.of("submission.refusal.noComparisonKeyNoScores"));
            boolean overridden = grading.latest(attemptId)
                    .map(GradingRepository.Latest::overridden)
                    .orElse(false);
            if (score == null && !overridden) {
                throw UserFacingException.of("submission.refusal.scoreIsRules");
            }
            Double rounded = score == null ? null : Math.round(score * 10) / 10.0;
            compareGrader.override(compare, attemptId, rounded, teacher.accountId(), why.isEmpty() ? null : why, now());
            return;
        }
        if (facts.exercise().equals(NewStep.IDENTIFY_SOURCES)) {
            GradedAssignment claimsStep = facts.position() == Grader.CLAIMS_STEP
                    ? null
                    : assignmentGrading
                            .pins(o.assignment().id(), Grader.CLAIMS_STEP)
                            .filter(c -> c.exercise().equals(NewStep.MARK_CLAIMS))
                            .orElse(null);
            SourceGrader.Context sources = sourceGrader
                    .context(facts, claimsStep)
                    .orElseThrow(() -> UserFacingException.of("submission.refusal.noKeyNoScores"));
            boolean overridden = grading.latest(attemptId)
                    .map(GradingRepository.Latest::overridden)
                    .orElse(false);
            if (score == null && !overridden) {
                throw UserFacingException.of("submission.refusal.scoreIsRules");
            }
            Double rounded = score == null ? null : Math.round(score * 10) / 10.0;
            sourceGrader.override(
                    sources, o.attempt(), rounded, teacher.accountId(), why.isEmpty() ? null : why, now());
            return;
        }
        Grader.Context context = grader.context(facts, null)
                .orElseThrow(() -> UserFacingException.of("submission.refusal.noKeyNoScores"));
        boolean overridden = grading.latest(attemptId)
                .map(GradingRepository.Latest::overridden)
                .orElse(false);
        if (score == null && !overridden) {
            throw UserFacingException.of("submission.refusal.scoreIsRules");
        }
        Double rounded = score == null ? null : Math.round(score * 10) / 10.0;
        grader.override(context, attemptId, rounded, teacher.accountId(), why.isEmpty() ? null : why, now());
    }

    /**
     * Grades the closing judgement of a submitted compare-outlets attempt by the assignment's
     * current rubric (DD015) and re-scores the attempt (cause {@code judgement-graded}): the score
     * is then final rather than provisional. A later grade replaces this one; every grade stays
     * in the history, with the highest level of its time, so a later edit of the rubric changes
     * no score given.
     */
    @Transactional
    @TeacherOfAttempt
    public void gradeJudgement(UUID attemptId, int level) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        TeacherAttempts.Owned o = attempts.ownedOrThrow(attemptId);
        // The assignment before the attempt, the lock order of every grading path; shared, as a
        // submission takes it, so a key change re-scores this grade's row or comes after it.
        GradedAssignment facts = assignmentGrading
                .lock(o.assignment().id(), o.attempt().step(), false)
                .orElseThrow(() -> UserFacingException.of("submission.refusal.noJudgement"));
        if (!facts.exercise().equals(NewStep.COMPARE_OUTLETS)) {
            throw UserFacingException.of("submission.refusal.noJudgement");
        }
        SubmissionRepository.Attempt attempt =
                submissions.lockAttempt(attemptId).orElseThrow();
        if (attempt.submittedAt() == null) {
            throw UserFacingException.of("submission.refusal.judgementNotSubmitted");
        }
        java.util.List<org.lateral.library.LibraryPins.RubricLevel> rubric =
                assignments.judgementRubric(o.assignment().id());
        int highest = rubric.stream()
                .mapToInt(org.lateral.library.LibraryPins.RubricLevel::level)
                .max()
                .orElseThrow(() -> UserFacingException.of("submission.refusal.noRubric"));
        if (rubric.stream().noneMatch(r -> r.level() == level)) {
            throw UserFacingException.of("submission.refusal.rubricLevel", highest);
        }
        CompareGrader.Context context = compareGrader
                .context(facts)
                .orElseThrow(() -> UserFacingException.of("submission.refusal.noComparisonKeyNoScores"));
        Instant now = now();
        compareWork.insertGrade(attemptId, level, highest, teacher.accountId(), now);
        compareGrader.record(context, attemptId, ScoreCause.JUDGEMENT_GRADED, teacher.accountId(), now);
    }

    /** Lets the student change a submitted attempt again; its scores stay in the history. */
    @Transactional
    @TeacherOfAttempt
    public void reopen(UUID attemptId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        TeacherAttempts.Owned o = attempts.ownedOrThrow(attemptId);
        assignmentGrading.lock(o.assignment().id(), true);
        if (!grading.reopen(attemptId, teacher.accountId(), now())) {
            throw UserFacingException.of("submission.refusal.reopenNotLatest");
        }
    }

    @Transactional
    @TeacherOfAssignment
    public void releaseFeedback(UUID assignmentId) {
        assignments.releaseFeedback(assignmentId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
