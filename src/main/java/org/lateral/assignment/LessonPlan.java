package org.lateral.assignment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.UserFacingException;
import org.lateral.library.LibraryPins;

/**
 * What each step of a new lesson pins (DD013, DD015): a step on one article pins the article's
 * current version and key version; a compare step pins its story set's current comparison key
 * version, each column's current article version and the key's rubric (the teacher's copy to
 * edit). The checks of a compare step live here so that the teacher's form and the demo seeding
 * make the same lessons.
 */
final class LessonPlan {

    private LessonPlan() {}

    /** A step with its pins, as the repository writes it. */
    record PinnedStep(
            NewStep step,
            UUID articleId,
            UUID articleVersionId,
            @Nullable UUID keyVersionId,
            @Nullable UUID storySetId,
            @Nullable UUID comparisonKeyVersionId,
            List<LessonStep.StepArticle> articles,
            List<LibraryPins.RubricLevel> rubric) {
        PinnedStep {
            articles = List.copyOf(articles);
            rubric = List.copyOf(rubric);
        }
    }

    /** The lesson's steps pinned, and its title when the teacher gave none. */
    record Pinned(List<PinnedStep> steps, String title) {}

    /**
     * Pins the steps on the lesson's article {@code pin}; a compare step must include that article
     * among its columns (the lesson's other steps are about it), and pins the comparison key of
     * {@code teacherId} when they have published one (DD021; null: the pack's).
     *
     * @throws UserFacingException with the sentence the teacher sees when a compare step cannot be made
     */
    static Pinned pin(
            LibraryPins library, UUID schoolId, @Nullable UUID teacherId, LibraryPins.Pin pin, List<NewStep> steps) {
        List<PinnedStep> pinned = new ArrayList<>();
        String title = pin.title();
        for (NewStep step : steps) {
            if (!step.exercise().equals(NewStep.COMPARE_OUTLETS)) {
                pinned.add(new PinnedStep(
                        step,
                        pin.articleId(),
                        pin.articleVersionId(),
                        pin.keyVersionId(),
                        null,
                        null,
                        List.of(),
                        List.of()));
                continue;
            }
            List<UUID> ids = step.articles();
            if (ids.size() < NewStep.FEWEST_COMPARED || ids.size() > NewStep.MOST_COMPARED) {
                throw UserFacingException.of("assignment.refusal.compareCount");
            }
            Set<UUID> seen = new HashSet<>();
            UUID storySet = null;
            List<LibraryPins.Pin> columns = new ArrayList<>();
            for (UUID id : ids) {
                if (id == null || !seen.add(id)) {
                    throw UserFacingException.of("assignment.refusal.compareTwice");
                }
                LibraryPins.Pin column = library.current(schoolId, id)
                        .orElseThrow(() -> UserFacingException.of("assignment.refusal.articleUnknown"));
                UUID set = library.storySetOf(schoolId, id).orElse(null);
                if (set == null || (storySet != null && !storySet.equals(set))) {
                    throw UserFacingException.of("assignment.refusal.sameStory");
                }
                storySet = set;
                columns.add(column);
            }
            if (!seen.contains(pin.articleId())) {
                throw UserFacingException.of("assignment.refusal.lessonArticleMissing", pin.title());
            }
            LibraryPins.ComparisonPin key = library.comparisonPin(schoolId, storySet, teacherId)
                    .orElseThrow(() -> UserFacingException.of("assignment.refusal.noComparisonKey"));
            if (key.rubric().size() < 2) {
                throw UserFacingException.of("assignment.refusal.noRubric");
            }
            for (LibraryPins.Pin column : columns) {
                if (!key.articleVersionIds().contains(column.articleVersionId())) {
                    throw UserFacingException.of("assignment.refusal.keyNotCovering", column.title());
                }
            }
            pinned.add(new PinnedStep(
                    step,
                    pin.articleId(),
                    pin.articleVersionId(),
                    null,
                    storySet,
                    key.versionId(),
                    columns.stream()
                            .map(c -> new LessonStep.StepArticle(c.articleId(), c.articleVersionId()))
                            .toList(),
                    key.rubric()));
            if (steps.size() == 1) {
                title = "Compare the outlets: " + key.storySetTitle();
            }
        }
        return new Pinned(pinned, title);
    }
}
