package org.lateral.submission;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lateral.assignment.AssignmentGrading;
import org.lateral.assignment.GradedAssignment;
import org.lateral.assignment.LessonStep;
import org.lateral.assignment.NewStep;
import org.lateral.assignment.TeacherAssignment;
import org.lateral.assignment.TeacherOfAssignment;
import org.lateral.base.database.DatabaseNotifications;
import org.lateral.base.highlighter.SavedSource;
import org.lateral.library.ClaimType;
import org.lateral.library.SourceKind;
import org.lateral.submission.scoring.Alternatives;
import org.lateral.submission.scoring.CompareScoring;
import org.lateral.submission.scoring.SourceScoring;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of one assignment's dashboard, for the teacher of its class. The dashboard feature
 * may not read this feature's tables (DD011), so the aggregates live here, built on the same
 * pieces the results page uses: {@link ResultsService#results} for statuses, scores and the spans
 * marked outside the key, and {@link Grader} for what each student found. The number of
 * statements does not grow with the class.
 */
@Service
public class AssignmentInsights {

    /** The channel V0024's triggers notify, with the assignment's id as the payload. */
    static final String DASHBOARD_CHANNEL = "lateral_dashboard";

    private final ResultsService results;
    private final AssignmentGrading assignmentGrading;
    private final Grader grader;
    private final GradingRepository grading;
    private final SourceGrader sourceGrader;
    private final SourceWorkRepository sourceWork;
    private final CompareGrader compareGrader;
    private final CompareWorkRepository compareWork;
    private final DatabaseNotifications.Channel dashboardChanges;

    AssignmentInsights(
            ResultsService results,
            AssignmentGrading assignmentGrading,
            Grader grader,
            GradingRepository grading,
            SourceGrader sourceGrader,
            SourceWorkRepository sourceWork,
            CompareGrader compareGrader,
            CompareWorkRepository compareWork,
            DatabaseNotifications notifications) {
        this.dashboardChanges = notifications.channel(DASHBOARD_CHANNEL);
        this.compareGrader = compareGrader;
        this.compareWork = compareWork;
        this.sourceGrader = sourceGrader;
        this.sourceWork = sourceWork;
        this.results = results;
        this.assignmentGrading = assignmentGrading;
        this.grader = grader;
        this.grading = grading;
    }

    /** The dashboard of an assignment of the teacher's class; empty for anything else. */
    @Transactional(readOnly = true)
    @TeacherOfAssignment
    public Optional<AssignmentDashboard> dashboard(UUID assignmentId) {
        Optional<ResultsService.Computed> found = results.computed(assignmentId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Results r = found.get().results();
        TeacherAssignment a = r.assignment();
        GradedAssignment facts = assignmentGrading.pins(assignmentId).orElseThrow();
        Optional<Grader.Context> context = grader.context(facts, null);
        Map<UUID, List<GradingRepository.ResultAttempt>> attemptsOf =
                found.get().attemptsOf();
        // Who counts for the heatmap: students with a submitted attempt of the claims step, with
        // the marks of their latest submitted one (as the results page groups extra marks), scored
        // once, by the results.
        List<Alternatives.ScoredAttempt> latest = found.get().latest();
        int submitters = latest.size();
        List<AssignmentDashboard.ClaimShare> claims = new ArrayList<>();
        Map<String, Set<ClaimType>> keyTypes = new HashMap<>();
        if (context.isPresent()) {
            List<Grader.GradedClaim> key = context.get().claims();
            Map<String, Integer> counts = DashboardFigures.foundCounts(
                    key.stream().map(Grader.GradedClaim::id).toList(), latest);
            int number = 1;
            for (Grader.GradedClaim c : key) {
                int n = counts.get(c.id());
                claims.add(new AssignmentDashboard.ClaimShare(
                        number++, c.id(), c.start(), c.end(), c.exact(), n, DashboardFigures.share(n, submitters)));
                keyTypes.put(c.id(), c.accepted());
            }
        }
        int minimum = DashboardFigures.unkeyedMinimum(submitters);
        List<Results.PopularSpan> unkeyed =
                r.popularSpans().stream().filter(p -> p.students() >= minimum).toList();
        List<Double> scores = new ArrayList<>();
        List<AssignmentDashboard.StudentRow> rows = new ArrayList<>();
        for (Results.StudentResult s : r.students()) {
            if (s.lessonScore() != null) {
                scores.add(s.lessonScore());
            }
            Duration spent = null;
            for (GradingRepository.ResultAttempt x : attemptsOf.getOrDefault(s.studentId(), List.of())) {
                if (x.attempt().submittedAt() != null) {
                    Duration d = Duration.between(
                            x.attempt().startedAt(), x.attempt().submittedAt());
                    spent = spent == null ? d : spent.plus(d);
                }
            }
            rows.add(new AssignmentDashboard.StudentRow(
                    s.displayName(),
                    s.username(),
                    s.status(),
                    s.lessonScore(),
                    s.gain(),
                    spent,
                    s.steps().stream()
                            .filter(st -> st.position() == LessonStep.FIRST)
                            .flatMap(st -> st.attempts().stream())
                            .map(Results.AttemptResult::attemptId)
                            .toList()));
        }
        // A "Who says so?" step: which key sources the class found, and the kinds they gave them.
        int sourceSubmitters = 0;
        List<AssignmentDashboard.SourceShare> sources = new ArrayList<>();
        List<Map.Entry<Set<SourceKind>, SourceKind>> kinds = new ArrayList<>();
        for (LessonStep step : a.steps()) {
            if (!step.exercise().equals(NewStep.IDENTIFY_SOURCES)) {
                continue;
            }
            GradedAssignment stepFacts =
                    assignmentGrading.pins(assignmentId, step.position()).orElse(null);
            GradedAssignment claimsFacts = facts.exercise().equals(NewStep.MARK_CLAIMS) ? facts : null;
            SourceGrader.Context sc = stepFacts == null
                    ? null
                    : sourceGrader.context(stepFacts, claimsFacts).orElse(null);
            if (sc == null) {
                break;
            }
            Map<UUID, List<SavedSource>> saved = sourceWork.latestSubmittedSources(assignmentId, step.position());
            List<SourceScoring.Result> scored = new ArrayList<>();
            for (Results.StudentResult s : r.students()) {
                boolean submitted = attemptsOf.getOrDefault(s.studentId(), List.of()).stream()
                        .anyMatch(
                                x -> x.step() == step.position() && x.attempt().submittedAt() != null);
                if (!submitted) {
                    continue;
                }
                List<SavedSource> mine = saved.getOrDefault(s.studentId(), List.of());
                SourceScoring.Result result = SourceGrader.sourcesOnly(sc, mine);
                scored.add(result);
                Map<String, SourceKind> chosen = new HashMap<>();
                for (SavedSource x : mine) {
                    if (x.kind() != null) {
                        SourceKind.fromCode(x.kind()).ifPresent(k -> chosen.put(x.sourceId(), k));
                    }
                }
                for (SourceScoring.SourceMatch m : result.matches()) {
                    SourceKind kind = chosen.get(m.studentSourceId());
                    Set<SourceKind> accepted = sc.key().sources().stream()
                            .filter(k -> k.id().equals(m.keySourceId()))
                            .findFirst()
                            .map(SourceScoring.KeySource::acceptedKinds)
                            .orElse(Set.of());
                    if (kind != null) {
                        kinds.add(Map.entry(accepted, kind));
                    }
                }
            }
            sourceSubmitters = scored.size();
            int number = 1;
            for (SourceScoring.KeySource k : sc.key().sources()) {
                int n = (int) scored.stream()
                        .filter(x -> x.matches().stream()
                                .anyMatch(m -> m.keySourceId().equals(k.id())))
                        .count();
                sources.add(new AssignmentDashboard.SourceShare(
                        number++, k.id(), k.name(), k.attributions(), n, DashboardFigures.share(n, sourceSubmitters)));
            }
            break;
        }
        return Optional.of(new AssignmentDashboard(
                a.id(),
                a.classId(),
                a.className(),
                a.title(),
                r.text(),
                context.isPresent(),
                submitters,
                claims,
                unkeyed,
                minimum,
                DashboardFigures.confusion(keyTypes, latest),
                scores,
                DashboardFigures.histogram(scores),
                DashboardFigures.median(scores),
                rows,
                sourceSubmitters,
                sources,
                DashboardFigures.matrix(SourceKind.class, kinds),
                panels(assignmentId, a, r)));
    }

    /**
     * The panels of the steps whose kind has figures of its own, in step order. A compare step:
     * each submitter's latest submitted comparison (read for the whole class at once) scored by
     * the grader's rules against the step's key and counted cell by cell.
     */
    private List<AssignmentDashboard.StepPanel> panels(UUID assignmentId, TeacherAssignment a, Results r) {
        // Only students on the roster now count, as on the results page and in the other figures.
        Set<UUID> roster = new java.util.HashSet<>();
        r.students().forEach(s -> roster.add(s.studentId()));
        List<AssignmentDashboard.StepPanel> panels = new ArrayList<>();
        for (LessonStep step : a.steps()) {
            if (!step.compares()) {
                continue;
            }
            CompareGrader.Context context = assignmentGrading
                    .pins(assignmentId, step.position())
                    .flatMap(compareGrader::context)
                    .orElse(null);
            if (context == null) {
                continue;
            }
            List<CompareReview> reviews = new ArrayList<>();
            for (Map.Entry<UUID, CompareWork> student : compareWork
                    .latestSubmittedWork(assignmentId, step.position())
                    .entrySet()) {
                if (!roster.contains(student.getKey())) {
                    continue;
                }
                CompareWork work = student.getValue();
                // The judgement is not a cell of the grid: it is left ungraded here.
                CompareScoring.Answer answer = CompareGrader.answer(context, work, null);
                CompareScoring.Result result = CompareScoring.score(
                        context.tokens(), context.key(), context.scope(), answer, context.threshold());
                reviews.add(CompareReview.of(context.key(), answer, result, context.columns(), context.claims()));
            }
            panels.add(
                    CompareAgreement.of(step.position(), context.key(), context.columns(), context.claims(), reviews));
        }
        return panels;
    }

    /**
     * What the open dashboard holds on to: a version that moves whenever the dashboard's figures
     * may have changed (an attempt started, submitted or reopened, a score written, a key amendment
     * made or withdrawn), on this app node or any other. PostgreSQL notifies every node of such a
     * commit (V0024, DD030), so comparing versions costs no query; the page polls it and re-reads
     * the dashboard only when it moved (DD016). The access check happens here, once.
     */
    @TeacherOfAssignment
    public DatabaseNotifications.Watch changes(UUID assignmentId) {
        return dashboardChanges.watch(assignmentId.toString());
    }
}
