package org.lateral.submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.GradedAssignment;
import org.lateral.base.highlighter.SavedLink;
import org.lateral.base.highlighter.SavedSource;
import org.lateral.base.text.Tokens;
import org.lateral.library.KeyOverlay;
import org.lateral.library.LibraryPins;
import org.lateral.library.SourceKind;
import org.lateral.submission.scoring.Scoring;
import org.lateral.submission.scoring.SourceScoring;
import org.springframework.stereotype.Component;

/**
 * Scores attempts of a "Who says so?" step by {@link SourceScoring} and writes their score rows.
 * Not a security boundary, like {@link Grader}: its callers have checked who asks.
 * See DD013.
 */
@Component
class SourceGrader {

    private final LibraryPins library;
    private final GradingRepository grading;
    private final SubmissionRepository submissions;
    private final SourceWorkRepository work;
    private final Grader claims;

    SourceGrader(
            LibraryPins library,
            GradingRepository grading,
            SubmissionRepository submissions,
            SourceWorkRepository work,
            Grader claims) {
        this.library = library;
        this.grading = grading;
        this.submissions = submissions;
        this.work = work;
        this.claims = claims;
    }

    /**
     * What scoring one sources step needs, read once.
     *
     * @param claimsStep the lesson's mark-claims step when it has one: the student links their own
     *     claim marks, which are mapped to key claims by the claims rules
     * @param claimsContext how the claims step grades (with its amendments), with {@code claimsStep}
     */
    record Context(
            UUID assignmentId,
            UUID schoolId,
            UUID keyVersionId,
            double threshold,
            String text,
            int[] tokens,
            SourceScoring.Key key,
            List<String> keyClaimIds,
            @Nullable Integer claimsStep,
            Grader.@Nullable Context claimsContext,
            List<UUID> sourceAmendmentIds) {

        /** The amendments a score row of this step was computed with: the claims' and the sources'. */
        List<UUID> amendmentIds() {
            List<UUID> ids = new ArrayList<>(claimsContext == null ? List.of() : claimsContext.amendmentIds());
            ids.addAll(sourceAmendmentIds);
            return ids;
        }
    }

    /** The step's key as it grades; empty when the step pins no key. */
    Optional<Context> context(GradedAssignment step, @Nullable GradedAssignment claimsStep) {
        return context(step, claimsStep, null);
    }

    /**
     * The step's key as it grades, or as it would against another key version of the same article
     * (a preview: the claims step is read against that version too).
     */
    Optional<Context> context(
            GradedAssignment step, @Nullable GradedAssignment claimsStep, @Nullable UUID keyVersionId) {
        UUID version = keyVersionId != null ? keyVersionId : step.keyVersionId();
        if (version == null) {
            return Optional.empty();
        }
        String text =
                library.canonicalText(step.schoolId(), step.articleVersionId()).orElseThrow();
        List<KeyOverlay.Claim> keyClaims = library.keyClaims(step.schoolId(), version);
        // The teacher's acceptances for this assignment widen its key, never the library's.
        List<KeyAmendment> amendments = grading.amendments(step.id()).stream()
                .filter(KeyAmendment::ofSource)
                .toList();
        List<UUID> applied = new ArrayList<>();
        List<SourceScoring.KeySource> sources = library.scoredSources(step.schoolId(), version).stream()
                .map(s -> new SourceScoring.KeySource(
                        s.id(),
                        s.name(),
                        widened(
                                s.aliases(),
                                amendments,
                                s.id(),
                                KeyAmendment.Kind.SOURCE_ALIAS,
                                applied,
                                a -> a.alias()),
                        widenedKinds(s.accepted(), amendments, s.id(), applied),
                        s.primary() ? SourceScoring.Origin.PRIMARY : SourceScoring.Origin.SECONDARY,
                        s.primary() || s.relayedFrom() == null
                                ? null
                                : new SourceScoring.Outlet(s.relayedFrom(), s.relayedFromAliases()),
                        widened(
                                s.attributions().stream()
                                        .map(a -> new Scoring.Span(a.start(), a.end()))
                                        .toList(),
                                amendments,
                                s.id(),
                                KeyAmendment.Kind.SOURCE_SPAN,
                                applied,
                                a -> new Scoring.Span(a.start(), a.end()))))
                .toList();
        List<SourceScoring.KeyLink> links = keyClaims.stream()
                .map(c -> new SourceScoring.KeyLink(c.id(), Set.copyOf(c.sourceIds())))
                .toList();
        Grader.Context claimsContext = claimsStep == null
                ? null
                : claims.context(claimsStep, keyVersionId).orElse(null);
        return Optional.of(new Context(
                step.id(),
                step.schoolId(),
                version,
                step.threshold(),
                text,
                Tokens.words(text),
                new SourceScoring.Key(sources, links),
                keyClaims.stream().map(KeyOverlay.Claim::id).toList(),
                claimsStep == null ? null : claimsStep.position(),
                claimsContext,
                applied));
    }

    /** The key's list with what the assignment's amendments of this kind add for this source. */
    private static <T> List<T> widened(
            List<T> key,
            List<KeyAmendment> amendments,
            String sourceId,
            KeyAmendment.Kind kind,
            List<UUID> applied,
            java.util.function.Function<KeyAmendment, T> value) {
        List<T> all = new ArrayList<>(key);
        for (KeyAmendment a : amendments) {
            if (a.kind() == kind && a.claimId().equals(sourceId)) {
                all.add(value.apply(a));
                applied.add(a.id());
            }
        }
        return all;
    }

    private static Set<SourceKind> widenedKinds(
            Set<SourceKind> key, List<KeyAmendment> amendments, String sourceId, List<UUID> applied) {
        java.util.EnumSet<SourceKind> all = java.util.EnumSet.copyOf(key);
        for (KeyAmendment a : amendments) {
            if (a.kind() == KeyAmendment.Kind.SOURCE_KIND && a.claimId().equals(sourceId) && a.sourceKind() != null) {
                all.add(a.sourceKind());
                applied.add(a.id());
            }
        }
        return all;
    }

    /** The student's sources and links of one attempt, as the rules take them. */
    SourceScoring.Answer answer(Context context, SubmissionRepository.Attempt attempt) {
        SourceWork saved = work.sourceWork(attempt.id());
        return new SourceScoring.Answer(
                studentSources(saved.sources()), links(saved.links()), mapping(context, attempt));
    }

    /**
     * The sources-only score of saved sources (no links): which key sources they match and with
     * which kinds, as the rules decide. For the assignment dashboard, which reads every student's
     * sources at once and counts matches, not links.
     */
    static SourceScoring.Result sourcesOnly(Context context, List<SavedSource> saved) {
        return SourceScoring.score(
                context.tokens(),
                context.key(),
                new SourceScoring.Answer(
                        studentSources(saved), List.of(), SourceScoring.ClaimMapping.identity(context.keyClaimIds())),
                context.threshold());
    }

    private static List<SourceScoring.StudentSource> studentSources(List<SavedSource> saved) {
        List<SourceScoring.StudentSource> sources = new ArrayList<>();
        for (SavedSource s : saved) {
            sources.add(new SourceScoring.StudentSource(
                    s.sourceId(),
                    s.name(),
                    s.kind() == null ? null : SourceKind.fromCode(s.kind()).orElse(null),
                    origin(s.origin()),
                    s.relayedFrom(),
                    s.mentions().stream()
                            .map(m -> new Scoring.Span(m.start(), m.end()))
                            .toList()));
        }
        return sources;
    }

    /**
     * The links by claim: the sources the student linked to it, or none for "no source given".
     * A source link outweighs a "no source given" on the same claim (the page lets only one of
     * them stand; a client that sent both is taken at its sources).
     */
    static List<SourceScoring.StudentLink> links(List<SavedLink> saved) {
        Map<String, Set<String>> byClaim = new LinkedHashMap<>();
        for (SavedLink link : saved) {
            Set<String> sources = byClaim.computeIfAbsent(link.claimRef(), c -> new LinkedHashSet<>());
            if (link.sourceId() != null) {
                sources.add(link.sourceId());
            }
        }
        return byClaim.entrySet().stream()
                .map(e -> new SourceScoring.StudentLink(e.getKey(), e.getValue()))
                .toList();
    }

    private SourceScoring.ClaimMapping mapping(Context context, SubmissionRepository.Attempt attempt) {
        if (context.claimsStep() == null || context.claimsContext() == null) {
            return SourceScoring.ClaimMapping.identity(context.keyClaimIds());
        }
        // The claims the student found in step 1 of the same round are the ones in scope, so a
        // claim missed there is not counted against the links again (SourceScoring, "Links").
        List<org.lateral.base.highlighter.SavedMark> marks = submissions.attempts(attempt.submissionId()).stream()
                .filter(a -> a.step() == context.claimsStep() && a.number() == attempt.number())
                .findFirst()
                .map(a -> submissions.liveMarks(a.id()))
                .orElse(List.of());
        return SourceScoring.ClaimMapping.fromClaims(claims.score(context.claimsContext(), marks));
    }

    private static SourceScoring.@Nullable Origin origin(@Nullable String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "first-hand" -> SourceScoring.Origin.PRIMARY;
            case "relayed" -> SourceScoring.Origin.SECONDARY;
            default -> null;
        };
    }

    SourceScoring.Result score(Context context, SubmissionRepository.Attempt attempt) {
        return SourceScoring.score(context.tokens(), context.key(), answer(context, attempt), context.threshold());
    }

    /** Scores the attempt and appends its row; a teacher's override stays in force, as for claims. */
    void record(
            Context context, SubmissionRepository.Attempt attempt, ScoreCause cause, @Nullable UUID by, Instant now) {
        SourceScoring.Result result = score(context, attempt);
        Optional<GradingRepository.Latest> previous = grading.latest(attempt.id());
        boolean overridden = previous.map(GradingRepository.Latest::overridden).orElse(false);
        double counted = overridden ? previous.get().score() : result.score();
        insert(context, attempt.id(), result, counted, overridden, cause, by, null, now);
    }

    /** Re-scores every submitted attempt of the step (in the caller's transaction). */
    int rescoreAll(Context context, int step, ScoreCause cause, UUID by, Instant now) {
        List<GradingRepository.SubmittedAttempt> attempts = grading.submittedAttempts(context.assignmentId(), step);
        for (GradingRepository.SubmittedAttempt a : attempts) {
            record(context, submissions.attempt(a.attemptId()).orElseThrow(), cause, by, now);
        }
        return attempts.size();
    }

    /** The teacher sets the step's score (or, with null, lets the rules' score count again). */
    void override(
            Context context,
            SubmissionRepository.Attempt attempt,
            @Nullable Double score,
            UUID by,
            @Nullable String comment,
            Instant now) {
        SourceScoring.Result result = score(context, attempt);
        if (score == null) {
            insert(context, attempt.id(), result, result.score(), false, ScoreCause.OVERRIDE_REMOVED, by, comment, now);
        } else {
            insert(context, attempt.id(), result, score, true, ScoreCause.OVERRIDE, by, comment, now);
        }
    }

    private void insert(
            Context context,
            UUID attemptId,
            SourceScoring.Result result,
            double counted,
            boolean overridden,
            ScoreCause cause,
            @Nullable UUID by,
            @Nullable String comment,
            Instant now) {
        int found = result.matches().size();
        grading.insertSourceScore(
                attemptId,
                context.keyVersionId(),
                context.amendmentIds(),
                SourceScoring.RULES_VERSION,
                context.threshold(),
                result,
                counted,
                overridden,
                found - result.wrongKind().size(),
                result.wrongKind().size(),
                result.missedSources().size(),
                result.extraSources().size(),
                cause,
                by,
                comment,
                now);
    }
}
