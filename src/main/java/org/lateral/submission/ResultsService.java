package org.lateral.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.AssignmentGrading;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.GradedAssignment;
import org.lateral.assignment.LessonStep;
import org.lateral.assignment.NewStep;
import org.lateral.assignment.SubmissionStatus;
import org.lateral.assignment.TeacherAssignment;
import org.lateral.assignment.TeacherOfAssignment;
import org.lateral.base.UserFacingException;
import org.lateral.base.highlighter.SavedMark;
import org.lateral.classroom.RosterEntry;
import org.lateral.library.LibraryPins;
import org.lateral.security.AuditAction;
import org.lateral.security.AuditTrail;
import org.lateral.security.CurrentUser;
import org.lateral.submission.scoring.Alternatives;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the teacher of a class reads while grading: the results table of an assignment and one
 * student's attempt beside the key. Changes are elsewhere: {@link GradingActions} (comments,
 * overrides, reopening, releasing feedback) and {@link KeyAmendments} (this assignment's key).
 * Every call checks the TEACHER role and that the signed-in teacher teaches the assignment's
 * class (through {@link AssignmentService#forTeacher}; DD003, DD009).
 */
@Service
public class ResultsService {

    static final int POPULAR_LIMIT = 15;

    private final AssignmentService assignments;
    private final AssignmentGrading assignmentGrading;
    private final LibraryPins library;
    private final SubmissionRepository submissions;
    private final GradingRepository grading;
    private final TeacherAttempts attempts;
    private final Grader grader;
    private final SourceGrader sourceGrader;
    private final SourceWorkRepository sourceWork;
    private final CompareGrader compareGrader;
    private final CompareWorkRepository compareWork;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ScoredClasses scoredClasses;

    private final AuditTrail audit;

    ResultsService(
            AssignmentService assignments,
            AssignmentGrading assignmentGrading,
            LibraryPins library,
            SubmissionRepository submissions,
            GradingRepository grading,
            TeacherAttempts attempts,
            Grader grader,
            SourceGrader sourceGrader,
            SourceWorkRepository sourceWork,
            CompareGrader compareGrader,
            CompareWorkRepository compareWork,
            CurrentUser currentUser,
            Clock clock,
            AuditTrail audit,
            ScoredClasses scoredClasses) {
        this.scoredClasses = scoredClasses;
        this.audit = audit;
        this.currentUser = currentUser;
        this.compareGrader = compareGrader;
        this.compareWork = compareWork;
        this.sourceGrader = sourceGrader;
        this.sourceWork = sourceWork;
        this.assignments = assignments;
        this.assignmentGrading = assignmentGrading;
        this.library = library;
        this.submissions = submissions;
        this.grading = grading;
        this.attempts = attempts;
        this.grader = grader;
        this.clock = clock;
    }

    /**
     * The results of an assignment of the teacher's class; empty for anything else. The number of
     * statements does not grow with the class: the attempts with their scores and the marks the
     * popular spans are counted from are read for every student at once.
     */
    @Transactional(readOnly = true)
    @TeacherOfAssignment
    public Optional<Results> results(UUID assignmentId) {
        return computed(assignmentId).map(Computed::results);
    }

    /**
     * The results with what they were computed from: every student's attempts and the scored
     * latest submitted claims attempts. The assignment dashboard ({@link AssignmentInsights}) is
     * built on the same pieces; handing them over spares it reading and scoring the whole class a
     * second time (issue 18: a class of a thousand paid for it twice).
     */
    record Computed(
            Results results,
            Map<UUID, List<GradingRepository.ResultAttempt>> attemptsOf,
            List<Alternatives.ScoredAttempt> latest) {}

    /**
     * {@link #results} with its pieces, for {@link AssignmentInsights#dashboard} only, which is
     * itself {@link TeacherOfAssignment} and calls this inside its own check; the annotation is
     * here too so the rule stays with the data.
     */
    @Transactional(readOnly = true)
    @TeacherOfAssignment
    Optional<Computed> computed(UUID assignmentId) {
        Optional<TeacherAssignment> found = assignments.forTeacher(assignmentId);
        if (found.isEmpty() || found.get().articleVersionId() == null) {
            return Optional.empty();
        }
        TeacherAssignment assignment = found.get();
        GradedAssignment facts = assignmentGrading.pins(assignmentId).orElseThrow();
        Optional<Grader.Context> context = grader.context(facts, null);
        String text = context.map(Grader.Context::text).orElseGet(() -> grader.text(facts));
        Instant now = clock.instant();
        Map<UUID, List<GradingRepository.ResultAttempt>> attemptsOf = new HashMap<>();
        for (GradingRepository.ResultAttempt a : grading.resultAttempts(assignmentId)) {
            attemptsOf.computeIfAbsent(a.studentId(), k -> new ArrayList<>()).add(a);
        }
        List<Results.StudentResult> rows = new ArrayList<>();
        Map<UUID, ScoredClasses.LatestSubmitted> latestSubmitted = new HashMap<>();
        for (RosterEntry student : assignment.roster()) {
            List<GradingRepository.ResultAttempt> all = attemptsOf.getOrDefault(student.studentId(), List.of());
            rows.add(studentResult(assignment, student, all, now));
            all.stream()
                    .filter(a -> a.step() == Grader.CLAIMS_STEP && a.attempt().submittedAt() != null)
                    .max(java.util.Comparator.comparingInt(a -> a.attempt().number()))
                    .ifPresent(a -> latestSubmitted.put(
                            student.studentId(),
                            new ScoredClasses.LatestSubmitted(
                                    a.attempt().id(), a.attempt().submittedAt())));
        }
        List<Alternatives.ScoredAttempt> latest = List.of();
        List<Results.PopularSpan> spans = new ArrayList<>();
        List<Results.PopularType> types = new ArrayList<>();
        if (context.isPresent()) {
            Grader.Context c = context.get();
            ScoredClasses.Scored scored = scoredClasses.scored(
                    c, assignment.roster(), latestSubmitted, () -> scoreClass(c, assignment, latestSubmitted));
            latest = scored.latest();
            Map<String, Grader.GradedClaim> claims = new HashMap<>();
            c.claims().forEach(claim -> claims.put(claim.id(), claim));
            for (Alternatives.PopularSpan p : scored.popularSpans()) {
                Grader.GradedClaim claim = p.overlapsClaim() == null ? null : claims.get(p.overlapsClaim());
                spans.add(new Results.PopularSpan(
                        p.start(),
                        p.end(),
                        text.substring(p.start(), p.end()),
                        p.students(),
                        p.commonType(),
                        p.overlapsClaim(),
                        claim == null ? null : claim.exact()));
            }
            for (Alternatives.PopularType p : scored.popularTypes()) {
                types.add(new Results.PopularType(
                        p.claimId(), claims.get(p.claimId()).exact(), p.type(), p.students()));
            }
        }
        Results.KeyNotice notice = null;
        if (assignment.keyVersionId() != null) {
            notice = library.newerKeyVersion(
                            assignment.schoolId(),
                            assignment.articleVersionId(),
                            assignment.keyVersionId(),
                            currentUser.get().map(u -> u.accountId()).orElse(null))
                    .filter(v -> !v.id().equals(assignment.keyVersionIgnoredId()))
                    .map(v ->
                            new Results.KeyNotice(v.id(), v.createdAt(), v.changes(), v.notes(), v.correctedDetails()))
                    .orElse(null);
        }
        // A compare step names its columns and core claims, for the list of accepted alternatives.
        Map<UUID, String> articleNames = new HashMap<>();
        Map<String, String> claimNames = new HashMap<>();
        Optional<CompareGrader.Context> compare = compareContext(assignmentId, assignment.steps());
        compare.ifPresent(c -> {
            c.columns().forEach(col -> articleNames.put(col.articleId(), col.outlet()));
            claimNames.putAll(c.claims());
        });
        return Optional.of(new Computed(
                new Results(
                        assignment,
                        text,
                        // A lesson that is only "Who says so?" has no claims context but is scored; a
                        // comparison is scored against its comparison key.
                        context.isPresent() || facts.keyVersionId() != null || compare.isPresent(),
                        rows,
                        notice,
                        spans.stream().limit(POPULAR_LIMIT).toList(),
                        types.stream().limit(POPULAR_LIMIT).toList(),
                        grading.amendments(assignmentId),
                        articleNames,
                        claimNames),
                attemptsOf,
                latest));
    }

    /**
     * Reads and scores the latest submitted claims attempt of every student who has one, and
     * counts the popular spans and types from them: the whole-class work {@link ScoredClasses}
     * keeps. Only called on a miss, inside {@link #computed}'s transaction.
     */
    private ScoredClasses.Scored scoreClass(
            Grader.Context context,
            TeacherAssignment assignment,
            Map<UUID, ScoredClasses.LatestSubmitted> latestSubmitted) {
        Map<UUID, List<SavedMark>> marksOf = grading.liveMarksOf(latestSubmitted.values().stream()
                .map(ScoredClasses.LatestSubmitted::attemptId)
                .toList());
        List<Alternatives.ScoredAttempt> latest = new ArrayList<>();
        for (RosterEntry student : assignment.roster()) {
            ScoredClasses.LatestSubmitted submitted = latestSubmitted.get(student.studentId());
            if (submitted != null) {
                List<SavedMark> saved = marksOf.getOrDefault(submitted.attemptId(), List.of());
                latest.add(new Alternatives.ScoredAttempt(
                        student.studentId().toString(), Grader.scoringMarks(saved), grader.score(context, saved)));
            }
        }
        return new ScoredClasses.Scored(
                List.copyOf(latest),
                List.copyOf(Alternatives.popularSpans(context.tokens(), context.key(), latest, context.threshold())),
                List.copyOf(Alternatives.popularTypes(context.key(), latest)));
    }

    /**
     * One page of the results table, in the roster's order (by name) or its reverse: the rows the
     * teacher's screen shows, read for those students only, so a class of a thousand costs the page
     * it shows and not the whole table (issue 18). Empty for an assignment that is not the
     * teacher's, as {@link #results} is.
     */
    @Transactional(readOnly = true)
    @TeacherOfAssignment
    public List<Results.StudentResult> resultPage(UUID assignmentId, int offset, int limit, boolean descending) {
        Optional<TeacherAssignment> found = assignments.forTeacher(assignmentId);
        if (found.isEmpty() || found.get().articleVersionId() == null || offset < 0 || limit <= 0) {
            return List.of();
        }
        TeacherAssignment assignment = found.get();
        List<RosterEntry> roster = new ArrayList<>(assignment.roster());
        if (descending) {
            java.util.Collections.reverse(roster);
        }
        List<RosterEntry> page =
                roster.subList(Math.min(offset, roster.size()), Math.min(roster.size(), offset + limit));
        if (page.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<GradingRepository.ResultAttempt>> attemptsOf = new HashMap<>();
        for (GradingRepository.ResultAttempt a : grading.resultAttemptsOf(
                assignmentId, page.stream().map(RosterEntry::studentId).toList())) {
            attemptsOf.computeIfAbsent(a.studentId(), k -> new ArrayList<>()).add(a);
        }
        Instant now = clock.instant();
        return page.stream()
                .map(student -> studentResult(
                        assignment, student, attemptsOf.getOrDefault(student.studentId(), List.of()), now))
                .toList();
    }

    /** One student's row of the results table, from all their attempts of the assignment. */
    private static Results.StudentResult studentResult(
            TeacherAssignment assignment, RosterEntry student, List<GradingRepository.ResultAttempt> all, Instant now) {
        Instant due = assignment.dueFor(student.studentId());
        List<Results.StepResult> steps = stepResults(assignment.steps(), all, due);
        List<GradingRepository.ResultAttempt> attempts =
                all.stream().filter(a -> a.step() == LessonStep.FIRST).toList();
        List<Results.AttemptResult> attemptResults = steps.getFirst().attempts();
        GradingRepository.ResultAttempt current = attempts.isEmpty() ? null : attempts.getLast();
        SubmissionStatus status = lessonStatus(now, due, all, assignment.steps().size());
        Double gain = null;
        if (attemptResults.size() == 2
                && attemptResults.get(0).score() != null
                && attemptResults.get(1).score() != null) {
            gain = Math.round(10
                            * (attemptResults.get(1).score().score()
                                    - attemptResults.get(0).score().score()))
                    / 10.0;
        }
        return new Results.StudentResult(
                student.studentId(),
                student.displayName(),
                student.username(),
                status,
                current == null ? 0 : current.liveMarks(),
                attemptResults,
                gain,
                steps,
                lessonScore(assignment.steps(), steps));
    }

    private Optional<CompareGrader.Context> compareContext(UUID assignmentId, List<LessonStep> steps) {
        return steps.stream()
                .filter(LessonStep::compares)
                .findFirst()
                .flatMap(step -> assignmentGrading.pins(assignmentId, step.position()))
                .flatMap(compareGrader::context);
    }

    /** One student's attempts (all of theirs, any step) sorted into the lesson's steps. */
    static List<Results.StepResult> stepResults(
            List<LessonStep> lesson, List<GradingRepository.ResultAttempt> all, Instant due) {
        List<Results.StepResult> steps = new ArrayList<>();
        for (LessonStep step : lesson) {
            List<Results.AttemptResult> results = new ArrayList<>();
            for (GradingRepository.ResultAttempt a : all) {
                if (a.step() == step.position()) {
                    Instant submitted = a.attempt().submittedAt();
                    results.add(new Results.AttemptResult(
                            a.attempt().id(),
                            a.attempt().number(),
                            submitted,
                            submitted != null && submitted.isAfter(due),
                            a.score()));
                }
            }
            steps.add(new Results.StepResult(step.position(), step.exercise(), results));
        }
        return steps;
    }

    /**
     * Where one student's lesson stands, from all their attempts: started with the first step's
     * current attempt, submitted when every step of the latest round is. The results table and the
     * class overview both count by this.
     */
    static SubmissionStatus lessonStatus(
            Instant now, Instant due, List<GradingRepository.ResultAttempt> all, int steps) {
        List<GradingRepository.ResultAttempt> first =
                all.stream().filter(a -> a.step() == LessonStep.FIRST).toList();
        GradingRepository.ResultAttempt current = first.isEmpty() ? null : first.getLast();
        return SubmissionStatus.of(
                now, due, current == null ? null : current.attempt().startedAt(), lessonSubmittedAt(all, steps));
    }

    /**
     * When the lesson was submitted: the latest round whose every step's attempt is submitted (the
     * last of those times); null when no round is. A revision in progress (round 2 not yet
     * submitted) leaves the lesson submitted by round 1, so a student who handed in on time and is
     * revising is never counted as missing (DD016).
     */
    static @Nullable Instant lessonSubmittedAt(List<GradingRepository.ResultAttempt> attempts, int steps) {
        int latest = attempts.stream().mapToInt(a -> a.attempt().number()).max().orElse(0);
        for (int round = latest; round >= 1; round--) {
            Instant submitted = roundSubmittedAt(attempts, steps, round);
            if (submitted != null) {
                return submitted;
            }
        }
        return null;
    }

    private static @Nullable Instant roundSubmittedAt(
            List<GradingRepository.ResultAttempt> attempts, int steps, int round) {
        Instant last = null;
        for (int step = 0; step < steps; step++) {
            int position = step;
            Instant submitted = attempts.stream()
                    .filter(a -> a.step() == position && a.attempt().number() == round)
                    .map(a -> a.attempt().submittedAt())
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            if (submitted == null) {
                return null;
            }
            last = last == null || submitted.isAfter(last) ? submitted : last;
        }
        return last;
    }

    /**
     * The lesson score (DD013): the mean of the steps' counted scores weighted by the steps'
     * weights, rounded to one decimal; null until every step has a counted score. A provisional
     * compare score (judgement not graded yet, DD014) counts as it stands: the lesson score is then
     * provisional too and the results say so ({@link Results.StudentResult#lessonProvisional}),
     * rather than a finished lesson showing no score until every judgement is graded.
     */
    static @Nullable Double lessonScore(List<LessonStep> lesson, List<Results.StepResult> steps) {
        double weighted = 0;
        double weights = 0;
        for (LessonStep step : lesson) {
            ScoreEntry counted = steps.stream()
                    .filter(s -> s.position() == step.position())
                    .findFirst()
                    .map(Results.StepResult::counted)
                    .orElse(null);
            if (counted == null) {
                return null;
            }
            weighted += step.weight().doubleValue() * counted.score();
            weights += step.weight().doubleValue();
        }
        return weights == 0 ? null : Math.round(10 * weighted / weights) / 10.0;
    }

    /** One attempt of a student of the teacher's class, beside the key, with its score history. */
    @Transactional(readOnly = true)
    @TeacherOfAttempt
    public Optional<TeacherReview> review(UUID attemptId) {
        Optional<TeacherAttempts.Owned> owned = attempts.owned(attemptId);
        if (owned.isEmpty()) {
            return Optional.empty();
        }
        TeacherAttempts.Owned o = owned.get();
        audit.success(AuditAction.SUBMISSION_VIEWED, "attempt", attemptId);
        GradedAssignment stepFacts =
                assignmentGrading.pins(o.assignment().id(), o.attempt().step()).orElseThrow();
        if (stepFacts.exercise().equals(NewStep.IDENTIFY_SOURCES)) {
            return Optional.of(sourcesReview(o, stepFacts));
        }
        if (stepFacts.exercise().equals(NewStep.COMPARE_OUTLETS)) {
            return Optional.of(compareReview(o, stepFacts));
        }
        GradedAssignment facts = stepFacts;
        Grader.Context context = grader.context(facts, null)
                .orElseThrow(() -> UserFacingException.of("submission.refusal.noKeyToCompare"));
        List<GradingRepository.AttemptRow> all =
                grading.attemptsOf(o.attempt().submissionId(), o.attempt().step());
        GradingRepository.AttemptRow row =
                all.stream().filter(a -> a.id().equals(attemptId)).findFirst().orElseThrow();
        @Nullable
        String student = o.assignment().roster().stream()
                .filter(r -> r.studentId().equals(o.attempt().studentId()))
                .map(RosterEntry::displayName)
                .findFirst()
                .orElse(null);
        return Optional.of(new TeacherReview(
                o.assignment().id(),
                o.assignment().timeZone(),
                student,
                context.text(),
                submissions.liveMarks(attemptId),
                grader.review(context, row, true),
                row.number() == latestRound(o.attempt().submissionId()),
                null,
                null));
    }

    /** The lesson's latest round: only its attempts can be reopened (GradingRepository.reopen). */
    private int latestRound(UUID submissionId) {
        return submissions.attempts(submissionId).stream()
                .mapToInt(SubmissionRepository.Attempt::number)
                .max()
                .orElse(1);
    }

    /** A "Who says so?" attempt for the teacher: the student's work drawn as they saw it, and its review. */
    private TeacherReview sourcesReview(TeacherAttempts.Owned o, GradedAssignment facts) {
        GradedAssignment claims = assignmentGrading
                .pins(o.assignment().id(), Grader.CLAIMS_STEP)
                .filter(c -> c.exercise().equals(NewStep.MARK_CLAIMS))
                .orElse(null);
        SourceGrader.Context context = sourceGrader
                .context(facts, claims)
                .orElseThrow(() -> UserFacingException.of("submission.refusal.noKeyToCompare"));
        SubmissionRepository.Attempt attempt = o.attempt();
        List<GradingRepository.AttemptRow> all = grading.attemptsOf(attempt.submissionId(), attempt.step());
        GradingRepository.AttemptRow row = all.stream()
                .filter(a -> a.id().equals(attempt.id()))
                .findFirst()
                .orElseThrow();
        List<ScoreEntry> history = grading.history(attempt.id());
        AttemptReview scores = new AttemptReview(
                attempt.id(),
                attempt.number(),
                attempt.submittedAt(),
                List.of(),
                List.of(),
                history.isEmpty() ? null : history.getLast(),
                history,
                grading.comments(attempt.id()));
        List<SavedMark> claimMarks = claims == null
                ? List.of()
                : submissions.attempts(attempt.submissionId()).stream()
                        .filter(a -> a.step() == Grader.CLAIMS_STEP && a.number() == attempt.number())
                        .findFirst()
                        .map(a -> submissions.liveMarks(a.id()))
                        .orElse(List.of());
        Map<String, String> labels = new HashMap<>();
        library.keyClaims(context.schoolId(), context.keyVersionId())
                .forEach(c -> labels.put(c.id(), FeedbackService.shortened(c.exact())));
        SourceReview review = SourceReview.of(
                context.key(),
                sourceGrader.answer(context, attempt),
                sourceGrader.score(context, attempt),
                library.keySources(context.schoolId(), context.keyVersionId()).orElseThrow(),
                labels);
        @Nullable
        String student = o.assignment().roster().stream()
                .filter(r -> r.studentId().equals(attempt.studentId()))
                .map(RosterEntry::displayName)
                .findFirst()
                .orElse(null);
        return new TeacherReview(
                o.assignment().id(),
                o.assignment().timeZone(),
                student,
                context.text(),
                List.of(),
                scores,
                row.number() == latestRound(o.attempt().submissionId()),
                new TeacherReview.Sources(
                        MarkingSession.ClaimToLink.ofMarks(claimMarks), sourceWork.sourceWork(attempt.id()), review),
                null);
    }

    /**
     * A compare-outlets attempt for the teacher (DD015): the work beside the comparison key item by
     * item, the notes and judgement as written, the rubric to grade by and the grade so far.
     */
    private TeacherReview compareReview(TeacherAttempts.Owned o, GradedAssignment facts) {
        CompareGrader.Context context = compareGrader
                .context(facts)
                .orElseThrow(() -> UserFacingException.of("submission.refusal.noComparisonKeyToCompare"));
        SubmissionRepository.Attempt attempt = o.attempt();
        List<ScoreEntry> history = grading.history(attempt.id());
        AttemptReview scores = new AttemptReview(
                attempt.id(),
                attempt.number(),
                attempt.submittedAt(),
                List.of(),
                List.of(),
                history.isEmpty() ? null : history.getLast(),
                history,
                grading.comments(attempt.id()));
        Optional<CompareWorkRepository.Grade> counted = compareGrader.grade(attempt.id());
        TeacherReview.JudgementGrade grade = compareWork
                .grade(attempt.id())
                .map(g -> new TeacherReview.JudgementGrade(g.level(), g.maxLevel(), g.gradedAt(), counted.isPresent()))
                .orElse(null);
        Map<UUID, String> outlets = new HashMap<>();
        context.columns().forEach(c -> outlets.put(c.outletId(), c.outlet()));
        return new TeacherReview(
                o.assignment().id(),
                o.assignment().timeZone(),
                studentName(o),
                "",
                List.of(),
                scores,
                attempt.number() == latestRound(attempt.submissionId()),
                null,
                new TeacherReview.Compare(
                        compareGrader.review(context, attempt.id()),
                        compareWork.work(attempt.id()),
                        assignments.judgementRubric(o.assignment().id()),
                        grade,
                        outlets));
    }

    /** The student's name on the roster, or null for one no longer in the class (the page says so). */
    private static @Nullable String studentName(TeacherAttempts.Owned o) {
        return o.assignment().roster().stream()
                .filter(r -> r.studentId().equals(o.attempt().studentId()))
                .map(RosterEntry::displayName)
                .findFirst()
                .orElse(null);
    }
}
