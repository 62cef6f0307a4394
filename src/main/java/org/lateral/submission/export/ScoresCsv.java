package org.lateral.submission.export;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.LessonStep;
import org.lateral.submission.Results;
import org.lateral.submission.ScoreEntry;

/**
 * The scores of an assignment, one row per student of the class, as the results screen shows them:
 * the counted score of each step (its latest scored attempt, DD013) and the lesson score.
 */
public final class ScoresCsv {

    private ScoresCsv() {}

    public static byte[] build(Results results) {
        List<LessonStep> steps = results.assignment().steps();
        ZoneId zone = results.assignment().timeZone();
        List<String> header = new ArrayList<>(List.of("Student", "Username", "Status"));
        for (LessonStep step : steps) {
            header.add("Step " + (step.position() + 1) + " score (" + step.exercise() + ")");
        }
        header.addAll(List.of("Lesson score", "Attempts", "Submitted at", "Late", "Overridden"));
        List<List<String>> rows = new ArrayList<>();
        for (Results.StudentResult student : results.students()) {
            List<String> row = new ArrayList<>(List.of(
                    student.displayName(), student.username(), student.status().label()));
            boolean late = false;
            boolean overridden = false;
            Instant submitted = null;
            for (LessonStep step : steps) {
                Results.StepResult result = student.steps().stream()
                        .filter(s -> s.position() == step.position())
                        .findFirst()
                        .orElse(null);
                Results.AttemptResult counted = result == null ? null : result.countedAttempt();
                ScoreEntry score = counted == null ? null : counted.score();
                row.add(score == null ? "" : Csv.number(score.score()));
                if (counted != null) {
                    late |= counted.late();
                    overridden |= score != null && score.overridden();
                }
                if (result != null) {
                    for (Results.AttemptResult a : result.attempts()) {
                        if (a.submittedAt() != null
                                && (submitted == null || a.submittedAt().isAfter(submitted))) {
                            submitted = a.submittedAt();
                        }
                    }
                }
            }
            row.add(Csv.number(student.lessonScore()));
            row.add(String.valueOf(student.attempts().size()));
            row.add(time(submitted, zone));
            row.add(Csv.yesNo(late));
            row.add(Csv.yesNo(overridden));
            rows.add(row);
        }
        return Csv.write(header, rows);
    }

    /** A time in the assignment's zone with its offset, which spreadsheet apps and people both read. */
    static String time(@Nullable Instant at, ZoneId zone) {
        return at == null
                ? ""
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        at.atZone(zone).toOffsetDateTime().withNano(0));
    }
}
