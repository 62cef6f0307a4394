package org.lateral.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.AssignmentGrading;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.GradedAssignment;
import org.lateral.assignment.NewStep;
import org.lateral.assignment.TeacherAssignment;
import org.lateral.assignment.TeacherOfAssignment;
import org.lateral.base.UserFacingException;
import org.lateral.base.highlighter.SavedMark;
import org.lateral.base.text.PlainText;
import org.lateral.library.ClaimType;
import org.lateral.library.LibraryPins;
import org.lateral.library.SourceKind;
import org.lateral.security.AuditAction;
import org.lateral.security.AuditOutcome;
import org.lateral.security.AuditTrail;
import org.lateral.security.CurrentUser;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.lateral.submission.scoring.CompareScoring;
import org.lateral.submission.scoring.SourceScoring;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to one assignment's key, never the library's (DD005): accepting a span or a type
 * students marked, withdrawing such an amendment, and moving to a newer library key version
 * (previewed first) or staying on the pinned one. For the teacher of the assignment's class only
 * (DD003, DD009). Every change locks the assignment and re-scores all submitted attempts in the
 * same transaction.
 */
@Service
public class KeyAmendments {

    private final CurrentUser currentUser;
    private final AssignmentService assignments;
    private final AssignmentGrading assignmentGrading;
    private final LibraryPins library;
    private final SubmissionRepository submissions;
    private final GradingRepository grading;
    private final Grader grader;
    private final SourceGrader sourceGrader;
    private final CompareGrader compareGrader;
    private final Clock clock;

    private final AuditTrail audit;

    KeyAmendments(
            CurrentUser currentUser,
            AssignmentService assignments,
            AssignmentGrading assignmentGrading,
            LibraryPins library,
            SubmissionRepository submissions,
            GradingRepository grading,
            Grader grader,
            SourceGrader sourceGrader,
            CompareGrader compareGrader,
            Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.sourceGrader = sourceGrader;
        this.compareGrader = compareGrader;
        this.currentUser = currentUser;
        this.assignments = assignments;
        this.assignmentGrading = assignmentGrading;
        this.library = library;
        this.submissions = submissions;
        this.grading = grading;
        this.grader = grader;
        this.clock = clock;
    }

    /**
     * Accepts a span students marked: as another span of the key claim it overlaps, or, with
     * {@code claimId} null, as a claim added to this assignment's key. Re-scores every submitted
     * attempt in the same transaction; answers how many.
     */
    @Transactional
    @TeacherOfAssignment
    public int acceptSpan(UUID assignmentId, int start, int end, @Nullable String claimId, ClaimType type) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        GradedAssignment facts = lockOwned(assignmentId);
        Grader.Context before = grader.context(facts, null)
                .orElseThrow(() -> UserFacingException.of("submission.refusal.noKeyToAmend"));
        String text = before.text();
        if (start < 0 || end <= start || end > text.length() || end - start > 2000) {
            throw UserFacingException.of("submission.refusal.passageOutside");
        }
        Instant now = now();
        if (claimId != null) {
            if (before.claims().stream().noneMatch(c -> c.id().equals(claimId))) {
                throw UserFacingException.of("submission.refusal.claimNotInKey");
            }
            grading.insertAmendment(
                    UUID.randomUUID(),
                    assignmentId,
                    KeyAmendment.Kind.ALTERNATIVE_SPAN,
                    claimId,
                    start,
                    end,
                    text.substring(start, end),
                    null,
                    teacher.accountId(),
                    now);
        } else {
            String id = "t" + UUID.randomUUID().toString().substring(0, 8);
            grading.insertAmendment(
                    UUID.randomUUID(),
                    assignmentId,
                    KeyAmendment.Kind.ADDED_CLAIM,
                    id,
                    start,
                    end,
                    text.substring(start, end),
                    type,
                    teacher.accountId(),
                    now);
        }
        return rescore(facts, ScoreCause.KEY_AMENDED, teacher, now);
    }

    /** Accepts another type for a key claim of this assignment; re-scores every submitted attempt. */
    @Transactional
    @TeacherOfAssignment
    public int acceptType(UUID assignmentId, String claimId, ClaimType type) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        GradedAssignment facts = lockOwned(assignmentId);
        Grader.Context before = grader.context(facts, null)
                .orElseThrow(() -> UserFacingException.of("submission.refusal.noKeyToAmend"));
        Grader.GradedClaim claim = before.claims().stream()
                .filter(c -> c.id().equals(claimId))
                .findFirst()
                .orElseThrow(() -> UserFacingException.of("submission.refusal.claimNotInKey"));
        if (claim.accepted().contains(type)) {
            throw UserFacingException.of("submission.refusal.typeAccepted");
        }
        Instant now = now();
        grading.insertAmendment(
                UUID.randomUUID(),
                assignmentId,
                KeyAmendment.Kind.ALTERNATIVE_TYPE,
                claimId,
                null,
                null,
                null,
                type,
                teacher.accountId(),
                now);
        return rescore(facts, ScoreCause.KEY_AMENDED, teacher, now);
    }

    /**
     * Accepts another kind for a key source of this assignment's "Who says so?" step (DD013), e.g.
     * "named person" for a pseudonym the page never calls one; re-scores every submitted attempt.
     */
    @Transactional
    @TeacherOfAssignment
    public int acceptSourceKind(UUID assignmentId, String sourceId, SourceKind kind) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        GradedAssignment facts = lockOwned(assignmentId);
        SourceScoring.KeySource source = keySource(facts, sourceId);
        if (source.acceptedKinds().contains(kind)) {
            throw UserFacingException.of("submission.refusal.kindAccepted");
        }
        return amendSource(facts, teacher, KeyAmendment.Kind.SOURCE_KIND, sourceId, kind, null, null, null, null);
    }

    /**
     * Accepts another name for a key source of this assignment (a student's "Khaled" for "Abu
     * Khaled"); re-scores every submitted attempt.
     */
    @Transactional
    @TeacherOfAssignment
    public int acceptSourceAlias(UUID assignmentId, String sourceId, String alias) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        String name = alias == null ? "" : PlainText.storable(alias).strip();
        if (name.isEmpty() || name.length() > 300) {
            throw UserFacingException.of("submission.refusal.nameLength");
        }
        GradedAssignment facts = lockOwned(assignmentId);
        SourceScoring.KeySource source = keySource(facts, sourceId);
        String normalised = SourceScoring.normaliseName(name);
        if (SourceScoring.normaliseName(source.name()).equals(normalised)
                || source.aliases().stream()
                        .anyMatch(a -> SourceScoring.normaliseName(a).equals(normalised))) {
            throw UserFacingException.of("submission.refusal.nameAccepted");
        }
        return amendSource(facts, teacher, KeyAmendment.Kind.SOURCE_ALIAS, sourceId, null, name, null, null, null);
    }

    /**
     * Accepts another passage as naming a key source of this assignment (words a student marked
     * that the key does not list); re-scores every submitted attempt.
     */
    @Transactional
    @TeacherOfAssignment
    public int acceptSourceSpan(UUID assignmentId, String sourceId, int start, int end) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        GradedAssignment facts = lockOwned(assignmentId);
        keySource(facts, sourceId);
        String text = grader.text(facts);
        if (start < 0 || end <= start || end > text.length() || end - start > 2000) {
            throw UserFacingException.of("submission.refusal.passageOutside");
        }
        return amendSource(
                facts,
                teacher,
                KeyAmendment.Kind.SOURCE_SPAN,
                sourceId,
                null,
                null,
                start,
                end,
                text.substring(start, end));
    }

    /** Stores one acceptance for a key source and re-scores every submitted attempt with it. */
    private int amendSource(
            GradedAssignment facts,
            LateralUser teacher,
            KeyAmendment.Kind kind,
            String sourceId,
            @Nullable SourceKind sourceKind,
            @Nullable String alias,
            @Nullable Integer start,
            @Nullable Integer end,
            @Nullable String exact) {
        Instant now = now();
        grading.insertSourceAmendment(
                facts.id(), kind, sourceId, sourceKind, alias, start, end, exact, teacher.accountId(), now);
        return rescore(facts, ScoreCause.KEY_AMENDED, teacher, now);
    }

    /** The key source as this assignment's sources step grades it now; refuses a lesson without one. */
    private SourceScoring.KeySource keySource(GradedAssignment claims, String sourceId) {
        for (int step = 0; step < claims.steps(); step++) {
            GradedAssignment facts = assignmentGrading.pins(claims.id(), step).orElse(null);
            if (facts != null && facts.exercise().equals(NewStep.IDENTIFY_SOURCES)) {
                SourceGrader.Context context = sourceGrader
                        .context(facts, claims.exercise().equals(NewStep.MARK_CLAIMS) ? claims : null)
                        .orElseThrow(() -> UserFacingException.of("submission.refusal.noKeyToAmend"));
                return context.key().sources().stream()
                        .filter(s -> s.id().equals(sourceId))
                        .findFirst()
                        .orElseThrow(() -> UserFacingException.of("submission.refusal.sourceNotInKey"));
            }
        }
        throw UserFacingException.of("submission.refusal.noSourcesStep");
    }

    /**
     * Accepts another headline framing for one article of this assignment's comparison (DD014: a
     * teacher may read a title as plainer than the key does); re-scores every submitted attempt.
     */
    @Transactional
    @TeacherOfAssignment
    public int acceptCompareFraming(UUID assignmentId, UUID articleId, CompareScoring.Framing framing) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        GradedAssignment facts = lockOwned(assignmentId);
        CompareScoring.KeyArticle article = compareArticle(facts, articleId);
        if (framing == null || article.acceptsFraming(framing)) {
            throw UserFacingException.of("submission.refusal.framingAccepted");
        }
        return amendComparison(facts, teacher, KeyAmendment.Kind.COMPARE_FRAMING, articleId, null, framing);
    }

    /** Accepts another reporting category (original, relay, mixed) for one article; re-scores. */
    @Transactional
    @TeacherOfAssignment
    public int acceptCompareReporting(UUID assignmentId, UUID articleId, CompareScoring.Reporting reporting) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        GradedAssignment facts = lockOwned(assignmentId);
        CompareScoring.KeyArticle article = compareArticle(facts, articleId);
        if (reporting == null || article.acceptsReporting(reporting)) {
            throw UserFacingException.of("submission.refusal.reportingAccepted");
        }
        return amendComparison(facts, teacher, KeyAmendment.Kind.COMPARE_REPORTING, articleId, null, reporting);
    }

    /**
     * Accepts another way one article carries a core claim (a cell of the matrix); re-scores every
     * submitted attempt.
     */
    @Transactional
    @TeacherOfAssignment
    public int acceptCompareCarriage(
            UUID assignmentId, String claimId, UUID articleId, CompareScoring.Carriage carriage) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        GradedAssignment facts = lockOwned(assignmentId);
        CompareGrader.Context context = compareContext(facts);
        if (context.keyOf(articleId).isEmpty()) {
            throw UserFacingException.of("submission.refusal.articleNotCompared");
        }
        CompareScoring.KeyCell cell = context.keyCell(claimId, articleId)
                .orElseThrow(() -> UserFacingException.of("submission.refusal.coreClaimNotInKey"));
        if (carriage == null || cell.accepts(carriage)) {
            throw UserFacingException.of("submission.refusal.carriageAccepted");
        }
        return amendComparison(facts, teacher, KeyAmendment.Kind.COMPARE_CARRIAGE, articleId, claimId, carriage);
    }

    /** The lesson's compare step as it grades now; refuses a lesson without one. */
    private CompareGrader.Context compareContext(GradedAssignment first) {
        for (int step = 0; step < first.steps(); step++) {
            GradedAssignment facts = assignmentGrading.pins(first.id(), step).orElse(null);
            if (facts != null && facts.exercise().equals(NewStep.COMPARE_OUTLETS)) {
                return compareGrader
                        .context(facts)
                        .orElseThrow(() -> UserFacingException.of("submission.refusal.noComparisonKeyToAmend"));
            }
        }
        throw UserFacingException.of("submission.refusal.noCompareStep");
    }

    private CompareScoring.KeyArticle compareArticle(GradedAssignment facts, UUID articleId) {
        return compareContext(facts)
                .keyArticle(articleId)
                .orElseThrow(() -> UserFacingException.of("submission.refusal.articleNotCompared"));
    }

    /** Stores one acceptance for the comparison key and re-scores every submitted attempt with it. */
    private int amendComparison(
            GradedAssignment facts,
            LateralUser teacher,
            KeyAmendment.Kind kind,
            UUID articleId,
            @Nullable String claimId,
            Enum<?> category) {
        Instant now = now();
        grading.insertCompareAmendment(
                facts.id(),
                kind,
                articleId,
                claimId,
                category.name().toLowerCase(java.util.Locale.ROOT),
                teacher.accountId(),
                now);
        return rescore(facts, ScoreCause.KEY_AMENDED, teacher, now);
    }

    /** Withdraws an amendment; re-scores every submitted attempt. */
    @Transactional
    @TeacherOfAssignment
    public int withdrawAmendment(UUID assignmentId, UUID amendmentId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        GradedAssignment facts = lockOwned(assignmentId);
        Instant now = now();
        if (!grading.withdrawAmendment(amendmentId, assignmentId, teacher.accountId(), now)) {
            throw UserFacingException.of("submission.refusal.amendmentWithdrawn");
        }
        return rescore(facts, ScoreCause.KEY_AMENDED, teacher, now);
    }

    /** What moving to the newer key version would change, attempt by attempt; nothing is stored. */
    @Transactional(readOnly = true)
    @TeacherOfAssignment
    public KeyPreview previewKeyVersion(UUID assignmentId) {
        TeacherAssignment assignment = assignments
                .forTeacher(assignmentId)
                .orElseThrow(() -> UserFacingException.of("submission.refusal.assignmentUnknown"));
        GradedAssignment facts = assignmentGrading.pins(assignmentId).orElseThrow();
        LibraryPins.KeyVersion newer = newer(assignment);
        boolean claims = facts.exercise().equals(NewStep.MARK_CLAIMS);
        Map<UUID, String> names = new HashMap<>();
        assignment.roster().forEach(r -> names.put(r.studentId(), r.displayName()));
        List<GradingRepository.SubmittedAttempt> attempts =
                claims ? grading.submittedAttempts(assignmentId, Grader.CLAIMS_STEP) : List.of();
        List<KeyPreview.Change> changes = new ArrayList<>();
        if (claims) {
            Grader.Context now = grader.context(facts, null).orElseThrow();
            Grader.Context next = grader.context(facts, newer.id()).orElseThrow();
            for (GradingRepository.SubmittedAttempt a : attempts) {
                List<SavedMark> marks = submissions.liveMarks(a.attemptId());
                double before = grader.score(now, marks).score();
                double after = grader.score(next, marks).score();
                if (before != after) {
                    boolean overridden = grading.latest(a.attemptId())
                            .map(GradingRepository.Latest::overridden)
                            .orElse(false);
                    changes.add(new KeyPreview.Change(
                            names.get(a.studentId()),
                            a.number(),
                            before,
                            after,
                            overridden,
                            facts.steps() > 1 ? NewStep.MARK_CLAIMS : ""));
                }
            }
        }
        int counted = attempts.size();
        // A lesson's sources step is scored against the same key: preview its attempts too (DD013).
        for (int step = 0; step < facts.steps(); step++) {
            GradedAssignment later = assignmentGrading.pins(assignmentId, step).orElse(null);
            if (later == null || !later.exercise().equals(NewStep.IDENTIFY_SOURCES)) {
                continue;
            }
            GradedAssignment claimsStep = claims ? facts : null;
            SourceGrader.Context sourcesNow =
                    sourceGrader.context(later, claimsStep).orElseThrow();
            SourceGrader.Context sourcesNext =
                    sourceGrader.context(later, claimsStep, newer.id()).orElseThrow();
            for (GradingRepository.SubmittedAttempt a : grading.submittedAttempts(assignmentId, step)) {
                counted++;
                SubmissionRepository.Attempt attempt =
                        submissions.attempt(a.attemptId()).orElseThrow();
                double before = sourceGrader.score(sourcesNow, attempt).score();
                double after = sourceGrader.score(sourcesNext, attempt).score();
                if (before != after) {
                    boolean overridden = grading.latest(a.attemptId())
                            .map(GradingRepository.Latest::overridden)
                            .orElse(false);
                    changes.add(new KeyPreview.Change(
                            names.get(a.studentId()),
                            a.number(),
                            before,
                            after,
                            overridden,
                            facts.steps() > 1 ? NewStep.IDENTIFY_SOURCES : ""));
                }
            }
        }
        changes.sort(Comparator.comparing(KeyPreview.Change::student)
                .thenComparing(KeyPreview.Change::step)
                .thenComparingInt(KeyPreview.Change::attempt));
        return new KeyPreview(
                facts.keyVersionId(),
                newer.id(),
                newer.changes(),
                newer.notes(),
                newer.correctedDetails(),
                counted,
                changes);
    }

    /**
     * Moves the assignment to the newer key version (and to the article version it is anchored to,
     * whose text is the pinned one's) and re-scores every submitted attempt, in one transaction.
     */
    @Transactional
    @TeacherOfAssignment
    public int acceptKeyVersion(UUID assignmentId, UUID currentVersionId, UUID newVersionId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        TeacherAssignment assignment = assignments
                .forTeacher(assignmentId)
                .orElseThrow(() -> UserFacingException.of("submission.refusal.assignmentUnknown"));
        assignmentGrading.lock(assignmentId, true);
        if (!newer(assignment).id().equals(newVersionId)) {
            throw UserFacingException.of("submission.refusal.keyChangedAgain");
        }
        assignments.pinKeyVersion(assignmentId, currentVersionId, newVersionId, true);
        GradedAssignment facts = assignmentGrading.pins(assignmentId).orElseThrow();
        return rescore(facts, ScoreCause.KEY_VERSION, teacher, now());
    }

    /** Keeps the pinned key version; the notice stays away until yet another version comes. */
    @Transactional
    @TeacherOfAssignment
    public void ignoreKeyVersion(UUID assignmentId, UUID currentVersionId, UUID newVersionId) {
        TeacherAssignment assignment = assignments
                .forTeacher(assignmentId)
                .orElseThrow(() -> UserFacingException.of("submission.refusal.assignmentUnknown"));
        assignmentGrading.lock(assignmentId, true);
        if (!newer(assignment).id().equals(newVersionId)) {
            throw UserFacingException.of("submission.refusal.keyChangedAgain");
        }
        assignments.pinKeyVersion(assignmentId, currentVersionId, newVersionId, false);
    }

    private LibraryPins.KeyVersion newer(TeacherAssignment assignment) {
        if (assignment.keyVersionId() == null || assignment.articleVersionId() == null) {
            throw UserFacingException.of("submission.refusal.noKey");
        }
        return library.newerKeyVersion(
                        assignment.schoolId(),
                        assignment.articleVersionId(),
                        assignment.keyVersionId(),
                        currentUser.require(Role.TEACHER).accountId())
                .orElseThrow(() -> UserFacingException.of("submission.refusal.noNewerKey"));
    }

    /**
     * Re-scores every submitted attempt of the lesson against the key as it now stands: the claims
     * step, a sources step, whose links are scored on the claims the claims rules matched, and a
     * compare step against its comparison key with the compare amendments.
     */
    private int rescore(GradedAssignment facts, ScoreCause cause, LateralUser teacher, Instant now) {
        if (cause == ScoreCause.KEY_AMENDED) {
            // Every amendment and its withdrawal ends here; a newer key version is recorded where it is pinned.
            audit.record(AuditAction.KEY_AMENDED, AuditOutcome.SUCCESS, "assignment", List.of(facts.id()), "re-scored");
        }
        // facts are the first step's pins: the claims step when the lesson has one (DD013).
        boolean claims = facts.exercise().equals(NewStep.MARK_CLAIMS);
        int rescored = 0;
        if (claims) {
            Grader.Context context = grader.context(facts, null).orElseThrow();
            rescored += grader.rescoreAll(context, cause, teacher.accountId(), now);
        }
        for (int step = 0; step < facts.steps(); step++) {
            GradedAssignment later = assignmentGrading.pins(facts.id(), step).orElse(null);
            if (later != null && later.exercise().equals(NewStep.IDENTIFY_SOURCES)) {
                SourceGrader.Context sources =
                        sourceGrader.context(later, claims ? facts : null).orElse(null);
                if (sources != null) {
                    rescored += sourceGrader.rescoreAll(sources, step, cause, teacher.accountId(), now);
                }
            }
            if (later != null && later.exercise().equals(NewStep.COMPARE_OUTLETS)) {
                CompareGrader.Context compare = compareGrader.context(later).orElse(null);
                if (compare != null) {
                    rescored += compareGrader.rescoreAll(compare, cause, teacher.accountId(), now);
                }
            }
        }
        return rescored;
    }

    private GradedAssignment lockOwned(UUID assignmentId) {
        assignments
                .forTeacher(assignmentId)
                .orElseThrow(() -> UserFacingException.of("submission.refusal.assignmentUnknown"));
        return assignmentGrading
                .lock(assignmentId, true)
                .orElseThrow(() -> UserFacingException.of("submission.refusal.assignmentUnknown"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
