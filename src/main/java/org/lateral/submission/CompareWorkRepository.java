package org.lateral.submission;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.AnchoredSpan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The compare-outlets work of attempts (DD015): grids, picked spans, matrix cells,
 * lateral-reading notes and judgements, each saved only with a higher seq (DD004); a span's
 * delete is a tombstone. The teacher's judgement grades are here too, as rows of their own. See
 * DD010.
 */
@Repository
class CompareWorkRepository {

    private final JdbcClient jdbc;

    CompareWorkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What is stored of an item: its seq, whether it is a tombstone (spans only), its article and kind. */
    record Stored(
            int seq,
            boolean deleted,
            @Nullable UUID articleId,
            @Nullable String kind) {}

    Optional<Stored> grid(UUID attemptId, UUID articleId) {
        return jdbc.sql("SELECT seq FROM compare_grid WHERE attempt_id = :a AND article_id = :x")
                .param("a", attemptId)
                .param("x", articleId)
                .query((rs, n) -> new Stored(rs.getInt("seq"), false, articleId, null))
                .optional();
    }

    boolean upsertGrid(UUID attemptId, UUID articleId, int seq, CompareWorkModel.Grid g, Instant now) {
        return jdbc.sql("""
                INSERT INTO compare_grid (attempt_id, article_id, seq, framing, named_sources, anonymous_sources, reporting,
                                          relayed_from, includes, outlet_kind, created_at, updated_at)
                VALUES (:a, :x, :seq, :framing, :named, :anonymous, :reporting, :relayed, :includes, :kind, :now, :now)
                ON CONFLICT (attempt_id, article_id) DO UPDATE
                   SET seq = EXCLUDED.seq, framing = EXCLUDED.framing, named_sources = EXCLUDED.named_sources,
                       anonymous_sources = EXCLUDED.anonymous_sources, reporting = EXCLUDED.reporting,
                       relayed_from = EXCLUDED.relayed_from, includes = EXCLUDED.includes,
                       outlet_kind = EXCLUDED.outlet_kind, updated_at = EXCLUDED.updated_at
                 WHERE compare_grid.seq < EXCLUDED.seq
                """)
                        .param("a", attemptId)
                        .param("x", articleId)
                        .param("seq", seq)
                        .param("framing", g.framing())
                        .param("named", g.namedSources())
                        .param("anonymous", g.anonymousSources())
                        .param("reporting", g.reporting())
                        .param("relayed", g.relayedFrom().toArray(String[]::new))
                        .param("includes", g.includes())
                        .param("kind", g.outletKind())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    Optional<Stored> span(UUID attemptId, UUID spanId) {
        return jdbc.sql(
                        "SELECT seq, deleted, article_id, kind FROM compare_span WHERE attempt_id = :a AND span_id = :s")
                .param("a", attemptId)
                .param("s", spanId)
                .query((rs, n) -> new Stored(
                        rs.getInt("seq"),
                        rs.getBoolean("deleted"),
                        rs.getObject("article_id", UUID.class),
                        rs.getString("kind")))
                .optional();
    }

    int liveSpanCount(UUID attemptId, UUID articleId, String kind) {
        return jdbc.sql("""
                SELECT count(*) FROM compare_span
                 WHERE attempt_id = :a AND article_id = :x AND kind = :k AND NOT deleted
                """)
                .param("a", attemptId)
                .param("x", articleId)
                .param("k", kind)
                .query(Integer.class)
                .single();
    }

    int storedSpanCount(UUID attemptId) {
        return jdbc.sql("SELECT count(*) FROM compare_span WHERE attempt_id = :a")
                .param("a", attemptId)
                .query(Integer.class)
                .single();
    }

    boolean upsertSpan(UUID attemptId, UUID spanId, int seq, UUID articleId, String kind, AnchoredSpan s, Instant now) {
        return jdbc.sql("""
                INSERT INTO compare_span (attempt_id, span_id, seq, article_id, kind, start_offset, end_offset, exact,
                                          prefix, suffix, deleted, created_at, updated_at)
                VALUES (:a, :s, :seq, :x, :kind, :start, :end, :exact, :prefix, :suffix, false, :now, :now)
                ON CONFLICT (attempt_id, span_id) DO UPDATE
                   SET seq = EXCLUDED.seq, article_id = EXCLUDED.article_id, kind = EXCLUDED.kind,
                       start_offset = EXCLUDED.start_offset, end_offset = EXCLUDED.end_offset, exact = EXCLUDED.exact,
                       prefix = EXCLUDED.prefix, suffix = EXCLUDED.suffix, deleted = false,
                       updated_at = EXCLUDED.updated_at
                 WHERE compare_span.seq < EXCLUDED.seq
                """)
                        .param("a", attemptId)
                        .param("s", spanId)
                        .param("seq", seq)
                        .param("x", articleId)
                        .param("kind", kind)
                        .param("start", s.start())
                        .param("end", s.end())
                        .param("exact", s.exact())
                        .param("prefix", s.prefix())
                        .param("suffix", s.suffix())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean deleteSpan(UUID attemptId, UUID spanId, int seq, Instant now) {
        return jdbc.sql("""
                UPDATE compare_span SET seq = :seq, deleted = true, updated_at = :now
                 WHERE attempt_id = :a AND span_id = :s AND seq < :seq
                """)
                        .param("a", attemptId)
                        .param("s", spanId)
                        .param("seq", seq)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    Optional<Stored> cell(UUID attemptId, String claimId, UUID articleId) {
        return jdbc.sql("SELECT seq FROM compare_cell WHERE attempt_id = :a AND claim_id = :c AND article_id = :x")
                .param("a", attemptId)
                .param("c", claimId)
                .param("x", articleId)
                .query((rs, n) -> new Stored(rs.getInt("seq"), false, articleId, null))
                .optional();
    }

    boolean upsertCell(
            UUID attemptId,
            String claimId,
            UUID articleId,
            int seq,
            @Nullable String carried,
            @Nullable AnchoredSpan wording,
            Instant now) {
        return jdbc.sql("""
                INSERT INTO compare_cell (attempt_id, claim_id, article_id, seq, carried, start_offset, end_offset, exact,
                                          prefix, suffix, created_at, updated_at)
                VALUES (:a, :c, :x, :seq, :carried, :start, :end, :exact, :prefix, :suffix, :now, :now)
                ON CONFLICT (attempt_id, claim_id, article_id) DO UPDATE
                   SET seq = EXCLUDED.seq, carried = EXCLUDED.carried, start_offset = EXCLUDED.start_offset,
                       end_offset = EXCLUDED.end_offset, exact = EXCLUDED.exact, prefix = EXCLUDED.prefix,
                       suffix = EXCLUDED.suffix, updated_at = EXCLUDED.updated_at
                 WHERE compare_cell.seq < EXCLUDED.seq
                """)
                        .param("a", attemptId)
                        .param("c", claimId)
                        .param("x", articleId)
                        .param("seq", seq)
                        .param("carried", carried)
                        .param("start", wording == null ? null : wording.start())
                        .param("end", wording == null ? null : wording.end())
                        .param("exact", wording == null ? null : wording.exact())
                        .param("prefix", wording == null ? null : wording.prefix())
                        .param("suffix", wording == null ? null : wording.suffix())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    Optional<Stored> note(UUID attemptId, UUID outletId) {
        return jdbc.sql("SELECT seq FROM lateral_note WHERE attempt_id = :a AND outlet_id = :o")
                .param("a", attemptId)
                .param("o", outletId)
                .query((rs, n) -> new Stored(rs.getInt("seq"), false, null, null))
                .optional();
    }

    boolean upsertNote(UUID attemptId, UUID outletId, int seq, CompareWorkModel.Note note, Instant now) {
        return jdbc.sql("""
                INSERT INTO lateral_note (attempt_id, outlet_id, seq, address, note, created_at, updated_at)
                VALUES (:a, :o, :seq, :address, :note, :now, :now)
                ON CONFLICT (attempt_id, outlet_id) DO UPDATE
                   SET seq = EXCLUDED.seq, address = EXCLUDED.address, note = EXCLUDED.note,
                       updated_at = EXCLUDED.updated_at
                 WHERE lateral_note.seq < EXCLUDED.seq
                """)
                        .param("a", attemptId)
                        .param("o", outletId)
                        .param("seq", seq)
                        .param("address", note.address())
                        .param("note", note.note())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    Optional<Stored> judgement(UUID attemptId) {
        return jdbc.sql("SELECT seq FROM compare_judgement WHERE attempt_id = :a")
                .param("a", attemptId)
                .query((rs, n) -> new Stored(rs.getInt("seq"), false, null, null))
                .optional();
    }

    boolean upsertJudgement(UUID attemptId, int seq, @Nullable String judgement, Instant now) {
        return jdbc.sql("""
                INSERT INTO compare_judgement (attempt_id, seq, judgement, created_at, updated_at)
                VALUES (:a, :seq, :judgement, :now, :now)
                ON CONFLICT (attempt_id) DO UPDATE
                   SET seq = EXCLUDED.seq, judgement = EXCLUDED.judgement, updated_at = EXCLUDED.updated_at
                 WHERE compare_judgement.seq < EXCLUDED.seq
                """)
                        .param("a", attemptId)
                        .param("seq", seq)
                        .param("judgement", judgement)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** A grid row of {@code compare_grid}, read the same way for one attempt and for a class. */
    private static CompareWork.Grid grid(ResultSet rs) throws SQLException {
        UUID article = rs.getObject("article_id", UUID.class);
        return new CompareWork.Grid(
                article,
                rs.getInt("seq"),
                new CompareWorkModel.Grid(
                        rs.getString("framing"),
                        (Integer) rs.getObject("named_sources"),
                        (Integer) rs.getObject("anonymous_sources"),
                        rs.getString("reporting"),
                        texts(rs.getArray("relayed_from")),
                        rs.getString("includes"),
                        rs.getString("outlet_kind")));
    }

    /** A live row of {@code compare_span}. */
    private static CompareWork.PickedSpan pickedSpan(ResultSet rs) throws SQLException {
        return new CompareWork.PickedSpan(
                rs.getObject("span_id", UUID.class),
                rs.getInt("seq"),
                rs.getObject("article_id", UUID.class),
                rs.getString("kind"),
                new AnchoredSpan(
                        rs.getInt("start_offset"),
                        rs.getInt("end_offset"),
                        rs.getString("exact"),
                        rs.getString("prefix"),
                        rs.getString("suffix")));
    }

    /** The attempt's saved work: every grid, cell and note ever saved, the live spans, the judgement. */
    CompareWork work(UUID attemptId) {
        Map<UUID, CompareWork.Grid> grids = new HashMap<>();
        jdbc.sql("""
                SELECT article_id, seq, framing, named_sources, anonymous_sources, reporting, relayed_from, includes,
                       outlet_kind
                  FROM compare_grid WHERE attempt_id = :a
                """).param("a", attemptId).query((ResultSet rs) -> {
            CompareWork.Grid grid = grid(rs);
            grids.put(grid.articleId(), grid);
        });
        List<CompareWork.PickedSpan> spans = jdbc.sql("""
                SELECT span_id, seq, article_id, kind, start_offset, end_offset, exact, prefix, suffix
                  FROM compare_span WHERE attempt_id = :a AND NOT deleted ORDER BY article_id, start_offset, span_id
                """)
                .param("a", attemptId)
                .query((rs, n) -> pickedSpan(rs))
                .list();
        List<CompareWork.Cell> cells = jdbc.sql("""
                SELECT claim_id, article_id, seq, carried, start_offset, end_offset, exact, prefix, suffix
                  FROM compare_cell WHERE attempt_id = :a ORDER BY claim_id, article_id
                """)
                .param("a", attemptId)
                .query((rs, n) -> new CompareWork.Cell(
                        rs.getString("claim_id"),
                        rs.getObject("article_id", UUID.class),
                        rs.getInt("seq"),
                        rs.getString("carried"),
                        rs.getString("exact") == null
                                ? null
                                : new AnchoredSpan(
                                        rs.getInt("start_offset"),
                                        rs.getInt("end_offset"),
                                        rs.getString("exact"),
                                        rs.getString("prefix"),
                                        rs.getString("suffix"))))
                .list();
        Map<UUID, CompareWork.Note> notes = new HashMap<>();
        jdbc.sql("SELECT outlet_id, seq, address, note FROM lateral_note WHERE attempt_id = :a")
                .param("a", attemptId)
                .query((ResultSet rs) -> {
                    UUID outlet = rs.getObject("outlet_id", UUID.class);
                    notes.put(
                            outlet,
                            new CompareWork.Note(
                                    outlet, rs.getInt("seq"), rs.getString("address"), rs.getString("note")));
                });
        CompareWork.Judgement judgement = jdbc.sql("SELECT seq, judgement FROM compare_judgement WHERE attempt_id = :a")
                .param("a", attemptId)
                .query((rs, n) -> new CompareWork.Judgement(rs.getInt("seq"), rs.getString("judgement")))
                .optional()
                .orElse(null);
        return new CompareWork(grids, spans, cells, notes, judgement);
    }

    /**
     * The grids, live picked spans and cells of each student's latest submitted attempt of a
     * compare step (attempt 2 once it is submitted, else 1), keyed by student: what the class
     * dashboard counts. Three statements whatever the size of the class; notes and judgements are
     * not read (nothing counts them there).
     */
    Map<UUID, CompareWork> latestSubmittedWork(UUID assignmentId, int step) {
        String latest = """
                FROM submission sub
                  JOIN LATERAL (
                       SELECT t.id FROM attempt t
                        WHERE t.submission_id = sub.id AND t.step = :step AND t.submitted_at IS NOT NULL
                        ORDER BY t.number DESC LIMIT 1) latest ON true
                """;
        Map<UUID, Map<UUID, CompareWork.Grid>> grids = new HashMap<>();
        jdbc.sql("SELECT sub.student_id, g.article_id, g.seq, g.framing, g.named_sources, g.anonymous_sources,"
                        + " g.reporting, g.relayed_from, g.includes, g.outlet_kind "
                        + latest
                        + " JOIN compare_grid g ON g.attempt_id = latest.id WHERE sub.assignment_id = :a")
                .param("a", assignmentId)
                .param("step", step)
                .query((ResultSet rs) -> {
                    CompareWork.Grid grid = grid(rs);
                    grids.computeIfAbsent(rs.getObject("student_id", UUID.class), k -> new HashMap<>())
                            .put(grid.articleId(), grid);
                });
        Map<UUID, List<CompareWork.PickedSpan>> spans = new HashMap<>();
        jdbc.sql("SELECT sub.student_id, p.span_id, p.seq, p.article_id, p.kind, p.start_offset, p.end_offset,"
                        + " p.exact, p.prefix, p.suffix "
                        + latest
                        + " JOIN compare_span p ON p.attempt_id = latest.id AND NOT p.deleted"
                        + " WHERE sub.assignment_id = :a ORDER BY p.article_id, p.start_offset, p.span_id")
                .param("a", assignmentId)
                .param("step", step)
                .query((ResultSet rs) -> {
                    spans.computeIfAbsent(rs.getObject("student_id", UUID.class), k -> new ArrayList<>())
                            .add(pickedSpan(rs));
                });
        Map<UUID, List<CompareWork.Cell>> cells = new HashMap<>();
        jdbc.sql("SELECT sub.student_id, c.claim_id, c.article_id, c.seq, c.carried "
                        + latest
                        + " JOIN compare_cell c ON c.attempt_id = latest.id"
                        + " WHERE sub.assignment_id = :a ORDER BY c.claim_id, c.article_id")
                .param("a", assignmentId)
                .param("step", step)
                .query((ResultSet rs) -> {
                    cells.computeIfAbsent(rs.getObject("student_id", UUID.class), k -> new ArrayList<>())
                            .add(new CompareWork.Cell(
                                    rs.getString("claim_id"),
                                    rs.getObject("article_id", UUID.class),
                                    rs.getInt("seq"),
                                    rs.getString("carried"),
                                    null));
                });
        // Every student with a submitted attempt, even one who saved nothing: an empty comparison
        // still counts in the class (as wrong answers), as the scores do.
        Map<UUID, CompareWork> work = new HashMap<>();
        jdbc.sql("SELECT sub.student_id " + latest + " WHERE sub.assignment_id = :a")
                .param("a", assignmentId)
                .param("step", step)
                .query((ResultSet rs) -> {
                    UUID student = rs.getObject("student_id", UUID.class);
                    work.put(
                            student,
                            new CompareWork(
                                    grids.getOrDefault(student, Map.of()),
                                    spans.getOrDefault(student, List.of()),
                                    cells.getOrDefault(student, List.of()),
                                    Map.of(),
                                    null));
                });
        return work;
    }

    /** A teacher's rubric level for a judgement, as graded. */
    record Grade(UUID attemptId, int level, int maxLevel, UUID gradedBy, Instant gradedAt) {}

    void insertGrade(UUID attemptId, int level, int maxLevel, UUID gradedBy, Instant now) {
        jdbc.sql("""
                INSERT INTO judgement_grade (id, attempt_id, level, max_level, graded_by, graded_at)
                VALUES (:id, :a, :level, :max, :by, :now)
                """)
                .param("id", UUID.randomUUID())
                .param("a", attemptId)
                .param("level", level)
                .param("max", maxLevel)
                .param("by", gradedBy)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The latest grade of the attempt's judgement, if the teacher has graded it. */
    Optional<Grade> grade(UUID attemptId) {
        return jdbc.sql("""
                SELECT attempt_id, level, max_level, graded_by, graded_at FROM judgement_grade
                 WHERE attempt_id = :a ORDER BY position DESC LIMIT 1
                """)
                .param("a", attemptId)
                .query((rs, n) -> new Grade(
                        rs.getObject("attempt_id", UUID.class),
                        rs.getInt("level"),
                        rs.getInt("max_level"),
                        rs.getObject("graded_by", UUID.class),
                        rs.getTimestamp("graded_at").toInstant()))
                .optional();
    }

    private static List<String> texts(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(List.of((String[]) array.getArray()));
    }
}
