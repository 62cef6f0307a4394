package org.lateral.submission;

import org.lateral.assignment.TeacherOfAssignment;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.TeacherAssignment;
import org.lateral.base.UserFacingException;
import org.lateral.base.highlighter.SavedMark;
import org.lateral.classroom.RosterEntry;
import org.lateral.library.ClaimType;
import org.lateral.library.LibraryPins;
import org.lateral.security.CurrentUser;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.lateral.submission.scoring.Alternatives;
import org.lateral.submission.scoring.Scoring;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grading an assignment, for the teacher of its class: results, one student's attempt beside the
 * key, comments, overrides, reopening, releasing feedback, amending this assignment's key and
 * moving it to a new key version. Every call checks the TEACHER role and that the signed-in
 * teacher teaches the assignment's class (through {@link AssignmentService#forTeacher}); every
 * change of the key re-scores all submitted attempts in the same transaction.
 */
@Service
public class ResultsService {

    static final int MAX_COMMENT = 2000;
    static final int POPULAR_LIMIT = 15;

    private final CurrentUser currentUser;
    private final AssignmentService assignments;
    private final LibraryPins library;
    private final SubmissionRepository submissions;
    private final GradingRepository grading;
    private final Grader grader;
    private final Clock clock;

    ResultsService(CurrentUser currentUser, AssignmentService assignments, LibraryPins library,
            SubmissionRepository submissions, GradingRepository grading, Grader grader, Clock clock) {
        this.currentUser = currentUser;
        this.assignments = assignments;
        this.library = library;
        this.submissions = submissions;
        this.grading = grading;
        this.grader = grader;
        this.clock = clock;
    }

    /** The results of an assignment of the teacher's class; empty for anything else. */
    @Transactional(readOnly = true)
    @TeacherOfAssignment
    public Optional<Results> results(UUID assignmentId) {
        Optional<TeacherAssignment> found = assignments.forTeacher(assignmentId);
        if (found.isEmpty() || found.get().articleVersionId() == null) {
            return Optional.empty();
        }
        TeacherAssignment assignment = found.get();
        GradingRepository.AssignmentFacts facts = grading.assignment(assignmentId).orElseThrow();
        Optional<Grader.Context> context = grader.context(facts, null);
        String text = context.map(Grader.Context::text).orElseGet(() -> grader.text(facts));
        Instant now = clock.instant();
        List<Results.StudentResult> rows = new ArrayList<>();
        List<Alternatives.ScoredAttempt> latest = new ArrayList<>();
        for (RosterEntry student : assignment.roster()) {
            Optional<UUID> submission = grading.submissionOf(assignmentId, student.studentId());
            List<GradingRepository.AttemptRow> attempts = submission.map(grading::attemptsOf).orElse(List.of());
            Instant due = assignment.dueFor(student.studentId());
            List<Results.AttemptResult> attemptResults = new ArrayList<>();
            for (GradingRepository.AttemptRow a : attempts) {
                attemptResults.add(new Results.AttemptResult(a.id(), a.number(), a.submittedAt(),
                        a.submittedAt() != null && a.submittedAt().isAfter(due), grading.latestScore(a.id()).orElse(null)));
            }
            GradingRepository.AttemptRow current = attempts.isEmpty() ? null : attempts.getLast();
            int marks = current == null ? 0 : submissions.liveMarkCount(current.id());
            Results.Status status;
            if (current == null) {
                status = now.isBefore(due) ? Results.Status.NOT_STARTED : Results.Status.MISSING;
            } else if (current.submittedAt() == null) {
                status = now.isBefore(due) ? Results.Status.IN_PROGRESS : Results.Status.MISSING;
            } else {
                status = current.submittedAt().isAfter(due) ? Results.Status.LATE : Results.Status.SUBMITTED;
            }
            Double gain = null;
            if (attemptResults.size() == 2 && attemptResults.get(0).score() != null && attemptResults.get(1).score() != null) {
                gain = Math.round(10 * (attemptResults.get(1).score().score() - attemptResults.get(0).score().score())) / 10.0;
            }
            rows.add(new Results.StudentResult(student.studentId(), student.displayName(), student.username(), status, marks,
                    attemptResults, gain));
            if (context.isPresent()) {
                attempts.stream().filter(a -> a.submittedAt() != null).reduce((x, y) -> y).ifPresent(a -> {
                    List<SavedMark> saved = submissions.liveMarks(a.id());
                    latest.add(new Alternatives.ScoredAttempt(student.studentId().toString(), Grader.scoringMarks(saved),
                            grader.score(context.get(), saved)));
                });
            }
        }
        List<Results.PopularSpan> spans = new ArrayList<>();
        List<Results.PopularType> types = new ArrayList<>();
        if (context.isPresent()) {
            Map<String, Grader.GradedClaim> claims = new HashMap<>();
            context.get().claims().forEach(c -> claims.put(c.id(), c));
            for (Alternatives.PopularSpan p : Alternatives.popularSpans(context.get().tokens(), context.get().key(), latest,
                    facts.threshold())) {
                Grader.GradedClaim claim = p.overlapsClaim() == null ? null : claims.get(p.overlapsClaim());
                spans.add(new Results.PopularSpan(p.start(), p.end(), text.substring(p.start(), p.end()), p.students(),
                        p.commonType(), p.overlapsClaim(), claim == null ? null : claim.exact()));
            }
            for (Alternatives.PopularType p : Alternatives.popularTypes(context.get().key(), latest)) {
                types.add(new Results.PopularType(p.claimId(), claims.get(p.claimId()).exact(), p.type(), p.students()));
            }
        }
        Results.KeyNotice notice = null;
        if (assignment.keyVersionId() != null) {
            notice = library.newerKeyVersion(assignment.schoolId(), assignment.keyVersionId())
                    .filter(v -> !v.id().equals(assignment.keyVersionIgnoredId()))
                    .map(v -> new Results.KeyNotice(v.id(), v.createdAt(), v.notes()))
                    .orElse(null);
        }
        return Optional.of(new Results(assignment, text, context.isPresent(), rows, notice,
                spans.stream().limit(POPULAR_LIMIT).toList(), types.stream().limit(POPULAR_LIMIT).toList(),
                grading.amendments(assignmentId)));
    }

    /** One attempt of a student of the teacher's class, beside the key, with its score history. */
    @Transactional(readOnly = true)
    @TeacherOfAttempt
    public Optional<TeacherReview> review(UUID attemptId) {
        Optional<Owned> owned = owned(attemptId);
        if (owned.isEmpty()) {
            return Optional.empty();
        }
        Owned o = owned.get();
        GradingRepository.AssignmentFacts facts = grading.assignment(o.assignment().id()).orElseThrow();
        Grader.Context context = grader.context(facts, null)
                .orElseThrow(() -> new UserFacingException("This assignment has no answer key, so there is nothing to compare."));
        List<GradingRepository.AttemptRow> attempts = grading.attemptsOf(o.attempt().submissionId());
        GradingRepository.AttemptRow row = attempts.stream().filter(a -> a.id().equals(attemptId)).findFirst().orElseThrow();
        String student = o.assignment().roster().stream().filter(r -> r.studentId().equals(o.attempt().studentId()))
                .map(RosterEntry::displayName).findFirst().orElse("A former student of the class");
        return Optional.of(new TeacherReview(o.assignment().id(), o.assignment().timeZone(), student, context.text(), submissions.liveMarks(attemptId),
                grader.review(context, row, true), row.number() == attempts.getLast().number()));
    }

    /** A comment on the attempt, seen by its student with their feedback. */
    @Transactional
    @TeacherOfAttempt
    public void comment(UUID attemptId, String body) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new UserFacingException("Write a comment first.");
        }
        if (text.length() > MAX_COMMENT) {
            throw new UserFacingException("Keep the comment under " + MAX_COMMENT + " characters.");
        }
        ownedOrThrow(attemptId);
        grading.insertComment(attemptId, teacher.accountId(), text, now());
    }

    /**
     * Sets the attempt's score, or with {@code score} null lets the rules' score count again. The
     * comment says why; it is kept in the score history.
     */
    @Transactional
    @TeacherOfAttempt
    public void override(UUID attemptId, @Nullable Double score, String comment) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        String why = comment == null ? "" : comment.strip();
        if (score != null && (score.isNaN() || score < 0 || score > 100)) {
            throw new UserFacingException("A score is between 0 and 100.");
        }
        if (score != null && why.isEmpty()) {
            throw new UserFacingException("Say in a few words why you set this score; it is kept with the score.");
        }
        if (why.length() > MAX_COMMENT) {
            throw new UserFacingException("Keep the reason under " + MAX_COMMENT + " characters.");
        }
        Owned o = ownedOrThrow(attemptId);
        GradingRepository.AssignmentFacts facts = grading.lockAssignment(o.assignment().id(), true).orElseThrow();
        if (o.attempt().submittedAt() == null) {
            throw new UserFacingException("Only submitted work has a score to change.");
        }
        Grader.Context context = grader.context(facts, null)
                .orElseThrow(() -> new UserFacingException("This assignment has no answer key, so it has no scores."));
        boolean overridden = grading.latestScore(attemptId).map(ScoreEntry::overridden).orElse(false);
        if (score == null && !overridden) {
            throw new UserFacingException("This score is the rules' score already.");
        }
        Double rounded = score == null ? null : Math.round(score * 10) / 10.0;
        grader.override(context, attemptId, rounded, teacher.accountId(), why.isEmpty() ? null : why, now());
    }

    /** Lets the student change a submitted attempt again; its scores stay in the history. */
    @Transactional
    @TeacherOfAttempt
    public void reopen(UUID attemptId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        Owned o = ownedOrThrow(attemptId);
        grading.lockAssignment(o.assignment().id(), true);
        if (!grading.reopen(attemptId, teacher.accountId(), now())) {
            throw new UserFacingException("Only the latest submitted attempt can be reopened.");
        }
    }

    @Transactional
    @TeacherOfAssignment
    public void releaseFeedback(UUID assignmentId) {
        assignments.releaseFeedback(assignmentId);
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
        GradingRepository.AssignmentFacts facts = lockOwned(assignmentId);
        Grader.Context before = grader.context(facts, null)
                .orElseThrow(() -> new UserFacingException("This assignment has no answer key to amend."));
        String text = before.text();
        if (start < 0 || end <= start || end > text.length() || end - start > 2000) {
            throw new UserFacingException("That passage is not in the article.");
        }
        Instant now = now();
        if (claimId != null) {
            if (before.claims().stream().noneMatch(c -> c.id().equals(claimId))) {
                throw new UserFacingException("That claim is not in this assignment's key.");
            }
            grading.insertAmendment(UUID.randomUUID(), assignmentId, KeyAmendment.Kind.ALTERNATIVE_SPAN, claimId, start, end,
                    text.substring(start, end), null, teacher.accountId(), now);
        } else {
            String id = "t" + UUID.randomUUID().toString().substring(0, 8);
            grading.insertAmendment(UUID.randomUUID(), assignmentId, KeyAmendment.Kind.ADDED_CLAIM, id, start, end,
                    text.substring(start, end), type, teacher.accountId(), now);
        }
        return rescore(facts, ScoreCause.KEY_AMENDED, teacher, now);
    }

    /** Accepts another type for a key claim of this assignment; re-scores every submitted attempt. */
    @Transactional
    @TeacherOfAssignment
    public int acceptType(UUID assignmentId, String claimId, ClaimType type) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        GradingRepository.AssignmentFacts facts = lockOwned(assignmentId);
        Grader.Context before = grader.context(facts, null)
                .orElseThrow(() -> new UserFacingException("This assignment has no answer key to amend."));
        Grader.GradedClaim claim = before.claims().stream().filter(c -> c.id().equals(claimId)).findFirst()
                .orElseThrow(() -> new UserFacingException("That claim is not in this assignment's key."));
        if (claim.accepted().contains(type)) {
            throw new UserFacingException("The key accepts that type for this claim already.");
        }
        Instant now = now();
        grading.insertAmendment(UUID.randomUUID(), assignmentId, KeyAmendment.Kind.ALTERNATIVE_TYPE, claimId, null, null, null,
                type, teacher.accountId(), now);
        return rescore(facts, ScoreCause.KEY_AMENDED, teacher, now);
    }

    /** Withdraws an amendment; re-scores every submitted attempt. */
    @Transactional
    @TeacherOfAssignment
    public int withdrawAmendment(UUID assignmentId, UUID amendmentId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        GradingRepository.AssignmentFacts facts = lockOwned(assignmentId);
        Instant now = now();
        if (!grading.withdrawAmendment(amendmentId, assignmentId, teacher.accountId(), now)) {
            throw new UserFacingException("That change of the key was already withdrawn.");
        }
        return rescore(facts, ScoreCause.KEY_AMENDED, teacher, now);
    }

    /** What moving to the newer key version would change, attempt by attempt; nothing is stored. */
    @Transactional(readOnly = true)
    @TeacherOfAssignment
    public KeyPreview previewKeyVersion(UUID assignmentId) {
        TeacherAssignment assignment = assignments.forTeacher(assignmentId)
                .orElseThrow(() -> new UserFacingException("That assignment does not exist."));
        GradingRepository.AssignmentFacts facts = grading.assignment(assignmentId).orElseThrow();
        LibraryPins.KeyVersion newer = newer(assignment);
        Grader.Context now = grader.context(facts, null).orElseThrow();
        Grader.Context next = grader.context(facts, newer.id()).orElseThrow();
        Map<UUID, String> names = new HashMap<>();
        assignment.roster().forEach(r -> names.put(r.studentId(), r.displayName()));
        List<GradingRepository.SubmittedAttempt> attempts = grading.submittedAttempts(assignmentId);
        List<KeyPreview.Change> changes = new ArrayList<>();
        for (GradingRepository.SubmittedAttempt a : attempts) {
            List<SavedMark> marks = submissions.liveMarks(a.attemptId());
            double before = grader.score(now, marks).score();
            double after = grader.score(next, marks).score();
            if (before != after) {
                boolean overridden = grading.latestScore(a.attemptId()).map(ScoreEntry::overridden).orElse(false);
                changes.add(new KeyPreview.Change(names.getOrDefault(a.studentId(), "A former student of the class"),
                        a.number(), before, after, overridden));
            }
        }
        changes.sort(java.util.Comparator.comparing(KeyPreview.Change::student).thenComparingInt(KeyPreview.Change::attempt));
        return new KeyPreview(facts.keyVersionId(), newer.id(), newer.notes(), attempts.size(), changes);
    }

    /** Moves the assignment to the newer key version and re-scores every submitted attempt. */
    @Transactional
    @TeacherOfAssignment
    public int acceptKeyVersion(UUID assignmentId, UUID currentVersionId, UUID newVersionId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        TeacherAssignment assignment = assignments.forTeacher(assignmentId)
                .orElseThrow(() -> new UserFacingException("That assignment does not exist."));
        grading.lockAssignment(assignmentId, true);
        if (!newer(assignment).id().equals(newVersionId)) {
            throw new UserFacingException("The library key changed again meanwhile. Reload the page to see the latest.");
        }
        assignments.pinKeyVersion(assignmentId, currentVersionId, newVersionId, true);
        GradingRepository.AssignmentFacts facts = grading.assignment(assignmentId).orElseThrow();
        return rescore(facts, ScoreCause.KEY_VERSION, teacher, now());
    }

    /** Keeps the pinned key version; the notice stays away until yet another version comes. */
    @Transactional
    @TeacherOfAssignment
    public void ignoreKeyVersion(UUID assignmentId, UUID currentVersionId, UUID newVersionId) {
        TeacherAssignment assignment = assignments.forTeacher(assignmentId)
                .orElseThrow(() -> new UserFacingException("That assignment does not exist."));
        grading.lockAssignment(assignmentId, true);
        if (!newer(assignment).id().equals(newVersionId)) {
            throw new UserFacingException("The library key changed again meanwhile. Reload the page to see the latest.");
        }
        assignments.pinKeyVersion(assignmentId, currentVersionId, newVersionId, false);
    }

    private LibraryPins.KeyVersion newer(TeacherAssignment assignment) {
        if (assignment.keyVersionId() == null) {
            throw new UserFacingException("This assignment has no answer key.");
        }
        return library.newerKeyVersion(assignment.schoolId(), assignment.keyVersionId())
                .orElseThrow(() -> new UserFacingException("There is no newer version of this key."));
    }

    private int rescore(GradingRepository.AssignmentFacts facts, ScoreCause cause, LateralUser teacher, Instant now) {
        Grader.Context context = grader.context(facts, null).orElseThrow();
        return grader.rescoreAll(context, cause, teacher.accountId(), now);
    }

    private GradingRepository.AssignmentFacts lockOwned(UUID assignmentId) {
        assignments.forTeacher(assignmentId).orElseThrow(() -> new UserFacingException("That assignment does not exist."));
        return grading.lockAssignment(assignmentId, true)
                .orElseThrow(() -> new UserFacingException("That assignment does not exist."));
    }

    private record Owned(TeacherAssignment assignment, SubmissionRepository.Attempt attempt) {}

    private Optional<Owned> owned(UUID attemptId) {
        currentUser.require(Role.TEACHER);
        return submissions.attempt(attemptId)
                .flatMap(a -> assignments.forTeacher(a.assignmentId()).map(t -> new Owned(t, a)));
    }

    private Owned ownedOrThrow(UUID attemptId) {
        return owned(attemptId).orElseThrow(() -> new UserFacingException("That work does not exist."));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
