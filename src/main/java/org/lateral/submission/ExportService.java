package org.lateral.submission;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.LessonStep;
import org.lateral.assignment.NewStep;
import org.lateral.assignment.TeacherOfAssignment;
import org.lateral.base.UserFacingException;
import org.lateral.submission.export.AnnotationExport;
import org.lateral.submission.export.ItemsCsv;
import org.lateral.submission.export.ScoresCsv;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The teacher's downloads of an assignment (DD016, "Exports"): scores per student, outcomes per key
 * item, and the class's marks as W3C Web Annotations. Everything is read through {@link
 * ResultsService}, so a file says what the results screen and the reviews say, scored by the same
 * graders; the builders in {@code submission.export} only lay it out.
 */
@Service
public class ExportService {

    static final String CSV = "text/csv;charset=UTF-8";
    static final String JSON_LD = "application/ld+json";

    private final ResultsService results;
    private final SubmissionRepository submissions;

    ExportService(ResultsService results, SubmissionRepository submissions) {
        this.results = results;
        this.submissions = submissions;
    }

    /** A file to download. */
    public record Export(byte[] bytes, String filename, String contentType) {}

    /** One row per student of the class: status, each step's counted score, the lesson score. */
    @Transactional(readOnly = true)
    @TeacherOfAssignment
    public Export scoresCsv(UUID assignmentId) {
        Results r = resultsOf(assignmentId);
        return new Export(ScoresCsv.build(r), fileName(r, "scores", "csv"), CSV);
    }

    /**
     * One row per student and key item of each step's counted attempt (the latest scored one), with
     * the outcome the graders' review gives. Students with no scored attempt have no rows.
     */
    @Transactional(readOnly = true)
    @TeacherOfAssignment
    public Export itemsCsv(UUID assignmentId) {
        Results r = resultsOf(assignmentId);
        List<ItemsCsv.Row> rows = new ArrayList<>();
        for (Results.StudentResult student : r.students()) {
            for (Results.StepResult step : student.steps()) {
                Results.AttemptResult counted = step.countedAttempt();
                if (counted == null) {
                    continue;
                }
                TeacherReview review = results.review(counted.attemptId()).orElse(null);
                if (review == null) {
                    continue;
                }
                ItemsCsv.Who who = new ItemsCsv.Who(
                        student.displayName(), student.username(), step.position(), step.exercise(), counted.number());
                if (review.sources() != null) {
                    rows.addAll(ItemsCsv.sources(who, review.sources().review()));
                } else if (review.compare() != null) {
                    rows.addAll(ItemsCsv.compare(who, review.compare().review()));
                } else {
                    rows.addAll(ItemsCsv.claims(who, review.review()));
                }
            }
        }
        return new Export(ItemsCsv.build(rows), fileName(r, "items", "csv"), CSV);
    }

    /**
     * The live marks of each student's counted attempt of the mark-claims step: the latest scored
     * one, or without a key (nothing scored) the latest submitted one. Work in progress is never
     * exported: it is not an answer yet.
     */
    @Transactional(readOnly = true)
    @TeacherOfAssignment
    public Export annotations(UUID assignmentId) {
        Results r = resultsOf(assignmentId);
        UUID articleVersionId = r.assignment().articleVersionId();
        boolean marksClaims = r.assignment().steps().stream()
                .anyMatch(
                        s -> s.position() == Grader.CLAIMS_STEP && s.exercise().equals(NewStep.MARK_CLAIMS));
        List<AnnotationExport.StudentMarks> students = new ArrayList<>();
        if (marksClaims && articleVersionId != null) {
            for (Results.StudentResult student : r.students()) {
                Results.AttemptResult attempt = exported(student);
                if (attempt == null) {
                    continue;
                }
                List<AnnotationExport.Mark> marks = submissions.liveTimedMarks(attempt.attemptId()).stream()
                        .map(m -> new AnnotationExport.Mark(
                                m.markId(), m.start(), m.end(), m.type(), m.created(), m.updated()))
                        .toList();
                students.add(new AnnotationExport.StudentMarks(student.studentId(), marks));
            }
        }
        byte[] json = AnnotationExport.build(new AnnotationExport.Input(
                assignmentId,
                r.assignment().title(),
                articleVersionId == null ? assignmentId : articleVersionId,
                r.text(),
                students));
        return new Export(json, fileName(r, "annotations", "jsonld"), JSON_LD);
    }

    private static Results.@Nullable AttemptResult exported(Results.StudentResult student) {
        Results.StepResult claims = student.steps().stream()
                .filter(s -> s.position() == LessonStep.FIRST)
                .findFirst()
                .orElse(null);
        if (claims == null) {
            return null;
        }
        Results.AttemptResult counted = claims.countedAttempt();
        if (counted != null) {
            return counted;
        }
        Results.AttemptResult submitted = null;
        for (Results.AttemptResult a : claims.attempts()) {
            if (a.submittedAt() != null) {
                submitted = a;
            }
        }
        return submitted;
    }

    private Results resultsOf(UUID assignmentId) {
        return results.results(assignmentId)
                .orElseThrow(() -> UserFacingException.of("submission.refusal.exportNoArticle"));
    }

    /** "frisky-claims-scores.csv": the title in plain ASCII letters and digits, so every system keeps it. */
    static String fileName(Results r, String what, String extension) {
        String slug = Normalizer.normalize(r.assignment().title(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-$", "");
        }
        return (slug.isEmpty() ? "assignment" : slug) + "-" + what + "." + extension;
    }
}
