package org.lateral.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.AssignmentGrading;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.GradedAssignment;
import org.lateral.assignment.LessonStep;
import org.lateral.assignment.NewStep;
import org.lateral.assignment.StudentAssignment;
import org.lateral.assignment.StudentOfAssignment;
import org.lateral.base.UserFacingException;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.SaveResult;
import org.lateral.base.highlighter.SavedMark;
import org.lateral.base.i18n.KeyedText;
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
    private final SourceGrader sourceGrader;
    private final SourceWorkRepository sourceWork;
    private final CompareWorkRepository compareWork;
    private final CompareGrader compareGrader;
    private final Clock clock;

    SubmissionService(
            CurrentUser currentUser,
            AssignmentService assignments,
            LibraryPins library,
            SubmissionRepository submissions,
            AssignmentGrading assignmentGrading,
            Grader grader,
            SourceGrader sourceGrader,
            SourceWorkRepository sourceWork,
            CompareWorkRepository compareWork,
            CompareGrader compareGrader,
            Clock clock) {
        this.compareWork = compareWork;
        this.compareGrader = compareGrader;
        this.sourceGrader = sourceGrader;
        this.sourceWork = sourceWork;
        this.assignmentGrading = assignmentGrading;
        this.grader = grader;
        this.currentUser = currentUser;
        this.assignments = assignments;
        this.library = library;
        this.submissions = submissions;
        this.clock = clock;
    }

    /** The student's current step of a lesson, its attempt created on first opening. */
    @Transactional
    @StudentOfAssignment
    public Optional<MarkingSession> open(UUID assignmentId) {
        return openStep(assignmentId, null);
    }

    /**
     * One step of the student's lesson (DD013): a done step to review, or the open one, its
     * attempt of the current round created on first opening (a revision's later steps start from
     * a copy of the previous round's work). A locked step, or one the lesson does not have, opens
     * the current step instead.
     */
    @Transactional
    @StudentOfAssignment
    public Optional<MarkingSession> openStep(UUID assignmentId, @Nullable Integer position) {
        LateralUser student = currentUser.require(Role.STUDENT);
        Optional<StudentAssignment> found = assignments.forStudent(assignmentId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StudentAssignment assignment = found.get();
        Instant now = now();
        UUID submissionId = submissions.ensureSubmission(student.schoolId(), assignmentId, student.accountId(), now);
        LessonProgress progress = progress(assignment, submissionId);
        LessonProgress.Step shown = position == null
                ? progress.current()
                : progress.step(position)
                        .filter(s -> s.state() != LessonProgress.State.LOCKED)
                        .orElse(progress.current());
        if (shown.attemptId() == null) {
            int opening = shown.position();
            Integer claimsStep =
                    claimsStepOf(assignment).filter(claims -> claims < opening).orElse(null);
            submissions.ensureAttempt(submissionId, opening, progress.round(), claimsStep, now);
            progress = progress(assignment, submissionId);
            shown = progress.step(shown.position()).orElseThrow();
        }
        SubmissionRepository.Attempt attempt =
                submissions.attempt(Objects.requireNonNull(shown.attemptId())).orElseThrow();
        LessonStep step = assignment.steps().get(shown.position());
        UUID articleVersionId = Objects.requireNonNull(step.articleVersionId());
        String text =
                library.canonicalText(student.schoolId(), articleVersionId).orElseThrow();
        Boundaries boundaries = boundaries(articleVersionId, text);
        boolean sources = step.exercise().equals(NewStep.IDENTIFY_SOURCES);
        CompareSession compare =
                step.compares() ? compareSession(assignmentId, step, attempt, student.schoolId()) : null;
        SourceWork work = sources ? sourceWork.sourceWork(attempt.id()) : new SourceWork(List.of(), List.of());
        return Optional.of(new MarkingSession(
                assignmentId,
                submissionId,
                attempt.id(),
                attempt.number(),
                assignment.title(),
                text,
                boundaries.words(),
                boundaries.sentences(),
                sources ? List.of() : submissions.liveMarks(attempt.id()),
                assignment.dueAt(),
                assignment.timeZone(),
                assignment.lateWorkAccepted(),
                attempt.submittedAt(),
                step.position(),
                step.exercise(),
                progress,
                sources ? claimsToLink(assignment, step, attempt, student.schoolId()) : List.of(),
                work.sources(),
                work.links(),
                sources
                        ? library.outletsNamedIn(student.schoolId(), text)
                        : compare == null ? List.of() : namedIn(student.schoolId(), compare),
                compare));
    }

    /** The word and sentence spans of an article version, for snapping in the browser. */
    private record Boundaries(int[] words, int[] sentences) {}

    /**
     * Article versions never change, so their spans are computed once and shared by every page
     * that shows them (issue 18, DD028): an open page keeps its session, and a thousand students
     * on one article then keep one copy, not a thousand. Nobody writes into these arrays.
     */
    private final Map<UUID, Boundaries> boundaryCache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boundaries> eldest) {
            return size() > 256;
        }
    };

    private Boundaries boundaries(UUID articleVersionId, String text) {
        synchronized (boundaryCache) {
            Boundaries cached = boundaryCache.get(articleVersionId);
            if (cached != null) {
                return cached;
            }
        }
        Boundaries computed = new Boundaries(Tokens.words(text), Tokens.sentences(text));
        synchronized (boundaryCache) {
            Boundaries raced = boundaryCache.putIfAbsent(articleVersionId, computed);
            return raced != null ? raced : computed;
        }
    }

    /**
     * The outlets a compare step's articles name, in column order, first mention first: what a
     * student may pick as the outlets an article relays, besides the other columns' outlets.
     */
    private List<String> namedIn(UUID schoolId, CompareSession compare) {
        return compare.columns().stream()
                .flatMap(c -> library.outletsNamedIn(schoolId, c.canonicalText()).stream())
                .distinct()
                .toList();
    }

    /** A compare step's columns, core claims, rubric and the attempt's saved work (DD015). */
    private CompareSession compareSession(
            UUID assignmentId, LessonStep step, SubmissionRepository.Attempt attempt, UUID schoolId) {
        List<LibraryPins.ColumnArticle> columns = step.articles().stream()
                .map(a -> library.columnArticle(schoolId, a.articleVersionId()).orElseThrow())
                .toList();
        List<CompareSession.CoreClaim> claims = library.comparisonKey(
                        schoolId, Objects.requireNonNull(step.comparisonKeyVersionId()))
                .map(k -> k.claims().stream()
                        .map(c -> new CompareSession.CoreClaim(c.id(), c.claim()))
                        .toList())
                .orElse(List.of());
        return new CompareSession(
                columns,
                claims,
                assignments.judgementRubricForStudent(assignmentId),
                step.outletProfilesAtOnce(),
                compareWork.work(attempt.id()));
    }

    private LessonProgress progress(StudentAssignment assignment, UUID submissionId) {
        return LessonProgress.of(
                assignment.steps(), LessonProgress.AttemptState.of(submissions.attempts(submissionId)));
    }

    /**
     * The claims a sources step links, numbered in text order and drawn without their types: the
     * student's own marks of the lesson's claims step in the same round, or the key's claims when
     * the lesson has no claims step (DD013).
     */
    private List<MarkingSession.ClaimToLink> claimsToLink(
            StudentAssignment assignment, LessonStep step, SubmissionRepository.Attempt attempt, UUID schoolId) {
        Optional<LessonStep> claimsStep = assignment.steps().stream()
                .filter(s -> s.exercise().equals(NewStep.MARK_CLAIMS))
                .findFirst();
        if (claimsStep.isPresent()) {
            return MarkingSession.ClaimToLink.ofMarks(submissions.attempts(attempt.submissionId()).stream()
                    .filter(a -> a.step() == claimsStep.get().position() && a.number() == attempt.number())
                    .findFirst()
                    .map(a -> submissions.liveMarks(a.id()))
                    .orElse(List.of()));
        }
        if (step.keyVersionId() == null) {
            return List.of();
        }
        return MarkingSession.ClaimToLink.numbered(library.keyClaims(schoolId, step.keyVersionId()).stream()
                .map(c -> new MarkingSession.ClaimToLink(c.id(), c.start(), c.end(), ""))
                .toList());
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
            return SaveResult.rejected("", 0, KeyedText.of("submission.save.mark.unreadable"));
        }
        String markId = state.markId() == null ? "" : state.markId().toString();
        SubmissionRepository.Attempt attempt = submissions
                .lockAttempt(attemptId)
                .filter(a -> a.studentId().equals(student.accountId()))
                .orElseThrow(() -> UserFacingException.of("submission.refusal.workNotYours"));
        StudentAssignment assignment = assignments
                .forStudent(attempt.assignmentId())
                .orElseThrow(() -> UserFacingException.of("submission.refusal.noLongerInClass"));
        if (!exerciseOf(assignment, attempt).equals(NewStep.MARK_CLAIMS)) {
            // Marks belong to a "Mark the claims" step; a client sending one for another step's
            // attempt is broken or tampered with.
            return SaveResult.rejected(markId, state.seq(), KeyedText.of("submission.save.mark.notMarkingStep"));
        }
        if (attempt.submittedAt() != null) {
            return SaveResult.rejected(
                    markId,
                    state.seq(),
                    UserFacingException.of("submission.refusal.submitted").getLocalizedMessage());
        }
        UserFacingException locked = lockedReason(assignment, attempt);
        if (locked != null) {
            return SaveResult.rejected(markId, state.seq(), locked.getLocalizedMessage());
        }
        Instant now = now();
        if (!assignment.acceptsWork(now, attempt.number())) {
            return SaveResult.rejected(
                    markId,
                    state.seq(),
                    UserFacingException.of("submission.refusal.pastDue").getLocalizedMessage());
        }
        String text = library.canonicalText(student.schoolId(), assignment.articleVersionId())
                .orElseThrow();
        MarkClaimsModel.Decision decision = MarkClaimsModel.check(text, state);
        if (decision instanceof MarkClaimsModel.Decision.Reject reject) {
            return SaveResult.rejected(markId, state.seq(), reject.message());
        }
        MarkClaimsModel.Decision.Accept accept = (MarkClaimsModel.Decision.Accept) decision;
        SubmissionRepository.MarkTally tally = submissions.markTally(attemptId, state.markId());
        Optional<Integer> stored = Optional.ofNullable(tally.storedSeq());
        if (stored.isPresent() && stored.get() >= state.seq()) {
            return SaveResult.stale(markId, stored.get());
        }
        if (stored.isEmpty() && state.deleted()) {
            // Deleting a mark that was never stored (made and removed while offline) leaves
            // nothing to remember: no row is written, and the browser may forget the change.
            return SaveResult.saved(markId, state.seq());
        }
        if (stored.isEmpty() && tally.live() >= MarkClaimsModel.MAX_MARKS_PER_ATTEMPT) {
            return SaveResult.rejected(
                    markId,
                    state.seq(),
                    "You have marked " + MarkClaimsModel.MAX_MARKS_PER_ATTEMPT
                            + " claims, the most one attempt can hold. Delete a mark before adding another.");
        }
        if (stored.isEmpty() && tally.stored() >= MarkClaimsModel.MAX_STORED_MARKS_PER_ATTEMPT) {
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
                .orElseThrow(() -> UserFacingException.of("submission.refusal.workNotYours"));
        assignments
                .forStudent(attempt.assignmentId())
                .orElseThrow(() -> UserFacingException.of("submission.refusal.noLongerInClass"));
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
                .orElseThrow(() -> UserFacingException.of("submission.refusal.workNotYours"));
        StudentAssignment assignment = assignments
                .forStudent(unlocked.assignmentId())
                .orElseThrow(() -> UserFacingException.of("submission.refusal.noLongerInClass"));
        if (!assignment.acceptsWork(now(), unlocked.number())) {
            throw UserFacingException.of("submission.refusal.pastDue");
        }
        // Assignment before attempt, the order a teacher's key change takes too (it locks the
        // assignment, then touches attempts through their scores), so the two cannot deadlock.
        GradedAssignment facts = assignmentGrading
                .lock(unlocked.assignmentId(), unlocked.step(), false)
                .orElseThrow();
        SubmissionRepository.Attempt attempt =
                submissions.lockAttempt(attemptId).orElseThrow();
        Instant now = now();
        UserFacingException locked = attempt.submittedAt() == null ? lockedReason(assignment, attempt) : null;
        if (locked != null) {
            throw locked;
        }
        if (!submissions.submit(attempt, now)) {
            throw UserFacingException.of("submission.refusal.alreadySubmitted");
        }
        // The lesson is submitted when every step of the round is, whichever came last: usually
        // the last step, but a step the teacher reopened can be the one (DD013).
        if (progress(assignment, attempt.submissionId()).done()) {
            submissions.submitLesson(attempt.submissionId(), now);
        }
        if (facts.exercise().equals(NewStep.IDENTIFY_SOURCES)) {
            GradedAssignment claimsStep = claimsStepOf(assignment)
                    .flatMap(position -> assignmentGrading.pins(unlocked.assignmentId(), position))
                    .orElse(null);
            sourceGrader
                    .context(facts, claimsStep)
                    .ifPresent(context -> sourceGrader.record(context, attempt, ScoreCause.SUBMITTED, null, now));
        } else if (facts.exercise().equals(NewStep.COMPARE_OUTLETS)) {
            // Scored by the compare rules (DD014) without the judgement until the teacher grades
            // it: the row is provisional and says so.
            compareGrader
                    .context(facts)
                    .ifPresent(context -> compareGrader.record(context, attemptId, ScoreCause.SUBMITTED, null, now));
        } else {
            grader.context(facts, null)
                    .ifPresent(context -> grader.record(context, attemptId, ScoreCause.SUBMITTED, null, now));
        }
    }

    /**
     * Why the attempt takes no work now (a locked step, an earlier round), or null (DD013); a save
     * shows it in the page's language, a submit throws it.
     */
    @Nullable
    UserFacingException lockedReason(StudentAssignment assignment, SubmissionRepository.Attempt attempt) {
        return LessonProgress.lockedReason(
                assignment.steps(),
                LessonProgress.AttemptState.of(submissions.attempts(attempt.submissionId())),
                attempt.id());
    }

    private static Optional<Integer> claimsStepOf(StudentAssignment assignment) {
        return assignment.steps().stream()
                .filter(s -> s.exercise().equals(NewStep.MARK_CLAIMS))
                .map(LessonStep::position)
                .findFirst();
    }

    private static String exerciseOf(StudentAssignment assignment, SubmissionRepository.Attempt attempt) {
        return assignment.steps().stream()
                .filter(s -> s.position() == attempt.step())
                .map(LessonStep::exercise)
                .findFirst()
                .orElse("");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
