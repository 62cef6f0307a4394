package org.lateral.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.AssignmentGrading;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.GradedAssignment;
import org.lateral.assignment.LessonStep;
import org.lateral.assignment.NewStep;
import org.lateral.assignment.StudentAssignment;
import org.lateral.assignment.StudentOfAssignment;
import org.lateral.base.UserFacingException;
import org.lateral.library.LibraryPins;
import org.lateral.security.CurrentUser;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.lateral.submission.scoring.CompareScoring;
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
    private final SourceGrader sourceGrader;
    private final LibraryPins library;
    private final CompareWorkRepository compareWork;
    private final CompareFeedbackRepository compareFeedback;
    private final CompareGrader compareGrader;
    private final Clock clock;

    FeedbackService(
            CurrentUser currentUser,
            AssignmentService assignments,
            SubmissionRepository submissions,
            GradingRepository grading,
            AssignmentGrading assignmentGrading,
            Grader grader,
            SourceGrader sourceGrader,
            LibraryPins library,
            CompareWorkRepository compareWork,
            CompareFeedbackRepository compareFeedback,
            CompareGrader compareGrader,
            Clock clock) {
        this.compareGrader = compareGrader;
        this.compareWork = compareWork;
        this.compareFeedback = compareFeedback;
        this.sourceGrader = sourceGrader;
        this.library = library;
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
        Lesson lesson = lesson(assignment, submission);
        // The claims step's attempts: what the claims feedback is about (DD013: step 0).
        List<GradingRepository.AttemptRow> attempts =
                submission.map(id -> grading.attemptsOf(id, Grader.CLAIMS_STEP)).orElse(List.of());
        // Feedback is released per lesson: nothing of any step's key before every step of the
        // first round is submitted, because the claims key's reasons name the sources (DD013).
        List<GradingRepository.AttemptRow> submitted = lesson.firstRoundDone()
                ? attempts.stream().filter(a -> a.submittedAt() != null).toList()
                : List.of();
        boolean revisionInProgress = lesson.revisionInProgress();
        boolean canRevise = lesson.round() == 1 && lesson.firstRoundDone() && assignment.revisionOpen(now);
        boolean released = !submitted.isEmpty() && assignment.feedbackReleased(now);
        GradedAssignment facts = assignmentGrading.pins(assignmentId).orElseThrow();
        if (!facts.exercise().equals(NewStep.MARK_CLAIMS)) {
            return Optional.of(withoutClaims(assignment, submission, lesson, facts, canRevise, now));
        }
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
        if (revisionPossible(assignment, lesson, now)) {
            // DD006: a student who could copy the key into attempt 2 sees where to look, not the key.
            RevisionHints hints = RevisionHints.of(grader.review(context.get(), submitted.getLast(), false), text);
            SourcesStep sources =
                    sourcesStep(assignment, submission.orElseThrow(), facts).orElse(null);
            CompareStep compare =
                    compareStep(assignment, submission.orElseThrow()).orElse(null);
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
                    null,
                    List.of(),
                    sources == null ? null : sources.hints(text),
                    List.of(),
                    compare == null ? null : compare.hints()));
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
        List<StudentFeedback.SourceAttempt> sourceAttempts = sourcesStep(assignment, submission.orElseThrow(), facts)
                .map(SourcesStep::reviews)
                .orElse(List.of());
        List<StudentFeedback.CompareAttempt> compareAttempts = compareStep(assignment, submission.orElseThrow())
                .map(CompareStep::reviews)
                .orElse(List.of());
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
                gain,
                sourceAttempts,
                null,
                compareAttempts,
                null));
    }

    /**
     * Feedback of a lesson without "Mark the claims": "Who says so?" (it links the key's claims)
     * and/or "Compare outlets". Waiting, hints while a revision is possible, or the review, by the
     * same rules as a lesson with claims: released per lesson, once every step of round 1 is
     * submitted, so a compare-only lesson releases after its one step.
     */
    private StudentFeedback withoutClaims(
            StudentAssignment assignment,
            Optional<UUID> submission,
            Lesson lesson,
            GradedAssignment facts,
            boolean canRevise,
            Instant now) {
        String text = grader.text(facts);
        Optional<SourcesStep> sources =
                submission.flatMap(id -> sourcesStep(assignment, id, facts)).filter(step -> !step.submitted.isEmpty());
        Optional<CompareStep> compare =
                submission.flatMap(id -> compareStep(assignment, id)).filter(step -> !step.submitted.isEmpty());
        boolean anything = sources.isPresent() || compare.isPresent();
        boolean released = lesson.firstRoundDone() && assignment.feedbackReleased(now);
        if (!released || !anything) {
            return new StudentFeedback(
                    assignment.id(),
                    assignment.title(),
                    text,
                    assignment.timeZone(),
                    false,
                    waiting(assignment, !lesson.firstRoundDone(), !anything && released),
                    List.of(),
                    null,
                    canRevise,
                    lesson.revisionInProgress(),
                    null,
                    List.of(),
                    null);
        }
        if (revisionPossible(assignment, lesson, now)) {
            return new StudentFeedback(
                    assignment.id(),
                    assignment.title(),
                    text,
                    assignment.timeZone(),
                    false,
                    null,
                    List.of(),
                    null,
                    canRevise,
                    lesson.revisionInProgress(),
                    null,
                    List.of(),
                    sources.map(step -> step.hints(text)).orElse(null),
                    List.of(),
                    compare.map(CompareStep::hints).orElse(null));
        }
        return new StudentFeedback(
                assignment.id(),
                assignment.title(),
                text,
                assignment.timeZone(),
                true,
                null,
                List.of(),
                null,
                canRevise,
                lesson.revisionInProgress(),
                null,
                sources.map(SourcesStep::reviews).orElse(List.of()),
                null,
                compare.map(CompareStep::reviews).orElse(List.of()),
                null);
    }

    /**
     * The lesson's "Compare outlets" step for one student: its key as it grades (the pinned
     * comparison key version), its columns and texts, and the student's submitted attempts of it,
     * oldest first. Empty for a lesson without one, or a step whose key this school does not have.
     */
    private Optional<CompareStep> compareStep(StudentAssignment assignment, UUID submissionId) {
        Optional<LessonStep> found =
                assignment.steps().stream().filter(LessonStep::compares).findFirst();
        if (found.isEmpty() || found.get().comparisonKeyVersionId() == null) {
            return Optional.empty();
        }
        LessonStep step = found.get();
        GradedAssignment facts =
                assignmentGrading.pins(assignment.id(), step.position()).orElseThrow();
        UUID school = facts.schoolId();
        Optional<LibraryPins.ComparisonKey> stored = library.comparisonKey(school, step.comparisonKeyVersionId());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        // The key's spans are found in every article it covers, so every text is loaded, not only
        // the columns' (CompareKeys).
        Map<UUID, String> texts = new HashMap<>();
        for (LibraryPins.ComparisonArticle a : stored.get().articles()) {
            texts.put(
                    a.articleVersionId(),
                    library.canonicalText(school, a.articleVersionId()).orElseThrow());
        }
        List<CompareFeedback.Column> columns = new ArrayList<>();
        for (LessonStep.StepArticle a : step.articles()) {
            LibraryPins.ColumnArticle column =
                    library.columnArticle(school, a.articleVersionId()).orElseThrow();
            texts.putIfAbsent(a.articleVersionId(), column.canonicalText());
            columns.add(new CompareFeedback.Column(
                    a.articleId(), a.articleVersionId(), column.outletName(), column.title()));
        }
        return Optional.of(new CompareStep(
                assignment.id(),
                step.position(),
                school,
                stored.get(),
                // The key as it grades this assignment, with the teacher's accepted alternatives, so a
                // cell the score counts right is shown right.
                compareGrader
                        .context(facts)
                        .map(CompareGrader.Context::key)
                        .orElseGet(() -> CompareKeys.of(stored.get(), texts)),
                columns,
                texts,
                facts.threshold(),
                submissions.attempts(submissionId).stream()
                        .filter(a -> a.step() == step.position() && a.submittedAt() != null)
                        .toList()));
    }

    private final class CompareStep {
        private final UUID assignmentId;
        private final int position;
        private final UUID schoolId;
        private final LibraryPins.ComparisonKey stored;
        private final CompareScoring.Key key;
        private final List<CompareFeedback.Column> columns;
        private final Map<UUID, String> texts;
        private final double threshold;
        private final List<SubmissionRepository.Attempt> submitted;

        CompareStep(
                UUID assignmentId,
                int position,
                UUID schoolId,
                LibraryPins.ComparisonKey stored,
                CompareScoring.Key key,
                List<CompareFeedback.Column> columns,
                Map<UUID, String> texts,
                double threshold,
                List<SubmissionRepository.Attempt> submitted) {
            this.assignmentId = assignmentId;
            this.position = position;
            this.schoolId = schoolId;
            this.stored = stored;
            this.key = key;
            this.columns = columns;
            this.texts = texts;
            this.threshold = threshold;
            this.submitted = submitted;
        }

        /** DD006: what to look at again in the latest attempt, with the score row's score when there is one. */
        @Nullable
        CompareHints hints() {
            if (submitted.isEmpty()) {
                return null;
            }
            SubmissionRepository.Attempt last = submitted.getLast();
            Optional<StudentFeedback.CompareScore> score = compareFeedback.latestScore(last.id());
            return CompareHints.of(
                    key,
                    columns,
                    texts,
                    compareWork.work(last.id()),
                    threshold,
                    score.map(StudentFeedback.CompareScore::score).orElse(null),
                    score.map(StudentFeedback.CompareScore::provisional).orElse(false));
        }

        /** Every submitted attempt beside the key, with the class's answers per cell (released only). */
        List<StudentFeedback.CompareAttempt> reviews() {
            LibraryPins.ComparisonNotes notes = library.comparisonNotes(schoolId, stored.versionId());
            CompareFeedback.ClassCounts counts = compareFeedback.classCounts(assignmentId, position);
            List<StudentFeedback.CompareAttempt> reviews = new ArrayList<>();
            for (SubmissionRepository.Attempt attempt : submitted) {
                reviews.add(new StudentFeedback.CompareAttempt(
                        attempt.number(),
                        CompareFeedback.of(
                                key, stored, notes, columns, texts, compareWork.work(attempt.id()), threshold, counts),
                        compareFeedback.latestScore(attempt.id()).orElse(null)));
            }
            return reviews;
        }
    }

    /**
     * The lesson's "Who says so?" step for one student: its key as it grades, and the student's
     * submitted attempts of it, oldest first. Empty for a lesson without one or without a key.
     */
    private Optional<SourcesStep> sourcesStep(
            StudentAssignment assignment, UUID submissionId, GradedAssignment claims) {
        Optional<Integer> position = assignment.steps().stream()
                .filter(s -> s.exercise().equals(NewStep.IDENTIFY_SOURCES))
                .map(LessonStep::position)
                .findFirst();
        if (position.isEmpty()) {
            return Optional.empty();
        }
        GradedAssignment facts =
                assignmentGrading.pins(assignment.id(), position.get()).orElseThrow();
        return sourceGrader
                .context(facts, claims.exercise().equals(NewStep.MARK_CLAIMS) ? claims : null)
                .map(context -> new SourcesStep(
                        context,
                        submissions.attempts(submissionId).stream()
                                .filter(a -> a.step() == position.get() && a.submittedAt() != null)
                                .toList()));
    }

    private final class SourcesStep {
        private final SourceGrader.Context context;
        private final List<SubmissionRepository.Attempt> submitted;

        SourcesStep(SourceGrader.Context context, List<SubmissionRepository.Attempt> submitted) {
            this.context = context;
            this.submitted = submitted;
        }

        /** DD006: counts and paragraphs for the latest attempt, with the score that counts. */
        @Nullable
        SourceHints hints(String text) {
            if (submitted.isEmpty()) {
                return null;
            }
            SubmissionRepository.Attempt last = submitted.getLast();
            SourceHints hints = SourceHints.of(
                    context.key(),
                    sourceGrader.answer(context, last),
                    sourceGrader.score(context, last),
                    paragraphStarts(text));
            return grading.latest(last.id())
                    .map(latest -> hints.withScore(latest.score()))
                    .orElse(hints);
        }

        List<StudentFeedback.SourceAttempt> reviews() {
            LibraryPins.KeySources cited = library.keySources(context.schoolId(), context.keyVersionId())
                    .orElseThrow();
            Map<String, String> labels = new HashMap<>();
            library.keyClaims(context.schoolId(), context.keyVersionId())
                    .forEach(c -> labels.put(c.id(), shortened(c.exact())));
            List<StudentFeedback.SourceAttempt> reviews = new ArrayList<>();
            for (SubmissionRepository.Attempt attempt : submitted) {
                List<ScoreEntry> history = grading.history(attempt.id());
                reviews.add(new StudentFeedback.SourceAttempt(
                        attempt.number(),
                        SourceReview.of(
                                context.key(),
                                sourceGrader.answer(context, attempt),
                                sourceGrader.score(context, attempt),
                                cited,
                                labels),
                        history.isEmpty() ? null : history.getLast()));
            }
            return reviews;
        }
    }

    /** A claim's words shortened to a line, as the feedback names it (in quotes, which the page's language sets). */
    static String shortened(String exact) {
        String line = exact.strip().replaceAll("\\s+", " ");
        return line.length() > 90 ? line.substring(0, 89).strip() + "\u2026" : line;
    }

    /** Where each paragraph of the canonical text starts; paragraph 0 is the headline. */
    static List<Integer> paragraphStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int at = text.indexOf("\n\n"); at >= 0; at = text.indexOf("\n\n", at + 2)) {
            starts.add(at + 2);
        }
        return starts;
    }

    /**
     * Where the student stands in the lesson, for feedback: the round (2 once a revision started),
     * whether every step of round 1 is submitted, and whether round 2's steps are.
     */
    record Lesson(int round, boolean firstRoundDone, boolean secondRoundDone) {

        boolean revisionInProgress() {
            return round > 1 && !secondRoundDone;
        }
    }

    private Lesson lesson(StudentAssignment assignment, Optional<UUID> submission) {
        return lessonOf(assignment, submission.map(submissions::attempts).orElse(List.of()));
    }

    private static Lesson lessonOf(StudentAssignment assignment, List<SubmissionRepository.Attempt> all) {
        int round = all.stream()
                .mapToInt(SubmissionRepository.Attempt::number)
                .max()
                .orElse(1);
        return new Lesson(round, roundDone(assignment, all, 1), roundDone(assignment, all, 2));
    }

    /**
     * Whether the student's full review of the lesson (the key beside their work) is shown now:
     * feedback released and no revision possible (DD006). The student's progress page counts a
     * lesson only then, so it never tells by type or kind what the key holds before the feedback
     * page would.
     */
    static boolean reviewShown(StudentAssignment assignment, List<SubmissionRepository.Attempt> all, Instant now) {
        Lesson lesson = lessonOf(assignment, all);
        return lesson.firstRoundDone()
                && assignment.feedbackReleased(now)
                && !revisionPossible(assignment, lesson, now);
    }

    private static boolean roundDone(StudentAssignment assignment, List<SubmissionRepository.Attempt> all, int round) {
        return assignment.steps().stream()
                .allMatch(step -> all.stream()
                        .anyMatch(a -> a.step() == step.position() && a.number() == round && a.submittedAt() != null));
    }

    /**
     * Whether the student could still submit a second round (DD006): the first round is
     * submitted, the second is not, and either a revision can be started now or one that was
     * started can still be saved and submitted (the lesson takes work while the assignment does,
     * even after the revision window has closed).
     */
    static boolean revisionPossible(StudentAssignment assignment, Lesson lesson, Instant now) {
        if (!lesson.firstRoundDone()) {
            return false;
        }
        if (lesson.round() == 1) {
            return assignment.revisionOpen(now);
        }
        return !lesson.secondRoundDone() && (assignment.revisionOpen(now) || assignment.acceptsWork(now));
    }

    private static StudentFeedback.Waiting waiting(
            StudentAssignment assignment, boolean nothingSubmitted, boolean noKey) {
        StudentFeedback.Waiting.Reason reason = nothingSubmitted
                ? StudentFeedback.Waiting.Reason.NOTHING_SUBMITTED
                : noKey
                        ? StudentFeedback.Waiting.Reason.NO_KEY
                        : assignment.feedbackPolicy() == FeedbackPolicy.AFTER_DUE
                                ? StudentFeedback.Waiting.Reason.AFTER_DUE
                                : StudentFeedback.Waiting.Reason.TEACHER_RELEASES;
        return new StudentFeedback.Waiting(reason, assignment.dueAt());
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
                .orElseThrow(() -> UserFacingException.of("submission.refusal.notOpenForYou"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!assignment.revisionOpen(now)) {
            throw UserFacingException.of("submission.refusal.revisionClosed");
        }
        UUID submission = grading.submissionOf(assignmentId, student.accountId())
                .orElseThrow(() -> UserFacingException.of("submission.refusal.submitBeforeRevising"));
        // Locking the first step's attempt 1 first makes a double click start one revision, not
        // fail on the second.
        List<GradingRepository.AttemptRow> firstStep = grading.attemptsOf(submission, LessonStep.FIRST);
        if (firstStep.isEmpty()) {
            throw UserFacingException.of("submission.refusal.submitBeforeRevising");
        }
        submissions.lockAttempt(firstStep.getFirst().id()).orElseThrow();
        Lesson lesson = lesson(assignment, Optional.of(submission));
        if (lesson.round() > 1) {
            throw UserFacingException.of("submission.refusal.revisionStarted");
        }
        if (!lesson.firstRoundDone()) {
            throw UserFacingException.of("submission.refusal.submitEveryStep");
        }
        // The revision's first step starts from a copy of attempt 1; its later steps start from
        // theirs when the student reaches them (SubmissionService.open).
        submissions.ensureAttempt(submission, LessonStep.FIRST, 2, now);
        submissions.reopenLesson(submission);
    }
}
