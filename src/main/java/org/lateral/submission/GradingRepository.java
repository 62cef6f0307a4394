package org.lateral.submission;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.library.ClaimType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Scores, key amendments, comments and the results overview of an assignment. See DD010. */
@Repository
class GradingRepository {

    private final JdbcClient jdbc;

    GradingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What scoring an assignment's attempts needs to know about the assignment. */
    record AssignmentFacts(UUID id, UUID schoolId, UUID articleVersionId, @Nullable UUID keyVersionId, double threshold) {}

    /**
     * The assignment's facts, locked: {@code exclusive} for a change of its key (amendment,
     * version switch), shared for a submission, so a submission is scored either before or after
     * a key change and never with a stale key.
     */
    Optional<AssignmentFacts> lockAssignment(UUID assignmentId, boolean exclusive) {
        return facts(assignmentId, exclusive ? " FOR UPDATE" : " FOR SHARE");
    }

    Optional<AssignmentFacts> assignment(UUID assignmentId) {
        return facts(assignmentId, "");
    }

    private Optional<AssignmentFacts> facts(UUID assignmentId, String lock) {
        return jdbc.sql("""
                SELECT id, school_id, article_version_id, key_version_id, match_threshold FROM assignment
                 WHERE id = :id AND article_version_id IS NOT NULL
                """ + lock)
                .param("id", assignmentId)
                .query((rs, n) -> new AssignmentFacts(rs.getObject("id", UUID.class), rs.getObject("school_id", UUID.class),
                        rs.getObject("article_version_id", UUID.class), rs.getObject("key_version_id", UUID.class),
                        rs.getDouble("match_threshold")))
                .optional();
    }

    List<KeyAmendment> amendments(UUID assignmentId) {
        return jdbc.sql("""
                SELECT m.id, m.kind, m.claim_id, m.start_offset, m.end_offset, m.exact, m.claim_type, m.created_at,
                       a.display_name
                  FROM key_amendment m JOIN account a ON a.id = m.created_by
                 WHERE m.assignment_id = :a AND m.withdrawn_at IS NULL
                 ORDER BY m.created_at, m.id
                """)
                .param("a", assignmentId)
                .query((rs, n) -> new KeyAmendment(rs.getObject("id", UUID.class), KeyAmendment.Kind.fromCode(rs.getString("kind")).orElseThrow(),
                        rs.getString("claim_id"), (Integer) rs.getObject("start_offset"), (Integer) rs.getObject("end_offset"),
                        rs.getString("exact"),
                        rs.getString("claim_type") == null ? null : ClaimType.fromCode(rs.getString("claim_type")).orElseThrow(),
                        rs.getString("display_name"), instant(rs, "created_at")))
                .list();
    }

    void insertAmendment(UUID id, UUID assignmentId, KeyAmendment.Kind kind, String claimId, @Nullable Integer start,
            @Nullable Integer end, @Nullable String exact, @Nullable ClaimType type, UUID by, Instant now) {
        jdbc.sql("""
                INSERT INTO key_amendment (id, assignment_id, kind, claim_id, start_offset, end_offset, exact, claim_type,
                                           created_by, created_at)
                VALUES (:id, :a, :kind, :claim, :start, :end, :exact, :type, :by, :now)
                """)
                .param("id", id).param("a", assignmentId).param("kind", kind.code()).param("claim", claimId)
                .param("start", start).param("end", end).param("exact", exact)
                .param("type", type == null ? null : type.code()).param("by", by).param("now", Timestamp.from(now))
                .update();
    }

    boolean withdrawAmendment(UUID id, UUID assignmentId, UUID by, Instant now) {
        return jdbc.sql("""
                UPDATE key_amendment SET withdrawn_at = :now, withdrawn_by = :by
                 WHERE id = :id AND assignment_id = :a AND withdrawn_at IS NULL
                """)
                .param("id", id).param("a", assignmentId).param("by", by).param("now", Timestamp.from(now)).update() == 1;
    }

    /** Every submitted attempt of the assignment, with its student. */
    record SubmittedAttempt(UUID attemptId, UUID studentId, int number) {}

    List<SubmittedAttempt> submittedAttempts(UUID assignmentId) {
        return jdbc.sql("""
                SELECT t.id, s.student_id, t.number FROM attempt t JOIN submission s ON s.id = t.submission_id
                 WHERE s.assignment_id = :a AND t.submitted_at IS NOT NULL ORDER BY s.student_id, t.number
                """)
                .param("a", assignmentId)
                .query((rs, n) -> new SubmittedAttempt(rs.getObject("id", UUID.class), rs.getObject("student_id", UUID.class),
                        rs.getInt("number")))
                .list();
    }

    /** Attempts of one student's submission, oldest first. */
    record AttemptRow(UUID id, int number, Instant startedAt, @Nullable Instant submittedAt, @Nullable Instant reopenedAt) {}

    List<AttemptRow> attemptsOf(UUID submissionId) {
        return jdbc.sql("""
                SELECT id, number, started_at, submitted_at, reopened_at FROM attempt
                 WHERE submission_id = :s ORDER BY number
                """)
                .param("s", submissionId)
                .query((rs, n) -> new AttemptRow(rs.getObject("id", UUID.class), rs.getInt("number"), instant(rs, "started_at"),
                        nullableInstant(rs, "submitted_at"), nullableInstant(rs, "reopened_at")))
                .list();
    }

    Optional<UUID> submissionOf(UUID assignmentId, UUID studentId) {
        return jdbc.sql("SELECT id FROM submission WHERE assignment_id = :a AND student_id = :s")
                .param("a", assignmentId).param("s", studentId).query(UUID.class).optional();
    }

    /** A new attempt, numbered after the latest, starting from a copy of the given attempt's live marks. */
    UUID startAttemptFrom(UUID submissionId, SubmissionRepository.Attempt from, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO attempt (id, submission_id, number, started_at) VALUES (:id, :s, :n, :now)")
                .param("id", id).param("s", submissionId).param("n", from.number() + 1).param("now", Timestamp.from(now))
                .update();
        jdbc.sql("""
                INSERT INTO mark (attempt_id, mark_id, seq, start_offset, end_offset, exact, prefix, suffix, claim_type,
                                  deleted, created_at, updated_at)
                SELECT :id, mark_id, 1, start_offset, end_offset, exact, prefix, suffix, claim_type, false, :now, :now
                  FROM mark WHERE attempt_id = :from AND NOT deleted
                """)
                .param("id", id).param("from", from.id()).param("now", Timestamp.from(now)).update();
        jdbc.sql("UPDATE submission SET submitted_at = NULL WHERE id = :s").param("s", submissionId).update();
        return id;
    }

    boolean reopen(UUID attemptId, UUID by, Instant now) {
        int updated = jdbc.sql("""
                UPDATE attempt SET submitted_at = NULL, reopened_at = :now, reopened_by = :by
                 WHERE id = :id AND submitted_at IS NOT NULL
                   AND number = (SELECT max(number) FROM attempt x WHERE x.submission_id = attempt.submission_id)
                """)
                .param("id", attemptId).param("by", by).param("now", Timestamp.from(now)).update();
        if (updated == 1) {
            jdbc.sql("UPDATE submission SET submitted_at = NULL WHERE id = (SELECT submission_id FROM attempt WHERE id = :id)")
                    .param("id", attemptId).update();
        }
        return updated == 1;
    }

    /** The attempt's score: its latest row (one indexed row, for the results list). */
    Optional<ScoreEntry> latestScore(UUID attemptId) {
        return jdbc.sql(SCORES + " ORDER BY s.position DESC LIMIT 1").param("a", attemptId)
                .query(GradingRepository::scoreEntry).optional();
    }

    /** The attempt's score rows, oldest first; the last is the score. */
    List<ScoreEntry> history(UUID attemptId) {
        return jdbc.sql(SCORES + " ORDER BY s.position").param("a", attemptId).query(GradingRepository::scoreEntry).list();
    }

    private static final String SCORES = """
            SELECT s.key_version_id, s.amendment_ids, s.rules_version, s.computed, s.score, s.overridden, s.found,
                   s.mislabelled, s.missed, s.extra, s.cause, a.display_name, s.comment, s.created_at
              FROM score s LEFT JOIN account a ON a.id = s.caused_by
             WHERE s.attempt_id = :a
            """;

    private static ScoreEntry scoreEntry(ResultSet rs, int row) throws SQLException {
        return new ScoreEntry(rs.getObject("key_version_id", UUID.class), uuids(rs.getArray("amendment_ids")),
                rs.getString("rules_version"), rs.getDouble("computed"), rs.getDouble("score"),
                rs.getBoolean("overridden"), rs.getInt("found"), rs.getInt("mislabelled"), rs.getInt("missed"),
                rs.getInt("extra"), ScoreCause.fromCode(rs.getString("cause")).orElseThrow(),
                rs.getString("display_name"), rs.getString("comment"), instant(rs, "created_at"));
    }

    void insertScore(UUID attemptId, UUID keyVersionId, List<UUID> amendmentIds, String rulesVersion, double threshold,
            double computed, double score, boolean overridden, int found, int mislabelled, int missed, int extra,
            ScoreCause cause, @Nullable UUID by, @Nullable String comment, Instant now) {
        jdbc.sql("""
                INSERT INTO score (id, attempt_id, key_version_id, amendment_ids, rules_version, threshold, computed, score,
                                   overridden, found, mislabelled, missed, extra, cause, caused_by, comment, created_at)
                VALUES (:id, :a, :key, :amendments, :rules, :threshold, :computed, :score, :overridden, :found,
                        :mislabelled, :missed, :extra, :cause, :by, :comment, :now)
                """)
                .param("id", UUID.randomUUID()).param("a", attemptId).param("key", keyVersionId)
                .param("amendments", amendmentIds.toArray(UUID[]::new)).param("rules", rulesVersion)
                .param("threshold", threshold).param("computed", computed).param("score", score)
                .param("overridden", overridden).param("found", found).param("mislabelled", mislabelled)
                .param("missed", missed).param("extra", extra).param("cause", cause.code()).param("by", by)
                .param("comment", comment).param("now", Timestamp.from(now))
                .update();
    }

    List<AttemptReview.Comment> comments(UUID attemptId) {
        return jdbc.sql("""
                SELECT a.display_name, c.body, c.created_at FROM attempt_comment c JOIN account a ON a.id = c.author_id
                 WHERE c.attempt_id = :a ORDER BY c.created_at, c.id
                """)
                .param("a", attemptId)
                .query((rs, n) -> new AttemptReview.Comment(rs.getString("display_name"), rs.getString("body"),
                        instant(rs, "created_at")))
                .list();
    }

    void insertComment(UUID attemptId, UUID authorId, String body, Instant now) {
        jdbc.sql("INSERT INTO attempt_comment (id, attempt_id, author_id, body, created_at) VALUES (:id, :a, :by, :body, :now)")
                .param("id", UUID.randomUUID()).param("a", attemptId).param("by", authorId).param("body", body)
                .param("now", Timestamp.from(now)).update();
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            ids.add((UUID) o);
        }
        return ids;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
