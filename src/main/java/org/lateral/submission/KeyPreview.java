package org.lateral.submission;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which submitted attempts a new key version would score differently, and by how much.
 *
 * @param whatChanged what the new version corrects, as its pack says ("" when it says nothing)
 * @param correctedDetails the article's details (front matter) that the new key's article version
 *        corrected, in plain words; its text is the same, or the version would not be offered
 */
public record KeyPreview(
        UUID currentVersionId,
        UUID newVersionId,
        String whatChanged,
        String notes,
        List<String> correctedDetails,
        int attempts,
        List<Change> changes) {

    public KeyPreview {
        correctedDetails = List.copyOf(correctedDetails);
        changes = List.copyOf(changes);
    }

    /**
     * One attempt whose rules score would change; {@code counted} stays when the teacher overrode it.
     *
     * @param step the lesson step's exercise code when the lesson has more than one ("identify-sources"),
     *        else ""; the page names it in its language
     */
    public record Change(
            @Nullable String student, int attempt, double before, double after, boolean overridden, String step) {

        public Change(@Nullable String student, int attempt, double before, double after, boolean overridden) {
            this(student, attempt, before, after, overridden, "");
        }

        public double delta() {
            return Math.round(10 * (after - before)) / 10.0;
        }
    }
}
