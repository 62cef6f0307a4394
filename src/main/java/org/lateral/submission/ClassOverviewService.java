package org.lateral.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.LessonStep;
import org.lateral.assignment.SubmissionStatus;
import org.lateral.assignment.TeacherAssignment;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.RosterEntry;
import org.lateral.classroom.TeacherOfClass;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The class overview of the teacher dashboards (DD016): completion, score spreads and revision
 * gains of every assignment of a class. This feature owns the attempts and scores, so the
 * dashboard asks here rather than reading them itself (DD011). Each assignment is read with the
 * same statements as its results page (attempts with their latest score, for all students at
 * once), so the statements grow with the assignments, not with the students; statuses and lesson
 * scores come from the results page's own rules ({@link ResultsService#lessonStatus},
 * {@link ResultsService#lessonScore}), so both pages always agree.
 */
@Service
public class ClassOverviewService {

    private final ClassroomService classroom;
    private final AssignmentService assignments;
    private final GradingRepository grading;
    private final Clock clock;

    ClassOverviewService(
            ClassroomService classroom, AssignmentService assignments, GradingRepository grading, Clock clock) {
        this.classroom = classroom;
        this.assignments = assignments;
        this.grading = grading;
        this.clock = clock;
    }

    /** The overview of a class the signed-in teacher teaches; empty for any other class. */
    @Transactional(readOnly = true)
    @TeacherOfClass
    public Optional<ClassOverview> overview(UUID classId) {
        Optional<ClassDetail> found = classroom.classDetail(classId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ClassDetail schoolClass = found.get();
        Instant now = clock.instant();
        List<Unflagged> unflagged = new ArrayList<>();
        for (TeacherAssignment a : assignments.allForTeacher(classId)) {
            unflagged.add(assignment(a, now));
        }
        List<ClassOverview.AssignmentOverview> rows = new ArrayList<>();
        for (Unflagged row : unflagged) {
            List<Double> others = unflagged.stream()
                    .filter(o -> o != row && o.lessonScores() != null)
                    .map(o -> o.lessonScores().median())
                    .toList();
            Double median =
                    row.lessonScores() == null ? null : row.lessonScores().median();
            Double usual = ScoreStatistics.median(others);
            rows.add(new ClassOverview.AssignmentOverview(
                    row.assignment().id(),
                    row.assignment().title(),
                    row.assignment().dueAt(),
                    !row.assignment().openAt().isAfter(now),
                    row.statuses(),
                    row.steps(),
                    row.lessonScores(),
                    usual,
                    ScoreStatistics.notablyLower(median, others)));
        }
        return Optional.of(new ClassOverview(
                schoolClass.id(),
                schoolClass.name(),
                schoolClass.timeZone(),
                schoolClass.roster().size(),
                rows));
    }

    /** An assignment's numbers before the flag, which needs every assignment's median. */
    private record Unflagged(
            TeacherAssignment assignment,
            Map<SubmissionStatus, Integer> statuses,
            List<ClassOverview.StepOverview> steps,
            ScoreStatistics.@Nullable Spread lessonScores) {}

    private Unflagged assignment(TeacherAssignment assignment, Instant now) {
        Map<UUID, List<GradingRepository.ResultAttempt>> attemptsOf = new HashMap<>();
        for (GradingRepository.ResultAttempt a : grading.resultAttemptsUncounted(assignment.id())) {
            attemptsOf.computeIfAbsent(a.studentId(), k -> new ArrayList<>()).add(a);
        }
        Map<SubmissionStatus, Integer> statuses = new EnumMap<>(SubmissionStatus.class);
        for (SubmissionStatus status : SubmissionStatus.values()) {
            statuses.put(status, 0);
        }
        int stepCount = assignment.steps().size();
        List<List<Double>> stepScores = new ArrayList<>();
        List<List<Double>> stepGains = new ArrayList<>();
        for (int i = 0; i < stepCount; i++) {
            stepScores.add(new ArrayList<>());
            stepGains.add(new ArrayList<>());
        }
        List<Double> lessonScores = new ArrayList<>();
        for (RosterEntry student : assignment.roster()) {
            List<GradingRepository.ResultAttempt> all = attemptsOf.getOrDefault(student.studentId(), List.of());
            Instant due = assignment.dueFor(student.studentId());
            statuses.merge(ResultsService.lessonStatus(now, due, all, stepCount), 1, Integer::sum);
            List<Results.StepResult> steps = ResultsService.stepResults(assignment.steps(), all, due);
            for (int i = 0; i < stepCount; i++) {
                Results.StepResult step = steps.get(i);
                ScoreEntry counted = step.counted();
                if (counted != null) {
                    stepScores.get(i).add(counted.score());
                }
                ScoreEntry one = scoreOf(step, 1);
                ScoreEntry two = scoreOf(step, 2);
                if (one != null && two != null) {
                    stepGains.get(i).add(two.score() - one.score());
                }
            }
            Double lesson = ResultsService.lessonScore(assignment.steps(), steps);
            if (lesson != null) {
                lessonScores.add(lesson);
            }
        }
        List<ClassOverview.StepOverview> steps = new ArrayList<>();
        for (int i = 0; i < stepCount; i++) {
            LessonStep step = assignment.steps().get(i);
            Double gain = ScoreStatistics.median(stepGains.get(i));
            steps.add(new ClassOverview.StepOverview(
                    step.position(),
                    step.exercise(),
                    ScoreStatistics.spread(stepScores.get(i)),
                    stepGains.get(i).size(),
                    gain == null ? null : ScoreStatistics.round(gain)));
        }
        return new Unflagged(assignment, statuses, steps, ScoreStatistics.spread(lessonScores));
    }

    private static @Nullable ScoreEntry scoreOf(Results.StepResult step, int number) {
        return step.attempts().stream()
                .filter(a -> a.number() == number && a.score() != null)
                .map(Results.AttemptResult::score)
                .findFirst()
                .orElse(null);
    }
}
