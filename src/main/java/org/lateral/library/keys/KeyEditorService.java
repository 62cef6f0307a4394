package org.lateral.library.keys;

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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.UserFacingException;
import org.lateral.base.i18n.KeyedText;
import org.lateral.base.text.PlainText;
import org.lateral.library.ArticleOfMySchool;
import org.lateral.library.ClaimType;
import org.lateral.library.LibraryImport;
import org.lateral.library.SourceKind;
import org.lateral.library.suggest.DraftKeySuggester;
import org.lateral.library.suggest.Suggestions;
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
 * The key editor's service (DD021). Each teacher has at most one key of their own per article, and
 * every method works on the caller's own key of the article named, so another teacher's key (or
 * the pack's) can never be changed here: it can only be copied. The draft is saved whole with
 * every change, checked against the limits of {@link KeyDrafts} and against the version the page
 * started from (a stale page is refused); publishing stores an immutable key version through
 * {@link LibraryImport#publishKey}, the same path a pack's keys take.
 */
@Service
@Transactional(readOnly = true)
public class KeyEditorService {

    /** The largest draft stored, in bytes of JSON; V0018 refuses more than 2,000,000. */
    static final int MAX_DRAFT_BYTES = 1_500_000;

    // A draft written before a field existed reads that field as empty (KeyDraft's constructors);
    // a missing number reads as 0, which the limits then refuse on the next save with a sentence.
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final Logger log = LoggerFactory.getLogger(KeyEditorService.class);

    private final CurrentUser currentUser;
    private final JdbcClient jdbc;
    private final LibraryImport library;
    private final Clock clock;

    private final AuditTrail audit;

    KeyEditorService(CurrentUser currentUser, JdbcClient jdbc, LibraryImport library, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.library = library;
        this.clock = clock;
    }

    /** The article as students read it now. */
    /** The article as students read it now; {@code storySetId} when it belongs to a story set. */
    public record Article(
            UUID articleId,
            UUID articleVersionId,
            String title,
            String text,
            boolean mine,
            @Nullable UUID storySetId) {}

    /**
     * The caller's own key of the article.
     *
     * @param version the draft's version, to name when saving (optimistic locking)
     * @param publishedAt when the current published version was made; null before the first
     * @param lost passages of the draft that the article's corrected text no longer has
     */
    public record EditedKey(
            UUID keyId,
            int version,
            KeyDraft draft,
            @Nullable Instant publishedAt,
            int publishedVersions,
            boolean draftPublished,
            List<KeyedText> lost) {
        public EditedKey {
            lost = List.copyOf(lost);
        }
    }

    /** A key of the article the caller may copy: the pack's, else a colleague's. */
    public record Copyable(UUID keyVersionId, boolean fromPack, int claims, int sources) {}

    /** What the editor shows: the article, the caller's key if started, and a key to copy if any. */
    public record Workspace(
            Article article,
            @Nullable EditedKey key,
            @Nullable Copyable copyable) {}

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

    /**
     * The editor's view of the article. A draft anchored to an earlier version of the article is
     * moved to the current text first (DD021), which is why opening may write.
     */
    @Transactional
    @ArticleOfMySchool
    public Optional<Workspace> open(UUID articleId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        Optional<Article> found = article(articleId, teacher);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Article article = found.get();
        EditedKey key = ownKey(article, teacher, false).orElse(null);
        Copyable copyable = key == null ? copyable(article, teacher).orElse(null) : null;
        return Optional.of(new Workspace(article, key, copyable));
    }

    /**
     * Starts the caller's key of the article: empty (to write from the suggestions), or as a copy
     * of the key {@link #open} offers. A caller who already has a key gets it unchanged.
     */
    @Transactional
    @ArticleOfMySchool
    public Workspace start(UUID articleId, boolean copy) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        // One key per teacher and article even when two tabs start it at once.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('lateral-key-start'), hashtext(:who))")
                .param("who", teacher.accountId() + "/" + articleId)
                .query(Object.class)
                .single();
        Article article = article(articleId, teacher)
                .orElseThrow(() -> UserFacingException.of("library.key.refusal.articleNotYours"));
        if (ownKey(article, teacher, false).isEmpty()) {
            KeyDraft body = KeyDraft.EMPTY;
            if (copy) {
                Copyable from = copyable(article, teacher)
                        .orElseThrow(() -> UserFacingException.of("library.key.refusal.nothingToCopy"));
                body = loadVersion(from.keyVersionId());
            }
            Instant now = now();
            UUID keyId = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO answer_key (id, school_id, article_id, owner_id, created_at, updated_at)
                    VALUES (:id, :school, :article, :owner, :now, :now)
                    """)
                    .param("id", keyId)
                    .param("school", teacher.schoolId())
                    .param("article", articleId)
                    .param("owner", teacher.accountId())
                    .param("now", Timestamp.from(now))
                    .update();
            jdbc.sql("""
                    INSERT INTO key_draft (key_id, school_id, article_version_id, body, updated_by, updated_at)
                    VALUES (:key, :school, :articleVersion, CAST(:body AS jsonb), :by, :now)
                    """)
                    .param("key", keyId)
                    .param("school", teacher.schoolId())
                    .param("articleVersion", article.articleVersionId())
                    .param("body", JSON.writeValueAsString(body))
                    .param("by", teacher.accountId())
                    .param("now", Timestamp.from(now))
                    .update();
        }
        return new Workspace(article, ownKey(article, teacher, false).orElseThrow(), null);
    }

    /**
     * A saved draft: its new version, and whether it is the published key as it stands (publishing
     * it would add nothing).
     */
    public record Saved(int version, boolean published) {}

    /**
     * Saves the caller's draft, which the page changed starting from {@code expectedVersion}. Refused,
     * with nothing saved, when a limit is broken or another save came first ({@link
     * StaleDraftException}).
     */
    @Transactional
    @ArticleOfMySchool
    public Saved save(UUID articleId, int expectedVersion, KeyDraft draft) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        Article article = article(articleId, teacher)
                .orElseThrow(() -> UserFacingException.of("library.key.refusal.articleNotYours"));
        EditedKey key = ownKey(article, teacher, true)
                .orElseThrow(() -> UserFacingException.of("library.key.refusal.noKeyYet"));
        if (key.version() != expectedVersion) {
            throw new StaleDraftException("library.key.refusal.stale");
        }
        KeyDrafts.checkLimits(draft, article.text());
        String body = PlainText.storableJson(JSON.writeValueAsString(draft));
        if (body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_DRAFT_BYTES) {
            throw UserFacingException.of("library.key.refusal.tooLarge");
        }
        int updated = jdbc.sql("""
                UPDATE key_draft SET body = CAST(:body AS jsonb), version = version + 1, updated_by = :by, updated_at = :now
                 WHERE key_id = :key AND version = :expected
                """)
                .param("body", body)
                .param("by", teacher.accountId())
                .param("now", Timestamp.from(now()))
                .param("key", key.keyId())
                .param("expected", expectedVersion)
                .update();
        if (updated != 1) {
            throw new StaleDraftException("library.key.refusal.stale");
        }
        return new Saved(expectedVersion + 1, isPublished(key.keyId(), draft, article));
    }

    /**
     * Publishes the caller's draft as a new immutable key version, the one new assignments pin and
     * existing ones are offered (LibraryPins.newerKeyVersion). Nothing is stored while
     * {@link KeyDrafts#publishProblems} names a gap, or when the page is stale.
     */
    @Transactional
    @ArticleOfMySchool
    public Publication publish(UUID articleId, int expectedVersion) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        Article article = article(articleId, teacher)
                .orElseThrow(() -> UserFacingException.of("library.key.refusal.articleNotYours"));
        EditedKey key = ownKey(article, teacher, true)
                .orElseThrow(() -> UserFacingException.of("library.key.refusal.noKeyYet"));
        if (key.version() != expectedVersion) {
            throw new StaleDraftException("library.key.refusal.stale");
        }
        List<KeyedText> problems = KeyDrafts.publishProblems(key.draft(), article.text());
        if (!problems.isEmpty()) {
            return new Publication(problems, null, false);
        }
        LibraryImport.PublishedKey published;
        try {
            published = library.publishKey(
                    KeyDrafts.toKey(key.draft(), key.keyId(), article.text()), article.articleVersionId());
        } catch (DataIntegrityViolationException e) {
            // The limits mirror the tables' checks; should one be missed, the teacher gets a sentence
            // and the transaction rolls back whole.
            log.warn("A key draft passed the limits but was refused by the database", e);
            throw UserFacingException.of("library.key.refusal.unstorable");
        }
        audit.record(
                AuditAction.KEY_PUBLISHED,
                AuditOutcome.SUCCESS,
                "article, key version",
                List.of(articleId, published.versionId()),
                published.added() ? "a new version" : "the same as the current version");
        return new Publication(List.of(), published.versionId(), published.added());
    }

    /** The draft-key suggestions for the article's current text (DD019). */
    @ArticleOfMySchool
    public Suggestions suggestions(UUID articleId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        Article article = article(articleId, teacher)
                .orElseThrow(() -> UserFacingException.of("library.key.refusal.articleNotYours"));
        return Suggester.INSTANCE.suggest(article.text());
    }

    // --- reading ---------------------------------------------------------------------------

    private Optional<Article> article(UUID articleId, LateralUser teacher) {
        return jdbc.sql("""
                SELECT a.id, v.id AS version_id, v.title, v.canonical_text, a.owner_id = :me AS mine, a.story_set_id
                  FROM article a JOIN article_version v ON v.id = a.current_version_id
                 WHERE a.id = :article AND a.school_id = :school
                """)
                .param("article", articleId)
                .param("school", teacher.schoolId())
                .param("me", teacher.accountId())
                .query((rs, n) -> new Article(
                        rs.getObject("id", UUID.class),
                        rs.getObject("version_id", UUID.class),
                        rs.getString("title"),
                        rs.getString("canonical_text"),
                        rs.getBoolean("mine"),
                        rs.getObject("story_set_id", UUID.class)))
                .optional();
    }

    private record DraftRow(UUID keyId, UUID articleVersionId, int version, String body) {}

    /**
     * The caller's key of the article with its draft, moved to the article's current text when it
     * was anchored to an earlier one; {@code lock} holds the draft row for the caller's transaction.
     */
    private Optional<EditedKey> ownKey(Article article, LateralUser teacher, boolean lock) {
        Optional<DraftRow> row = jdbc.sql("""
                SELECT k.id, d.article_version_id, d.version, d.body::text AS body
                  FROM answer_key k JOIN key_draft d ON d.key_id = k.id
                 WHERE k.article_id = :article AND k.school_id = :school AND k.owner_id = :me
                """ + (lock ? " FOR UPDATE OF d" : ""))
                .param("article", article.articleId())
                .param("school", teacher.schoolId())
                .param("me", teacher.accountId())
                .query((rs, n) -> new DraftRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("article_version_id", UUID.class),
                        rs.getInt("version"),
                        rs.getString("body")))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        DraftRow d = row.get();
        KeyDraft draft = JSON.readValue(d.body(), KeyDraft.class);
        int version = d.version();
        List<KeyedText> lost = List.of();
        if (!d.articleVersionId().equals(article.articleVersionId())) {
            if (lock) {
                // Saving or publishing from a page opened before the correction: its offsets are
                // into the old text. Opening the editor again moves the draft first.
                throw new StaleDraftException("library.key.refusal.articleChanged");
            }
            String oldText = jdbc.sql("SELECT canonical_text FROM article_version WHERE id = :id")
                    .param("id", d.articleVersionId())
                    .query(String.class)
                    .single();
            if (!oldText.equals(article.text())) {
                KeyDrafts.Moved moved = KeyDrafts.move(draft, oldText, article.text());
                draft = moved.draft();
                lost = moved.lost();
            }
            Optional<Integer> moved = jdbc.sql("""
                    UPDATE key_draft SET body = CAST(:body AS jsonb), article_version_id = :articleVersion,
                                         version = version + 1, updated_at = :now
                     WHERE key_id = :key AND version = :expected
                    RETURNING version
                    """)
                    .param("body", JSON.writeValueAsString(draft))
                    .param("articleVersion", article.articleVersionId())
                    .param("now", Timestamp.from(now()))
                    .param("key", d.keyId())
                    .param("expected", d.version())
                    .query(Integer.class)
                    .optional();
            if (moved.isEmpty()) {
                // Another tab moved it at the same moment: read what it stored.
                return ownKey(article, teacher, false);
            }
            version = moved.get();
        }
        Published published = published(d.keyId());
        return Optional.of(new EditedKey(
                d.keyId(),
                version,
                draft,
                published == null ? null : published.at(),
                published == null ? 0 : published.count(),
                published != null && published.hash().equals(hashAsPublished(d.keyId(), draft, article)),
                lost));
    }

    private record Published(Instant at, int count, String hash) {}

    /** The key's current published version; null before the first. */
    private @Nullable Published published(UUID keyId) {
        return jdbc.sql("""
                SELECT v.created_at, v.content_hash, (SELECT count(*) FROM answer_key_version WHERE key_id = k.id) AS count
                  FROM answer_key k JOIN answer_key_version v ON v.id = k.current_version_id
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

    /** Whether the draft is the key's current version as it stands: it hashes as that version does. */
    private boolean isPublished(UUID keyId, KeyDraft draft, Article article) {
        Published published = published(keyId);
        return published != null && published.hash().equals(hashAsPublished(keyId, draft, article));
    }

    private static String hashAsPublished(UUID keyId, KeyDraft draft, Article article) {
        return LibraryImport.keyContentHash(KeyDrafts.toKey(draft, keyId, article.text()), article.articleVersionId());
    }

    /** The key a teacher without one would copy: the pack's first, else the earliest colleague's. */
    private Optional<Copyable> copyable(Article article, LateralUser teacher) {
        return jdbc.sql("""
                SELECT kv.id, k.owner_id IS NULL AS from_pack,
                       (SELECT count(*) FROM key_claim c WHERE c.key_version_id = kv.id) AS claims,
                       (SELECT count(*) FROM key_source s WHERE s.key_version_id = kv.id) AS sources
                  FROM answer_key k JOIN answer_key_version kv ON kv.id = k.current_version_id
                 WHERE k.article_id = :article AND k.school_id = :school AND kv.article_version_id = :articleVersion
                   AND k.owner_id IS DISTINCT FROM :me
                 ORDER BY kv.status = 'complete' DESC, k.owner_id IS NULL DESC, k.created_at
                 LIMIT 1
                """)
                .param("article", article.articleId())
                .param("school", teacher.schoolId())
                .param("articleVersion", article.articleVersionId())
                .param("me", teacher.accountId())
                .query((rs, n) -> new Copyable(
                        rs.getObject("id", UUID.class),
                        rs.getBoolean("from_pack"),
                        rs.getInt("claims"),
                        rs.getInt("sources")))
                .optional();
    }

    /** A published key version as a draft: what copying a key starts from. */
    private KeyDraft loadVersion(UUID versionId) {
        Map<String, List<String>> links = new HashMap<>();
        jdbc.sql(
                        "SELECT claim_id, source_id FROM key_claim_source WHERE key_version_id = :v ORDER BY claim_id, source_id")
                .param("v", versionId)
                .query((ResultSet rs) -> {
                    links.computeIfAbsent(rs.getString("claim_id"), c -> new ArrayList<>())
                            .add(rs.getString("source_id"));
                });
        Map<String, List<KeyDraft.Span>> mentions = new HashMap<>();
        jdbc.sql("""
                SELECT source_id, start_offset, end_offset FROM key_source_attribution
                 WHERE key_version_id = :v ORDER BY source_id, start_offset
                """).param("v", versionId).query((ResultSet rs) -> {
            mentions.computeIfAbsent(rs.getString("source_id"), s -> new ArrayList<>())
                    .add(new KeyDraft.Span(rs.getInt("start_offset"), rs.getInt("end_offset")));
        });
        Map<String, KeyDraft.Source> sources = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT source_id, name, aliases, kind, also_accepted_kinds, kind_why, origin, relayed_from
                  FROM key_source WHERE key_version_id = :v ORDER BY position
                """).param("v", versionId).query((ResultSet rs) -> {
            String id = rs.getString("source_id");
            sources.put(
                    id,
                    new KeyDraft.Source(
                            id,
                            rs.getString("name"),
                            strings(rs.getArray("aliases")),
                            SourceKind.fromCode(rs.getString("kind")).orElseThrow(),
                            strings(rs.getArray("also_accepted_kinds")).stream()
                                    .map(k -> SourceKind.fromCode(k).orElseThrow())
                                    .toList(),
                            rs.getString("kind_why"),
                            rs.getString("origin").equals("primary"),
                            rs.getString("relayed_from"),
                            mentions.getOrDefault(id, List.of())));
        });
        List<KeyDraft.Claim> claims = jdbc.sql("""
                SELECT claim_id, start_offset, end_offset, types, worthiness, why, cues
                  FROM key_claim WHERE key_version_id = :v ORDER BY start_offset, end_offset
                """)
                .param("v", versionId)
                .query((rs, n) -> {
                    String id = rs.getString("claim_id");
                    Set<ClaimType> types = EnumSet.noneOf(ClaimType.class);
                    strings(rs.getArray("types"))
                            .forEach(t -> types.add(ClaimType.fromCode(t).orElseThrow()));
                    return new KeyDraft.Claim(
                            id,
                            rs.getInt("start_offset"),
                            rs.getInt("end_offset"),
                            types,
                            rs.getInt("worthiness"),
                            rs.getString("why"),
                            strings(rs.getArray("cues")),
                            // In the key's source order, which is the order the editor shows them.
                            sources.keySet().stream()
                                    .filter(links.getOrDefault(id, List.of())::contains)
                                    .toList());
                })
                .list();
        // The copied version's note on what it changed described that key's history, not the copy's.
        return new KeyDraft(claims, List.copyOf(sources.values()), List.of(), "");
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** One suggester for the application, made on first use: its models load once (DD019). */
    private static final class Suggester {
        static final DraftKeySuggester INSTANCE = new DraftKeySuggester();
    }
}
