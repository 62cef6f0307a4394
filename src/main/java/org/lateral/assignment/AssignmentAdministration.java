package org.lateral.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
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
        return assignments.findByClassAndArticle(classId, articleId).orElseGet(() -> {
            LibraryPins.Pin pin = library.current(schoolId, articleId)
                    .orElseThrow(() -> new IllegalArgumentException("No article " + articleId + " in the library"));
            AssignmentRepository.Row row = new AssignmentRepository.Row(
                    UUID.randomUUID(),
                    schoolId,
                    classId,
                    pin.title(),
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
                    clock.instant());
            assignments.insert(row);
            return row.id();
        });
    }
}
