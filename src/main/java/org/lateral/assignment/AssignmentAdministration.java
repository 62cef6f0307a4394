package org.lateral.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.library.LibraryPins;
import org.lateral.security.Trusted;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Start-up work without a signed-in user (demo seeding). Idempotent: an assignment of an article
 * to a class is created once. Views never use this service (the architecture test enforces it).
 */
@Service
@Trusted
public class AssignmentAdministration {

    private final AssignmentRepository assignments;
    private final LibraryPins library;
    private final Clock clock;

    AssignmentAdministration(AssignmentRepository assignments, LibraryPins library, Clock clock) {
        this.assignments = assignments;
        this.library = library;
        this.clock = clock;
    }

    /** The class's mark-claims assignment on this article, created with these settings if missing. */
    @Transactional
    public UUID ensureMarkClaims(
            UUID schoolId,
            UUID classId,
            UUID teacherId,
            UUID articleId,
            Instant openAt,
            Instant dueAt,
            FeedbackPolicy policy,
            boolean revisionAllowed) {
        return ensureLesson(
                schoolId,
                classId,
                teacherId,
                articleId,
                openAt,
                dueAt,
                policy,
                revisionAllowed,
                List.of(NewStep.of(NewStep.MARK_CLAIMS)),
                null);
    }

    /**
     * The class's lesson on this article with exactly these steps' exercises, created with these
     * settings if missing (DD013).
     *
     * @param title the lesson's title; null for the article's title
     */
    @Transactional
    public UUID ensureLesson(
            UUID schoolId,
            UUID classId,
            UUID teacherId,
            UUID articleId,
            Instant openAt,
            Instant dueAt,
            FeedbackPolicy policy,
            boolean revisionAllowed,
            List<NewStep> steps,
            @Nullable String title) {
        List<String> exercises = steps.stream().map(NewStep::exercise).toList();
        return assignments
                .findByClassArticleAndSteps(classId, articleId, exercises)
                .orElseGet(() -> {
                    LibraryPins.Pin pin = library.current(schoolId, articleId)
                            .orElseThrow(
                                    () -> new IllegalArgumentException("No article " + articleId + " in the library"));
                    LessonPlan.Pinned plan = LessonPlan.pin(library, schoolId, null, pin, steps);
                    AssignmentRepository.Row row = new AssignmentRepository.Row(
                            UUID.randomUUID(),
                            schoolId,
                            classId,
                            title == null ? plan.title() : title,
                            pin.articleId(),
                            pin.articleVersionId(),
                            pin.keyVersionId(),
                            openAt,
                            dueAt,
                            true,
                            policy,
                            revisionAllowed,
                            null,
                            false,
                            teacherId,
                            clock.instant(),
                            plan.steps());
                    assignments.insert(row);
                    return row.id();
                });
    }
}
