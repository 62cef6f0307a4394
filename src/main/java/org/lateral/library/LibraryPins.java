package org.lateral.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.security.Trusted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an assignment pins: the current version of an article and of its answer key. For other
 * features' services, which have already checked the caller (a teacher of the school, or start-up
 * seeding); it reads only the given school's library, so a foreign article is simply not found.
 */
@Service
@Trusted
@Transactional(readOnly = true)
public class LibraryPins {

    private final JdbcClient jdbc;
    private final LibraryService outlets;

    LibraryPins(JdbcClient jdbc, LibraryService outlets) {
        this.jdbc = jdbc;
        this.outlets = outlets;
    }

    /** The story set an article belongs to, if any. */
    public Optional<UUID> storySetOf(UUID schoolId, UUID articleId) {
        return jdbc.sql(
                        "SELECT story_set_id FROM article WHERE id = :a AND school_id = :school AND story_set_id IS NOT NULL")
                .param("a", articleId)
                .param("school", schoolId)
                .query(UUID.class)
                .optional();
    }

    /** A level of a judgement rubric: 0 is the lowest. */
    public record RubricLevel(int level, String name, String descriptor) {}

    /**
     * What a compare step pins of a story set (DD015): the current version of its comparison key,
     * the article versions that version covers, and the rubric it ships.
     */
    public record ComparisonPin(
            UUID storySetId,
            String storySetTitle,
            UUID versionId,
            Set<UUID> articleVersionIds,
            List<RubricLevel> rubric) {
        public ComparisonPin {
            articleVersionIds = Set.copyOf(articleVersionIds);
            rubric = List.copyOf(rubric);
        }
    }

    /** The story set's current comparison key, when it has one: the pack's, else the earliest. */
    public Optional<ComparisonPin> comparisonPin(UUID schoolId, UUID storySetId) {
        return comparisonPin(schoolId, storySetId, null);
    }

    /**
     * The comparison key a compare step of {@code teacherId} pins (DD021, "Comparison keys"): among
     * the published ones, those that cover the current version of every article of the set first,
     * and among them the teacher's own, else the pack's, else the earliest colleague's.
     */
    public Optional<ComparisonPin> comparisonPin(UUID schoolId, UUID storySetId, @Nullable UUID teacherId) {
        record Head(String title, UUID versionId) {}
        Optional<Head> head = jdbc.sql("""
                SELECT s.title, k.current_version_id
                  FROM story_set s JOIN comparison_key k ON k.story_set_id = s.id AND k.school_id = s.school_id
                 WHERE s.id = :set AND s.school_id = :school AND k.current_version_id IS NOT NULL
                 ORDER BY NOT EXISTS (SELECT 1 FROM article a
                                       WHERE a.story_set_id = s.id AND a.school_id = s.school_id
                                         AND NOT EXISTS (SELECT 1 FROM comparison_key_entry e
                                                          WHERE e.version_id = k.current_version_id
                                                            AND e.article_version_id = a.current_version_id)) DESC,
                          k.owner_id IS NOT DISTINCT FROM :teacher DESC, k.owner_id IS NULL DESC, k.created_at
                 LIMIT 1
                """)
                .param("set", storySetId)
                .param("school", schoolId)
                .param("teacher", teacherId, java.sql.Types.OTHER)
                .query((rs, n) -> new Head(rs.getString("title"), rs.getObject("current_version_id", UUID.class)))
                .optional();
        return head.map(h -> new ComparisonPin(
                storySetId,
                h.title(),
                h.versionId(),
                Set.copyOf(jdbc.sql("SELECT article_version_id FROM comparison_key_entry WHERE version_id = :v")
                        .param("v", h.versionId())
                        .query(UUID.class)
                        .list()),
                rubric(h.versionId())));
    }

    /** The rubric a comparison key version ships, lowest level first. */
    public List<RubricLevel> rubric(UUID comparisonKeyVersionId) {
        return jdbc.sql(
                        "SELECT level, name, descriptor FROM comparison_rubric_level WHERE version_id = :v ORDER BY level")
                .param("v", comparisonKeyVersionId)
                .query((rs, n) -> new RubricLevel(rs.getInt("level"), rs.getString("name"), rs.getString("descriptor")))
                .list();
    }

    /**
     * One pinned article as a compare column shows it: headline, outlet, date, byline and text.
     * Nothing of any key.
     */
    public record ColumnArticle(
            UUID articleId,
            UUID articleVersionId,
            String title,
            @Nullable String byline,
            PublicationDate published,
            String canonicalText,
            UUID outletId,
            String outletName,
            OutletKind outletKind) {}

    public Optional<ColumnArticle> columnArticle(UUID schoolId, UUID articleVersionId) {
        return jdbc.sql("""
                SELECT a.id, v.id AS version_id, v.title, v.byline, v.published_on, v.published_precision,
                       v.published_note, v.canonical_text, o.id AS outlet_id, o.name AS outlet_name, o.kind
                  FROM article_version v JOIN article a ON a.id = v.article_id JOIN outlet o ON o.id = a.outlet_id
                 WHERE v.id = :v AND a.school_id = :school
                """)
                .param("v", articleVersionId)
                .param("school", schoolId)
                .query((rs, n) -> new ColumnArticle(
                        rs.getObject("id", UUID.class),
                        rs.getObject("version_id", UUID.class),
                        rs.getString("title"),
                        rs.getString("byline"),
                        LibraryService.publicationDate(rs),
                        rs.getString("canonical_text"),
                        rs.getObject("outlet_id", UUID.class),
                        rs.getString("outlet_name"),
                        LibraryService.outletKind(rs.getString("kind"))))
                .optional();
    }

    /** An outlet's profile in this school's library, for a student who compares its article. */
    public Optional<OutletProfile> outletProfile(UUID schoolId, UUID outletId) {
        return outlets.outletOf(outletId, schoolId);
    }

    /** The article's current version and the key version anchored to it (null when it has none). */
    public record Pin(
            UUID articleId,
            UUID articleVersionId,
            String title,
            @Nullable UUID keyVersionId) {}

    public Optional<Pin> current(UUID schoolId, UUID articleId) {
        return current(schoolId, articleId, null);
    }

    /**
     * The article's current version and the key a lesson of {@code teacherId} pins: among the
     * complete keys anchored to that version, the teacher's own (the key editor's, DD021), else the
     * pack's, else the earliest colleague's.
     */
    public Optional<Pin> current(UUID schoolId, UUID articleId, @Nullable UUID teacherId) {
        return jdbc.sql("""
                SELECT a.id, a.current_version_id, v.title,
                       (SELECT k.current_version_id FROM answer_key k
                          JOIN answer_key_version kv ON kv.id = k.current_version_id
                         WHERE k.article_id = a.id AND k.school_id = a.school_id AND kv.article_version_id = v.id
                         ORDER BY kv.status = 'complete' DESC, k.owner_id IS NOT DISTINCT FROM :teacher DESC,
                                  k.owner_id IS NULL DESC, k.created_at
                         LIMIT 1) AS key_version
                  FROM article a JOIN article_version v ON v.id = a.current_version_id
                 WHERE a.id = :article AND a.school_id = :school
                """)
                .param("article", articleId)
                .param("school", schoolId)
                .param("teacher", teacherId, java.sql.Types.OTHER)
                .query((rs, n) -> new Pin(
                        rs.getObject("id", UUID.class),
                        rs.getObject("current_version_id", UUID.class),
                        rs.getString("title"),
                        rs.getObject("key_version", UUID.class)))
                .optional();
    }

    /** The articles of a story set in order, for seeding one assignment per article. */
    public List<UUID> articlesOfStorySet(UUID schoolId, UUID storySetId) {
        return jdbc.sql(
                        "SELECT id FROM article WHERE school_id = :school AND story_set_id = :set ORDER BY story_position")
                .param("school", schoolId)
                .param("set", storySetId)
                .query(UUID.class)
                .list();
    }

    /** The story set a shipped pack created, e.g. "defectors". */
    public Optional<UUID> storySetOfPack(UUID schoolId, String pack) {
        return jdbc.sql(
                        "SELECT id FROM story_set WHERE school_id = :school AND pack = :pack ORDER BY created_at LIMIT 1")
                .param("school", schoolId)
                .param("pack", pack)
                .query(UUID.class)
                .optional();
    }

    /** The canonical text of one article version of this school's library. */
    public Optional<String> canonicalText(UUID schoolId, UUID articleVersionId) {
        CachedText cached;
        synchronized (texts) {
            cached = texts.get(articleVersionId);
        }
        if (cached != null) {
            return cached.schoolId().equals(schoolId) ? Optional.of(cached.text()) : Optional.empty();
        }
        Optional<CachedText> found = jdbc.sql("""
                SELECT a.school_id, v.canonical_text FROM article_version v JOIN article a ON a.id = v.article_id
                 WHERE v.id = :version
                """)
                .param("version", articleVersionId)
                .query((rs, n) -> new CachedText(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional();
        found.ifPresent(text -> {
            synchronized (texts) {
                texts.putIfAbsent(articleVersionId, text);
            }
        });
        return found.filter(text -> text.schoolId().equals(schoolId)).map(CachedText::text);
    }

    /**
     * Article versions and their school never change (V0003's trigger refuses updates, nothing
     * deletes them), so their texts are kept: every mark a student saves checks its quote against
     * the text, and every open marking page shows it. One copy per version serves every session
     * instead of one per page, and saves a query per mark (issue 18, DD028). Bounded, least
     * recently used first out; a school's library holds far fewer versions in use at once.
     */
    private static final int CACHED_TEXTS = 256;

    private record CachedText(UUID schoolId, String text) {}

    private final Map<UUID, CachedText> texts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, CachedText> eldest) {
            return size() > CACHED_TEXTS;
        }
    };

    /**
     * The claims of one key version of this school's library, in text order: what scoring and
     * feedback need, with the ids of the sources each claim links in the key's order of sources
     * (sources are not part of a claim's score; feedback names them, see {@link #keySources}).
     */
    public List<KeyOverlay.Claim> keyClaims(UUID schoolId, UUID keyVersionId) {
        return jdbc.sql("""
                SELECT c.claim_id, c.start_offset, c.end_offset, c.exact, c.types, c.worthiness, c.why, c.cues,
                       ARRAY(SELECT cs.source_id FROM key_claim_source cs
                               JOIN key_source s ON s.key_version_id = cs.key_version_id AND s.source_id = cs.source_id
                              WHERE cs.key_version_id = c.key_version_id AND cs.claim_id = c.claim_id
                              ORDER BY s.position) AS sources
                  FROM key_claim c
                  JOIN answer_key_version kv ON kv.id = c.key_version_id
                  JOIN answer_key k ON k.id = kv.key_id
                 WHERE c.key_version_id = :v AND k.school_id = :school
                 ORDER BY c.start_offset, c.position
                """)
                .param("v", keyVersionId)
                .param("school", schoolId)
                .query((rs, n) -> new KeyOverlay.Claim(
                        rs.getString("claim_id"),
                        rs.getInt("start_offset"),
                        rs.getInt("end_offset"),
                        rs.getString("exact"),
                        types((String[]) rs.getArray("types").getArray()),
                        rs.getInt("worthiness"),
                        rs.getString("why"),
                        List.of((String[]) rs.getArray("cues").getArray()),
                        List.of((String[]) rs.getArray("sources").getArray())))
                .list();
    }

    /**
     * A source of a key as feedback explains it (DD000, "Primary and secondary sources").
     *
     * @param relayedFrom the outlet a secondary source came through; null for a primary one
     * @param kindWhy why the key accepts more than one kind for this source, for the student; null
     *     when it accepts one
     */
    public record KeySource(
            String id,
            String name,
            SourceKind kind,
            boolean primary,
            @Nullable String relayedFrom,
            @Nullable String kindWhy) {}

    /**
     * The outlet that published the key's article, which a source's origin is told from
     * ("primary: The Frisky read its report itself"), and the key's sources by id, in its order.
     */
    public record KeySources(String outlet, Map<String, KeySource> sources) {
        public KeySources {
            sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        }
    }

    /**
     * Who is cited in the article of one key version of this school's library, in one statement;
     * empty for a key version the school does not have.
     */
    public Optional<KeySources> keySources(UUID schoolId, UUID keyVersionId) {
        Map<String, KeySource> sources = new LinkedHashMap<>();
        List<String> outlet = jdbc.sql("""
                SELECT o.name AS outlet, s.source_id, s.name, s.kind, s.origin, s.relayed_from, s.kind_why
                  FROM answer_key_version kv
                  JOIN answer_key k ON k.id = kv.key_id
                  JOIN article a ON a.id = k.article_id AND a.school_id = k.school_id
                  JOIN outlet o ON o.id = a.outlet_id AND o.school_id = a.school_id
                  LEFT JOIN key_source s ON s.key_version_id = kv.id
                 WHERE kv.id = :v AND k.school_id = :school
                 ORDER BY s.position
                """)
                .param("v", keyVersionId)
                .param("school", schoolId)
                .query((rs, n) -> {
                    String id = rs.getString("source_id");
                    if (id != null) {
                        sources.put(
                                id,
                                new KeySource(
                                        id,
                                        rs.getString("name"),
                                        SourceKind.fromCode(rs.getString("kind"))
                                                .orElseThrow(),
                                        "primary".equals(rs.getString("origin")),
                                        rs.getString("relayed_from"),
                                        rs.getString("kind_why")));
                    }
                    return rs.getString("outlet");
                })
                .list();
        return outlet.isEmpty() ? Optional.empty() : Optional.of(new KeySources(outlet.getFirst(), sources));
    }

    /**
     * A key source as the sources rules score it (DD013): its names, the kinds it accepts, how it
     * reached the article's outlet, and where the text points at it.
     *
     * @param accepted its kind and its also-accepted kinds
     * @param relayedFrom the outlet a secondary source came through; null for a primary one
     * @param relayedFromAliases other names of that outlet: the aliases of the key's own source of
     *     that name, when the key has one ("Daily Mail" for "The Daily Mail")
     */
    public record ScoredSource(
            String id,
            String name,
            List<String> aliases,
            Set<SourceKind> accepted,
            boolean primary,
            @Nullable String relayedFrom,
            List<String> relayedFromAliases,
            List<org.lateral.base.TextSpan> attributions) {}

    /** The sources of one key version of this school's library, in the key's order, for scoring. */
    public List<ScoredSource> scoredSources(UUID schoolId, UUID keyVersionId) {
        Map<String, List<org.lateral.base.TextSpan>> spans = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT a.source_id, a.start_offset, a.end_offset, a.exact
                  FROM key_source_attribution a
                  JOIN answer_key_version kv ON kv.id = a.key_version_id
                  JOIN answer_key k ON k.id = kv.key_id
                 WHERE a.key_version_id = :v AND k.school_id = :school
                 ORDER BY a.start_offset
                """).param("v", keyVersionId).param("school", schoolId).query((ResultSet rs) -> {
            spans.computeIfAbsent(rs.getString("source_id"), id -> new java.util.ArrayList<>())
                    .add(new org.lateral.base.TextSpan(
                            rs.getInt("start_offset"), rs.getInt("end_offset"), rs.getString("exact")));
        });
        record Row(
                String id,
                String name,
                List<String> aliases,
                Set<SourceKind> accepted,
                boolean primary,
                @Nullable String relayedFrom) {}
        List<Row> rows = jdbc.sql("""
                SELECT s.source_id, s.name, s.aliases, s.kind, s.also_accepted_kinds, s.origin, s.relayed_from
                  FROM key_source s
                  JOIN answer_key_version kv ON kv.id = s.key_version_id
                  JOIN answer_key k ON k.id = kv.key_id
                 WHERE s.key_version_id = :v AND k.school_id = :school
                 ORDER BY s.position
                """)
                .param("v", keyVersionId)
                .param("school", schoolId)
                .query((rs, n) -> {
                    Set<SourceKind> accepted =
                            EnumSet.of(SourceKind.fromCode(rs.getString("kind")).orElseThrow());
                    for (String code :
                            (String[]) rs.getArray("also_accepted_kinds").getArray()) {
                        SourceKind.fromCode(code).ifPresent(accepted::add);
                    }
                    return new Row(
                            rs.getString("source_id"),
                            rs.getString("name"),
                            List.of((String[]) rs.getArray("aliases").getArray()),
                            accepted,
                            "primary".equals(rs.getString("origin")),
                            rs.getString("relayed_from"));
                })
                .list();
        return rows.stream()
                .map(r -> new ScoredSource(
                        r.id(),
                        r.name(),
                        r.aliases(),
                        r.accepted(),
                        r.primary(),
                        r.relayedFrom(),
                        r.relayedFrom() == null
                                ? List.of()
                                : rows.stream()
                                        .filter(o -> o.name().equalsIgnoreCase(r.relayedFrom()))
                                        .flatMap(o -> o.aliases().stream())
                                        .toList(),
                        spans.getOrDefault(r.id(), List.of())))
                .toList();
    }

    /**
     * The outlets this school's library knows (its outlets, the outlets its keys name as sources or
     * relays) that the text names, in the order the text first names them: what a student may pick
     * as the outlet a source was relayed through. Only names the student can read in the text are
     * offered, so the list tells nothing the article does not.
     */
    public List<String> outletsNamedIn(UUID schoolId, String text) {
        List<String> known =
                jdbc.sql("""
                SELECT name FROM outlet WHERE school_id = :school
                UNION
                SELECT s.name FROM key_source s
                  JOIN answer_key_version kv ON kv.id = s.key_version_id
                  JOIN answer_key k ON k.id = kv.key_id
                 WHERE k.school_id = :school AND s.kind = 'media-outlet'
                UNION
                SELECT s.relayed_from FROM key_source s
                  JOIN answer_key_version kv ON kv.id = s.key_version_id
                  JOIN answer_key k ON k.id = kv.key_id
                 WHERE k.school_id = :school AND s.relayed_from IS NOT NULL
                """).param("school", schoolId).query(String.class).list();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        Map<String, Integer> found = new LinkedHashMap<>();
        for (String name : known) {
            if (name.length() > 100) {
                continue;
            }
            // "The Daily Mail" is named in a text that says "the Daily Mail" or just "Daily Mail".
            String bare = name.replaceFirst("(?i)^the\\s+", "");
            int at = lower.indexOf(bare.toLowerCase(java.util.Locale.ROOT));
            if (bare.length() >= 3 && at >= 0) {
                found.merge(name, at, Math::min);
            }
        }
        return found.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * One article of a comparison key version, as the compare rules take it (DD014): counts are a
     * minimum and a maximum (equal for an exact count), hedges and loaded words as the key quotes
     * them, framing and reporting as codes.
     */
    public record ComparisonArticle(
            UUID articleVersionId,
            @Nullable String framing,
            List<String> framingAlsoAccepted,
            int namedMin,
            int namedMax,
            int anonymousMin,
            int anonymousMax,
            List<String> hedges,
            List<String> loadedWords,
            String reporting,
            List<String> relayedFrom) {}

    /** How one article carries a core claim: the key's answer and the others it accepts. */
    public record ComparisonCell(String how, List<String> alsoAccepted) {}

    /** A core claim of the story, with its cell per article version. */
    public record ComparisonClaim(String id, String claim, Map<UUID, ComparisonCell> cells) {}

    /** A comparison key version of this school's library, for scoring; its articles in set order. */
    public record ComparisonKey(
            UUID versionId, List<ComparisonArticle> articles, List<ComparisonClaim> claims, int rubricMaxLevel) {}

    /** A comparison key version of this school's library; empty for one the school does not have. */
    public Optional<ComparisonKey> comparisonKey(UUID schoolId, UUID versionId) {
        List<ComparisonArticle> articles = jdbc.sql("""
                SELECT e.article_version_id, e.framing, e.framing_also_accepted, e.named_sources,
                       coalesce(e.named_sources_max, e.named_sources) AS named_max, e.anonymous_sources,
                       coalesce(e.anonymous_sources_max, e.anonymous_sources) AS anonymous_max, e.hedges,
                       e.loaded_words, e.reporting, e.relayed_from_outlets
                  FROM comparison_key_entry e
                  JOIN comparison_key_version v ON v.id = e.version_id
                  JOIN comparison_key k ON k.id = v.comparison_key_id
                 WHERE e.version_id = :v AND k.school_id = :school
                 ORDER BY e.position
                """)
                .param("v", versionId)
                .param("school", schoolId)
                .query((rs, n) -> new ComparisonArticle(
                        rs.getObject("article_version_id", UUID.class),
                        rs.getString("framing"),
                        List.of((String[]) rs.getArray("framing_also_accepted").getArray()),
                        rs.getInt("named_sources"),
                        rs.getInt("named_max"),
                        rs.getInt("anonymous_sources"),
                        rs.getInt("anonymous_max"),
                        List.of((String[]) rs.getArray("hedges").getArray()),
                        List.of((String[]) rs.getArray("loaded_words").getArray()),
                        rs.getString("reporting"),
                        List.of((String[]) rs.getArray("relayed_from_outlets").getArray())))
                .list();
        if (articles.isEmpty()) {
            return Optional.empty();
        }
        Map<String, ComparisonClaim> claims = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT c.claim_id, c.claim, x.article_version_id, x.how, x.also_accepted
                  FROM comparison_core_claim c
                  JOIN comparison_claim_carriage x ON x.version_id = c.version_id AND x.claim_id = c.claim_id
                 WHERE c.version_id = :v
                 ORDER BY c.position
                """).param("v", versionId).query((ResultSet rs) -> {
            ComparisonClaim claim = claims.computeIfAbsent(rs.getString("claim_id"), id -> {
                try {
                    return new ComparisonClaim(id, rs.getString("claim"), new LinkedHashMap<>());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            claim.cells()
                    .put(
                            rs.getObject("article_version_id", UUID.class),
                            new ComparisonCell(rs.getString("how"), List.of((String[])
                                    rs.getArray("also_accepted").getArray())));
        });
        int rubricMax = jdbc.sql("SELECT coalesce(max(level), 0) FROM comparison_rubric_level WHERE version_id = :v")
                .param("v", versionId)
                .query(Integer.class)
                .single();
        return Optional.of(new ComparisonKey(versionId, articles, List.copyOf(claims.values()), rubricMax));
    }

    /**
     * What a comparison key version explains, for the student's feedback once it is released
     * (DD015): per article version why the key chose its framing and what kind of outlet published
     * it; per core claim and article version why the key answers as it does and the words that
     * carry the claim. Apart from {@link #comparisonKey}, which the rules read, so scoring never
     * loads texts it does not use.
     */
    public record ComparisonNotes(Map<UUID, ArticleNote> articles, Map<String, Map<UUID, CellNote>> cells) {
        public ComparisonNotes {
            articles = Map.copyOf(articles);
            cells = Map.copyOf(cells);
        }

        public ArticleNote article(UUID articleVersionId) {
            return articles.getOrDefault(articleVersionId, new ArticleNote(null, null));
        }

        public CellNote cell(String claimId, UUID articleVersionId) {
            return cells.getOrDefault(claimId, Map.of()).getOrDefault(articleVersionId, new CellNote(null, null));
        }
    }

    /** Why the key frames an article's headline as it does, and its note on the outlet's kind. */
    public record ArticleNote(
            @Nullable String framingWhy, @Nullable String outletKindNote) {}

    /** Why the key says an article carries a core claim as it does, and the words that carry it. */
    public record CellNote(@Nullable String why, @Nullable String words) {}

    /** The explanations of a comparison key version of this school's library (empty maps for another school's). */
    public ComparisonNotes comparisonNotes(UUID schoolId, UUID versionId) {
        Map<UUID, ArticleNote> articles = new HashMap<>();
        jdbc.sql("""
                SELECT e.article_version_id, e.framing_why, e.outlet_kind_note
                  FROM comparison_key_entry e
                  JOIN comparison_key_version v ON v.id = e.version_id
                  JOIN comparison_key k ON k.id = v.comparison_key_id
                 WHERE e.version_id = :v AND k.school_id = :school
                """).param("v", versionId).param("school", schoolId).query((ResultSet rs) -> {
            articles.put(
                    rs.getObject("article_version_id", UUID.class),
                    new ArticleNote(rs.getString("framing_why"), rs.getString("outlet_kind_note")));
        });
        Map<String, Map<UUID, CellNote>> cells = new HashMap<>();
        jdbc.sql("""
                SELECT x.claim_id, x.article_version_id, x.why, x.exact
                  FROM comparison_claim_carriage x
                  JOIN comparison_key_version v ON v.id = x.version_id
                  JOIN comparison_key k ON k.id = v.comparison_key_id
                 WHERE x.version_id = :v AND k.school_id = :school
                """).param("v", versionId).param("school", schoolId).query((ResultSet rs) -> {
            cells.computeIfAbsent(rs.getString("claim_id"), c -> new HashMap<>())
                    .put(
                            rs.getObject("article_version_id", UUID.class),
                            new CellNote(rs.getString("why"), rs.getString("exact")));
        });
        return new ComparisonNotes(articles, cells);
    }

    /**
     * A newer key version an assignment may move to: when it was made, the notes that came with it
     * and the article version it is anchored to.
     *
     * @param changes what the new version corrects, as its pack says ("" when it says nothing)
     * @param articleVersionId the article version the key is anchored to: the assignment's pinned
     *        one, or a corrected version of the same article with the same canonical text
     * @param correctedDetails what the corrected article version changed beside the text, in plain
     *        words ("publication date", "original address"); empty when it is the pinned version or
     *        only details a teacher does not see changed
     */
    public record KeyVersion(
            UUID id,
            UUID keyId,
            UUID articleVersionId,
            Instant createdAt,
            String changes,
            String notes,
            List<String> correctedDetails) {
        public KeyVersion {
            correctedDetails = List.copyOf(correctedDetails);
        }
    }

    /**
     * The current version of the key pinned as {@code pinnedKeyVersionId}, when it is newer and a
     * complete key, and its article version has the same canonical text as the assignment's pinned
     * article version {@code pinnedArticleVersionId}: the same version, or a corrected one whose
     * front matter (date, address, byline) changed. Marks are UTF-16 offsets into the canonical
     * text (DD000, Offsets), so they mean the same words under either version. A key for an article
     * whose text changed is never offered: the students' marks would point at other words, so such
     * a key needs a new assignment (DD005).
     */
    public Optional<KeyVersion> newerKeyVersion(UUID schoolId, UUID pinnedArticleVersionId, UUID pinnedKeyVersionId) {
        return newerKeyVersion(schoolId, pinnedArticleVersionId, pinnedKeyVersionId, null);
    }

    /**
     * As {@link #newerKeyVersion(UUID, UUID, UUID)}, for the lessons of {@code teacherId}: when that
     * teacher has a key of their own for the article (copied from the pinned one and adapted in the
     * key editor, DD021), its current version is the one offered, since it is the key they now use.
     */
    public Optional<KeyVersion> newerKeyVersion(
            UUID schoolId, UUID pinnedArticleVersionId, UUID pinnedKeyVersionId, @Nullable UUID teacherId) {
        // The whole text is compared, not the content hash: that hash covers the metadata too, and a
        // corrected date must not hide a key that still fits. Text equality is byte equality here
        // (deterministic collation), exactly what offsets need.
        return jdbc.sql("""
                SELECT cur.id, cur.key_id, cur.article_version_id, cur.created_at, cur.changes, cur.notes,
                       pv.title AS p_title, pv.byline AS p_byline, pv.published_on AS p_published_on,
                       pv.published_precision AS p_precision, pv.published_note AS p_note,
                       pv.original_url AS p_url,
                       cv.title AS c_title, cv.byline AS c_byline, cv.published_on AS c_published_on,
                       cv.published_precision AS c_precision, cv.published_note AS c_note,
                       cv.original_url AS c_url
                  FROM answer_key_version old
                  JOIN answer_key pk ON pk.id = old.key_id
                  JOIN answer_key k ON k.article_id = pk.article_id AND k.school_id = pk.school_id
                                   AND (k.id = pk.id OR k.owner_id = :teacher)
                  JOIN answer_key_version cur ON cur.id = k.current_version_id
                  JOIN article_version pv ON pv.id = :pinnedArticle AND pv.article_id = k.article_id
                  JOIN article_version cv ON cv.id = cur.article_version_id AND cv.article_id = k.article_id
                 WHERE old.id = :pinned AND k.school_id = :school AND cur.status = 'complete'
                   AND (cv.id = pv.id OR cv.canonical_text = pv.canonical_text)
                 -- The teacher's own key first; when it is the pinned version itself, nothing is newer.
                 ORDER BY k.owner_id IS NOT DISTINCT FROM :teacher DESC
                 LIMIT 1
                """)
                .param("pinned", pinnedKeyVersionId)
                .param("pinnedArticle", pinnedArticleVersionId)
                .param("school", schoolId)
                .param("teacher", teacherId, java.sql.Types.OTHER)
                .query((rs, n) -> new KeyVersion(
                        rs.getObject("id", UUID.class),
                        rs.getObject("key_id", UUID.class),
                        rs.getObject("article_version_id", UUID.class),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getString("changes"),
                        rs.getString("notes"),
                        ArticleDetails.corrections(details(rs, "p_"), details(rs, "c_"))))
                .optional()
                .filter(v -> !v.id().equals(pinnedKeyVersionId));
    }

    private static ArticleDetails details(ResultSet rs, String prefix) throws SQLException {
        return new ArticleDetails(
                rs.getString(prefix + "title"),
                rs.getString(prefix + "byline"),
                rs.getObject(prefix + "published_on", LocalDate.class),
                rs.getString(prefix + "precision"),
                rs.getString(prefix + "note"),
                rs.getString(prefix + "url"));
    }

    private static Set<ClaimType> types(String[] codes) {
        Set<ClaimType> types = EnumSet.noneOf(ClaimType.class);
        for (String code : codes) {
            types.add(ClaimType.fromCode(code).orElseThrow());
        }
        return types;
    }
}
