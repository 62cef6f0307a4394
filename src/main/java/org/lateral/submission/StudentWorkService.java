package org.lateral.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.AssignmentGrading;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.GradedAssignment;
import org.lateral.assignment.LessonStep;
import org.lateral.assignment.MyAssignment;
import org.lateral.assignment.NewStep;
import org.lateral.assignment.StudentAssignment;
import org.lateral.assignment.TeacherAssignment;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.RosterEntry;
import org.lateral.classroom.SameNames;
import org.lateral.classroom.TeacherOfClass;
import org.lateral.library.ClaimType;
import org.lateral.library.SourceKind;
import org.lateral.security.AuditAction;
import org.lateral.security.AuditTrail;
import org.lateral.security.CurrentUser;
import org.lateral.security.ForStudents;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One student's work across assignments (DD016): the teacher's drill-down into a student of their
 * class, and the student's own progress page. Both read each assignment with the results page's
 * statement (the class's attempts with their latest score, kept to this student here) and its
 * rules for statuses and scores, and count what the scoring rules matched, per claim type and
 * source kind ({@link WorkTallies}), on the student's own submitted attempts.
 */
@Service
public class StudentWorkService {

    private final CurrentUser currentUser;
    private final ClassroomService classroom;
    private final AssignmentService assignments;
    private final AssignmentGrading assignmentGrading;
    private final GradingRepository grading;
    private final SubmissionRepository submissions;
    private final Grader grader;
    private final SourceGrader sourceGrader;
    private final Clock clock;

    private final AuditTrail audit;

    StudentWorkService(
            CurrentUser currentUser,
            ClassroomService classroom,
            AssignmentService assignments,
            AssignmentGrading assignmentGrading,
            GradingRepository grading,
            SubmissionRepository submissions,
            Grader grader,
            SourceGrader sourceGrader,
            Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.currentUser = currentUser;
        this.classroom = classroom;
        this.assignments = assignments;
        this.assignmentGrading = assignmentGrading;
        this.grading = grading;
        this.submissions = submissions;
        this.grader = grader;
        this.sourceGrader = sourceGrader;
        this.clock = clock;
    }

    /**
     * A student of a class the signed-in teacher teaches, across the class's assignments; empty
     * for another teacher's class, an unknown class, and a student not on the class's roster now,
     * so none of those can be told apart.
     */
    @Transactional(readOnly = true)
    @TeacherOfClass
    public Optional<StudentDrillDown> drillDown(UUID classId, UUID studentId) {
        Optional<ClassDetail> found = classroom.classDetail(classId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ClassDetail schoolClass = found.get();
        Optional<RosterEntry> student = schoolClass.roster().stream()
                .filter(r -> r.studentId().equals(studentId))
                .findFirst();
        if (student.isEmpty()) {
            return Optional.empty();
        }
        audit.success(AuditAction.SUBMISSION_VIEWED, "class, student", classId, studentId);
        Instant now = clock.instant();
        List<StudentDrillDown.AssignmentWork> rows = new ArrayList<>();
        List<WorkTallies.Outcome<ClaimType>> claims = new ArrayList<>();
        List<WorkTallies.Outcome<SourceKind>> sources = new ArrayList<>();
        for (AssignmentSummary summary : assignments.assignmentsOf(classId)) {
            Optional<TeacherAssignment> assignment = assignments.forTeacher(summary.id());
            if (assignment.isEmpty()) {
                continue;
            }
            TeacherAssignment a = assignment.get();
            List<GradingRepository.ResultAttempt> all = attemptsOf(a.id(), studentId);
            Instant due = a.dueFor(studentId);
            List<Results.StepResult> steps = ResultsService.stepResults(a.steps(), all, due);
            Outcomes outcomes = outcomes(a.id(), a.steps(), studentId);
            latestSubmitted(steps, outcomes.claims()).ifPresent(claims::addAll);
            latestSubmitted(steps, outcomes.sources()).ifPresent(sources::addAll);
            List<StudentDrillDown.StepWork> stepWork = new ArrayList<>();
            for (Results.StepResult step : steps) {
                List<StudentDrillDown.AttemptWork> attempts = new ArrayList<>();
                for (Results.AttemptResult r : step.attempts()) {
                    List<ScoreEntry> overrides = grading.history(r.attemptId()).stream()
                            .filter(e -> e.cause() == ScoreCause.OVERRIDE || e.cause() == ScoreCause.OVERRIDE_REMOVED)
                            .toList();
                    attempts.add(new StudentDrillDown.AttemptWork(
                            r.attemptId(),
                            r.number(),
                            r.submittedAt(),
                            r.late(),
                            r.score(),
                            outcomes.found(r.attemptId()),
                            grading.comments(r.attemptId()),
                            overrides));
                }
                stepWork.add(new StudentDrillDown.StepWork(
                        step.position(), step.exercise(), attempts, step.counted(), gain(step)));
            }
            Double lesson = ResultsService.lessonScore(a.steps(), steps);
            rows.add(new StudentDrillDown.AssignmentWork(
                    a.id(),
                    a.title(),
                    due,
                    !a.openAt().isAfter(now),
                    ResultsService.lessonStatus(now, due, all, a.steps().size()),
                    lesson,
                    lesson != null
                            && steps.stream()
                                    .anyMatch(s ->
                                            s.counted() != null && s.counted().provisional()),
                    stepWork));
        }
        RosterEntry s = student.get();
        return Optional.of(new StudentDrillDown(
                schoolClass.id(),
                schoolClass.name(),
                schoolClass.timeZone(),
                s.studentId(),
                s.displayName(),
                s.username(),
                SameNames.inRoster(schoolClass.roster()).isShared(s.displayName()),
                rows,
                WorkTallies.tally(ClaimType.class, claims),
                WorkTallies.tally(SourceKind.class, sources)));
    }

    /**
     * The signed-in student's own progress: only lessons whose full feedback they can read now
     * ({@link FeedbackService#reviewShown}), so the page tells nothing of a key, not even how many
     * claims of a type it has, before the feedback page would; and only their own attempts.
     */
    @Transactional(readOnly = true)
    @ForStudents
    public StudentProgress progress() {
        LateralUser me = currentUser.require(Role.STUDENT);
        Instant now = clock.instant();
        List<StudentAssignment> counted = new ArrayList<>();
        for (MyAssignment mine : assignments.myAssignments()) {
            Optional<StudentAssignment> found = assignments.forStudent(mine.id());
            if (found.isEmpty()) {
                continue;
            }
            List<SubmissionRepository.Attempt> attempts = grading.submissionOf(mine.id(), me.accountId())
                    .map(submissions::attempts)
                    .orElse(List.of());
            if (FeedbackService.reviewShown(found.get(), attempts, now)) {
                counted.add(found.get());
            }
        }
        counted.sort(Comparator.comparing(StudentAssignment::dueAt).thenComparing(StudentAssignment::title));
        List<StudentProgress.Lesson> lessons = new ArrayList<>();
        List<WorkTallies.Worked<ClaimType>> claims = new ArrayList<>();
        List<WorkTallies.Worked<SourceKind>> sources = new ArrayList<>();
        for (StudentAssignment a : counted) {
            List<GradingRepository.ResultAttempt> all = attemptsOf(a.id(), me.accountId());
            List<Results.StepResult> steps = ResultsService.stepResults(a.steps(), all, a.dueAt());
            Outcomes outcomes = outcomes(a.id(), a.steps(), me.accountId());
            worked(a.title(), steps, outcomes.claims()).ifPresent(claims::add);
            worked(a.title(), steps, outcomes.sources()).ifPresent(sources::add);
            List<StudentProgress.Step> stepRows = new ArrayList<>();
            for (Results.StepResult step : steps) {
                ScoreEntry one = scoreOf(step, 1);
                ScoreEntry two = scoreOf(step, 2);
                stepRows.add(new StudentProgress.Step(
                        step.exercise(), one == null ? null : one.score(), two == null ? null : two.score()));
            }
            lessons.add(new StudentProgress.Lesson(
                    a.id(),
                    a.title(),
                    a.dueAt(),
                    a.timeZone(),
                    ResultsService.lessonScore(a.steps(), steps),
                    stepRows));
        }
        return new StudentProgress(
                lessons, WorkTallies.changes(ClaimType.class, claims), WorkTallies.changes(SourceKind.class, sources));
    }

    /**
     * This student's attempts with their latest score, through the results page's statement
     * narrowed to the student: the classmates' rows are not even read.
     */
    private List<GradingRepository.ResultAttempt> attemptsOf(UUID assignmentId, UUID studentId) {
        return grading.resultAttempts(assignmentId, studentId);
    }

    /** What each submitted attempt found, by attempt id, per category family. */
    private record Outcomes(
            Map<UUID, List<WorkTallies.Outcome<ClaimType>>> claims,
            Map<UUID, List<WorkTallies.Outcome<SourceKind>>> sources) {

        StudentDrillDown.@Nullable Found found(UUID attemptId) {
            List<? extends WorkTallies.Outcome<?>> o =
                    claims.containsKey(attemptId) ? claims.get(attemptId) : sources.get(attemptId);
            if (o == null) {
                return null;
            }
            return new StudentDrillDown.Found(
                    o.size(),
                    (int) o.stream().filter(WorkTallies.Outcome::found).count(),
                    (int) o.stream().filter(WorkTallies.Outcome::right).count());
        }
    }

    /**
     * Scores the student's submitted attempts of the claims and "Who says so?" steps with the
     * assignment's key as it grades now (amendments included), as the results page's review does.
     * A compare step has no claim types or source kinds and adds nothing here.
     */
    private Outcomes outcomes(UUID assignmentId, List<LessonStep> lesson, UUID studentId) {
        Map<UUID, List<WorkTallies.Outcome<ClaimType>>> claims = new HashMap<>();
        Map<UUID, List<WorkTallies.Outcome<SourceKind>>> sources = new HashMap<>();
        Optional<UUID> submission = grading.submissionOf(assignmentId, studentId);
        if (submission.isEmpty()) {
            return new Outcomes(claims, sources);
        }
        List<SubmissionRepository.Attempt> submitted = submissions.attempts(submission.get()).stream()
                .filter(a -> a.submittedAt() != null)
                .toList();
        GradedAssignment facts = assignmentGrading.pins(assignmentId).orElse(null);
        if (facts == null) {
            return new Outcomes(claims, sources);
        }
        Optional<Grader.Context> claimsContext = grader.context(facts, null);
        if (claimsContext.isPresent()) {
            for (SubmissionRepository.Attempt a : submitted) {
                if (a.step() == Grader.CLAIMS_STEP) {
                    claims.put(
                            a.id(),
                            WorkTallies.claims(
                                    claimsContext.get().claims(),
                                    grader.score(claimsContext.get(), submissions.liveMarks(a.id()))));
                }
            }
        }
        for (LessonStep step : lesson) {
            if (!step.exercise().equals(NewStep.IDENTIFY_SOURCES)) {
                continue;
            }
            GradedAssignment claimsFacts = facts.exercise().equals(NewStep.MARK_CLAIMS) ? facts : null;
            Optional<SourceGrader.Context> context = assignmentGrading
                    .pins(assignmentId, step.position())
                    .flatMap(stepFacts -> sourceGrader.context(stepFacts, claimsFacts));
            if (context.isEmpty()) {
                continue;
            }
            for (SubmissionRepository.Attempt a : submitted) {
                if (a.step() == step.position()) {
                    sources.put(a.id(), WorkTallies.sources(context.get().key(), sourceGrader.score(context.get(), a)));
                }
            }
        }
        return new Outcomes(claims, sources);
    }

    /** The outcomes of the latest submitted attempt of whichever step has them. */
    private static <E extends Enum<E>> Optional<List<WorkTallies.Outcome<E>>> latestSubmitted(
            List<Results.StepResult> steps, Map<UUID, List<WorkTallies.Outcome<E>>> outcomes) {
        for (Results.StepResult step : steps) {
            List<Results.AttemptResult> attempts = step.attempts();
            for (int i = attempts.size() - 1; i >= 0; i--) {
                List<WorkTallies.Outcome<E>> o = outcomes.get(attempts.get(i).attemptId());
                if (o != null) {
                    return Optional.of(o);
                }
            }
        }
        return Optional.empty();
    }

    /** A lesson's outcomes for the progress page: the latest, and attempts 1 and 2 when both were submitted. */
    private static <E extends Enum<E>> Optional<WorkTallies.Worked<E>> worked(
            String title, List<Results.StepResult> steps, Map<UUID, List<WorkTallies.Outcome<E>>> outcomes) {
        for (Results.StepResult step : steps) {
            List<WorkTallies.Outcome<E>> one = null;
            List<WorkTallies.Outcome<E>> two = null;
            for (Results.AttemptResult a : step.attempts()) {
                if (a.number() == 1) {
                    one = outcomes.get(a.attemptId());
                } else if (a.number() == 2) {
                    two = outcomes.get(a.attemptId());
                }
            }
            Optional<List<WorkTallies.Outcome<E>>> latest = latestSubmitted(List.of(step), outcomes);
            if (latest.isPresent()) {
                boolean revised = one != null && two != null;
                return Optional.of(
                        new WorkTallies.Worked<>(title, latest.get(), revised ? one : null, revised ? two : null));
            }
        }
        return Optional.empty();
    }

    private static @Nullable Double gain(Results.StepResult step) {
        ScoreEntry one = scoreOf(step, 1);
        ScoreEntry two = scoreOf(step, 2);
        return one == null || two == null ? null : ScoreStatistics.round(two.score() - one.score());
    }

    private static @Nullable ScoreEntry scoreOf(Results.StepResult step, int number) {
        return step.attempts().stream()
                .filter(a -> a.number() == number && a.score() != null)
                .map(Results.AttemptResult::score)
                .findFirst()
                .orElse(null);
    }
}
