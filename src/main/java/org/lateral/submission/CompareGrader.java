package org.lateral.submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.AssignmentGrading;
import org.lateral.assignment.GradedAssignment;
import org.lateral.assignment.LessonStep;
import org.lateral.base.text.Tokens;
import org.lateral.library.LibraryPins;
import org.lateral.submission.scoring.CompareScoring;
import org.lateral.submission.scoring.Scoring;
import org.springframework.stereotype.Component;

/**
 * Scores attempts of a compare-outlets step by {@link CompareScoring} (DD014) and writes their
 * score rows. Not a security boundary, like {@link Grader} and {@link SourceGrader}: its callers
 * have checked who asks.
 *
 * <p>The judgement part is the teacher's latest grade of the attempt, counted only when it was
 * given after the attempt's latest submission: a reopened and re-submitted judgement may say
 * something else, so its score is provisional again until the teacher grades it again. See DD015.
 */
@Component
class CompareGrader {

    private final LibraryPins library;
    private final AssignmentGrading assignmentGrading;
    private final GradingRepository grading;
    private final SubmissionRepository submissions;
    private final CompareWorkRepository work;

    CompareGrader(
            LibraryPins library,
            AssignmentGrading assignmentGrading,
            GradingRepository grading,
            SubmissionRepository submissions,
            CompareWorkRepository work) {
        this.library = library;
        this.assignmentGrading = assignmentGrading;
        this.grading = grading;
        this.submissions = submissions;
        this.work = work;
    }

    /**
     * What scoring one compare step needs, read once.
     *
     * @param columns the step's articles in column order, each named in the key by its version id
     * @param key the pinned comparison key narrowed to the columns, with this assignment's accepted
     *     alternatives folded in; its rubric maximum is the library's (a grade brings its own)
     * @param claims each core claim's wording, by id
     */
    record Context(
            UUID assignmentId,
            UUID schoolId,
            int position,
            UUID comparisonKeyVersionId,
            double threshold,
            List<CompareReview.Column> columns,
            Map<String, int[]> tokens,
            CompareScoring.Key key,
            Map<String, String> claims,
            List<UUID> amendmentIds) {

        List<String> scope() {
            return columns.stream().map(CompareReview.Column::key).toList();
        }

        /** The key's name of a column's article; empty for an article the step does not show. */
        Optional<String> keyOf(@Nullable UUID articleId) {
            return columns.stream()
                    .filter(c -> c.articleId().equals(articleId))
                    .map(CompareReview.Column::key)
                    .findFirst();
        }

        Optional<CompareScoring.KeyArticle> keyArticle(UUID articleId) {
            return keyOf(articleId)
                    .flatMap(k -> key.articles().stream()
                            .filter(a -> a.article().equals(k))
                            .findFirst());
        }

        Optional<CompareScoring.KeyCell> keyCell(String claimId, UUID articleId) {
            return keyOf(articleId)
                    .flatMap(k -> key.coreClaims().stream()
                            .filter(c -> c.id().equals(claimId))
                            .findFirst()
                            .map(c -> c.cells().get(k)));
        }
    }

    /** The step's comparison key as it grades; empty for a step that is not a comparison. */
    Optional<Context> context(GradedAssignment facts) {
        LessonStep step = assignmentGrading.step(facts.id(), facts.position()).orElse(null);
        if (step == null || !step.compares() || step.comparisonKeyVersionId() == null) {
            return Optional.empty();
        }
        UUID version = step.comparisonKeyVersionId();
        LibraryPins.ComparisonKey stored =
                library.comparisonKey(facts.schoolId(), version).orElse(null);
        if (stored == null) {
            return Optional.empty();
        }
        List<CompareReview.Column> columns = new ArrayList<>();
        Map<UUID, String> texts = new HashMap<>();
        Map<String, int[]> tokens = new HashMap<>();
        for (LessonStep.StepArticle a : step.articles()) {
            LibraryPins.ColumnArticle column = library.columnArticle(facts.schoolId(), a.articleVersionId())
                    .orElseThrow();
            columns.add(new CompareReview.Column(
                    a.articleId(),
                    a.articleVersionId().toString(),
                    column.outletId(),
                    column.outletName(),
                    column.title(),
                    column.canonicalText()));
            texts.put(a.articleVersionId(), column.canonicalText());
            tokens.put(a.articleVersionId().toString(), Tokens.words(column.canonicalText()));
        }
        // Only the columns are in scope (DD014, "Articles in scope"): the key's other articles are
        // never read, so their texts are not needed either.
        LibraryPins.ComparisonKey narrowed = new LibraryPins.ComparisonKey(
                stored.versionId(),
                stored.articles().stream()
                        .filter(a -> texts.containsKey(a.articleVersionId()))
                        .toList(),
                stored.claims(),
                stored.rubricMaxLevel());
        CompareScoring.Key key = CompareKeys.of(narrowed, texts);
        Map<String, String> claims = new LinkedHashMap<>();
        stored.claims().forEach(c -> claims.put(c.id(), c.claim()));
        Context bare = new Context(
                facts.id(),
                facts.schoolId(),
                facts.position(),
                version,
                facts.threshold(),
                columns,
                tokens,
                key,
                claims,
                List.of());
        return Optional.of(amended(bare, grading.amendments(facts.id())));
    }

    /**
     * The key widened by the teacher's acceptances for this assignment (never the library's): a
     * framing or reporting category more for an article, a carriage more for a cell. An amendment
     * of an article the step does not show changes nothing and is not counted as applied.
     */
    static Context amended(Context context, List<KeyAmendment> amendments) {
        Map<String, Set<CompareScoring.Framing>> framings = new HashMap<>();
        Map<String, Set<CompareScoring.Reporting>> reportings = new HashMap<>();
        Map<List<String>, Set<CompareScoring.Carriage>> carriages = new HashMap<>();
        List<UUID> applied = new ArrayList<>();
        for (KeyAmendment a : amendments) {
            if (!a.ofComparison() || a.category() == null) {
                continue;
            }
            String article = context.keyOf(a.articleId()).orElse(null);
            if (article == null) {
                continue;
            }
            String category = a.category().toUpperCase(Locale.ROOT);
            switch (a.kind()) {
                case COMPARE_FRAMING ->
                    framings.computeIfAbsent(article, k -> EnumSet.noneOf(CompareScoring.Framing.class))
                            .add(CompareScoring.Framing.valueOf(category));
                case COMPARE_REPORTING ->
                    reportings
                            .computeIfAbsent(article, k -> EnumSet.noneOf(CompareScoring.Reporting.class))
                            .add(CompareScoring.Reporting.valueOf(category));
                case COMPARE_CARRIAGE -> {
                    if (context.claims().containsKey(a.claimId())) {
                        carriages
                                .computeIfAbsent(
                                        List.of(a.claimId(), article),
                                        k -> EnumSet.noneOf(CompareScoring.Carriage.class))
                                .add(CompareScoring.Carriage.valueOf(category));
                    } else {
                        continue;
                    }
                }
                default -> {
                    continue;
                }
            }
            applied.add(a.id());
        }
        if (applied.isEmpty()) {
            return context;
        }
        List<CompareScoring.KeyArticle> articles = new ArrayList<>();
        for (CompareScoring.KeyArticle k : context.key().articles()) {
            Set<CompareScoring.Framing> framing = EnumSet.noneOf(CompareScoring.Framing.class);
            framing.addAll(k.alsoAcceptedFramings());
            framing.addAll(framings.getOrDefault(k.article(), Set.of()));
            Set<CompareScoring.Reporting> reporting = EnumSet.noneOf(CompareScoring.Reporting.class);
            reporting.addAll(k.alsoAcceptedReporting());
            reporting.addAll(reportings.getOrDefault(k.article(), Set.of()));
            articles.add(new CompareScoring.KeyArticle(
                    k.article(),
                    k.framing(),
                    framing,
                    k.named(),
                    k.anonymous(),
                    k.hedges(),
                    k.loadedWords(),
                    k.reporting(),
                    reporting,
                    k.relayedFrom()));
        }
        List<CompareScoring.CoreClaim> claims = new ArrayList<>();
        for (CompareScoring.CoreClaim c : context.key().coreClaims()) {
            Map<String, CompareScoring.KeyCell> cells = new LinkedHashMap<>();
            c.cells().forEach((article, cell) -> {
                Set<CompareScoring.Carriage> also = EnumSet.noneOf(CompareScoring.Carriage.class);
                also.addAll(cell.alsoAccepted());
                also.addAll(carriages.getOrDefault(List.of(c.id(), article), Set.of()));
                cells.put(article, new CompareScoring.KeyCell(cell.carriage(), also));
            });
            claims.add(new CompareScoring.CoreClaim(c.id(), cells));
        }
        return new Context(
                context.assignmentId(),
                context.schoolId(),
                context.position(),
                context.comparisonKeyVersionId(),
                context.threshold(),
                context.columns(),
                context.tokens(),
                new CompareScoring.Key(articles, claims, context.key().rubricMaxLevel()),
                context.claims(),
                applied);
    }

    /**
     * The student's work as the rules take it: the grids, picks and cells of the step's columns
     * only (a column of another lesson on the set, or a cell of a claim the key no longer has, is
     * not in scope), with the judgement level when it is graded.
     */
    static CompareScoring.Answer answer(Context context, CompareWork saved, @Nullable Integer level) {
        List<CompareScoring.StudentArticle> articles = new ArrayList<>();
        for (CompareReview.Column column : context.columns()) {
            CompareWork.Grid grid = saved.grids().get(column.articleId());
            CompareWorkModel.Grid g = grid == null ? null : grid.grid();
            articles.add(new CompareScoring.StudentArticle(
                    column.key(),
                    g == null || g.framing() == null ? null : CompareScoring.Framing.valueOf(upper(g.framing())),
                    g == null ? null : g.namedSources(),
                    g == null ? null : g.anonymousSources(),
                    spans(saved, column.articleId(), "hedge"),
                    spans(saved, column.articleId(), "loaded"),
                    g == null || g.reporting() == null ? null : CompareScoring.Reporting.valueOf(upper(g.reporting())),
                    g == null ? List.of() : g.relayedFrom()));
        }
        List<CompareScoring.StudentCell> cells = new ArrayList<>();
        for (CompareWork.Cell cell : saved.cells()) {
            String article = context.keyOf(cell.articleId()).orElse(null);
            if (article == null || !context.claims().containsKey(cell.claimId())) {
                continue;
            }
            cells.add(new CompareScoring.StudentCell(
                    cell.claimId(),
                    article,
                    cell.carried() == null ? null : CompareScoring.Carriage.valueOf(upper(cell.carried()))));
        }
        return new CompareScoring.Answer(articles, cells, level);
    }

    private static List<Scoring.Span> spans(CompareWork saved, UUID articleId, String kind) {
        return saved.spans(articleId, kind).stream()
                .map(s -> new Scoring.Span(s.span().start(), s.span().end()))
                .toList();
    }

    private static String upper(String code) {
        return code.toUpperCase(Locale.ROOT);
    }

    /** The grade that counts for the attempt: the latest, when given after its latest submission. */
    Optional<CompareWorkRepository.Grade> grade(UUID attemptId) {
        Instant submitted = submissions
                .attempt(attemptId)
                .map(SubmissionRepository.Attempt::submittedAt)
                .orElse(null);
        return work.grade(attemptId)
                .filter(g -> submitted == null || !g.gradedAt().isBefore(submitted));
    }

    /** The attempt's work, its grade and the rules' result, read and scored together. */
    record Scored(
            CompareScoring.Key key, CompareScoring.Answer answer, CompareScoring.Result result, CompareWork work) {}

    Scored scored(Context context, UUID attemptId) {
        CompareWork saved = work.work(attemptId);
        Optional<CompareWorkRepository.Grade> grade = grade(attemptId);
        // A grade keeps the highest level of its time (DD015), so an edited rubric changes no score.
        CompareScoring.Key key = grade.map(g -> new CompareScoring.Key(
                        context.key().articles(), context.key().coreClaims(), g.maxLevel()))
                .orElse(context.key());
        CompareScoring.Answer answer = answer(
                context, saved, grade.map(CompareWorkRepository.Grade::level).orElse(null));
        CompareScoring.Result result =
                CompareScoring.score(context.tokens(), key, context.scope(), answer, context.threshold());
        return new Scored(key, answer, result, saved);
    }

    CompareScoring.Result score(Context context, UUID attemptId) {
        return scored(context, attemptId).result();
    }

    /** The attempt beside the key, item by item (the teacher's review and, once released, feedback). */
    CompareReview review(Context context, UUID attemptId) {
        Scored s = scored(context, attemptId);
        return CompareReview.of(s.key(), s.answer(), s.result(), context.columns(), context.claims());
    }

    /** Scores the attempt and appends its row; a teacher's override stays in force, as for claims. */
    void record(Context context, UUID attemptId, ScoreCause cause, @Nullable UUID by, Instant now) {
        CompareScoring.Result result = score(context, attemptId);
        Optional<GradingRepository.Latest> previous = grading.latest(attemptId);
        boolean overridden = previous.map(GradingRepository.Latest::overridden).orElse(false);
        double counted = overridden ? previous.get().score() : result.score();
        insert(context, attemptId, result, counted, overridden, cause, by, null, now);
    }

    /** Re-scores every submitted attempt of the step (in the caller's transaction). */
    int rescoreAll(Context context, ScoreCause cause, UUID by, Instant now) {
        List<GradingRepository.SubmittedAttempt> attempts =
                grading.submittedAttempts(context.assignmentId(), context.position());
        for (GradingRepository.SubmittedAttempt a : attempts) {
            record(context, a.attemptId(), cause, by, now);
        }
        return attempts.size();
    }

    /** The teacher sets the step's score (or, with null, lets the rules' score count again). */
    void override(
            Context context, UUID attemptId, @Nullable Double score, UUID by, @Nullable String comment, Instant now) {
        CompareScoring.Result result = score(context, attemptId);
        if (score == null) {
            insert(context, attemptId, result, result.score(), false, ScoreCause.OVERRIDE_REMOVED, by, comment, now);
        } else {
            insert(context, attemptId, result, score, true, ScoreCause.OVERRIDE, by, comment, now);
        }
    }

    private void insert(
            Context context,
            UUID attemptId,
            CompareScoring.Result result,
            double counted,
            boolean overridden,
            ScoreCause cause,
            @Nullable UUID by,
            @Nullable String comment,
            Instant now) {
        grading.insertCompareScore(
                attemptId,
                context.comparisonKeyVersionId(),
                context.amendmentIds(),
                CompareScoring.RULES_VERSION,
                context.threshold(),
                result,
                counted,
                overridden,
                cause,
                by,
                comment,
                now);
    }
}
