package org.lateral.submission;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lateral.base.highlighter.SavedMark;
import org.lateral.classroom.AccountNames;
import org.lateral.library.ClaimType;
import org.lateral.library.SourceKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Scores, key amendments, comments and the results overview of an assignment. See DD010. Its SQL
 * names only this feature's tables (TableOwnershipTest): who scored, commented or amended is
 * stored as an account id, and its display name comes from classroom's {@link AccountNames}, in
 * one statement per read however many rows it has.
 */
@Repository
class GradingRepository {

    private final JdbcClient jdbc;
    private final AccountNames accountNames;

    GradingRepository(JdbcClient jdbc, AccountNames accountNames) {
        this.jdbc = jdbc;
        this.accountNames = accountNames;
    }

    List<KeyAmendment> amendments(UUID assignmentId) {
        return jdbc
                .sql("""
                SELECT m.id, m.kind, m.claim_id, m.start_offset, m.end_offset, m.exact, m.claim_type, m.source_kind,
                       m.alias, m.article_id, m.category, m.created_at, m.created_by
                  FROM key_amendment m
                 WHERE m.assignment_id = :a AND m.withdrawn_at IS NULL
                 ORDER BY m.created_at, m.id
                """)
                .param("a", assignmentId)
                .query((rs, n) -> new Authored<>(
                        new KeyAmendment(
                                rs.getObject("id", UUID.class),
                                KeyAmendment.Kind.fromCode(rs.getString("kind")).orElseThrow(),
                                rs.getString("claim_id"),
                                (Integer) rs.getObject("start_offset"),
                                (Integer) rs.getObject("end_offset"),
                                rs.getString("exact"),
                                rs.getString("claim_type") == null
                                        ? null
                                        : ClaimType.fromCode(rs.getString("claim_type"))
                                                .orElseThrow(),
                                rs.getString("source_kind") == null
                                        ? null
                                        : SourceKind.fromCode(rs.getString("source_kind"))
                                                .orElseThrow(),
                                rs.getString("alias"),
                                rs.getObject("article_id", UUID.class),
                                rs.getString("category"),
                                "",
                                instant(rs, "created_at")),
                        rs.getObject("created_by", UUID.class)))
                .list()
                .stream()
                .collect(named((m, name) -> new KeyAmendment(
                        m.id(),
                        m.kind(),
                        m.claimId(),
                        m.start(),
                        m.end(),
                        m.exact(),
                        m.type(),
                        m.sourceKind(),
                        m.alias(),
                        m.articleId(),
                        m.category(),
                        name == null ? "" : name,
                        m.createdAt())));
    }

    void insertAmendment(
            UUID id,
            UUID assignmentId,
            KeyAmendment.Kind kind,
            String claimId,
            @Nullable Integer start,
            @Nullable Integer end,
            @Nullable String exact,
            @Nullable ClaimType type,
            UUID by,
            Instant now) {
        jdbc.sql("""
                INSERT INTO key_amendment (id, assignment_id, kind, claim_id, start_offset, end_offset, exact, claim_type,
                                           created_by, created_at)
                VALUES (:id, :a, :kind, :claim, :start, :end, :exact, :type, :by, :now)
                """)
                .param("id", id)
                .param("a", assignmentId)
                .param("kind", kind.code())
                .param("claim", claimId)
                .param("start", start)
                .param("end", end)
                .param("exact", exact)
                .param("type", type == null ? null : type.code())
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** A teacher's acceptance for a key source of one assignment (DD013): a kind, a name or a span. */
    void insertSourceAmendment(
            UUID assignmentId,
            KeyAmendment.Kind kind,
            String sourceId,
            @Nullable SourceKind sourceKind,
            @Nullable String alias,
            @Nullable Integer start,
            @Nullable Integer end,
            @Nullable String exact,
            UUID by,
            Instant now) {
        jdbc.sql("""
                INSERT INTO key_amendment (id, assignment_id, kind, claim_id, source_kind, alias, start_offset, end_offset,
                                           exact, created_by, created_at)
                VALUES (:id, :a, :kind, :source, :sourceKind, :alias, :start, :end, :exact, :by, :now)
                """)
                .param("id", UUID.randomUUID())
                .param("a", assignmentId)
                .param("kind", kind.code())
                .param("source", sourceId)
                .param("sourceKind", sourceKind == null ? null : sourceKind.code())
                .param("alias", alias)
                .param("start", start)
                .param("end", end)
                .param("exact", exact)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update();
    }

    boolean withdrawAmendment(UUID id, UUID assignmentId, UUID by, Instant now) {
        return jdbc.sql("""
                UPDATE key_amendment SET withdrawn_at = :now, withdrawn_by = :by
                 WHERE id = :id AND assignment_id = :a AND withdrawn_at IS NULL
                """)
                        .param("id", id)
                        .param("a", assignmentId)
                        .param("by", by)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Every submitted attempt of one step of the assignment, with its student. */
    record SubmittedAttempt(UUID attemptId, UUID studentId, int number) {}

    List<SubmittedAttempt> submittedAttempts(UUID assignmentId, int step) {
        return jdbc.sql("""
                SELECT t.id, s.student_id, t.number FROM attempt t JOIN submission s ON s.id = t.submission_id
                 WHERE s.assignment_id = :a AND t.step = :step AND t.submitted_at IS NOT NULL
                 ORDER BY s.student_id, t.number
                """)
                .param("a", assignmentId)
                .param("step", step)
                .query((rs, n) -> new SubmittedAttempt(
                        rs.getObject("id", UUID.class), rs.getObject("student_id", UUID.class), rs.getInt("number")))
                .list();
    }

    /** Attempts of one student's submission, oldest first. */
    record AttemptRow(
            UUID id,
            int number,
            Instant startedAt,
            @Nullable Instant submittedAt,
            @Nullable Instant reopenedAt) {}

    /** The attempts of one step of a submission (DD013), oldest first. */
    List<AttemptRow> attemptsOf(UUID submissionId, int step) {
        return jdbc.sql("""
                SELECT id, number, started_at, submitted_at, reopened_at FROM attempt
                 WHERE submission_id = :s AND step = :step ORDER BY number
                """)
                .param("s", submissionId)
                .param("step", step)
                .query((rs, n) -> new AttemptRow(
                        rs.getObject("id", UUID.class),
                        rs.getInt("number"),
                        instant(rs, "started_at"),
                        nullableInstant(rs, "submitted_at"),
                        nullableInstant(rs, "reopened_at")))
                .list();
    }

    Optional<UUID> submissionOf(UUID assignmentId, UUID studentId) {
        return jdbc.sql("SELECT id FROM submission WHERE assignment_id = :a AND student_id = :s")
                .param("a", assignmentId)
                .param("s", studentId)
                .query(UUID.class)
                .optional();
    }

    /**
     * Lets the student change a submitted attempt of the lesson's latest round again (an attempt of
     * an earlier round stays as it was: the student's page works on the latest round only). The
     * same round's later steps are reopened with it, since they build on it (step 2 links the
     * claims of step 1) and open only when it is submitted again (DD013).
     */
    boolean reopen(UUID attemptId, UUID by, Instant now) {
        int updated = jdbc.sql("""
                UPDATE attempt SET submitted_at = NULL, reopened_at = :now, reopened_by = :by
                 WHERE id = :id AND submitted_at IS NOT NULL
                   AND number = (SELECT max(number) FROM attempt x WHERE x.submission_id = attempt.submission_id)
                """)
                .param("id", attemptId)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update();
        if (updated == 1) {
            jdbc.sql("""
                    UPDATE attempt SET submitted_at = NULL, reopened_at = :now, reopened_by = :by
                     WHERE submitted_at IS NOT NULL
                       AND (submission_id, number) = (SELECT submission_id, number FROM attempt WHERE id = :id)
                       AND step > (SELECT step FROM attempt WHERE id = :id)
                    """)
                    .param("id", attemptId)
                    .param("by", by)
                    .param("now", Timestamp.from(now))
                    .update();
            jdbc.sql(
                            "UPDATE submission SET submitted_at = NULL WHERE id = (SELECT submission_id FROM attempt WHERE id = :id)")
                    .param("id", attemptId)
                    .update();
        }
        return updated == 1;
    }

    /** What the attempt's latest score row says, for a re-score that carries an override forward. */
    record Latest(double score, boolean overridden) {}

    Optional<Latest> latest(UUID attemptId) {
        return jdbc.sql("SELECT score, overridden FROM score WHERE attempt_id = :a ORDER BY position DESC LIMIT 1")
                .param("a", attemptId)
                .query((rs, n) -> new Latest(rs.getDouble("score"), rs.getBoolean("overridden")))
                .optional();
    }

    /** The attempt's score rows, oldest first; the last is the score. */
    List<ScoreEntry> history(UUID attemptId) {
        return jdbc
                .sql(SCORES + " WHERE s.attempt_id = :a ORDER BY s.position")
                .param("a", attemptId)
                .query(GradingRepository::scoreEntry)
                .list()
                .stream()
                .collect(named(GradingRepository::causedBy));
    }

    private static final String SCORES = """
            SELECT s.key_version_id, s.amendment_ids, s.rules_version, s.computed, s.score, s.overridden, s.found,
                   s.mislabelled, s.missed, s.extra, s.cause, s.caused_by, s.comment, s.created_at,
                   s.comparison_key_version_id, s.grid_part, s.matrix_part, s.judgement_part, s.provisional
              FROM score s
            """;

    private static ScoreEntry causedBy(ScoreEntry e, @Nullable String name) {
        return new ScoreEntry(
                e.keyVersionId(),
                e.amendmentIds(),
                e.rulesVersion(),
                e.computed(),
                e.score(),
                e.overridden(),
                e.found(),
                e.mislabelled(),
                e.missed(),
                e.extra(),
                e.cause(),
                name,
                e.comment(),
                e.at(),
                e.compare());
    }

    private static Authored<ScoreEntry> scoreEntry(ResultSet rs, int row) throws SQLException {
        return new Authored<>(
                new ScoreEntry(
                        rs.getObject("key_version_id", UUID.class),
                        uuids(rs.getArray("amendment_ids")),
                        rs.getString("rules_version"),
                        rs.getDouble("computed"),
                        rs.getDouble("score"),
                        rs.getBoolean("overridden"),
                        rs.getInt("found"),
                        rs.getInt("mislabelled"),
                        rs.getInt("missed"),
                        rs.getInt("extra"),
                        ScoreCause.fromCode(rs.getString("cause")).orElseThrow(),
                        null,
                        rs.getString("comment"),
                        instant(rs, "created_at"),
                        compareParts(rs)),
                rs.getObject("caused_by", UUID.class));
    }

    private static ScoreEntry.@Nullable CompareParts compareParts(ResultSet rs) throws SQLException {
        UUID comparison = rs.getObject("comparison_key_version_id", UUID.class);
        if (comparison == null) {
            return null;
        }
        java.math.BigDecimal matrix = rs.getBigDecimal("matrix_part");
        java.math.BigDecimal judgement = rs.getBigDecimal("judgement_part");
        return new ScoreEntry.CompareParts(
                comparison,
                rs.getBigDecimal("grid_part").doubleValue(),
                matrix == null ? null : matrix.doubleValue(),
                judgement == null ? null : judgement.doubleValue(),
                rs.getBoolean("provisional"));
    }

    /** A score row of an identify-sources attempt: the counts are sources, with the rules' parts. */
    void insertSourceScore(
            UUID attemptId,
            UUID keyVersionId,
            List<UUID> amendmentIds,
            String rulesVersion,
            double threshold,
            org.lateral.submission.scoring.SourceScoring.Result result,
            double score,
            boolean overridden,
            int found,
            int mislabelled,
            int missed,
            int extra,
            ScoreCause cause,
            @Nullable UUID by,
            @Nullable String comment,
            Instant now) {
        insert(
                attemptId,
                keyVersionId,
                amendmentIds,
                rulesVersion,
                threshold,
                result.score(),
                score,
                overridden,
                found,
                mislabelled,
                missed,
                extra,
                cause,
                by,
                comment,
                now,
                result);
    }

    private static java.math.BigDecimal part(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(3, java.math.RoundingMode.HALF_UP);
    }

    void insertScore(
            UUID attemptId,
            UUID keyVersionId,
            List<UUID> amendmentIds,
            String rulesVersion,
            double threshold,
            double computed,
            double score,
            boolean overridden,
            int found,
            int mislabelled,
            int missed,
            int extra,
            ScoreCause cause,
            @Nullable UUID by,
            @Nullable String comment,
            Instant now) {
        insert(
                attemptId,
                keyVersionId,
                amendmentIds,
                rulesVersion,
                threshold,
                computed,
                score,
                overridden,
                found,
                mislabelled,
                missed,
                extra,
                cause,
                by,
                comment,
                now,
                null);
    }

    /** One score row; {@code sources} carries the parts of an identify-sources score, null for claims. */
    private void insert(
            UUID attemptId,
            UUID keyVersionId,
            List<UUID> amendmentIds,
            String rulesVersion,
            double threshold,
            double computed,
            double score,
            boolean overridden,
            int found,
            int mislabelled,
            int missed,
            int extra,
            ScoreCause cause,
            @Nullable UUID by,
            @Nullable String comment,
            Instant now,
            org.lateral.submission.scoring.SourceScoring.@Nullable Result sources) {
        jdbc.sql("""
                INSERT INTO score (id, attempt_id, key_version_id, amendment_ids, rules_version, threshold, computed, score,
                                   overridden, found, mislabelled, missed, extra, cause, caused_by, comment, created_at,
                                   exercise, source_recall, kind_accuracy, origin_accuracy, link_f1)
                VALUES (:id, :a, :key, :amendments, :rules, :threshold, :computed, :score, :overridden, :found,
                        :mislabelled, :missed, :extra, :cause, :by, :comment, :now,
                        :exercise, :recall, :kind, :origin, :links)
                """)
                .param("id", UUID.randomUUID())
                .param("a", attemptId)
                .param("key", keyVersionId)
                .param("amendments", amendmentIds.toArray(UUID[]::new))
                .param("rules", rulesVersion)
                .param("threshold", threshold)
                .param("computed", computed)
                .param("score", score)
                .param("overridden", overridden)
                .param("found", found)
                .param("mislabelled", mislabelled)
                .param("missed", missed)
                .param("extra", extra)
                .param("cause", cause.code())
                .param("by", by)
                .param("comment", comment)
                .param("now", Timestamp.from(now))
                .param("exercise", sources == null ? "mark-claims" : "identify-sources")
                .param("recall", sources == null ? null : part(sources.sourceRecall()))
                .param("kind", sources == null ? null : part(sources.kindAccuracy()))
                .param("origin", sources == null ? null : part(sources.originAccuracy()))
                .param("links", sources == null ? null : part(sources.linkF1()))
                .update();
    }

    /**
     * A score row of a compare-outlets attempt (DD014): graded against a comparison key version,
     * with its parts; found and missed count the matrix's right and wrong cells.
     */
    void insertCompareScore(
            UUID attemptId,
            UUID comparisonKeyVersionId,
            List<UUID> amendmentIds,
            String rulesVersion,
            double threshold,
            org.lateral.submission.scoring.CompareScoring.Result result,
            double score,
            boolean overridden,
            ScoreCause cause,
            @Nullable UUID by,
            @Nullable String comment,
            Instant now) {
        int right = result.cells(org.lateral.submission.scoring.CompareScoring.Verdict.RIGHT)
                .size();
        jdbc.sql("""
                INSERT INTO score (id, attempt_id, comparison_key_version_id, amendment_ids, rules_version, threshold,
                                   computed, score, overridden, found, mislabelled, missed, extra, cause, caused_by,
                                   comment, created_at, exercise, grid_part, matrix_part, judgement_part, provisional)
                VALUES (:id, :a, :key, :amendments, :rules, :threshold, :computed, :score, :overridden, :found, 0,
                        :missed, 0, :cause, :by, :comment, :now, 'compare-outlets', :grid, :matrix, :judgement,
                        :provisional)
                """)
                .param("id", UUID.randomUUID())
                .param("a", attemptId)
                .param("key", comparisonKeyVersionId)
                .param("amendments", amendmentIds.toArray(UUID[]::new))
                .param("rules", rulesVersion)
                .param("threshold", threshold)
                .param("computed", result.score())
                .param("score", score)
                .param("overridden", overridden)
                .param("found", right)
                .param("missed", result.cells().size() - right)
                .param("cause", cause.code())
                .param("by", by)
                .param("comment", comment)
                .param("now", Timestamp.from(now))
                .param("grid", part(result.grid()))
                .param("matrix", result.matrixScored() ? part(result.matrix()) : null)
                .param("judgement", result.provisional() ? null : part(result.judgement()))
                .param("provisional", result.provisional())
                .update();
    }

    /** A teacher's acceptance for the comparison key of one assignment (DD014): a category for an article. */
    void insertCompareAmendment(
            UUID assignmentId,
            KeyAmendment.Kind kind,
            UUID articleId,
            @Nullable String claimId,
            String category,
            UUID by,
            Instant now) {
        jdbc.sql("""
                INSERT INTO key_amendment (id, assignment_id, kind, claim_id, article_id, category, created_by, created_at)
                VALUES (:id, :a, :kind, :claim, :article, :category, :by, :now)
                """)
                .param("id", UUID.randomUUID())
                .param("a", assignmentId)
                .param("kind", kind.code())
                .param("claim", claimId)
                .param("article", articleId)
                .param("category", category)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update();
    }

    List<AttemptReview.Comment> comments(UUID attemptId) {
        return jdbc
                .sql("""
                SELECT c.author_id, c.body, c.created_at FROM attempt_comment c
                 WHERE c.attempt_id = :a ORDER BY c.created_at, c.id
                """)
                .param("a", attemptId)
                .query((rs, n) -> new Authored<>(
                        new AttemptReview.Comment("", rs.getString("body"), instant(rs, "created_at")),
                        rs.getObject("author_id", UUID.class)))
                .list()
                .stream()
                .collect(named((c, name) -> new AttemptReview.Comment(name == null ? "" : name, c.body(), c.at())));
    }

    void insertComment(UUID attemptId, UUID authorId, String body, Instant now) {
        jdbc.sql(
                        "INSERT INTO attempt_comment (id, attempt_id, author_id, body, created_at) VALUES (:id, :a, :by, :body, :now)")
                .param("id", UUID.randomUUID())
                .param("a", attemptId)
                .param("by", authorId)
                .param("body", body)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** One attempt of the results table: its live marks counted and its latest score row (DD005). */
    record ResultAttempt(
            UUID studentId,
            int step,
            AttemptRow attempt,
            int liveMarks,
            @Nullable ScoreEntry score) {}

    /**
     * Every attempt of every submission of the assignment, oldest first per student, each with its
     * live-mark count and latest score: one statement for the whole class (the latest score
     * through a LATERAL join on the score index), and one for the scorers' names.
     */
    List<ResultAttempt> resultAttempts(UUID assignmentId) {
        return resultAttemptsOf(assignmentId, null);
    }

    /**
     * The same for one student of the assignment (the drill-down, a student's own progress), so the
     * classmates' rows are never read for them; every student when {@code studentId} is null.
     */
    List<ResultAttempt> resultAttempts(UUID assignmentId, @Nullable UUID studentId) {
        return resultAttemptsOf(assignmentId, studentId == null ? null : List.of(studentId));
    }

    /**
     * The same for some students of the assignment (a page of the results table); every student
     * when {@code studentIds} is null.
     */
    List<ResultAttempt> resultAttemptsOf(UUID assignmentId, @Nullable Collection<UUID> studentIds) {
        return resultAttemptsOf(assignmentId, studentIds, true);
    }

    /**
     * {@link #resultAttempts} without counting each attempt's live marks (0 in every row): the
     * class overview shows none, and counting them read every mark of the class.
     */
    List<ResultAttempt> resultAttemptsUncounted(UUID assignmentId) {
        return resultAttemptsOf(assignmentId, null, false);
    }

    private List<ResultAttempt> resultAttemptsOf(
            UUID assignmentId, @Nullable Collection<UUID> studentIds, boolean countMarks) {
        List<Authored<ResultAttempt>> rows = jdbc.sql("""
                SELECT sub.student_id, t.step, t.id, t.number, t.started_at, t.submitted_at, t.reopened_at,
                       CASE WHEN :count THEN (SELECT count(*) FROM mark m WHERE m.attempt_id = t.id AND NOT m.deleted)
                            ELSE 0 END AS live_marks,
                       s.key_version_id, s.amendment_ids, s.rules_version, s.computed, s.score, s.overridden, s.found,
                       s.mislabelled, s.missed, s.extra, s.cause, s.caused_by, s.comment, s.created_at,
                       s.comparison_key_version_id, s.grid_part, s.matrix_part, s.judgement_part, s.provisional
                  FROM submission sub
                  JOIN attempt t ON t.submission_id = sub.id
                  LEFT JOIN LATERAL (
                       SELECT * FROM score x WHERE x.attempt_id = t.id ORDER BY x.position DESC LIMIT 1) s ON true
                 WHERE sub.assignment_id = :a AND (CAST(:s AS uuid[]) IS NULL OR sub.student_id = ANY (:s))
                 ORDER BY sub.student_id, t.step, t.number
                """)
                .param("a", assignmentId)
                .param("count", countMarks)
                .param("s", studentIds == null ? null : studentIds.toArray(UUID[]::new))
                .query((rs, n) -> {
                    AttemptRow attempt = new AttemptRow(
                            rs.getObject("id", UUID.class),
                            rs.getInt("number"),
                            instant(rs, "started_at"),
                            nullableInstant(rs, "submitted_at"),
                            nullableInstant(rs, "reopened_at"));
                    Authored<ScoreEntry> score = rs.getString("cause") == null ? null : scoreEntry(rs, n);
                    return new Authored<>(
                            new ResultAttempt(
                                    rs.getObject("student_id", UUID.class),
                                    rs.getInt("step"),
                                    attempt,
                                    rs.getInt("live_marks"),
                                    score == null ? null : score.row()),
                            score == null ? null : score.by());
                })
                .list();
        return rows.stream()
                .collect(named((r, name) -> r.score() == null
                        ? r
                        : new ResultAttempt(
                                r.studentId(), r.step(), r.attempt(), r.liveMarks(), causedBy(r.score(), name))));
    }

    /** An attempt of a school's assignment with its latest score (null before scoring). */
    record SchoolAttempt(
            UUID assignmentId,
            ResultAttempt attempt,
            @Nullable Double score) {}

    /**
     * Every attempt of these assignments with its latest score, for the school view: one statement
     * for the whole school, ordered as {@link #resultAttempts} orders one assignment's.
     */
    List<SchoolAttempt> schoolAttempts(UUID schoolId, Collection<UUID> assignmentIds) {
        if (assignmentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT sub.assignment_id, sub.student_id, t.step, t.id, t.number, t.started_at, t.submitted_at,
                       t.reopened_at,
                       (SELECT x.score FROM score x WHERE x.attempt_id = t.id ORDER BY x.position DESC LIMIT 1) AS score
                  FROM submission sub
                  JOIN attempt t ON t.submission_id = sub.id
                 WHERE sub.school_id = :school AND sub.assignment_id = ANY (:ids)
                 ORDER BY sub.assignment_id, sub.student_id, t.step, t.number
                """)
                .param("school", schoolId)
                .param("ids", assignmentIds.toArray(UUID[]::new))
                .query((rs, n) -> {
                    java.math.BigDecimal score = rs.getBigDecimal("score");
                    return new SchoolAttempt(
                            rs.getObject("assignment_id", UUID.class),
                            new ResultAttempt(
                                    rs.getObject("student_id", UUID.class),
                                    rs.getInt("step"),
                                    new AttemptRow(
                                            rs.getObject("id", UUID.class),
                                            rs.getInt("number"),
                                            instant(rs, "started_at"),
                                            nullableInstant(rs, "submitted_at"),
                                            nullableInstant(rs, "reopened_at")),
                                    0,
                                    null),
                            score == null ? null : score.doubleValue());
                })
                .list();
    }

    /**
     * The live marks of the given attempts, by attempt, each list in text order. The scored class
     * (DD033) reads the marks of exactly the attempts its fingerprint names, so a submission made
     * between its statements cannot put other marks under that fingerprint.
     */
    Map<UUID, List<SavedMark>> liveMarksOf(Collection<UUID> attemptIds) {
        Map<UUID, List<SavedMark>> marks = new HashMap<>();
        if (attemptIds.isEmpty()) {
            return marks;
        }
        jdbc.sql("""
                SELECT attempt_id, mark_id, seq, start_offset, end_offset, exact, claim_type
                  FROM mark
                 WHERE attempt_id = ANY (:ids) AND NOT deleted
                 ORDER BY attempt_id, start_offset, end_offset, mark_id
                """).param("ids", attemptIds.toArray(UUID[]::new)).query((ResultSet rs) -> {
            marks.computeIfAbsent(rs.getObject("attempt_id", UUID.class), k -> new ArrayList<>())
                    .add(new SavedMark(
                            rs.getString("mark_id"),
                            rs.getInt("seq"),
                            rs.getInt("start_offset"),
                            rs.getInt("end_offset"),
                            rs.getString("exact"),
                            rs.getString("claim_type")));
        });
        return marks;
    }

    /** A row read with the id of the account behind it, before that account's name is known. */
    private record Authored<T>(T row, @Nullable UUID by) {}

    /** Gives every row its author's display name, looked up in one statement. */
    private <T> Collector<Authored<T>, ?, List<T>> named(BiFunction<T, @Nullable String, T> withName) {
        return Collectors.collectingAndThen(Collectors.toList(), rows -> {
            Set<UUID> ids = new HashSet<>();
            rows.forEach(r -> {
                if (r.by() != null) {
                    ids.add(r.by());
                }
            });
            Map<UUID, String> names = accountNames.of(ids);
            return rows.stream()
                    .map(r -> withName.apply(r.row(), r.by() == null ? null : names.get(r.by())))
                    .toList();
        });
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
