package org.lateral.submission;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lateral.base.AnchoredSpan;
import org.lateral.base.highlighter.SavedLink;
import org.lateral.base.highlighter.SavedMention;
import org.lateral.base.highlighter.SavedSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Student sources, source mentions and claim links (DD013, "Source work"); each is saved only with
 * a higher sequence, and a delete only marks the row as a tombstone (DD004). See DD010.
 */
@Repository
class SourceWorkRepository {

    private final JdbcClient jdbc;

    SourceWorkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What is stored of an item: its seq, whether it is a tombstone, and its source (mentions, links). */
    record Stored(int seq, boolean deleted, @Nullable UUID sourceId) {}

    // Sources

    Optional<Stored> source(UUID attemptId, UUID sourceId) {
        return jdbc.sql("SELECT seq, deleted FROM student_source WHERE attempt_id = :a AND source_id = :s")
                .param("a", attemptId)
                .param("s", sourceId)
                .query((rs, n) -> new Stored(rs.getInt("seq"), rs.getBoolean("deleted"), sourceId))
                .optional();
    }

    int liveSourceCount(UUID attemptId) {
        return count("SELECT count(*) FROM student_source WHERE attempt_id = :a AND NOT deleted", attemptId);
    }

    int storedSourceCount(UUID attemptId) {
        return count("SELECT count(*) FROM student_source WHERE attempt_id = :a", attemptId);
    }

    boolean upsertSource(UUID attemptId, UUID sourceId, int seq, SourceWorkModel.CheckedSource source, Instant now) {
        return jdbc.sql("""
                INSERT INTO student_source (attempt_id, source_id, seq, name, kind, origin, relayed_from, deleted,
                                            created_at, updated_at)
                VALUES (:a, :s, :seq, :name, :kind, :origin, :relayed, false, :now, :now)
                ON CONFLICT (attempt_id, source_id) DO UPDATE
                   SET seq = EXCLUDED.seq, name = EXCLUDED.name, kind = EXCLUDED.kind, origin = EXCLUDED.origin,
                       relayed_from = EXCLUDED.relayed_from, deleted = false, updated_at = EXCLUDED.updated_at
                 WHERE student_source.seq < EXCLUDED.seq
                """)
                        .param("a", attemptId)
                        .param("s", sourceId)
                        .param("seq", seq)
                        .param("name", source.name())
                        .param("kind", source.kind())
                        .param("origin", source.origin())
                        .param("relayed", source.relayedFrom())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Marks a stored source deleted, keeping what it held; true when the seq was higher. */
    boolean deleteSource(UUID attemptId, UUID sourceId, int seq, Instant now) {
        return jdbc.sql("""
                UPDATE student_source SET seq = :seq, deleted = true, updated_at = :now
                 WHERE attempt_id = :a AND source_id = :s AND seq < :seq
                """)
                        .param("a", attemptId)
                        .param("s", sourceId)
                        .param("seq", seq)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    // Mentions

    Optional<Stored> mention(UUID attemptId, UUID mentionId) {
        return jdbc.sql("SELECT seq, deleted, source_id FROM source_mention WHERE attempt_id = :a AND mention_id = :m")
                .param("a", attemptId)
                .param("m", mentionId)
                .query((rs, n) ->
                        new Stored(rs.getInt("seq"), rs.getBoolean("deleted"), rs.getObject("source_id", UUID.class)))
                .optional();
    }

    int liveMentionCount(UUID attemptId, UUID sourceId) {
        return jdbc.sql("SELECT count(*) FROM source_mention WHERE attempt_id = :a AND source_id = :s AND NOT deleted")
                .param("a", attemptId)
                .param("s", sourceId)
                .query(Integer.class)
                .single();
    }

    int storedMentionCount(UUID attemptId) {
        return count("SELECT count(*) FROM source_mention WHERE attempt_id = :a", attemptId);
    }

    boolean upsertMention(UUID attemptId, UUID mentionId, int seq, UUID sourceId, AnchoredSpan span, Instant now) {
        return jdbc.sql("""
                INSERT INTO source_mention (attempt_id, mention_id, seq, source_id, start_offset, end_offset, exact,
                                            prefix, suffix, deleted, created_at, updated_at)
                VALUES (:a, :m, :seq, :s, :start, :end, :exact, :prefix, :suffix, false, :now, :now)
                ON CONFLICT (attempt_id, mention_id) DO UPDATE
                   SET seq = EXCLUDED.seq, source_id = EXCLUDED.source_id, start_offset = EXCLUDED.start_offset,
                       end_offset = EXCLUDED.end_offset, exact = EXCLUDED.exact, prefix = EXCLUDED.prefix,
                       suffix = EXCLUDED.suffix, deleted = false, updated_at = EXCLUDED.updated_at
                 WHERE source_mention.seq < EXCLUDED.seq
                """)
                        .param("a", attemptId)
                        .param("m", mentionId)
                        .param("seq", seq)
                        .param("s", sourceId)
                        .param("start", span.start())
                        .param("end", span.end())
                        .param("exact", span.exact())
                        .param("prefix", span.prefix())
                        .param("suffix", span.suffix())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean deleteMention(UUID attemptId, UUID mentionId, int seq, Instant now) {
        return jdbc.sql("""
                UPDATE source_mention SET seq = :seq, deleted = true, updated_at = :now
                 WHERE attempt_id = :a AND mention_id = :m AND seq < :seq
                """)
                        .param("a", attemptId)
                        .param("m", mentionId)
                        .param("seq", seq)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    // Links

    Optional<Stored> link(UUID attemptId, UUID linkId) {
        return jdbc.sql("SELECT seq, deleted, source_id FROM claim_link WHERE attempt_id = :a AND link_id = :l")
                .param("a", attemptId)
                .param("l", linkId)
                .query((rs, n) ->
                        new Stored(rs.getInt("seq"), rs.getBoolean("deleted"), rs.getObject("source_id", UUID.class)))
                .optional();
    }

    int liveLinkCount(UUID attemptId) {
        return count("SELECT count(*) FROM claim_link WHERE attempt_id = :a AND NOT deleted", attemptId);
    }

    int storedLinkCount(UUID attemptId) {
        return count("SELECT count(*) FROM claim_link WHERE attempt_id = :a", attemptId);
    }

    boolean upsertLink(UUID attemptId, UUID linkId, int seq, String claimRef, @Nullable UUID sourceId, Instant now) {
        return jdbc.sql("""
                INSERT INTO claim_link (attempt_id, link_id, seq, claim_ref, source_id, deleted, created_at, updated_at)
                VALUES (:a, :l, :seq, :claim, :s, false, :now, :now)
                ON CONFLICT (attempt_id, link_id) DO UPDATE
                   SET seq = EXCLUDED.seq, claim_ref = EXCLUDED.claim_ref, source_id = EXCLUDED.source_id,
                       deleted = false, updated_at = EXCLUDED.updated_at
                 WHERE claim_link.seq < EXCLUDED.seq
                """)
                        .param("a", attemptId)
                        .param("l", linkId)
                        .param("seq", seq)
                        .param("claim", claimRef)
                        .param("s", sourceId, Types.OTHER)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean deleteLink(UUID attemptId, UUID linkId, int seq, Instant now) {
        return jdbc.sql("""
                UPDATE claim_link SET seq = :seq, deleted = true, updated_at = :now
                 WHERE attempt_id = :a AND link_id = :l AND seq < :seq
                """)
                        .param("a", attemptId)
                        .param("l", linkId)
                        .param("seq", seq)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    // Reading back

    /** The live sources, oldest first, each without its mentions. */
    List<SavedSource> liveSources(UUID attemptId) {
        return jdbc.sql("""
                SELECT source_id, seq, name, kind, origin, relayed_from FROM student_source
                 WHERE attempt_id = :a AND NOT deleted ORDER BY created_at, source_id
                """)
                .param("a", attemptId)
                .query((rs, n) -> new SavedSource(
                        rs.getObject("source_id", UUID.class).toString(),
                        rs.getInt("seq"),
                        rs.getString("name"),
                        rs.getString("kind"),
                        rs.getString("origin"),
                        rs.getString("relayed_from"),
                        List.of()))
                .list();
    }

    /** The live mentions of live sources, in text order. */
    List<SavedMention> liveMentions(UUID attemptId) {
        return jdbc.sql("""
                SELECT m.mention_id, m.seq, m.source_id, m.start_offset, m.end_offset, m.exact
                  FROM source_mention m
                  JOIN student_source s ON s.attempt_id = m.attempt_id AND s.source_id = m.source_id
                 WHERE m.attempt_id = :a AND NOT m.deleted AND NOT s.deleted
                 ORDER BY m.start_offset, m.end_offset, m.mention_id
                """)
                .param("a", attemptId)
                .query((rs, n) -> new SavedMention(
                        rs.getObject("mention_id", UUID.class).toString(),
                        rs.getInt("seq"),
                        rs.getObject("source_id", UUID.class).toString(),
                        rs.getInt("start_offset"),
                        rs.getInt("end_offset"),
                        rs.getString("exact")))
                .list();
    }

    /** The live links whose source is live or not given, oldest first. */
    List<SavedLink> liveLinks(UUID attemptId) {
        return jdbc.sql("""
                SELECT l.link_id, l.seq, l.claim_ref, l.source_id
                  FROM claim_link l
                  LEFT JOIN student_source s ON s.attempt_id = l.attempt_id AND s.source_id = l.source_id
                 WHERE l.attempt_id = :a AND NOT l.deleted AND (l.source_id IS NULL OR NOT s.deleted)
                 ORDER BY l.created_at, l.link_id
                """)
                .param("a", attemptId)
                .query((rs, n) -> {
                    UUID source = rs.getObject("source_id", UUID.class);
                    return new SavedLink(
                            rs.getObject("link_id", UUID.class).toString(),
                            rs.getInt("seq"),
                            rs.getString("claim_ref"),
                            source == null ? null : source.toString());
                })
                .list();
    }

    /**
     * The attempt's live source work: each live source with its live mentions, and the live links
     * whose source is live or not given.
     */
    SourceWork sourceWork(UUID attemptId) {
        Map<String, List<SavedMention>> mentions =
                liveMentions(attemptId).stream().collect(Collectors.groupingBy(SavedMention::sourceId));
        List<SavedSource> sources = liveSources(attemptId).stream()
                .map(s -> new SavedSource(
                        s.sourceId(),
                        s.seq(),
                        s.name(),
                        s.kind(),
                        s.origin(),
                        s.relayedFrom(),
                        mentions.getOrDefault(s.sourceId(), List.of())))
                .toList();
        return new SourceWork(sources, liveLinks(attemptId));
    }

    /**
     * The live sources, each with its live mentions, of every student's latest submitted attempt
     * of a "Who says so?" step, by student: two statements for the whole class (for the
     * assignment dashboard, which counts which key sources the class found). Links are left out.
     */
    Map<UUID, List<SavedSource>> latestSubmittedSources(UUID assignmentId, int step) {
        String latest = """
                FROM submission sub
                  JOIN LATERAL (
                       SELECT t.id FROM attempt t
                        WHERE t.submission_id = sub.id AND t.step = :step AND t.submitted_at IS NOT NULL
                        ORDER BY t.number DESC LIMIT 1) latest ON true
                """;
        Map<UUID, List<SavedMention>> mentions = new HashMap<>();
        jdbc.sql("SELECT sub.student_id, m.mention_id, m.seq, m.source_id, m.start_offset, m.end_offset, m.exact "
                        + latest
                        + """
                  JOIN source_mention m ON m.attempt_id = latest.id AND NOT m.deleted
                 WHERE sub.assignment_id = :a
                 ORDER BY m.start_offset, m.end_offset, m.mention_id
                """)
                .param("a", assignmentId)
                .param("step", step)
                .query((ResultSet rs) -> {
                    mentions.computeIfAbsent(rs.getObject("student_id", UUID.class), k -> new ArrayList<>())
                            .add(new SavedMention(
                                    rs.getObject("mention_id", UUID.class).toString(),
                                    rs.getInt("seq"),
                                    rs.getObject("source_id", UUID.class).toString(),
                                    rs.getInt("start_offset"),
                                    rs.getInt("end_offset"),
                                    rs.getString("exact")));
                });
        Map<UUID, List<SavedSource>> sources = new HashMap<>();
        jdbc.sql("SELECT sub.student_id, s.source_id, s.seq, s.name, s.kind, s.origin, s.relayed_from " + latest + """
                  JOIN student_source s ON s.attempt_id = latest.id AND NOT s.deleted
                 WHERE sub.assignment_id = :a
                 ORDER BY s.created_at, s.source_id
                """)
                .param("a", assignmentId)
                .param("step", step)
                .query((ResultSet rs) -> {
                    UUID student = rs.getObject("student_id", UUID.class);
                    String id = rs.getObject("source_id", UUID.class).toString();
                    sources.computeIfAbsent(student, k -> new ArrayList<>())
                            .add(new SavedSource(
                                    id,
                                    rs.getInt("seq"),
                                    rs.getString("name"),
                                    rs.getString("kind"),
                                    rs.getString("origin"),
                                    rs.getString("relayed_from"),
                                    mentions.getOrDefault(student, List.of()).stream()
                                            .filter(m -> m.sourceId().equals(id))
                                            .toList()));
                });
        return sources;
    }

    // Claims

    /**
     * Whether the mark is live in the attempt of the lesson's claims step with the same number as
     * this attempt, in the same submission.
     */
    boolean liveMarkOfSameNumber(UUID attemptId, int claimsStep, UUID markId) {
        return jdbc.sql("""
                SELECT EXISTS (
                    SELECT 1 FROM attempt t
                      JOIN attempt t0 ON t0.submission_id = t.submission_id AND t0.step = :step AND t0.number = t.number
                      JOIN mark m ON m.attempt_id = t0.id
                     WHERE t.id = :a AND m.mark_id = :m AND NOT m.deleted)
                """)
                .param("a", attemptId)
                .param("step", claimsStep)
                .param("m", markId)
                .query(Boolean.class)
                .single();
    }

    private int count(String sql, UUID attemptId) {
        return jdbc.sql(sql).param("a", attemptId).query(Integer.class).single();
    }
}
