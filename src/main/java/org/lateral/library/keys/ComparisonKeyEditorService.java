package org.lateral.library.keys;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.UserFacingException;
import org.lateral.base.i18n.KeyedText;
import org.lateral.base.text.PlainText;
import org.lateral.library.LibraryImport;
import org.lateral.library.StorySetOfMySchool;
import org.lateral.security.AuditAction;
import org.lateral.security.AuditOutcome;
import org.lateral.security.AuditTrail;
import org.lateral.security.CurrentUser;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The comparison key editor's service (DD021, "Comparison keys"): a teacher's own comparison key
 * of a story set, what the compare-outlets step is scored against. Each teacher has at most one
 * per story set, and every method works on the caller's own, so the pack's key and colleagues'
 * keys can only ever be copied, never changed. The draft is saved whole with every change, checked
 * against {@link ComparisonDrafts}' limits and the version the page started from; publishing
 * stores an immutable comparison key version through {@link LibraryImport#publishComparison}, the
 * path a pack's comparison takes. The story set rule lets school admins in (they look after
 * packs); the editor is for teachers only, so every method requires the teacher role itself.
 */
@Service
@Transactional(readOnly = true)
public class ComparisonKeyEditorService {

    /** The largest draft stored, in bytes of JSON; V0019 refuses more than 2,000,000. */
    static final int MAX_DRAFT_BYTES = 1_000_000;

    // A draft written before a field existed reads that field as empty (ComparisonDraft's
    // constructors); a missing number reads as 0.
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final Logger log = LoggerFactory.getLogger(ComparisonKeyEditorService.class);

    private final CurrentUser currentUser;
    private final JdbcClient jdbc;
    private final LibraryImport library;
    private final Clock clock;

    private final AuditTrail audit;

    ComparisonKeyEditorService(
            CurrentUser currentUser, JdbcClient jdbc, LibraryImport library, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.library = library;
        this.clock = clock;
    }

    /** The story set as its articles read now, in the set's order. */
    public record StorySet(
            UUID storySetId,
            String title,
            List<ComparisonDrafts.SetArticle> articles,
            Map<UUID, String> outlets,
            Map<UUID, UUID> articleVersions) {
        public StorySet {
            articles = List.copyOf(articles);
            outlets = Map.copyOf(outlets);
            articleVersions = Map.copyOf(articleVersions);
        }
    }

    /**
     * The caller's own comparison key of the set.
     *
     * @param version the draft's version, to name when saving (optimistic locking)
     * @param publishedAt when the current published version was made; null before the first
     * @param draftPublished whether the draft is the published version as it stands
     */
    public record EditedComparison(
            UUID comparisonKeyId,
            int version,
            ComparisonDraft draft,
            @Nullable Instant publishedAt,
            int publishedVersions,
            boolean draftPublished) {}

    /** A comparison key of the set the caller may copy: the pack's, else a colleague's. */
    public record Copyable(UUID versionId, boolean fromPack, int claims, int levels) {}

    /** What the editor shows: the set, the caller's key if started, and a key to copy if any. */
    public record Workspace(
            StorySet storySet,
            @Nullable EditedComparison key,
            @Nullable Copyable copyable) {}

    /** A saved draft: its new version, and whether it is the published key as it stands. */
    public record Saved(int version, boolean published) {}

    /** The outcome of publishing: the gaps that stop it, or the version now current. */
    public record Publication(
            List<KeyedText> problems, @Nullable UUID versionId, boolean added) {
        public Publication {
            problems = List.copyOf(problems);
        }

        public boolean published() {
            return versionId != null;
        }
    }

    /** The editor's view of the story set. */
    @StorySetOfMySchool
    public Optional<Workspace> open(UUID storySetId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        Optional<StorySet> found = storySet(storySetId, teacher);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StorySet set = found.get();
        EditedComparison key = ownKey(set, teacher, false).orElse(null);
        Copyable copyable = key == null ? copyable(set, teacher).orElse(null) : null;
        return Optional.of(new Workspace(set, key, copyable));
    }

    /**
     * Starts the caller's comparison key of the set: empty, or as a copy of the key {@link #open}
     * offers. A caller who already has one gets it unchanged.
     */
    @Transactional
    @StorySetOfMySchool
    public Workspace start(UUID storySetId, boolean copy) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        // One comparison key per teacher and set even when two tabs start it at once.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('lateral-comparison-key-start'), hashtext(:who))")
                .param("who", teacher.accountId() + "/" + storySetId)
                .query(Object.class)
                .single();
        StorySet set = storySet(storySetId, teacher)
                .orElseThrow(() -> UserFacingException.of("library.comparison.refusal.notYours"));
        if (ownKey(set, teacher, false).isEmpty()) {
            ComparisonDraft body = ComparisonDraft.EMPTY;
            if (copy) {
                Copyable from = copyable(set, teacher)
                        .orElseThrow(() -> UserFacingException.of("library.comparison.refusal.nothingToCopy"));
                body = ComparisonDrafts.inSet(loadVersion(from.versionId()), set.articles());
            }
            Instant now = now();
            UUID keyId = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO comparison_key (id, school_id, story_set_id, owner_id, created_at, updated_at)
                    VALUES (:id, :school, :set, :owner, :now, :now)
                    """)
                    .param("id", keyId)
                    .param("school", teacher.schoolId())
                    .param("set", storySetId)
                    .param("owner", teacher.accountId())
                    .param("now", Timestamp.from(now))
                    .update();
            jdbc.sql("""
                    INSERT INTO comparison_key_draft (comparison_key_id, school_id, body, updated_by, updated_at)
                    VALUES (:key, :school, CAST(:body AS jsonb), :by, :now)
                    """)
                    .param("key", keyId)
                    .param("school", teacher.schoolId())
                    .param("body", JSON.writeValueAsString(body))
                    .param("by", teacher.accountId())
                    .param("now", Timestamp.from(now))
                    .update();
        }
        return new Workspace(set, ownKey(set, teacher, false).orElseThrow(), null);
    }

    /**
     * Saves the caller's draft, which the page changed starting from {@code expectedVersion}.
     * Refused, with nothing saved, when a limit is broken or another save came first ({@link
     * StaleDraftException}).
     */
    @Transactional
    @StorySetOfMySchool
    public Saved save(UUID storySetId, int expectedVersion, ComparisonDraft draft) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        StorySet set = storySet(storySetId, teacher)
                .orElseThrow(() -> UserFacingException.of("library.comparison.refusal.notYours"));
        EditedComparison key = ownKey(set, teacher, true)
                .orElseThrow(() -> UserFacingException.of("library.comparison.refusal.noKeyYet"));
        if (key.version() != expectedVersion) {
            throw new StaleDraftException("library.comparison.refusal.stale");
        }
        ComparisonDrafts.checkLimits(draft, set.articles());
        String body = PlainText.storableJson(JSON.writeValueAsString(draft));
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_DRAFT_BYTES) {
            throw UserFacingException.of("library.comparison.refusal.tooLarge");
        }
        int updated = jdbc.sql("""
                UPDATE comparison_key_draft
                   SET body = CAST(:body AS jsonb), version = version + 1, updated_by = :by, updated_at = :now
                 WHERE comparison_key_id = :key AND version = :expected
                """)
                .param("body", body)
                .param("by", teacher.accountId())
                .param("now", Timestamp.from(now()))
                .param("key", key.comparisonKeyId())
                .param("expected", expectedVersion)
                .update();
        if (updated != 1) {
            throw new StaleDraftException("library.comparison.refusal.stale");
        }
        return new Saved(expectedVersion + 1, isPublished(key.comparisonKeyId(), draft, set));
    }

    /**
     * Publishes the caller's draft as a new immutable comparison key version, the one the
     * caller's new compare steps pin. Nothing is stored while {@link ComparisonDrafts#publishProblems}
     * names a gap, or when the page is stale.
     */
    @Transactional
    @StorySetOfMySchool
    public Publication publish(UUID storySetId, int expectedVersion) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        StorySet set = storySet(storySetId, teacher)
                .orElseThrow(() -> UserFacingException.of("library.comparison.refusal.notYours"));
        EditedComparison key = ownKey(set, teacher, true)
                .orElseThrow(() -> UserFacingException.of("library.comparison.refusal.noKeyYet"));
        if (key.version() != expectedVersion) {
            throw new StaleDraftException("library.comparison.refusal.stale");
        }
        List<KeyedText> problems = ComparisonDrafts.publishProblems(key.draft(), set.articles());
        if (!problems.isEmpty()) {
            return new Publication(problems, null, false);
        }
        LibraryImport.PublishedComparison published;
        try {
            published = library.publishComparison(
                    ComparisonDrafts.toComparison(key.draft(), key.comparisonKeyId(), set.articles()),
                    versionsBySlug(set));
        } catch (DataIntegrityViolationException e) {
            // The limits mirror the tables' checks; should one be missed, the teacher gets a
            // sentence and the transaction rolls back whole.
            log.warn("A comparison key draft passed the limits but was refused by the database", e);
            throw UserFacingException.of("library.comparison.refusal.unstorable");
        }
        audit.record(
                AuditAction.COMPARISON_KEY_PUBLISHED,
                AuditOutcome.SUCCESS,
                "story set, comparison key version",
                List.of(storySetId, published.versionId()),
                published.added() ? "a new version" : "the same as the current version");
        return new Publication(List.of(), published.versionId(), published.added());
    }

    // --- reading ---------------------------------------------------------------------------

    private Optional<StorySet> storySet(UUID storySetId, LateralUser teacher) {
        Optional<String> title = jdbc.sql("SELECT title FROM story_set WHERE id = :set AND school_id = :school")
                .param("set", storySetId)
                .param("school", teacher.schoolId())
                .query(String.class)
                .optional();
        if (title.isEmpty()) {
            return Optional.empty();
        }
        List<ComparisonDrafts.SetArticle> articles = new ArrayList<>();
        Map<UUID, String> outlets = new HashMap<>();
        Map<UUID, UUID> versions = new HashMap<>();
        jdbc.sql("""
                SELECT a.id, v.id AS version_id, v.title, v.canonical_text, o.name AS outlet
                  FROM article a JOIN article_version v ON v.id = a.current_version_id
                  JOIN outlet o ON o.id = a.outlet_id
                 WHERE a.story_set_id = :set AND a.school_id = :school
                 ORDER BY a.story_position, a.created_at
                """)
                .param("set", storySetId)
                .param("school", teacher.schoolId())
                .query((ResultSet rs) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    articles.add(
                            new ComparisonDrafts.SetArticle(id, rs.getString("title"), rs.getString("canonical_text")));
                    outlets.put(id, rs.getString("outlet"));
                    versions.put(id, rs.getObject("version_id", UUID.class));
                });
        return Optional.of(new StorySet(storySetId, title.get(), articles, outlets, versions));
    }

    private static Map<String, UUID> versionsBySlug(StorySet set) {
        Map<String, UUID> bySlug = new HashMap<>();
        for (ComparisonDrafts.SetArticle a : set.articles()) {
            bySlug.put(ComparisonDrafts.slug(a), set.articleVersions().get(a.articleId()));
        }
        return bySlug;
    }

    private record DraftRow(UUID keyId, int version, String body) {}

    /** The caller's comparison key of the set with its draft; {@code lock} holds the draft row. */
    private Optional<EditedComparison> ownKey(StorySet set, LateralUser teacher, boolean lock) {
        Optional<DraftRow> row = jdbc.sql("""
                SELECT k.id, d.version, d.body::text AS body
                  FROM comparison_key k JOIN comparison_key_draft d ON d.comparison_key_id = k.id
                 WHERE k.story_set_id = :set AND k.school_id = :school AND k.owner_id = :me
                """ + (lock ? " FOR UPDATE OF d" : ""))
                .param("set", set.storySetId())
                .param("school", teacher.schoolId())
                .param("me", teacher.accountId())
                .query((rs, n) ->
                        new DraftRow(rs.getObject("id", UUID.class), rs.getInt("version"), rs.getString("body")))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        DraftRow d = row.get();
        // Rows of an article that left the set are not shown; the next save drops them.
        ComparisonDraft draft = ComparisonDrafts.inSet(JSON.readValue(d.body(), ComparisonDraft.class), set.articles());
        Published published = published(d.keyId());
        return Optional.of(new EditedComparison(
                d.keyId(),
                d.version(),
                draft,
                published == null ? null : published.at(),
                published == null ? 0 : published.count(),
                published != null && published.hash().equals(hashAsPublished(d.keyId(), draft, set))));
    }

    private record Published(Instant at, int count, String hash) {}

    private @Nullable Published published(UUID keyId) {
        return jdbc.sql("""
                SELECT v.created_at, v.content_hash,
                       (SELECT count(*) FROM comparison_key_version WHERE comparison_key_id = k.id) AS count
                  FROM comparison_key k JOIN comparison_key_version v ON v.id = k.current_version_id
                 WHERE k.id = :key
                """)
                .param("key", keyId)
                .query((rs, n) -> new Published(
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getInt("count"),
                        rs.getString("content_hash")))
                .optional()
                .orElse(null);
    }

    private boolean isPublished(UUID keyId, ComparisonDraft draft, StorySet set) {
        Published published = published(keyId);
        return published != null && published.hash().equals(hashAsPublished(keyId, draft, set));
    }

    /** The hash the draft would publish as; "" while it cannot be published. */
    private static String hashAsPublished(UUID keyId, ComparisonDraft draft, StorySet set) {
        if (!ComparisonDrafts.publishProblems(draft, set.articles()).isEmpty()) {
            return "";
        }
        return LibraryImport.comparisonContentHash(
                ComparisonDrafts.toComparison(draft, keyId, set.articles()), versionsBySlug(set));
    }

    /**
     * The comparison key a teacher without one would copy: one covering the current text of every
     * article of the set first, then the pack's, then the earliest colleague's.
     */
    private Optional<Copyable> copyable(StorySet set, LateralUser teacher) {
        return jdbc.sql("""
                SELECT k.current_version_id AS id, k.owner_id IS NULL AS from_pack,
                       (SELECT count(*) FROM comparison_core_claim c WHERE c.version_id = k.current_version_id) AS claims,
                       (SELECT count(*) FROM comparison_rubric_level r WHERE r.version_id = k.current_version_id) AS levels
                  FROM comparison_key k
                 WHERE k.story_set_id = :set AND k.school_id = :school AND k.current_version_id IS NOT NULL
                   AND k.owner_id IS DISTINCT FROM :me
                 ORDER BY NOT EXISTS (SELECT 1 FROM article a
                                       WHERE a.story_set_id = k.story_set_id AND a.school_id = k.school_id
                                         AND NOT EXISTS (SELECT 1 FROM comparison_key_entry e
                                                          WHERE e.version_id = k.current_version_id
                                                            AND e.article_version_id = a.current_version_id)) DESC,
                          k.owner_id IS NULL DESC, k.created_at
                 LIMIT 1
                """)
                .param("set", set.storySetId())
                .param("school", teacher.schoolId())
                .param("me", teacher.accountId())
                .query((rs, n) -> new Copyable(
                        rs.getObject("id", UUID.class),
                        rs.getBoolean("from_pack"),
                        rs.getInt("claims"),
                        rs.getInt("levels")))
                .optional();
    }

    /**
     * A published comparison key version as a draft: what copying starts from. Rows and cells are
     * named by the article their version belongs to; quotes keep their place as a hint.
     */
    ComparisonDraft loadVersion(UUID versionId) {
        List<ComparisonDraft.Entry> entries = jdbc.sql("""
                SELECT v.article_id, e.headline_framing, e.framing, e.framing_also_accepted, e.framing_why,
                       e.outlet_kind_note, e.named_sources, e.named_sources_max, e.anonymous_sources,
                       e.anonymous_sources_max, e.hedges, e.loaded_words, e.reporting, e.relayed_from,
                       e.relayed_from_outlets, e.omissions, e.notes
                  FROM comparison_key_entry e JOIN article_version v ON v.id = e.article_version_id
                 WHERE e.version_id = :v ORDER BY e.position
                """)
                .param("v", versionId)
                .query((rs, n) -> {
                    List<String> relayed = strings(rs.getArray("relayed_from_outlets"));
                    String oldRelayed = rs.getString("relayed_from");
                    if (relayed.isEmpty() && oldRelayed != null && !oldRelayed.isBlank()) {
                        // A version stored before V0008 named what it relays in free text.
                        relayed = List.of(oldRelayed.strip());
                    }
                    return new ComparisonDraft.Entry(
                            rs.getObject("article_id", UUID.class),
                            rs.getString("headline_framing"),
                            rs.getString("framing"),
                            strings(rs.getArray("framing_also_accepted")),
                            rs.getString("framing_why"),
                            rs.getString("outlet_kind_note"),
                            rs.getInt("named_sources"),
                            rs.getObject("named_sources_max", Integer.class),
                            rs.getInt("anonymous_sources"),
                            rs.getObject("anonymous_sources_max", Integer.class),
                            strings(rs.getArray("hedges")),
                            strings(rs.getArray("loaded_words")),
                            rs.getString("reporting"),
                            relayed,
                            rs.getString("omissions"),
                            rs.getString("notes"));
                })
                .list();
        Map<String, List<ComparisonDraft.Carriage>> cells = new HashMap<>();
        jdbc.sql("""
                SELECT x.claim_id, v.article_id, x.how, x.also_accepted, x.why, x.start_offset, x.exact
                  FROM comparison_claim_carriage x JOIN article_version v ON v.id = x.article_version_id
                 WHERE x.version_id = :v
                """).param("v", versionId).query((ResultSet rs) -> {
            cells.computeIfAbsent(rs.getString("claim_id"), c -> new ArrayList<>())
                    .add(new ComparisonDraft.Carriage(
                            rs.getObject("article_id", UUID.class),
                            rs.getString("how"),
                            strings(rs.getArray("also_accepted")),
                            rs.getString("why"),
                            rs.getString("exact"),
                            rs.getObject("start_offset", Integer.class)));
        });
        Map<String, ComparisonDraft.CoreClaim> claims = new LinkedHashMap<>();
        jdbc.sql("SELECT claim_id, claim FROM comparison_core_claim WHERE version_id = :v ORDER BY position")
                .param("v", versionId)
                .query((ResultSet rs) -> {
                    String id = rs.getString("claim_id");
                    claims.put(
                            id,
                            new ComparisonDraft.CoreClaim(
                                    id, rs.getString("claim"), cells.getOrDefault(id, List.of())));
                });
        List<ComparisonDraft.Level> rubric = jdbc.sql(
                        "SELECT name, descriptor FROM comparison_rubric_level WHERE version_id = :v ORDER BY level")
                .param("v", versionId)
                .query((rs, n) -> new ComparisonDraft.Level(rs.getString("name"), rs.getString("descriptor")))
                .list();
        return new ComparisonDraft(entries, List.copyOf(claims.values()), rubric);
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
