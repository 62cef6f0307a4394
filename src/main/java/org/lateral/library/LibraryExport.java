package org.lateral.library;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.AnchoredSpan;
import org.lateral.library.pack.SeedPack;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a school's story set back as a pack (DD020): the current version of every article, key,
 * outlet profile and the comparison key, with the pack's own ids ({@code pack_item}) where the
 * school's rows have ids of their own. Every query is scoped by the school, so another school's
 * rows are never read.
 */
@Repository
class LibraryExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    LibraryExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SeedPack> storySet(UUID storySetId, UUID schoolId) {
        record SetRow(SeedPack.Manifest partial, @Nullable String pack, String cited) {}
        Optional<SetRow> set = jdbc.sql("""
                SELECT id, title, description, maturity_note, age_band, analysis_note, support_note, pack,
                       cited_outlets::text AS cited
                  FROM story_set WHERE id = :id AND school_id = :school
                """)
                .param("id", storySetId)
                .param("school", schoolId)
                .query((rs, n) -> new SetRow(
                        new SeedPack.Manifest(
                                packId(schoolId, storySetId),
                                rs.getString("title"),
                                orBlank(rs.getString("description")),
                                orBlank(rs.getString("maturity_note")),
                                rs.getString("age_band"),
                                rs.getString("analysis_note"),
                                rs.getString("support_note"),
                                List.of()),
                        rs.getString("pack"),
                        rs.getString("cited")))
                .optional();
        if (set.isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, String> outletSlugs = new LinkedHashMap<>();
        Map<UUID, String> slugByVersion = new HashMap<>();
        List<SeedPack.Article> articles = new ArrayList<>();
        List<UUID> articleIds = new ArrayList<>();
        List<UUID> versionIds = new ArrayList<>();
        jdbc.sql("""
                SELECT a.id, a.story_position, a.pack_slug, o.id AS outlet_id, o.slug AS outlet_slug, v.id AS version_id,
                       v.byline, v.published_on, v.published_precision, v.published_note, v.original_url,
                       v.original_url_source, v.content_note, v.language, v.source_file, v.removed_chrome,
                       v.canonical_text
                  FROM article a
                  JOIN outlet o ON o.id = a.outlet_id AND o.school_id = a.school_id
                  JOIN article_version v ON v.id = a.current_version_id
                 WHERE a.story_set_id = :set AND a.school_id = :school
                 ORDER BY a.story_position
                """).param("set", storySetId).param("school", schoolId).query(rs -> {
            String outletSlug = rs.getString("outlet_slug");
            outletSlugs.put(rs.getObject("outlet_id", UUID.class), outletSlug);
            String slug = rs.getString("pack_slug");
            if (slug == null) {
                slug = String.format(Locale.ROOT, "%03d-%s", rs.getInt("story_position"), outletSlug);
            }
            UUID id = rs.getObject("id", UUID.class);
            UUID versionId = rs.getObject("version_id", UUID.class);
            slugByVersion.put(versionId, slug);
            articleIds.add(id);
            versionIds.add(versionId);
            articles.add(new SeedPack.Article(
                    slug,
                    packId(schoolId, id),
                    outletSlug,
                    rs.getString("byline"),
                    LibraryService.publicationDate(rs),
                    rs.getString("original_url"),
                    rs.getString("original_url_source"),
                    rs.getString("content_note"),
                    rs.getString("language"),
                    orBlank(rs.getString("source_file")),
                    texts(rs.getArray("removed_chrome")),
                    rs.getString("canonical_text")));
        });
        SeedPack.Manifest p = set.get().partial();
        SeedPack.Manifest manifest = new SeedPack.Manifest(
                p.id(),
                p.title(),
                p.description(),
                p.maturity(),
                p.ageBand(),
                p.analysisNote(),
                p.supportNote(),
                articles.stream().map(SeedPack.Article::slug).toList());
        List<SeedPack.Outlet> outlets = new ArrayList<>();
        for (UUID outletId : outletSlugs.keySet()) {
            outlets.add(outlet(outletId, schoolId));
        }
        List<SeedPack.Key> keys = new ArrayList<>();
        for (int i = 0; i < articleIds.size(); i++) {
            key(articleIds.get(i), articles.get(i), schoolId).ifPresent(keys::add);
        }
        // Older article versions a comparison entry may still point at map to their article's slug.
        jdbc.sql("""
                SELECT v.id, a.id AS article_id FROM article_version v JOIN article a ON a.id = v.article_id
                 WHERE a.story_set_id = :set AND a.school_id = :school
                """).param("set", storySetId).param("school", schoolId).query(rs -> {
            int at = articleIds.indexOf(rs.getObject("article_id", UUID.class));
            slugByVersion.putIfAbsent(
                    rs.getObject("id", UUID.class), articles.get(at).slug());
        });
        SeedPack.Comparison comparison = comparison(storySetId, schoolId, slugByVersion, articles);
        String name = set.get().pack() == null ? "story-set" : set.get().pack();
        return Optional.of(
                new SeedPack(name, manifest, outlets, citedOutlets(set.get().cited()), articles, keys, comparison));
    }

    private SeedPack.Outlet outlet(UUID outletId, UUID schoolId) {
        return jdbc.sql("""
                SELECT o.id, o.slug, o.name, o.kind, o.country, o.ownership, o.ownership_source, o.publisher,
                       o.publisher_source, o.description, o.home_url, v.facts::text AS facts
                  FROM outlet o LEFT JOIN outlet_version v ON v.id = o.current_version_id
                 WHERE o.id = :id AND o.school_id = :school
                """)
                .param("id", outletId)
                .param("school", schoolId)
                .query((rs, n) -> new SeedPack.Outlet(
                        packId(schoolId, outletId),
                        rs.getString("slug"),
                        rs.getString("name"),
                        OutletKind.fromCode(rs.getString("kind")).orElseThrow(),
                        rs.getString("country"),
                        rs.getString("ownership"),
                        rs.getString("ownership_source"),
                        rs.getString("publisher"),
                        rs.getString("publisher_source"),
                        rs.getString("description"),
                        rs.getString("home_url"),
                        OutletFacts.fromJson(rs.getString("facts")).stream()
                                .map(f ->
                                        new SeedPack.OutletFact(f.fact(), f.source(), f.response(), f.responseSource()))
                                .toList()))
                .single();
    }

    private Optional<SeedPack.Key> key(UUID articleId, SeedPack.Article article, UUID schoolId) {
        record KeyRow(UUID id, UUID versionId, String status, String changes, String notes) {}
        Optional<KeyRow> row = jdbc.sql("""
                SELECT k.id, v.id AS version_id, v.status, v.changes, v.notes
                  FROM answer_key k JOIN answer_key_version v ON v.id = k.current_version_id
                 WHERE k.article_id = :article AND k.school_id = :school AND k.owner_id IS NULL
                 ORDER BY k.created_at LIMIT 1
                """)
                .param("article", articleId)
                .param("school", schoolId)
                .query((rs, n) -> new KeyRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("version_id", UUID.class),
                        rs.getString("status"),
                        rs.getString("changes"),
                        rs.getString("notes")))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        UUID version = row.get().versionId();
        Map<String, List<String>> claimSources = new HashMap<>();
        jdbc.sql(
                        "SELECT claim_id, source_id FROM key_claim_source WHERE key_version_id = :v ORDER BY claim_id, source_id")
                .param("v", version)
                .query(rs -> {
                    claimSources
                            .computeIfAbsent(rs.getString("claim_id"), k -> new ArrayList<>())
                            .add(rs.getString("source_id"));
                });
        List<SeedPack.Claim> claims = jdbc.sql("""
                SELECT claim_id, start_offset, end_offset, exact, prefix, suffix, types, worthiness, why, cues
                  FROM key_claim WHERE key_version_id = :v ORDER BY position
                """)
                .param("v", version)
                .query((rs, n) -> new SeedPack.Claim(
                        rs.getString("claim_id"),
                        span(rs),
                        java.util.Set.copyOf(texts(rs.getArray("types")).stream()
                                .map(c -> ClaimType.fromCode(c).orElseThrow())
                                .toList()),
                        rs.getInt("worthiness"),
                        rs.getString("why"),
                        texts(rs.getArray("cues")),
                        claimSources.getOrDefault(rs.getString("claim_id"), List.of())))
                .list();
        Map<String, List<AnchoredSpan>> attributions = new HashMap<>();
        jdbc.sql("""
                SELECT source_id, start_offset, end_offset, exact, prefix, suffix
                  FROM key_source_attribution WHERE key_version_id = :v ORDER BY source_id, start_offset
                """).param("v", version).query(rs -> {
            attributions
                    .computeIfAbsent(rs.getString("source_id"), k -> new ArrayList<>())
                    .add(span(rs));
        });
        List<SeedPack.Source> sources = jdbc.sql("""
                SELECT source_id, name, aliases, kind, also_accepted_kinds, kind_why, origin, relayed_from
                  FROM key_source WHERE key_version_id = :v ORDER BY position
                """)
                .param("v", version)
                .query((rs, n) -> new SeedPack.Source(
                        rs.getString("source_id"),
                        rs.getString("name"),
                        texts(rs.getArray("aliases")),
                        SourceKind.fromCode(rs.getString("kind")).orElseThrow(),
                        texts(rs.getArray("also_accepted_kinds")).stream()
                                .map(k -> SourceKind.fromCode(k).orElseThrow())
                                .toList(),
                        rs.getString("kind_why"),
                        SeedPack.Origin.valueOf(rs.getString("origin").toUpperCase(Locale.ROOT)),
                        rs.getString("relayed_from"),
                        attributions.getOrDefault(rs.getString("source_id"), List.of())))
                .list();
        KeyRow k = row.get();
        return Optional.of(new SeedPack.Key(
                article.slug(),
                packId(schoolId, k.id()),
                SeedPack.KeyStatus.valueOf(k.status().toUpperCase(Locale.ROOT)),
                k.changes(),
                k.notes(),
                claims,
                sources));
    }

    private SeedPack.@Nullable Comparison comparison(
            UUID storySetId, UUID schoolId, Map<UUID, String> slugByVersion, List<SeedPack.Article> articles) {
        record Row(UUID id, UUID versionId) {}
        Optional<Row> row = jdbc.sql("""
                SELECT id, current_version_id FROM comparison_key
                 WHERE story_set_id = :set AND school_id = :school AND owner_id IS NULL AND current_version_id IS NOT NULL
                 ORDER BY created_at LIMIT 1
                """)
                .param("set", storySetId)
                .param("school", schoolId)
                .query((rs, n) ->
                        new Row(rs.getObject("id", UUID.class), rs.getObject("current_version_id", UUID.class)))
                .optional();
        if (row.isEmpty()) {
            return null;
        }
        UUID v = row.get().versionId();
        List<SeedPack.ComparisonEntry> entries = jdbc.sql("""
                SELECT * FROM comparison_key_entry WHERE version_id = :v ORDER BY position
                """)
                .param("v", v)
                .query((rs, n) -> new SeedPack.ComparisonEntry(
                        slugByVersion.get(rs.getObject("article_version_id", UUID.class)),
                        rs.getString("headline_framing"),
                        new SeedPack.SourceCount(
                                rs.getInt("named_sources"), (Integer) rs.getObject("named_sources_max")),
                        new SeedPack.SourceCount(
                                rs.getInt("anonymous_sources"), (Integer) rs.getObject("anonymous_sources_max")),
                        texts(rs.getArray("hedges")),
                        texts(rs.getArray("loaded_words")),
                        SeedPack.Reporting.valueOf(rs.getString("reporting").toUpperCase(Locale.ROOT)),
                        texts(rs.getArray("relayed_from_outlets")),
                        rs.getString("omissions"),
                        rs.getString("notes"),
                        rs.getString("framing") == null
                                ? null
                                : SeedPack.Framing.fromCode(rs.getString("framing"))
                                        .orElseThrow(),
                        texts(rs.getArray("framing_also_accepted")).stream()
                                .map(f -> SeedPack.Framing.fromCode(f).orElseThrow())
                                .toList(),
                        rs.getString("framing_why"),
                        rs.getString("outlet_kind_note")))
                .list();
        Map<String, List<SeedPack.CarriedBy>> cells = new HashMap<>();
        List<String> order = articles.stream().map(SeedPack.Article::slug).toList();
        jdbc.sql("""
                SELECT claim_id, article_version_id, how, also_accepted, why, start_offset, end_offset, exact
                  FROM comparison_claim_carriage WHERE version_id = :v
                """).param("v", v).query(rs -> {
            String slug = slugByVersion.get(rs.getObject("article_version_id", UUID.class));
            AnchoredSpan quote = null;
            if (rs.getObject("start_offset") != null) {
                String text = articles.get(order.indexOf(slug)).canonicalText();
                quote = AnchoredSpan.of(text, rs.getInt("start_offset"), rs.getInt("end_offset"));
            }
            cells.computeIfAbsent(rs.getString("claim_id"), k -> new ArrayList<>())
                    .add(new SeedPack.CarriedBy(
                            slug,
                            SeedPack.Carrying.fromCode(rs.getString("how")).orElseThrow(),
                            texts(rs.getArray("also_accepted")).stream()
                                    .map(c -> SeedPack.Carrying.fromCode(c).orElseThrow())
                                    .toList(),
                            rs.getString("why"),
                            quote));
        });
        List<SeedPack.CoreClaim> coreClaims = jdbc.sql(
                        "SELECT claim_id, claim FROM comparison_core_claim WHERE version_id = :v ORDER BY position")
                .param("v", v)
                .query((rs, n) -> new SeedPack.CoreClaim(
                        rs.getString("claim_id"),
                        rs.getString("claim"),
                        cells.getOrDefault(rs.getString("claim_id"), List.of()).stream()
                                .sorted(java.util.Comparator.comparingInt(c -> order.indexOf(c.articleSlug())))
                                .toList()))
                .list();
        List<SeedPack.RubricLevel> rubric = jdbc.sql(
                        "SELECT level, name, descriptor FROM comparison_rubric_level WHERE version_id = :v ORDER BY level")
                .param("v", v)
                .query((rs, n) ->
                        new SeedPack.RubricLevel(rs.getInt("level"), rs.getString("name"), rs.getString("descriptor")))
                .list();
        return new SeedPack.Comparison(packId(schoolId, row.get().id()), entries, coreClaims, rubric);
    }

    /** The id the pack's files use for a row of this school: the row's own unless pack_item says. */
    private UUID packId(UUID schoolId, UUID localId) {
        return jdbc.sql("SELECT pack_id FROM pack_item WHERE school_id = :school AND local_id = :local")
                .param("school", schoolId)
                .param("local", localId)
                .query(UUID.class)
                .optional()
                .orElse(localId);
    }

    private static List<SeedPack.CitedOutlet> citedOutlets(String json) {
        List<SeedPack.CitedOutlet> cited = new ArrayList<>();
        for (JsonNode node : JSON.readTree(json)) {
            List<String> aliases = new ArrayList<>();
            node.path("aliases").forEach(a -> aliases.add(a.asString()));
            JsonNode url = node.path("url");
            cited.add(new SeedPack.CitedOutlet(
                    node.path("name").asString(),
                    aliases,
                    url.isNull() || url.isMissingNode() ? null : url.asString()));
        }
        return cited;
    }

    private static AnchoredSpan span(ResultSet rs) throws SQLException {
        return new AnchoredSpan(
                rs.getInt("start_offset"),
                rs.getInt("end_offset"),
                rs.getString("exact"),
                rs.getString("prefix"),
                rs.getString("suffix"));
    }

    private static List<String> texts(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static String orBlank(@Nullable String value) {
        return value == null ? "" : value;
    }
}
