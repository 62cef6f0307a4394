package org.lateral.submission;

import java.util.List;
import java.util.UUID;

/** Which submitted attempts a new key version would score differently, and by how much. */
public record KeyPreview(UUID currentVersionId, UUID newVersionId, String notes, int attempts, List<Change> changes) {

    public KeyPreview {
        changes = List.copyOf(changes);
    }

    /** One attempt whose rules score would change; {@code counted} stays when the teacher overrode it. */
    public record Change(String student, int attempt, double before, double after, boolean overridden) {

        public double delta() {
            return Math.round(10 * (after - before)) / 10.0;
        }
    }
}
