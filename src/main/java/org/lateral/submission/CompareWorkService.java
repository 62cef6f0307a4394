package org.lateral.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.LessonStep;
import org.lateral.assignment.StudentAssignment;
import org.lateral.base.AnchoredSpan;
import org.lateral.base.UserFacingException;
import org.lateral.base.highlighter.SaveResult;
import org.lateral.base.i18n.KeyedText;
import org.lateral.library.LibraryPins;
import org.lateral.library.OutletProfile;
import org.lateral.security.CurrentUser;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saving a student's compare-outlets work (DD015): the grid of each article, the hedges and
 * loaded words picked in it, the claims-by-outlets matrix, the lateral-reading notes and the
 * closing judgement. Every save has exactly the guarantees of {@link SubmissionService#saveMark}
 * and {@link SourceWorkService} (DD004): the item's full state with a per-item seq, applied only
 * when the seq is higher than the stored one (a replay answers {@code stale}, which the browser
 * takes as already saved); bad input and a full attempt answer {@code rejected} with the reason
 * and change nothing; a submitted attempt, a passed due date, a locked step or a student no longer
 * in the class changes nothing. Saves of one attempt run one after another (the attempt row is
 * locked). An article, core claim or outlet must be one the step pins, so a tampered request
 * cannot write work about anything else.
 */
@Service
public class CompareWorkService {

    static final KeyedText UNREADABLE = KeyedText.of("submission.save.compare.unreadable");
    static final KeyedText NOT_IN_STEP = KeyedText.of("submission.save.compare.notInStep");
    static final KeyedText UNKNOWN_CLAIM = KeyedText.of("submission.save.compare.unknownClaim");
    static final KeyedText UNKNOWN_OUTLET = KeyedText.of("submission.save.compare.unknownOutlet");
    static final KeyedText TOO_MANY_SPANS =
            KeyedText.of("submission.save.compare.tooManySpans", CompareWorkModel.MAX_SPANS_PER_ARTICLE_AND_KIND);
    static final KeyedText TOO_MANY_STORED_SPANS = KeyedText.of("submission.save.compare.tooManyStoredSpans");
    static final int MAX_STORED_SPANS_PER_ATTEMPT = 1000;

    private final CurrentUser currentUser;
    private final AssignmentService assignments;
    private final LibraryPins library;
    private final SubmissionRepository submissions;
    private final CompareWorkRepository work;
    private final Clock clock;

    CompareWorkService(
            CurrentUser currentUser,
            AssignmentService assignments,
            LibraryPins library,
            SubmissionRepository submissions,
            CompareWorkRepository work,
            Clock clock) {
        this.currentUser = currentUser;
        this.assignments = assignments;
        this.library = library;
        this.submissions = submissions;
        this.work = work;
        this.clock = clock;
    }

    /** The attempt a save may change, locked, with its compare step; or why nothing may change. */
    private record Open(
            LessonStep step, UUID schoolId, @Nullable UserFacingException refusal, Instant now) {

        Optional<LessonStep.StepArticle> article(@Nullable UUID articleId) {
            return step.articles().stream()
                    .filter(a -> a.articleId().equals(articleId))
                    .findFirst();
        }
    }

    private Open open(UUID attemptId, boolean lock) {
        LateralUser student = currentUser.require(Role.STUDENT);
        SubmissionRepository.Attempt attempt = (lock
                        ? submissions.lockAttempt(attemptId)
                        : submissions.attempt(attemptId))
                .filter(a -> a.studentId().equals(student.accountId()))
                .orElseThrow(() -> UserFacingException.of("submission.refusal.workNotYours"));
        StudentAssignment assignment = assignments
                .forStudent(attempt.assignmentId())
                .orElseThrow(() -> UserFacingException.of("submission.refusal.noLongerInClass"));
        LessonStep step = assignment.steps().stream()
                .filter(s -> s.position() == attempt.step() && s.compares())
                .findFirst()
                // A client that sends compare work for another step's attempt is broken or tampered with.
                .orElseThrow(() -> UserFacingException.of("submission.refusal.notComparisonStep"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UserFacingException refusal = attempt.submittedAt() != null
                ? UserFacingException.of("submission.refusal.submitted")
                : !assignment.acceptsWork(now, attempt.number())
                        ? UserFacingException.of("submission.refusal.pastDue")
                        : LessonProgress.lockedReason(
                                assignment.steps(),
                                LessonProgress.AttemptState.of(submissions.attempts(attempt.submissionId())),
                                attempt.id());
        return new Open(step, student.schoolId(), refusal, now);
    }

    /** Lock and refuse when the attempt takes no work; answer a replay as stale. answer set when the save ends. */
    private record Begun(
            Open open,
            Optional<CompareWorkRepository.Stored> stored,
            @Nullable SaveResult answer) {}

    private Begun begin(UUID attemptId, String key, int seq, Supplier<Optional<CompareWorkRepository.Stored>> lookup) {
        Open open = open(attemptId, true);
        if (open.refusal() != null) {
            return new Begun(
                    open,
                    Optional.empty(),
                    SaveResult.rejected(key, seq, open.refusal().getLocalizedMessage()));
        }
        if (seq < 1) {
            return new Begun(open, Optional.empty(), SaveResult.rejected(key, seq, UNREADABLE));
        }
        Optional<CompareWorkRepository.Stored> stored = lookup.get();
        if (stored.isPresent() && stored.get().seq() >= seq) {
            return new Begun(open, stored, SaveResult.stale(key, stored.get().seq()));
        }
        return new Begun(open, stored, null);
    }

    /** Saves one article's grid: framing, source counts, reporting, relayed-from outlets, two free texts. */
    @Transactional
    @StudentOwnsAttempt
    public SaveResult saveGrid(UUID attemptId, CompareItems.@Nullable GridState state) {
        currentUser.require(Role.STUDENT);
        UUID articleId = state == null ? null : uuid(state.articleId());
        if (state == null || articleId == null) {
            return SaveResult.rejected("", state == null ? 0 : state.seq(), UNREADABLE);
        }
        String key = CompareItems.gridKey(articleId.toString());
        Begun begun = begin(attemptId, key, state.seq(), () -> work.grid(attemptId, articleId));
        if (begun.answer() != null) {
            return begun.answer();
        }
        if (begun.open().article(articleId).isEmpty()) {
            return SaveResult.rejected(key, state.seq(), NOT_IN_STEP);
        }
        SourceWorkModel.Checked<CompareWorkModel.Grid> checked = CompareWorkModel.check(new CompareWorkModel.Grid(
                state.framing(),
                state.namedSources(),
                state.anonymousSources(),
                state.reporting(),
                state.relayedFrom() == null ? java.util.List.of() : state.relayedFrom(),
                state.includes(),
                state.outletKind()));
        if (checked instanceof SourceWorkModel.Checked.Refused<CompareWorkModel.Grid> refused) {
            return SaveResult.rejected(key, state.seq(), refused.message());
        }
        CompareWorkModel.Grid grid = ((SourceWorkModel.Checked.Ok<CompareWorkModel.Grid>) checked).value();
        boolean applied = work.upsertGrid(
                attemptId, articleId, state.seq(), grid, begun.open().now());
        return answer(key, state.seq(), applied, () -> work.grid(attemptId, articleId));
    }

    /** Saves one picked hedge or loaded word, or its deletion. */
    @Transactional
    @StudentOwnsAttempt
    public SaveResult saveSpan(UUID attemptId, CompareItems.@Nullable SpanState state) {
        currentUser.require(Role.STUDENT);
        UUID spanId = state == null ? null : uuid(state.spanId());
        if (state == null || spanId == null) {
            return SaveResult.rejected("", state == null ? 0 : state.seq(), UNREADABLE);
        }
        String key = CompareItems.spanKey(spanId.toString());
        Begun begun = begin(attemptId, key, state.seq(), () -> work.span(attemptId, spanId));
        if (begun.answer() != null) {
            return begun.answer();
        }
        Optional<CompareWorkRepository.Stored> stored = begun.stored();
        Instant now = begun.open().now();
        if (state.deleted()) {
            if (stored.isEmpty()) {
                // Made and removed before it reached the server: nothing to remember.
                return SaveResult.saved(key, state.seq());
            }
            return work.deleteSpan(attemptId, spanId, state.seq(), now)
                    ? SaveResult.saved(key, state.seq())
                    : SaveResult.stale(key, stored.get().seq());
        }
        UUID articleId = uuid(state.articleId());
        Optional<LessonStep.StepArticle> article = begun.open().article(articleId);
        if (article.isEmpty()) {
            return SaveResult.rejected(key, state.seq(), NOT_IN_STEP);
        }
        String text = library.canonicalText(
                        begun.open().schoolId(), article.get().articleVersionId())
                .orElseThrow();
        SourceWorkModel.Checked<AnchoredSpan> checked = CompareWorkModel.checkSpan(
                text,
                state.kind(),
                state.start(),
                state.end(),
                state.exact(),
                state.prefix() == null ? "" : state.prefix(),
                state.suffix() == null ? "" : state.suffix());
        if (checked instanceof SourceWorkModel.Checked.Refused<AnchoredSpan> refused) {
            return SaveResult.rejected(key, state.seq(), refused.message());
        }
        AnchoredSpan span = ((SourceWorkModel.Checked.Ok<AnchoredSpan>) checked).value();
        String kind = java.util.Objects.requireNonNull(state.kind());
        if (stored.isEmpty() && work.storedSpanCount(attemptId) >= MAX_STORED_SPANS_PER_ATTEMPT) {
            return SaveResult.rejected(key, state.seq(), TOO_MANY_STORED_SPANS);
        }
        boolean joins = stored.isEmpty()
                || stored.get().deleted()
                || !articleId.equals(stored.get().articleId())
                || !kind.equals(stored.get().kind());
        if (joins
                && work.liveSpanCount(attemptId, articleId, kind) >= CompareWorkModel.MAX_SPANS_PER_ARTICLE_AND_KIND) {
            return SaveResult.rejected(key, state.seq(), TOO_MANY_SPANS);
        }
        boolean applied = work.upsertSpan(attemptId, spanId, state.seq(), articleId, kind, span, now);
        return answer(key, state.seq(), applied, () -> work.span(attemptId, spanId));
    }

    /** Saves one matrix cell: how an article carries a core claim, and optionally the wording. */
    @Transactional
    @StudentOwnsAttempt
    public SaveResult saveCell(UUID attemptId, CompareItems.@Nullable CellState state) {
        currentUser.require(Role.STUDENT);
        UUID articleId = state == null ? null : uuid(state.articleId());
        String claimId = state == null ? null : state.claimId();
        if (state == null || articleId == null || claimId == null || !claimId.matches("[A-Za-z0-9_-]{1,32}")) {
            return SaveResult.rejected("", state == null ? 0 : state.seq(), UNREADABLE);
        }
        String key = CompareItems.cellKey(claimId, articleId.toString());
        Begun begun = begin(attemptId, key, state.seq(), () -> work.cell(attemptId, claimId, articleId));
        if (begun.answer() != null) {
            return begun.answer();
        }
        Open open = begun.open();
        Optional<LessonStep.StepArticle> article = open.article(articleId);
        if (article.isEmpty()) {
            return SaveResult.rejected(key, state.seq(), NOT_IN_STEP);
        }
        boolean knownClaim = library.comparisonKey(
                        open.schoolId(),
                        java.util.Objects.requireNonNull(open.step().comparisonKeyVersionId()))
                .map(k -> k.claims().stream().anyMatch(c -> c.id().equals(claimId)))
                .orElse(false);
        if (!knownClaim) {
            return SaveResult.rejected(key, state.seq(), UNKNOWN_CLAIM);
        }
        SourceWorkModel.Checked<@Nullable String> carried = CompareWorkModel.checkCell(state.carried());
        if (carried instanceof SourceWorkModel.Checked.Refused<@Nullable String> refused) {
            return SaveResult.rejected(key, state.seq(), refused.message());
        }
        AnchoredSpan wording = null;
        if (state.start() != null || state.end() != null) {
            String text = library.canonicalText(open.schoolId(), article.get().articleVersionId())
                    .orElseThrow();
            SourceWorkModel.Checked<AnchoredSpan> checked = CompareWorkModel.checkWording(
                    text,
                    state.start() == null ? -1 : state.start(),
                    state.end() == null ? -1 : state.end(),
                    state.exact(),
                    state.prefix() == null ? "" : state.prefix(),
                    state.suffix() == null ? "" : state.suffix());
            if (checked instanceof SourceWorkModel.Checked.Refused<AnchoredSpan> refused) {
                return SaveResult.rejected(key, state.seq(), refused.message());
            }
            wording = ((SourceWorkModel.Checked.Ok<AnchoredSpan>) checked).value();
        }
        boolean applied = work.upsertCell(
                attemptId,
                claimId,
                articleId,
                state.seq(),
                ((SourceWorkModel.Checked.Ok<@Nullable String>) carried).value(),
                wording,
                open.now());
        return answer(key, state.seq(), applied, () -> work.cell(attemptId, claimId, articleId));
    }

    /** Saves one lateral-reading note about an outlet of the step's articles. */
    @Transactional
    @StudentOwnsAttempt
    public SaveResult saveNote(UUID attemptId, CompareItems.@Nullable NoteState state) {
        currentUser.require(Role.STUDENT);
        UUID outletId = state == null ? null : uuid(state.outletId());
        if (state == null || outletId == null) {
            return SaveResult.rejected("", state == null ? 0 : state.seq(), UNREADABLE);
        }
        String key = CompareItems.noteKey(outletId.toString());
        Begun begun = begin(attemptId, key, state.seq(), () -> work.note(attemptId, outletId));
        if (begun.answer() != null) {
            return begun.answer();
        }
        if (!outletOfStep(begun.open(), outletId)) {
            return SaveResult.rejected(key, state.seq(), UNKNOWN_OUTLET);
        }
        SourceWorkModel.Checked<CompareWorkModel.Note> checked =
                CompareWorkModel.check(new CompareWorkModel.Note(state.address(), state.note()));
        if (checked instanceof SourceWorkModel.Checked.Refused<CompareWorkModel.Note> refused) {
            return SaveResult.rejected(key, state.seq(), refused.message());
        }
        boolean applied = work.upsertNote(
                attemptId,
                outletId,
                state.seq(),
                ((SourceWorkModel.Checked.Ok<CompareWorkModel.Note>) checked).value(),
                begun.open().now());
        return answer(key, state.seq(), applied, () -> work.note(attemptId, outletId));
    }

    /** Saves the closing judgement. */
    @Transactional
    @StudentOwnsAttempt
    public SaveResult saveJudgement(UUID attemptId, CompareItems.@Nullable JudgementState state) {
        currentUser.require(Role.STUDENT);
        String key = CompareItems.JUDGEMENT_KEY;
        if (state == null) {
            return SaveResult.rejected(key, 0, UNREADABLE);
        }
        Begun begun = begin(attemptId, key, state.seq(), () -> work.judgement(attemptId));
        if (begun.answer() != null) {
            return begun.answer();
        }
        SourceWorkModel.Checked<@Nullable String> checked = CompareWorkModel.checkJudgement(state.judgement());
        if (checked instanceof SourceWorkModel.Checked.Refused<@Nullable String> refused) {
            return SaveResult.rejected(key, state.seq(), refused.message());
        }
        boolean applied = work.upsertJudgement(
                attemptId,
                state.seq(),
                ((SourceWorkModel.Checked.Ok<@Nullable String>) checked).value(),
                begun.open().now());
        return answer(key, state.seq(), applied, () -> work.judgement(attemptId));
    }

    /** The attempt's saved compare work, for a page that opens or a tab that comes back. */
    @Transactional(readOnly = true)
    @StudentOwnsAttempt
    public CompareWork compareWork(UUID attemptId) {
        open(attemptId, false);
        return work.work(attemptId);
    }

    /**
     * An outlet's profile for the student comparing its article: only once they have written their
     * own lateral-reading note about it, unless the teacher chose to show profiles at once (DD015),
     * so the student looks outside the article first. Empty otherwise, and for an outlet of none of
     * the step's articles.
     */
    @Transactional(readOnly = true)
    @StudentOwnsAttempt
    public Optional<OutletProfile> outletProfile(UUID attemptId, UUID outletId) {
        Open open = open(attemptId, false);
        if (!outletOfStep(open, outletId)) {
            return Optional.empty();
        }
        boolean shown = open.step().outletProfilesAtOnce()
                || Optional.ofNullable(work.work(attemptId).notes().get(outletId))
                        .map(CompareWork.Note::written)
                        .orElse(false);
        return shown ? library.outletProfile(open.schoolId(), outletId) : Optional.empty();
    }

    private boolean outletOfStep(Open open, UUID outletId) {
        return open.step().articles().stream()
                .map(a -> library.columnArticle(open.schoolId(), a.articleVersionId()))
                .flatMap(Optional::stream)
                .anyMatch(c -> c.outletId().equals(outletId));
    }

    private static @Nullable UUID uuid(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equals(text) ? id : null;
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static SaveResult answer(
            String key, int seq, boolean applied, Supplier<Optional<CompareWorkRepository.Stored>> stored) {
        return applied
                ? SaveResult.saved(key, seq)
                : SaveResult.stale(
                        key, stored.get().map(CompareWorkRepository.Stored::seq).orElse(seq));
    }
}
