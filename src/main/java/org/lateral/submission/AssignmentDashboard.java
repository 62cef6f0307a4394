package org.lateral.submission;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.SubmissionStatus;
import org.lateral.library.ClaimType;
import org.lateral.library.SourceKind;
import org.lateral.submission.scoring.Scoring;

/**
 * One assignment's dashboard for its teacher: where in the article the class found the key's
 * claims, what many marked that the key lacks, which types they confused, and how they scored.
 *
 * @param submitters students with a submitted attempt of the claims step (the latest one counts)
 * @param claims the key's claims in text order, numbered from 1, with how many found each
 * @param unkeyed spans many students marked outside the key (grouped as the results page does)
 * @param confusion key type × chosen type over matched claims
 * @param scores each student's counted lesson score, for those who have one
 * @param panels per step of a kind with figures of its own (a comparison's agreement), in step order
 */
public record AssignmentDashboard(
        UUID assignmentId,
        UUID classId,
        String className,
        String title,
        String text,
        boolean hasClaimsKey,
        int submitters,
        List<ClaimShare> claims,
        List<Results.PopularSpan> unkeyed,
        int unkeyedMinimum,
        Map<ClaimType, Map<ClaimType, Integer>> confusion,
        List<Double> scores,
        int[] bins,
        @Nullable Double median,
        List<StudentRow> students,
        int sourceSubmitters,
        List<SourceShare> sources,
        Map<SourceKind, Map<SourceKind, Integer>> kindConfusion,
        List<StepPanel> panels) {

    public AssignmentDashboard {
        panels = List.copyOf(panels);
    }

    /**
     * The figures of one lesson step that only its kind has, drawn as a panel of their own, in the
     * lesson's step order. A new step kind adds a record here and a panel in the view; nothing
     * else on the dashboard changes.
     */
    public sealed interface StepPanel permits CompareAgreement {
        /** The step's position in the lesson, from 0. */
        int step();
    }

    /** Whether the lesson has a "Who says so?" step with a key to count against. */
    public boolean hasSources() {
        return !sources.isEmpty();
    }

    /**
     * A key source of the "Who says so?" step and how many of that step's submitters found it (the
     * rules matched one of their sources to it, by name or mention).
     *
     * @param attributions where the text points at the source
     */
    public record SourceShare(
            int number, String sourceId, String name, List<Scoring.Span> attributions, int found, double share) {}

    /** A key claim and how many submitters found it, as the scoring rules decide. */
    public record ClaimShare(int number, String claimId, int start, int end, String exact, int found, double share) {}

    /**
     * @param username shown beside the name where two students of the class share it
     * @param score the counted lesson score, null until every step has one
     * @param timeSpent the sum over submitted attempts of submitted − started; null before any
     * @param attemptIds the student's attempts of the first step, oldest first
     */
    public record StudentRow(
            String name,
            String username,
            SubmissionStatus status,
            @Nullable Double score,
            @Nullable Double gain,
            @Nullable Duration timeSpent,
            List<UUID> attemptIds) {}
}
