package org.lateral.submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.GradedAssignment;
import org.lateral.base.TextSpan;
import org.lateral.base.highlighter.SavedMark;
import org.lateral.base.text.Tokens;
import org.lateral.library.ClaimType;
import org.lateral.library.KeyOverlay;
import org.lateral.library.LibraryPins;
import org.lateral.submission.scoring.Scoring;
import org.springframework.stereotype.Component;

/**
 * Scores attempts and writes the score history. Not a security boundary: the services that call
 * it have checked the caller (the student who submits, the teacher of the class).
 * See DD005.
 */
@Component
class Grader {

    /**
     * The position of a lesson's mark-claims step: always the first, because a lesson starts with
     * it whenever it has one (AssignmentService checks a lesson's steps; DD013).
     */
    static final int CLAIMS_STEP = 0;

    static final String ADDED_CLAIM_WHY = "Your teacher added this claim to the key of this assignment.";

    private final LibraryPins library;
    private final GradingRepository grading;
    private final SubmissionRepository submissions;

    Grader(LibraryPins library, GradingRepository grading, SubmissionRepository submissions) {
        this.library = library;
        this.grading = grading;
        this.submissions = submissions;
    }

    /** A key claim as this assignment grades it: the library's claim widened by the amendments. */
    record GradedClaim(
            String id,
            int start,
            int end,
            String exact,
            Set<ClaimType> accepted,
            int worthiness,
            String why,
            List<String> cues,
            List<String> sourceIds,
            List<Scoring.Span> alternatives,
            boolean added) {

        Scoring.KeyClaim forScoring() {
            return new Scoring.KeyClaim(id, start, end, accepted, worthiness, alternatives);
        }
    }

    /** Everything scoring one assignment needs, read once and used for every attempt. */
    record Context(
            UUID assignmentId,
            UUID schoolId,
            UUID keyVersionId,
            double threshold,
            String text,
            int[] tokens,
            List<GradedClaim> claims,
            List<UUID> amendmentIds) {

        List<Scoring.KeyClaim> key() {
            return claims.stream().map(GradedClaim::forScoring).toList();
        }
    }

    /** The assignment's key as it grades now, or against another key version (for a preview). */
    Optional<Context> context(GradedAssignment facts, @Nullable UUID keyVersionId) {
        if (!facts.exercise().equals("mark-claims")) {
            return Optional.empty();
        }
        UUID version = keyVersionId != null ? keyVersionId : facts.keyVersionId();
        if (version == null) {
            return Optional.empty();
        }
        String text = library.canonicalText(facts.schoolId(), facts.articleVersionId())
                .orElseThrow();
        Map<String, GradedClaim> claims = new LinkedHashMap<>();
        for (KeyOverlay.Claim c : library.keyClaims(facts.schoolId(), version)) {
            claims.put(
                    c.id(),
                    new GradedClaim(
                            c.id(),
                            c.start(),
                            c.end(),
                            c.exact(),
                            c.types(),
                            c.worthiness(),
                            c.why(),
                            c.cues(),
                            c.sourceIds(),
                            List.of(),
                            false));
        }
        List<UUID> applied = new ArrayList<>();
        for (KeyAmendment a : grading.amendments(facts.id())) {
            GradedClaim claim = claims.get(a.claimId());
            switch (a.kind()) {
                case ALTERNATIVE_SPAN -> {
                    if (claim != null) {
                        List<Scoring.Span> spans = new ArrayList<>(claim.alternatives());
                        spans.add(new Scoring.Span(a.start(), a.end()));
                        claims.put(
                                claim.id(),
                                new GradedClaim(
                                        claim.id(),
                                        claim.start(),
                                        claim.end(),
                                        claim.exact(),
                                        claim.accepted(),
                                        claim.worthiness(),
                                        claim.why(),
                                        claim.cues(),
                                        claim.sourceIds(),
                                        spans,
                                        claim.added()));
                        applied.add(a.id());
                    }
                }
                case ALTERNATIVE_TYPE -> {
                    if (claim != null) {
                        Set<ClaimType> types = EnumSet.copyOf(claim.accepted());
                        types.add(a.type());
                        claims.put(
                                claim.id(),
                                new GradedClaim(
                                        claim.id(),
                                        claim.start(),
                                        claim.end(),
                                        claim.exact(),
                                        types,
                                        claim.worthiness(),
                                        claim.why(),
                                        claim.cues(),
                                        claim.sourceIds(),
                                        claim.alternatives(),
                                        claim.added()));
                        applied.add(a.id());
                    }
                }
                case SOURCE_KIND, SOURCE_ALIAS, SOURCE_SPAN -> {
                    // A source amendment changes the sources step's key (SourceGrader), not the claims'.
                }
                case COMPARE_FRAMING, COMPARE_REPORTING, COMPARE_CARRIAGE -> {
                    // A compare amendment changes the comparison key (CompareGrader), not the claims'.
                }
                case ADDED_CLAIM -> {
                    if (claim == null) {
                        claims.put(
                                a.claimId(),
                                new GradedClaim(
                                        a.claimId(),
                                        a.start(),
                                        a.end(),
                                        a.exact(),
                                        Set.of(a.type()),
                                        1,
                                        ADDED_CLAIM_WHY,
                                        List.of(),
                                        List.of(),
                                        List.of(),
                                        true));
                        applied.add(a.id());
                    }
                }
            }
        }
        List<GradedClaim> ordered = claims.values().stream()
                .sorted(Comparator.comparingInt(GradedClaim::start).thenComparingInt(GradedClaim::end))
                .toList();
        return Optional.of(new Context(
                facts.id(), facts.schoolId(), version, facts.threshold(), text, Tokens.words(text), ordered, applied));
    }

    String text(GradedAssignment facts) {
        return library.canonicalText(facts.schoolId(), facts.articleVersionId()).orElseThrow();
    }

    Scoring.Result score(Context context, List<SavedMark> marks) {
        return Scoring.score(context.tokens(), context.key(), scoringMarks(marks), context.threshold());
    }

    static List<Scoring.Mark> scoringMarks(List<SavedMark> marks) {
        return marks.stream()
                .map(m -> new Scoring.Mark(
                        m.markId(),
                        m.start(),
                        m.end(),
                        ClaimType.fromCode(m.type()).orElseThrow()))
                .toList();
    }

    /**
     * Scores the attempt's live marks and appends the row. A teacher's override stays in force:
     * the new row records what the rules now give beside it.
     */
    void record(Context context, UUID attemptId, ScoreCause cause, @Nullable UUID by, Instant now) {
        Scoring.Result result = score(context, submissions.liveMarks(attemptId));
        Optional<GradingRepository.Latest> previous = grading.latest(attemptId);
        boolean overridden = previous.map(GradingRepository.Latest::overridden).orElse(false);
        double counted = overridden ? previous.get().score() : result.score();
        insert(context, attemptId, result, counted, overridden, cause, by, null, now);
    }

    /** The teacher sets the score (or, with null, lets the rules' score count again). */
    void override(Context context, UUID attemptId, @Nullable Double score, UUID by, String comment, Instant now) {
        Scoring.Result result = score(context, submissions.liveMarks(attemptId));
        if (score == null) {
            insert(context, attemptId, result, result.score(), false, ScoreCause.OVERRIDE_REMOVED, by, comment, now);
        } else {
            insert(context, attemptId, result, score, true, ScoreCause.OVERRIDE, by, comment, now);
        }
    }

    private void insert(
            Context context,
            UUID attemptId,
            Scoring.Result result,
            double counted,
            boolean overridden,
            ScoreCause cause,
            @Nullable UUID by,
            @Nullable String comment,
            Instant now) {
        int claims = context.claims().size();
        int found = result.matches().size();
        grading.insertScore(
                attemptId,
                context.keyVersionId(),
                context.amendmentIds(),
                Scoring.RULES_VERSION,
                context.threshold(),
                result.score(),
                counted,
                overridden,
                found - result.mislabelled().size(),
                result.mislabelled().size(),
                claims - found,
                result.extraMarks().size(),
                cause,
                by,
                comment,
                now);
    }

    /** Re-scores every submitted attempt of the assignment (in the caller's transaction). */
    int rescoreAll(Context context, ScoreCause cause, UUID by, Instant now) {
        List<GradingRepository.SubmittedAttempt> attempts =
                grading.submittedAttempts(context.assignmentId(), CLAIMS_STEP);
        for (GradingRepository.SubmittedAttempt a : attempts) {
            record(context, a.attemptId(), cause, by, now);
        }
        return attempts.size();
    }

    /**
     * The attempt beside the key: outcomes per claim, cue words, who says so, extras. The whole key
     * is in it: only for the teacher, or for a student once feedback is released and no revision
     * is possible (FeedbackService decides, DD006).
     */
    AttemptReview review(Context context, GradingRepository.AttemptRow attempt, boolean withHistory) {
        List<SavedMark> marks = submissions.liveMarks(attempt.id());
        LibraryPins.KeySources cited =
                library.keySources(context.schoolId(), context.keyVersionId()).orElse(null);
        Scoring.Result result = score(context, marks);
        Map<String, SavedMark> byId = new LinkedHashMap<>();
        marks.forEach(m -> byId.put(m.markId(), m));
        Map<String, Scoring.Match> matchOf = new LinkedHashMap<>();
        result.matches().forEach(m -> matchOf.put(m.claimId(), m));
        List<ClaimReview> claims = new ArrayList<>();
        for (GradedClaim c : context.claims()) {
            Scoring.Match match = matchOf.get(c.id());
            ClaimReview.Outcome outcome = match == null
                    ? ClaimReview.Outcome.MISSED
                    : match.typeAccepted() ? ClaimReview.Outcome.FOUND : ClaimReview.Outcome.MISLABELLED;
            ClaimReview.ReviewedMark yours = match == null ? null : reviewed(byId.get(match.markId()));
            List<TextSpan> cues = outcome != ClaimReview.Outcome.FOUND
                            && (c.accepted().contains(ClaimType.HEDGED)
                                    || c.accepted().contains(ClaimType.SPECULATION))
                    ? cueSpans(context.text(), c.start(), c.end(), c.cues())
                    : List.of();
            claims.add(new ClaimReview(
                    c.id(),
                    c.start(),
                    c.end(),
                    c.exact(),
                    c.accepted(),
                    c.worthiness(),
                    c.why(),
                    sources(cited, c.sourceIds()),
                    outcome,
                    yours,
                    cues,
                    c.added()));
        }
        List<ClaimReview.ReviewedMark> extras = result.extraMarks().stream()
                .map(id -> reviewed(byId.get(id)))
                .sorted(Comparator.comparingInt(ClaimReview.ReviewedMark::start))
                .toList();
        List<ScoreEntry> history = grading.history(attempt.id());
        return new AttemptReview(
                attempt.id(),
                attempt.number(),
                attempt.submittedAt(),
                claims,
                extras,
                history.isEmpty() ? null : history.getLast(),
                withHistory ? history : List.of(),
                grading.comments(attempt.id()));
    }

    /** The claim's sources in the key's order, each with the outlet its origin is told from. */
    private static List<ClaimReview.Source> sources(LibraryPins.@Nullable KeySources cited, List<String> ids) {
        if (cited == null) {
            return List.of();
        }
        List<ClaimReview.Source> sources = new ArrayList<>();
        for (String id : ids) {
            LibraryPins.KeySource s = cited.sources().get(id);
            if (s != null) {
                sources.add(new ClaimReview.Source(
                        s.name(), s.kind(), s.primary(), s.relayedFrom(), s.kindWhy(), cited.outlet()));
            }
        }
        return sources;
    }

    private static ClaimReview.ReviewedMark reviewed(SavedMark m) {
        return new ClaimReview.ReviewedMark(
                m.markId(),
                m.start(),
                m.end(),
                m.exact(),
                ClaimType.fromCode(m.type()).orElseThrow());
    }

    /**
     * Where the key's cue words occur inside the claim: whole words, ignoring case ("Reportedly",
     * "If true").
     */
    static List<TextSpan> cueSpans(String text, int start, int end, List<String> cues) {
        List<TextSpan> spans = new ArrayList<>();
        for (String cue : cues) {
            if (cue.isBlank()) {
                continue;
            }
            // regionMatches compares char by char, so offsets stay those of the canonical text.
            for (int s = start; s + cue.length() <= end; s++) {
                int e = s + cue.length();
                if (text.regionMatches(true, s, cue, 0, cue.length())
                        && (s == 0 || !Character.isLetterOrDigit(text.charAt(s - 1)))
                        && (e == text.length() || !Character.isLetterOrDigit(text.charAt(e)))) {
                    spans.add(new TextSpan(s, e, text.substring(s, e)));
                }
            }
        }
        spans.sort(Comparator.comparingInt(TextSpan::start));
        return spans;
    }
}
