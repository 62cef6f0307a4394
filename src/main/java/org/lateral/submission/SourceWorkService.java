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
import org.lateral.assignment.NewStep;
import org.lateral.assignment.StudentAssignment;
import org.lateral.base.AnchoredSpan;
import org.lateral.base.UserFacingException;
import org.lateral.base.highlighter.LinkState;
import org.lateral.base.highlighter.MentionState;
import org.lateral.base.highlighter.SaveResult;
import org.lateral.base.highlighter.SourceState;
import org.lateral.base.i18n.KeyedText;
import org.lateral.library.LibraryPins;
import org.lateral.security.CurrentUser;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saving a student's "Who says so?" work (DD013, "Source work"): their sources, where the text
 * mentions each one, and which source each claim rests on. Every save has exactly the guarantees
 * of {@link SubmissionService#saveMark} (DD004): the item's full state with a browser-made id and
 * a per-item seq, applied only when the seq is higher than the stored one (a replay or a late
 * duplicate changes nothing and answers {@code stale}, which the browser takes as already saved,
 * before its content is checked again: its source may have been deleted since);
 * a delete is a tombstone; bad input and a full attempt answer {@code rejected} with the reason
 * and change nothing; a submitted attempt, a passed due date or a student no longer in the class
 * changes nothing. Saves of one attempt run one after another (the attempt row is locked), so the
 * limits stay exact. The answer is sent after the transaction commits.
 *
 * <p>Deleting a source leaves its mentions and links as they are (the browser deletes them one by
 * one); whoever reads the work counts only the live mentions and links of live sources. A claim
 * reference must name a live mark of the step-0 attempt of the same number or a claim of the
 * pinned key version, or the link is refused and nothing is written.
 *
 * <p>The text a mention is checked against is the canonical text the attempt's assignment pins,
 * as for marks; attempts are all of step 0 today (DD013, "Attempts per step").
 */
@Service
public class SourceWorkService {

    private final CurrentUser currentUser;
    private final AssignmentService assignments;
    private final LibraryPins library;
    private final SubmissionRepository submissions;
    private final SourceWorkRepository work;
    private final Clock clock;

    SourceWorkService(
            CurrentUser currentUser,
            AssignmentService assignments,
            LibraryPins library,
            SubmissionRepository submissions,
            SourceWorkRepository work,
            Clock clock) {
        this.currentUser = currentUser;
        this.assignments = assignments;
        this.library = library;
        this.submissions = submissions;
        this.work = work;
        this.clock = clock;
    }

    /** The attempt a save may change, locked; or why nothing may change. */
    private record Open(
            StudentAssignment assignment,
            UUID schoolId,
            @Nullable UserFacingException refusal,
            Instant now) {

        /** The position of the lesson's mark-claims step, when it has one. */
        Optional<Integer> claimsStep() {
            return assignment.steps().stream()
                    .filter(s -> s.exercise().equals(NewStep.MARK_CLAIMS))
                    .map(LessonStep::position)
                    .findFirst();
        }
    }

    private Open open(UUID attemptId) {
        LateralUser student = currentUser.require(Role.STUDENT);
        SubmissionRepository.Attempt attempt = submissions
                .lockAttempt(attemptId)
                .filter(a -> a.studentId().equals(student.accountId()))
                .orElseThrow(() -> UserFacingException.of("submission.refusal.workNotYours"));
        StudentAssignment assignment = assignments
                .forStudent(attempt.assignmentId())
                .orElseThrow(() -> UserFacingException.of("submission.refusal.noLongerInClass"));
        boolean sourcesStep = assignment.steps().stream()
                .anyMatch(s -> s.position() == attempt.step() && s.exercise().equals(NewStep.IDENTIFY_SOURCES));
        if (!sourcesStep) {
            // Sources belong to a "Who says so?" step; a client that sends them for another step's
            // attempt is broken or tampered with.
            throw UserFacingException.of("submission.refusal.notSourcesStep");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UserFacingException refusal = attempt.submittedAt() != null
                ? UserFacingException.of("submission.refusal.submitted")
                : !assignment.acceptsWork(now, attempt.number())
                        ? UserFacingException.of("submission.refusal.pastDue")
                        : LessonProgress.lockedReason(
                                assignment.steps(),
                                LessonProgress.AttemptState.of(submissions.attempts(attempt.submissionId())),
                                attempt.id());
        return new Open(assignment, student.schoolId(), refusal, now);
    }

    /**
     * What every save does first, in this order: lock the attempt and refuse when it takes no more
     * work, refuse an unreadable state, and answer a replay or a late duplicate (seq not higher than
     * the stored one) as stale. {@code answer} is set when the save ends here.
     */
    private record Begun(
            Open open,
            Optional<SourceWorkRepository.Stored> stored,
            @Nullable SaveResult answer) {}

    private Begun begin(
            UUID attemptId,
            String id,
            int seq,
            @Nullable KeyedText unreadable,
            Supplier<Optional<SourceWorkRepository.Stored>> lookup) {
        Open open = open(attemptId);
        if (open.refusal() != null) {
            return new Begun(
                    open,
                    Optional.empty(),
                    SaveResult.rejected(id, seq, open.refusal().getLocalizedMessage()));
        }
        if (unreadable != null) {
            return new Begun(open, Optional.empty(), SaveResult.rejected(id, seq, unreadable));
        }
        Optional<SourceWorkRepository.Stored> stored = lookup.get();
        if (stored.isPresent() && stored.get().seq() >= seq) {
            return new Begun(open, stored, SaveResult.stale(id, stored.get().seq()));
        }
        return new Begun(open, stored, null);
    }

    /** Saves one student source: its name, kind and origin, or its deletion. */
    @Transactional
    @StudentOwnsAttempt
    public SaveResult saveSource(UUID attemptId, @Nullable SourceState state) {
        currentUser.require(Role.STUDENT);
        if (state == null) {
            return SaveResult.rejected("", 0, SourceWorkModel.UNREADABLE_SOURCE);
        }
        String id = state.sourceId() == null ? "" : state.sourceId().toString();
        Begun begun = begin(
                attemptId,
                id,
                state.seq(),
                SourceWorkModel.unreadable(state),
                () -> work.source(attemptId, state.sourceId()));
        if (begun.answer() != null) {
            return begun.answer();
        }
        Open open = begun.open();
        Optional<SourceWorkRepository.Stored> stored = begun.stored();
        UUID sourceId = state.sourceId();
        SourceWorkModel.CheckedSource source = null;
        if (!state.deleted()) {
            SourceWorkModel.Checked<SourceWorkModel.CheckedSource> checked = SourceWorkModel.check(state);
            if (checked instanceof SourceWorkModel.Checked.Refused<SourceWorkModel.CheckedSource> refused) {
                return SaveResult.rejected(id, state.seq(), refused.message());
            }
            source = ((SourceWorkModel.Checked.Ok<SourceWorkModel.CheckedSource>) checked).value();
        }
        if (source == null) {
            return delete(
                    id, state.seq(), stored, () -> work.deleteSource(attemptId, sourceId, state.seq(), open.now()));
        }
        if (stored.isEmpty() && work.storedSourceCount(attemptId) >= SourceWorkModel.MAX_STORED_SOURCES_PER_ATTEMPT) {
            return SaveResult.rejected(id, state.seq(), SourceWorkModel.TOO_MANY_STORED_SOURCES);
        }
        if ((stored.isEmpty() || stored.get().deleted())
                && work.liveSourceCount(attemptId) >= SourceWorkModel.MAX_SOURCES_PER_ATTEMPT) {
            return SaveResult.rejected(id, state.seq(), SourceWorkModel.TOO_MANY_SOURCES);
        }
        boolean applied = work.upsertSource(attemptId, sourceId, state.seq(), source, open.now());
        return answer(id, state.seq(), applied, () -> work.source(attemptId, sourceId));
    }

    /** Saves one mention: a span of the text that names one of the student's sources, or its deletion. */
    @Transactional
    @StudentOwnsAttempt
    public SaveResult saveMention(UUID attemptId, @Nullable MentionState state) {
        currentUser.require(Role.STUDENT);
        if (state == null) {
            return SaveResult.rejected("", 0, SourceWorkModel.UNREADABLE_MENTION);
        }
        String id = state.mentionId() == null ? "" : state.mentionId().toString();
        Begun begun = begin(
                attemptId,
                id,
                state.seq(),
                SourceWorkModel.unreadable(state),
                () -> work.mention(attemptId, state.mentionId()));
        if (begun.answer() != null) {
            return begun.answer();
        }
        Open open = begun.open();
        Optional<SourceWorkRepository.Stored> stored = begun.stored();
        UUID mentionId = state.mentionId();
        UUID sourceId = state.sourceId();
        AnchoredSpan span = null;
        if (!state.deleted()) {
            String text = library.canonicalText(
                            open.schoolId(), open.assignment().articleVersionId())
                    .orElseThrow();
            SourceWorkModel.Checked<AnchoredSpan> checked = SourceWorkModel.check(text, state);
            if (checked instanceof SourceWorkModel.Checked.Refused<AnchoredSpan> refused) {
                return SaveResult.rejected(id, state.seq(), refused.message());
            }
            span = ((SourceWorkModel.Checked.Ok<AnchoredSpan>) checked).value();
            if (!liveSource(attemptId, sourceId)) {
                return SaveResult.rejected(id, state.seq(), SourceWorkModel.NO_SOURCE);
            }
        }
        if (span == null) {
            return delete(
                    id, state.seq(), stored, () -> work.deleteMention(attemptId, mentionId, state.seq(), open.now()));
        }
        if (stored.isEmpty() && work.storedMentionCount(attemptId) >= SourceWorkModel.MAX_STORED_MENTIONS_PER_ATTEMPT) {
            return SaveResult.rejected(id, state.seq(), SourceWorkModel.TOO_MANY_STORED_MENTIONS);
        }
        boolean joinsSource = stored.isEmpty()
                || stored.get().deleted()
                || !sourceId.equals(stored.get().sourceId());
        if (joinsSource && work.liveMentionCount(attemptId, sourceId) >= SourceWorkModel.MAX_MENTIONS_PER_SOURCE) {
            return SaveResult.rejected(id, state.seq(), SourceWorkModel.TOO_MANY_MENTIONS);
        }
        boolean applied = work.upsertMention(attemptId, mentionId, state.seq(), sourceId, span, open.now());
        return answer(id, state.seq(), applied, () -> work.mention(attemptId, mentionId));
    }

    /** Saves one claim link: the source a claim rests on, or "no source given" (no source), or its deletion. */
    @Transactional
    @StudentOwnsAttempt
    public SaveResult saveLink(UUID attemptId, @Nullable LinkState state) {
        currentUser.require(Role.STUDENT);
        if (state == null) {
            return SaveResult.rejected("", 0, SourceWorkModel.UNREADABLE_LINK);
        }
        String id = state.linkId() == null ? "" : state.linkId().toString();
        Begun begun = begin(
                attemptId,
                id,
                state.seq(),
                SourceWorkModel.unreadable(state),
                () -> work.link(attemptId, state.linkId()));
        if (begun.answer() != null) {
            return begun.answer();
        }
        Open open = begun.open();
        Optional<SourceWorkRepository.Stored> stored = begun.stored();
        UUID linkId = state.linkId();
        UUID sourceId = state.sourceId();
        if (!state.deleted() && sourceId != null && !liveSource(attemptId, sourceId)) {
            return SaveResult.rejected(id, state.seq(), SourceWorkModel.NO_SOURCE);
        }
        if (state.deleted()) {
            return delete(id, state.seq(), stored, () -> work.deleteLink(attemptId, linkId, state.seq(), open.now()));
        }
        if (!knownClaim(attemptId, open, state.claimRef())) {
            return SaveResult.rejected(id, state.seq(), SourceWorkModel.UNKNOWN_CLAIM);
        }
        if (stored.isEmpty() && work.storedLinkCount(attemptId) >= SourceWorkModel.MAX_STORED_LINKS_PER_ATTEMPT) {
            return SaveResult.rejected(id, state.seq(), SourceWorkModel.TOO_MANY_STORED_LINKS);
        }
        if ((stored.isEmpty() || stored.get().deleted())
                && work.liveLinkCount(attemptId) >= SourceWorkModel.MAX_LINKS_PER_ATTEMPT) {
            return SaveResult.rejected(id, state.seq(), SourceWorkModel.TOO_MANY_LINKS);
        }
        boolean applied = work.upsertLink(attemptId, linkId, state.seq(), state.claimRef(), sourceId, open.now());
        return answer(id, state.seq(), applied, () -> work.link(attemptId, linkId));
    }

    /**
     * Whether a link's claim is one the student may link (DD013): in a lesson with a mark-claims
     * step, only a live mark of that step's attempt with the same number (the student links the
     * claims they found); without one, only a claim of the pinned key version.
     */
    private boolean knownClaim(UUID attemptId, Open open, String claimRef) {
        Optional<Integer> claimsStep = open.claimsStep();
        if (claimsStep.isPresent()) {
            UUID markId = markId(claimRef);
            return markId != null && work.liveMarkOfSameNumber(attemptId, claimsStep.get(), markId);
        }
        UUID keyVersionId = open.assignment().keyVersionId();
        return keyVersionId != null
                && library.keyClaims(open.schoolId(), keyVersionId).stream().anyMatch(c -> c.id().equals(claimRef));
    }

    /** The mark id a claim reference names, when it is one in the canonical form the browser sends. */
    private static @Nullable UUID markId(String claimRef) {
        try {
            UUID id = UUID.fromString(claimRef);
            return id.toString().equals(claimRef) ? id : null;
        } catch (IllegalArgumentException notAMark) {
            return null;
        }
    }

    /**
     * The attempt's live source work, for a tab that opens or comes back to the foreground: each
     * live source with its live mentions, and the live links whose source is live or not given,
     * each with the seq the browser continues from.
     */
    @Transactional(readOnly = true)
    @StudentOwnsAttempt
    public SourceWork sourceWork(UUID attemptId) {
        LateralUser student = currentUser.require(Role.STUDENT);
        SubmissionRepository.Attempt attempt = submissions
                .attempt(attemptId)
                .filter(a -> a.studentId().equals(student.accountId()))
                .orElseThrow(() -> UserFacingException.of("submission.refusal.workNotYours"));
        assignments
                .forStudent(attempt.assignmentId())
                .orElseThrow(() -> UserFacingException.of("submission.refusal.noLongerInClass"));
        return work.sourceWork(attemptId);
    }

    private boolean liveSource(UUID attemptId, UUID sourceId) {
        return work.source(attemptId, sourceId).filter(s -> !s.deleted()).isPresent();
    }

    /**
     * A delete: deleting an item that was never stored (made and removed while offline) leaves
     * nothing to remember, so no row is written and the browser may forget the change; a stored
     * item becomes a tombstone that keeps what it held.
     */
    private static SaveResult delete(
            String id,
            int seq,
            Optional<SourceWorkRepository.Stored> stored,
            java.util.function.BooleanSupplier tombstone) {
        if (stored.isEmpty()) {
            return SaveResult.saved(id, seq);
        }
        return tombstone.getAsBoolean()
                ? SaveResult.saved(id, seq)
                : SaveResult.stale(id, stored.get().seq());
    }

    private static SaveResult answer(
            String id,
            int seq,
            boolean applied,
            java.util.function.Supplier<Optional<SourceWorkRepository.Stored>> stored) {
        return applied
                ? SaveResult.saved(id, seq)
                : SaveResult.stale(
                        id, stored.get().map(SourceWorkRepository.Stored::seq).orElse(seq));
    }
}
