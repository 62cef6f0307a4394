package org.lateral.submission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.AnchoredSpan;
import org.lateral.base.highlighter.SavedMark;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Submissions, attempts and marks; a mark is saved only with a higher sequence (DD004). See DD010. */
@Repository
class SubmissionRepository {

    private final JdbcClient jdbc;

    SubmissionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An attempt at one step of a lesson (DD013). */
    record Attempt(
            UUID id,
            UUID submissionId,
            UUID assignmentId,
            UUID studentId,
            int step,
            int number,
            @Nullable Instant submittedAt) {}

    /** The student's submission for the assignment, created on first use (one per student, by constraint). */
    UUID ensureSubmission(UUID schoolId, UUID assignmentId, UUID studentId, Instant now) {
        jdbc.sql("""
                INSERT INTO submission (id, school_id, assignment_id, student_id, started_at)
                VALUES (:id, :school, :assignment, :student, :now)
                ON CONFLICT (assignment_id, student_id) DO NOTHING
                """)
                .param("id", UUID.randomUUID())
                .param("school", schoolId)
                .param("assignment", assignmentId)
                .param("student", studentId)
                .param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("SELECT id FROM submission WHERE assignment_id = :a AND student_id = :s")
                .param("a", assignmentId)
                .param("s", studentId)
                .query(UUID.class)
                .single();
    }

    /** Every attempt of the submission, by step, then number. */
    List<Attempt> attempts(UUID submissionId) {
        return jdbc.sql("""
                SELECT t.id, t.submission_id, s.assignment_id, s.student_id, t.step, t.number, t.submitted_at
                  FROM attempt t JOIN submission s ON s.id = t.submission_id
                 WHERE t.submission_id = :submission ORDER BY t.step, t.number
                """)
                .param("submission", submissionId)
                .query(SubmissionRepository::attempt)
                .list();
    }

    /**
     * The step's attempt with this number, creating it when there is none. A new attempt of a
     * later round starts from a copy of the step's previous attempt (a revision keeps the work).
     */
    Attempt ensureAttempt(UUID submissionId, int step, int number, Instant now) {
        return ensureAttempt(submissionId, step, number, null, now);
    }

    /**
     * As {@link #ensureAttempt(UUID, int, int, Instant)}, for a step that links the claims of the
     * lesson's claims step: the copied links keep only claims that are live marks of that step's
     * attempt with the new number (a mark deleted in the revision's step 1 takes its links along).
     */
    Attempt ensureAttempt(UUID submissionId, int step, int number, @Nullable Integer claimsStep, Instant now) {
        Optional<Attempt> previous = number > 1 ? attemptOf(submissionId, step, number - 1) : Optional.empty();
        UUID id = UUID.randomUUID();
        int created = jdbc.sql("""
                INSERT INTO attempt (id, submission_id, step, number, started_at)
                VALUES (:id, :submission, :step, :number, :now)
                ON CONFLICT (submission_id, step, number) DO NOTHING
                """)
                .param("id", id)
                .param("submission", submissionId)
                .param("step", step)
                .param("number", number)
                .param("now", Timestamp.from(now))
                .update();
        if (created == 1 && previous.isPresent()) {
            copyWork(previous.get().id(), id, claimsStep, now);
        }
        return attemptOf(submissionId, step, number).orElseThrow();
    }

    private Optional<Attempt> attemptOf(UUID submissionId, int step, int number) {
        return jdbc.sql("""
                SELECT t.id, t.submission_id, s.assignment_id, s.student_id, t.step, t.number, t.submitted_at
                  FROM attempt t JOIN submission s ON s.id = t.submission_id
                 WHERE t.submission_id = :submission AND t.step = :step AND t.number = :number
                """)
                .param("submission", submissionId)
                .param("step", step)
                .param("number", number)
                .query(SubmissionRepository::attempt)
                .optional();
    }

    /**
     * Copies an attempt's live work into a new attempt, every item under its own id with seq 1:
     * marks, and sources with their mentions and links. Ids are kept, so a link's claim (a mark id
     * of the claims step's attempt of the same number) stays valid in the next round.
     */
    void copyWork(UUID from, UUID to, @Nullable Integer claimsStep, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.sql("""
                INSERT INTO mark (attempt_id, mark_id, seq, start_offset, end_offset, exact, prefix, suffix, claim_type,
                                  deleted, created_at, updated_at)
                SELECT :to, mark_id, 1, start_offset, end_offset, exact, prefix, suffix, claim_type, false, :now, :now
                  FROM mark WHERE attempt_id = :from AND NOT deleted
                """).param("to", to).param("from", from).param("now", at).update();
        jdbc.sql("""
                INSERT INTO student_source (attempt_id, source_id, seq, name, kind, origin, relayed_from, deleted,
                                            created_at, updated_at)
                SELECT :to, source_id, 1, name, kind, origin, relayed_from, false, :now, :now
                  FROM student_source WHERE attempt_id = :from AND NOT deleted
                """).param("to", to).param("from", from).param("now", at).update();
        jdbc.sql("""
                INSERT INTO source_mention (attempt_id, mention_id, seq, source_id, start_offset, end_offset, exact, prefix,
                                            suffix, deleted, created_at, updated_at)
                SELECT :to, m.mention_id, 1, m.source_id, m.start_offset, m.end_offset, m.exact, m.prefix, m.suffix, false,
                       :now, :now
                  FROM source_mention m
                  JOIN student_source s ON s.attempt_id = m.attempt_id AND s.source_id = m.source_id AND NOT s.deleted
                 WHERE m.attempt_id = :from AND NOT m.deleted
                """).param("to", to).param("from", from).param("now", at).update();
        jdbc.sql("""
                INSERT INTO claim_link (attempt_id, link_id, seq, claim_ref, source_id, deleted, created_at, updated_at)
                SELECT :to, l.link_id, 1, l.claim_ref, l.source_id, false, :now, :now
                  FROM claim_link l
                  LEFT JOIN student_source s ON s.attempt_id = l.attempt_id AND s.source_id = l.source_id
                 WHERE l.attempt_id = :from AND NOT l.deleted AND (l.source_id IS NULL OR NOT s.deleted)
                   AND (CAST(:claimsStep AS smallint) IS NULL OR l.claim_ref IN (
                        SELECT m.mark_id::text FROM mark m
                          JOIN attempt c ON c.id = m.attempt_id
                          JOIN attempt t ON t.id = :to
                         WHERE c.submission_id = t.submission_id AND c.step = CAST(:claimsStep AS smallint)
                           AND c.number = t.number AND NOT m.deleted))
                """)
                .param("to", to)
                .param("from", from)
                .param("now", at)
                .param("claimsStep", claimsStep)
                .update();
        // Compare-outlets work (DD015): grids, live spans, cells, lateral-reading notes, the
        // judgement; the teacher's grade of the judgement stays with the attempt it graded.
        jdbc.sql("""
                INSERT INTO compare_grid (attempt_id, article_id, seq, framing, named_sources, anonymous_sources, reporting,
                                          relayed_from, includes, outlet_kind, created_at, updated_at)
                SELECT :to, article_id, 1, framing, named_sources, anonymous_sources, reporting, relayed_from, includes,
                       outlet_kind, :now, :now
                  FROM compare_grid WHERE attempt_id = :from
                """).param("to", to).param("from", from).param("now", at).update();
        jdbc.sql("""
                INSERT INTO compare_span (attempt_id, span_id, seq, article_id, kind, start_offset, end_offset, exact, prefix,
                                          suffix, deleted, created_at, updated_at)
                SELECT :to, span_id, 1, article_id, kind, start_offset, end_offset, exact, prefix, suffix, false, :now, :now
                  FROM compare_span WHERE attempt_id = :from AND NOT deleted
                """).param("to", to).param("from", from).param("now", at).update();
        jdbc.sql("""
                INSERT INTO compare_cell (attempt_id, claim_id, article_id, seq, carried, start_offset, end_offset, exact,
                                          prefix, suffix, created_at, updated_at)
                SELECT :to, claim_id, article_id, 1, carried, start_offset, end_offset, exact, prefix, suffix, :now, :now
                  FROM compare_cell WHERE attempt_id = :from
                """).param("to", to).param("from", from).param("now", at).update();
        jdbc.sql("""
                INSERT INTO lateral_note (attempt_id, outlet_id, seq, address, note, created_at, updated_at)
                SELECT :to, outlet_id, 1, address, note, :now, :now FROM lateral_note WHERE attempt_id = :from
                """).param("to", to).param("from", from).param("now", at).update();
        jdbc.sql("""
                INSERT INTO compare_judgement (attempt_id, seq, judgement, created_at, updated_at)
                SELECT :to, 1, judgement, :now, :now FROM compare_judgement WHERE attempt_id = :from
                """).param("to", to).param("from", from).param("now", at).update();
    }

    /** The attempt, locked for this transaction so saves of one attempt run one after another. */
    Optional<Attempt> lockAttempt(UUID attemptId) {
        return jdbc.sql("""
                SELECT t.id, t.submission_id, s.assignment_id, s.student_id, t.step, t.number, t.submitted_at
                  FROM attempt t JOIN submission s ON s.id = t.submission_id
                 WHERE t.id = :id FOR UPDATE OF t
                """)
                .param("id", attemptId)
                .query(SubmissionRepository::attempt)
                .optional();
    }

    Optional<Attempt> attempt(UUID attemptId) {
        return jdbc.sql("""
                SELECT t.id, t.submission_id, s.assignment_id, s.student_id, t.step, t.number, t.submitted_at
                  FROM attempt t JOIN submission s ON s.id = t.submission_id WHERE t.id = :id
                """)
                .param("id", attemptId)
                .query(SubmissionRepository::attempt)
                .optional();
    }

    /** A live mark with its times, for the annotation export (DD016). */
    record TimedMark(UUID markId, int start, int end, String type, Instant created, Instant updated) {}

    List<TimedMark> liveTimedMarks(UUID attemptId) {
        return jdbc.sql("""
                SELECT mark_id, start_offset, end_offset, claim_type, created_at, updated_at FROM mark
                 WHERE attempt_id = :a AND NOT deleted ORDER BY start_offset, end_offset, mark_id
                """)
                .param("a", attemptId)
                .query((rs, n) -> new TimedMark(
                        rs.getObject("mark_id", UUID.class),
                        rs.getInt("start_offset"),
                        rs.getInt("end_offset"),
                        rs.getString("claim_type"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    List<SavedMark> liveMarks(UUID attemptId) {
        return jdbc.sql("""
                SELECT mark_id, seq, start_offset, end_offset, exact, claim_type FROM mark
                 WHERE attempt_id = :a AND NOT deleted ORDER BY start_offset, end_offset, mark_id
                """)
                .param("a", attemptId)
                .query((rs, n) -> new SavedMark(
                        rs.getString("mark_id"),
                        rs.getInt("seq"),
                        rs.getInt("start_offset"),
                        rs.getInt("end_offset"),
                        rs.getString("exact"),
                        rs.getString("claim_type")))
                .list();
    }

    /** What a mark save checks before writing: the mark's stored seq, if any, and the attempt's counts. */
    record MarkTally(@Nullable Integer storedSeq, int live, int stored) {}

    /**
     * The mark's stored seq, the attempt's live marks and all its stored rows (deleted ones
     * included) in one statement: every mark a student saves needs the first and a new mark the
     * others (issue 18: one round trip instead of three).
     */
    MarkTally markTally(UUID attemptId, UUID markId) {
        return jdbc.sql("""
                SELECT max(seq) FILTER (WHERE mark_id = :m) AS seq,
                       count(*) FILTER (WHERE NOT deleted) AS live, count(*) AS stored
                  FROM mark WHERE attempt_id = :a
                """)
                .param("a", attemptId)
                .param("m", markId)
                .query((rs, n) ->
                        new MarkTally(rs.getObject("seq", Integer.class), rs.getInt("live"), rs.getInt("stored")))
                .single();
    }

    Optional<Integer> storedSeq(UUID attemptId, UUID markId) {
        return jdbc.sql("SELECT seq FROM mark WHERE attempt_id = :a AND mark_id = :m")
                .param("a", attemptId)
                .param("m", markId)
                .query(Integer.class)
                .optional();
    }

    /** Applies the save only when its seq is higher than the stored one; true when applied. */
    boolean upsert(UUID attemptId, UUID markId, int seq, AnchoredSpan span, String type, boolean deleted, Instant now) {
        return jdbc.sql("""
                INSERT INTO mark (attempt_id, mark_id, seq, start_offset, end_offset, exact, prefix, suffix, claim_type,
                                  deleted, created_at, updated_at)
                VALUES (:a, :m, :seq, :start, :end, :exact, :prefix, :suffix, :type, :deleted, :now, :now)
                ON CONFLICT (attempt_id, mark_id) DO UPDATE
                   SET seq = EXCLUDED.seq, start_offset = EXCLUDED.start_offset, end_offset = EXCLUDED.end_offset,
                       exact = EXCLUDED.exact, prefix = EXCLUDED.prefix, suffix = EXCLUDED.suffix,
                       claim_type = EXCLUDED.claim_type, deleted = EXCLUDED.deleted, updated_at = EXCLUDED.updated_at
                 WHERE mark.seq < EXCLUDED.seq
                """)
                        .param("a", attemptId)
                        .param("m", markId)
                        .param("seq", seq)
                        .param("start", span.start())
                        .param("end", span.end())
                        .param("exact", span.exact())
                        .param("prefix", span.prefix())
                        .param("suffix", span.suffix())
                        .param("type", type)
                        .param("deleted", deleted)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Final for the attempt: false when it was already submitted. */
    boolean submit(Attempt attempt, Instant now) {
        return jdbc.sql("UPDATE attempt SET submitted_at = :now WHERE id = :id AND submitted_at IS NULL")
                        .param("id", attempt.id())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** The lesson is submitted: every step of its latest round is (DD013). */
    void submitLesson(UUID submissionId, Instant now) {
        jdbc.sql("UPDATE submission SET submitted_at = :now WHERE id = :id")
                .param("id", submissionId)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The lesson takes work again (a revision started): its submission is no longer submitted. */
    void reopenLesson(UUID submissionId) {
        jdbc.sql("UPDATE submission SET submitted_at = NULL WHERE id = :s")
                .param("s", submissionId)
                .update();
    }

    private static Attempt attempt(ResultSet rs, int row) throws SQLException {
        OffsetDateTime submitted = rs.getObject("submitted_at", OffsetDateTime.class);
        return new Attempt(
                rs.getObject("id", UUID.class),
                rs.getObject("submission_id", UUID.class),
                rs.getObject("assignment_id", UUID.class),
                rs.getObject("student_id", UUID.class),
                rs.getInt("step"),
                rs.getInt("number"),
                submitted == null ? null : submitted.toInstant());
    }
}
