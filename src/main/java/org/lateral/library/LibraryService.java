package org.lateral.library;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.text.PlainText;
import org.lateral.security.CurrentUser;
import org.lateral.security.ForTeachers;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The library as teachers see it: their school's articles, outlets and answer keys. The security
 * boundary for the library: every method needs the TEACHER role and reads only the caller's
 * school; an article or outlet of another school is reported as missing.
 */
@Service
@Transactional(readOnly = true)
public class LibraryService {

    static final int MAX_SEARCH_LENGTH = 200;

    private final CurrentUser currentUser;
    private final JdbcClient jdbc;

    LibraryService(CurrentUser currentUser, JdbcClient jdbc) {
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

    /**
     * The school's articles, in story-set order, optionally only those whose title or outlet
     * contains {@code search} (case-insensitive).
     */
    @ForTeachers
    public List<LibraryEntry> articles(String search) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        String term = PlainText.storable(search).strip();
        if (term.length() > MAX_SEARCH_LENGTH) {
            term = term.substring(0, MAX_SEARCH_LENGTH);
        }
        String pattern = "%"
                + term.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        // Whether it names sources is asked of the key an assignment would pin (LibraryPins.current:
        // the one anchored to the current version), so the library promises what assigning allows.
        return jdbc.sql("""
                SELECT a.id, v.title, o.id AS outlet_id, o.name AS outlet_name, o.kind AS outlet_kind,
                       s.id AS set_id, s.title AS set_title, a.story_position, v.published_on, v.published_precision,
                       v.published_note, s.maturity_note, s.age_band, s.analysis_note, s.support_note, v.content_note,
                       (SELECT kv.status FROM answer_key k JOIN answer_key_version kv ON kv.id = k.current_version_id
                         WHERE k.article_id = a.id AND k.school_id = a.school_id
                         ORDER BY kv.status = 'complete' DESC, k.owner_id IS NOT DISTINCT FROM :me DESC,
                                  k.owner_id IS NULL DESC, k.created_at
                         LIMIT 1) AS key_status,
                       EXISTS (SELECT 1 FROM key_source ks WHERE ks.key_version_id =
                               (SELECT k.current_version_id FROM answer_key k
                                  JOIN answer_key_version kv ON kv.id = k.current_version_id
                                 WHERE k.article_id = a.id AND k.school_id = a.school_id
                                   AND kv.article_version_id = v.id
                                 ORDER BY kv.status = 'complete' DESC, k.owner_id IS NOT DISTINCT FROM :me DESC,
                                          k.owner_id IS NULL DESC, k.created_at
                                 LIMIT 1)) AS key_names_sources,
                       EXISTS (SELECT 1 FROM comparison_key ck
                                 JOIN comparison_key_entry ce ON ce.version_id = ck.current_version_id
                                WHERE ck.story_set_id = a.story_set_id AND ck.school_id = a.school_id
                                  AND ce.article_version_id = v.id
                                  -- A comparison needs a second article the key covers as it stands.
                                  AND (SELECT count(*) FROM comparison_key_entry ce2
                                         JOIN article a2 ON a2.current_version_id = ce2.article_version_id
                                        WHERE ce2.version_id = ck.current_version_id) >= 2) AS comparable
                  FROM article a
                  JOIN article_version v ON v.id = a.current_version_id
                  JOIN outlet o ON o.id = a.outlet_id
                  LEFT JOIN story_set s ON s.id = a.story_set_id
                 WHERE a.school_id = :school
                   AND (lower(v.title) LIKE :pattern OR lower(o.name) LIKE :pattern)
                 ORDER BY s.title NULLS LAST, a.story_position NULLS LAST, v.title
                """)
                .param("school", teacher.schoolId())
                .param("me", teacher.accountId())
                .param("pattern", pattern)
                .query((rs, n) -> new LibraryEntry(
                        rs.getObject("id", UUID.class),
                        rs.getString("title"),
                        rs.getObject("outlet_id", UUID.class),
                        rs.getString("outlet_name"),
                        outletKind(rs.getString("outlet_kind")),
                        rs.getObject("set_id", UUID.class),
                        rs.getString("set_title"),
                        (Integer) rs.getObject("story_position"),
                        publicationDate(rs),
                        keyStatus(rs.getString("key_status")),
                        rs.getString("maturity_note"),
                        rs.getString("age_band"),
                        rs.getString("analysis_note"),
                        rs.getString("support_note"),
                        rs.getString("content_note"),
                        rs.getBoolean("key_names_sources"),
                        rs.getBoolean("comparable")))
                .list();
    }

    /** One article as the reader shows it, with its outlet and its current answer key. */
    @ArticleOfMySchool
    public Optional<ArticleReading> reading(UUID articleId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        Optional<ArticleReading> base = jdbc.sql("""
                SELECT a.id, v.id AS version_id, v.content_hash, v.title, v.byline, v.published_on, v.published_precision,
                       v.published_note, v.original_url, v.original_url_source, v.content_note, v.language,
                       v.canonical_text, v.removed_chrome, v.source_file, a.story_set_id, s.title AS set_title, s.maturity_note,
                       s.age_band, s.analysis_note, s.support_note, a.outlet_id
                  FROM article a
                  JOIN article_version v ON v.id = a.current_version_id
                  LEFT JOIN story_set s ON s.id = a.story_set_id
                 WHERE a.id = :id AND a.school_id = :school
                """)
                .param("id", articleId)
                .param("school", teacher.schoolId())
                .query((rs, n) -> new ArticleReading(
                        rs.getObject("id", UUID.class),
                        rs.getObject("version_id", UUID.class),
                        rs.getString("content_hash"),
                        rs.getString("title"),
                        rs.getString("byline"),
                        publicationDate(rs),
                        rs.getString("original_url"),
                        rs.getString("original_url_source"),
                        rs.getString("content_note"),
                        rs.getString("language"),
                        rs.getString("canonical_text"),
                        texts(rs.getArray("removed_chrome")),
                        rs.getString("source_file"),
                        rs.getObject("story_set_id", UUID.class),
                        rs.getString("set_title"),
                        rs.getString("maturity_note"),
                        rs.getString("age_band"),
                        rs.getString("analysis_note"),
                        rs.getString("support_note"),
                        outletOf(rs.getObject("outlet_id", UUID.class), teacher.schoolId())
                                .orElseThrow(),
                        null))
                .optional();
        return base.map(r -> new ArticleReading(
                r.articleId(),
                r.versionId(),
                r.contentHash(),
                r.title(),
                r.byline(),
                r.published(),
                r.originalUrl(),
                r.originalUrlSource(),
                r.contentNote(),
                r.language(),
                r.canonicalText(),
                r.removedChrome(),
                r.sourceFile(),
                r.storySetId(),
                r.storySetTitle(),
                r.maturityNote(),
                r.ageBand(),
                r.analysisNote(),
                r.supportNote(),
                r.outlet(),
                keyFor(r.articleId(), r.versionId(), teacher.schoolId(), teacher.accountId())));
    }

    @OutletOfMySchool
    public Optional<OutletProfile> outlet(UUID outletId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        return outletOf(outletId, teacher.schoolId());
    }

    /** The articles of one outlet in the school's library, for its profile page. */
    @OutletOfMySchool
    public List<LibraryEntry> articlesOf(UUID outletId) {
        return articles("").stream().filter(e -> e.outletId().equals(outletId)).toList();
    }

    /**
     * The outlet's current profile version and, newest first, the versions before it (DD012).
     * Versions are read by creation time: the current one is the pointer, the earlier ones are
     * every other version stored before it.
     */
    Optional<OutletProfile> outletOf(UUID outletId, UUID schoolId) {
        Optional<OutletProfile> current = jdbc.sql("""
                SELECT o.id, o.name, o.kind, o.country, o.ownership, o.ownership_source, o.publisher, o.publisher_source,
                       o.description, o.home_url, o.owner_id, v.facts::text AS facts, v.created_at AS current_since
                  FROM outlet o
                  LEFT JOIN outlet_version v ON v.id = o.current_version_id
                 WHERE o.id = :id AND o.school_id = :school
                """)
                .param("id", outletId)
                .param("school", schoolId)
                .query((rs, n) -> new OutletProfile(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        outletKind(rs.getString("kind")),
                        rs.getString("country"),
                        rs.getString("ownership"),
                        rs.getString("ownership_source"),
                        rs.getString("publisher"),
                        rs.getString("publisher_source"),
                        rs.getString("description"),
                        rs.getString("home_url"),
                        OutletFacts.fromJson(rs.getString("facts")),
                        rs.getObject("owner_id") == null,
                        instant(rs.getTimestamp("current_since")),
                        List.of()))
                .optional();
        if (current.isEmpty()) {
            return current;
        }
        List<OutletProfile.EarlierVersion> earlier = jdbc.sql("""
                SELECT v.created_at, v.name, v.country, v.ownership, v.publisher, v.description, v.facts::text AS facts
                  FROM outlet_version v
                  JOIN outlet o ON o.id = v.outlet_id
                 WHERE v.outlet_id = :id AND o.school_id = :school AND (o.current_version_id IS NULL OR v.id <> o.current_version_id)
                 ORDER BY v.created_at DESC, v.id
                """)
                .param("id", outletId)
                .param("school", schoolId)
                .query((rs, n) -> new OutletProfile.EarlierVersion(
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("name"),
                        rs.getString("country"),
                        rs.getString("ownership"),
                        rs.getString("publisher"),
                        rs.getString("description"),
                        OutletFacts.fromJson(rs.getString("facts"))))
                .list();
        OutletProfile o = current.get();
        return Optional.of(new OutletProfile(
                o.id(),
                o.name(),
                o.kind(),
                o.country(),
                o.ownership(),
                o.ownershipSource(),
                o.publisher(),
                o.publisherSource(),
                o.description(),
                o.homeUrl(),
                o.facts(),
                o.fromPack(),
                o.currentSince(),
                earlier));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The current key version anchored to this article version, if the school has one. */
    private @Nullable KeyOverlay keyFor(UUID articleId, UUID articleVersionId, UUID schoolId, UUID teacherId) {
        record KeyRow(UUID keyId, UUID versionId, String status, String notes) {}
        Optional<KeyRow> key = jdbc.sql("""
                SELECT k.id, kv.id AS version_id, kv.status, kv.notes
                  FROM answer_key k
                  JOIN answer_key_version kv ON kv.id = k.current_version_id
                 WHERE k.article_id = :article AND k.school_id = :school AND kv.article_version_id = :articleVersion
                 ORDER BY kv.status = 'complete' DESC, k.owner_id IS NOT DISTINCT FROM :me DESC,
                          k.owner_id IS NULL DESC, k.created_at
                 LIMIT 1
                """)
                .param("article", articleId)
                .param("school", schoolId)
                .param("me", teacherId)
                .param("articleVersion", articleVersionId)
                .query((rs, n) -> new KeyRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("version_id", UUID.class),
                        rs.getString("status"),
                        rs.getString("notes")))
                .optional();
        if (key.isEmpty()) {
            return null;
        }
        UUID version = key.get().versionId();
        Map<String, List<String>> links = new HashMap<>();
        jdbc.sql(
                        "SELECT claim_id, source_id FROM key_claim_source WHERE key_version_id = :v ORDER BY claim_id, source_id")
                .param("v", version)
                .query((ResultSet rs) -> {
                    links.computeIfAbsent(rs.getString("claim_id"), c -> new ArrayList<>())
                            .add(rs.getString("source_id"));
                });
        List<KeyOverlay.Claim> claims = jdbc.sql("""
                SELECT claim_id, start_offset, end_offset, exact, types, worthiness, why, cues
                  FROM key_claim WHERE key_version_id = :v ORDER BY start_offset, position
                """)
                .param("v", version)
                .query((rs, n) -> new KeyOverlay.Claim(
                        rs.getString("claim_id"),
                        rs.getInt("start_offset"),
                        rs.getInt("end_offset"),
                        rs.getString("exact"),
                        claimTypes(rs.getArray("types")),
                        rs.getInt("worthiness"),
                        rs.getString("why"),
                        texts(rs.getArray("cues")),
                        links.getOrDefault(rs.getString("claim_id"), List.of())))
                .list();
        Map<String, List<KeyOverlay.Attribution>> attributions = new HashMap<>();
        jdbc.sql("""
                SELECT source_id, start_offset, end_offset, exact FROM key_source_attribution
                 WHERE key_version_id = :v ORDER BY start_offset
                """).param("v", version).query((ResultSet rs) -> {
            attributions
                    .computeIfAbsent(rs.getString("source_id"), s -> new ArrayList<>())
                    .add(new KeyOverlay.Attribution(
                            rs.getInt("start_offset"), rs.getInt("end_offset"), rs.getString("exact")));
        });
        List<KeyOverlay.Source> sources = jdbc.sql("""
                SELECT source_id, name, aliases, kind, also_accepted_kinds, kind_why, origin, relayed_from
                  FROM key_source WHERE key_version_id = :v ORDER BY position
                """)
                .param("v", version)
                .query((rs, n) -> new KeyOverlay.Source(
                        rs.getString("source_id"),
                        rs.getString("name"),
                        texts(rs.getArray("aliases")),
                        SourceKind.fromCode(rs.getString("kind")).orElseThrow(),
                        texts(rs.getArray("also_accepted_kinds")).stream()
                                .map(code -> SourceKind.fromCode(code).orElseThrow())
                                .toList(),
                        rs.getString("kind_why"),
                        "primary".equals(rs.getString("origin")),
                        rs.getString("relayed_from"),
                        attributions.getOrDefault(rs.getString("source_id"), List.of())))
                .list();
        return new KeyOverlay(
                key.get().keyId(), version, key.get().status(), key.get().notes(), claims, sources);
    }

    static PublicationDate publicationDate(ResultSet rs) throws SQLException {
        return new PublicationDate(
                rs.getObject("published_on", LocalDate.class),
                PublicationDate.Precision.valueOf(
                        rs.getString("published_precision").toUpperCase(Locale.ROOT)),
                rs.getString("published_note"));
    }

    static OutletKind outletKind(String code) {
        return OutletKind.fromCode(code).orElseThrow();
    }

    private static LibraryEntry.KeyStatus keyStatus(@Nullable String status) {
        if (status == null) {
            return LibraryEntry.KeyStatus.NONE;
        }
        return "complete".equals(status) ? LibraryEntry.KeyStatus.COMPLETE : LibraryEntry.KeyStatus.DRAFT;
    }

    private static List<String> texts(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            values.add((String) o);
        }
        return values;
    }

    private static Set<ClaimType> claimTypes(Array array) throws SQLException {
        Set<ClaimType> types = EnumSet.noneOf(ClaimType.class);
        for (String code : texts(array)) {
            ClaimType.fromCode(code).ifPresent(types::add);
        }
        return types;
    }
}
