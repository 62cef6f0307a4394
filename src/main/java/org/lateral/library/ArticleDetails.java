package org.lateral.library;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The metadata of an article version that a teacher sees beside the text (front matter in a pack).
 * A corrected pack can change these while the canonical text stays byte for byte the same; then a
 * key anchored to the corrected version still fits an assignment's marks, and the teacher is told
 * which details changed with it.
 */
record ArticleDetails(
        String title,
        @Nullable String byline,
        LocalDate publishedOn,
        String publishedPrecision,
        @Nullable String publishedNote,
        @Nullable String originalUrl) {

    /** What changed from {@code before} to {@code after}, in plain words, in a fixed order; empty when nothing did. */
    static List<String> corrections(ArticleDetails before, ArticleDetails after) {
        List<String> changed = new ArrayList<>();
        if (!before.title.equals(after.title)) {
            changed.add("title");
        }
        if (!Objects.equals(before.byline, after.byline)) {
            changed.add("byline");
        }
        // A date said more (or less) precisely is a corrected date to a reader, so both count as one.
        if (!before.publishedOn.equals(after.publishedOn)
                || !before.publishedPrecision.equals(after.publishedPrecision)) {
            changed.add("publication date");
        }
        if (!Objects.equals(before.publishedNote, after.publishedNote)) {
            changed.add("note on how the date was worked out");
        }
        if (!Objects.equals(before.originalUrl, after.originalUrl)) {
            changed.add("original address");
        }
        return List.copyOf(changed);
    }
}
