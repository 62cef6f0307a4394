package org.lateral.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.NewStep;
import org.lateral.assignment.SchoolAssignment;
import org.lateral.assignment.SubmissionStatus;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.SchoolRoster;
import org.lateral.security.ForAdmins;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school view of the dashboards (DD016, "School view"): for the signed-in admin, every class of
 * their school with its completion and, per exercise kind, average scores and revision gains. The
 * classroom feature gives the classes and rosters, the assignment feature the lessons, and this
 * feature the attempts, each in a fixed number of statements for the whole school (DD011 keeps
 * each feature to its own tables). Statuses follow the results page's rules
 * ({@link ResultsService#lessonStatus}), so a class counts here as on its class overview.
 */
@Service
public class SchoolOverviewService {

    /** The exercise kinds in lesson order: the columns of the school view. */
    static final List<String> EXERCISES =
            List.of(NewStep.MARK_CLAIMS, NewStep.IDENTIFY_SOURCES, NewStep.COMPARE_OUTLETS);

    private final ClassroomService classroom;
    private final AssignmentService assignments;
    private final GradingRepository grading;
    private final Clock clock;

    SchoolOverviewService(
            ClassroomService classroom, AssignmentService assignments, GradingRepository grading, Clock clock) {
        this.classroom = classroom;
        this.assignments = assignments;
        this.grading = grading;
        this.clock = clock;
    }

    /** The signed-in admin's school. */
    @Transactional(readOnly = true)
    @ForAdmins
    public SchoolOverview overview() {
        SchoolRoster roster = classroom.mySchool();
        List<SchoolAssignment> lessons = assignments.assignmentsOfMySchool();
        List<GradingRepository.SchoolAttempt> attempts = grading.schoolAttempts(
                lessons.stream().map(SchoolAssignment::id).toList());
        return build(roster, lessons, attempts, clock.instant());
    }

    /**
     * The school view from its parts, a pure function (tested on figures worked by hand). A step's
     * counted score is its latest scored attempt's; its gain is attempt 2's score minus attempt 1's
     * when both are scored, as on the class overview.
     */
    static SchoolOverview build(
            SchoolRoster roster,
            List<SchoolAssignment> lessons,
            List<GradingRepository.SchoolAttempt> attempts,
            Instant now) {
        Map<UUID, Map<UUID, List<GradingRepository.SchoolAttempt>>> byLesson = new HashMap<>();
        for (GradingRepository.SchoolAttempt a : attempts) {
            byLesson.computeIfAbsent(a.assignmentId(), k -> new HashMap<>())
                    .computeIfAbsent(a.attempt().studentId(), k -> new ArrayList<>())
                    .add(a);
        }
        Map<UUID, List<SchoolAssignment>> lessonsOf = new HashMap<>();
        for (SchoolAssignment lesson : lessons) {
            lessonsOf.computeIfAbsent(lesson.classId(), k -> new ArrayList<>()).add(lesson);
        }
        Map<String, Figures> school = figuresByExercise();
        List<SchoolOverview.ClassRow> rows = new ArrayList<>();
        for (SchoolRoster.SchoolClassRow c : roster.classes()) {
            Map<SubmissionStatus, Integer> statuses = new EnumMap<>(SubmissionStatus.class);
            for (SubmissionStatus status : SubmissionStatus.values()) {
                statuses.put(status, 0);
            }
            Map<String, Figures> own = figuresByExercise();
            List<SchoolAssignment> ofClass = lessonsOf.getOrDefault(c.id(), List.of());
            for (SchoolAssignment lesson : ofClass) {
                Map<UUID, List<GradingRepository.SchoolAttempt>> work = byLesson.getOrDefault(lesson.id(), Map.of());
                for (UUID student : c.studentIds()) {
                    List<GradingRepository.SchoolAttempt> mine = work.getOrDefault(student, List.of());
                    List<GradingRepository.ResultAttempt> rounds = mine.stream()
                            .map(GradingRepository.SchoolAttempt::attempt)
                            .toList();
                    statuses.merge(
                            ResultsService.lessonStatus(
                                    now,
                                    lesson.dueFor(student),
                                    rounds,
                                    lesson.exercises().size()),
                            1,
                            Integer::sum);
                    for (int step = 0; step < lesson.exercises().size(); step++) {
                        String exercise = lesson.exercises().get(step);
                        Double first = null;
                        Double second = null;
                        Double counted = null;
                        for (GradingRepository.SchoolAttempt a : mine) {
                            if (a.attempt().step() != step || a.score() == null) {
                                continue;
                            }
                            counted = a.score();
                            if (a.attempt().attempt().number() == 1) {
                                first = a.score();
                            } else if (a.attempt().attempt().number() == 2) {
                                second = a.score();
                            }
                        }
                        Double gain = first != null && second != null ? second - first : null;
                        own.get(exercise).add(counted, gain);
                        school.get(exercise).add(counted, gain);
                    }
                }
            }
            rows.add(new SchoolOverview.ClassRow(
                    c.id(), c.name(), c.teacherName(), c.studentIds().size(), ofClass.size(), statuses, list(own)));
        }
        return new SchoolOverview(roster.schoolName(), rows, list(school));
    }

    private static Map<String, Figures> figuresByExercise() {
        Map<String, Figures> figures = new HashMap<>();
        for (String exercise : EXERCISES) {
            figures.put(exercise, new Figures());
        }
        return figures;
    }

    private static List<SchoolOverview.ExerciseFigures> list(Map<String, Figures> figures) {
        return EXERCISES.stream().map(e -> figures.get(e).done(e)).toList();
    }

    /** Running sums of one exercise kind. */
    private static final class Figures {
        private int scored;
        private double scoreSum;
        private int revised;
        private double gainSum;

        void add(@Nullable Double score, @Nullable Double gain) {
            if (score != null) {
                scored++;
                scoreSum += score;
            }
            if (gain != null) {
                revised++;
                gainSum += gain;
            }
        }

        SchoolOverview.ExerciseFigures done(String exercise) {
            return new SchoolOverview.ExerciseFigures(
                    exercise,
                    scored,
                    scored == 0 ? null : ScoreStatistics.round(scoreSum / scored),
                    revised,
                    revised == 0 ? null : ScoreStatistics.round(gainSum / revised));
        }
    }
}
