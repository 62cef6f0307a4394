package org.lateral.library;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.AnchoredSpan;
import org.lateral.base.ContentHash;
import org.lateral.library.pack.SeedPack;
import org.lateral.library.text.CanonicalText;
import org.lateral.security.Trusted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a checked exercise pack into library rows, idempotently and in one transaction: what is
 * unchanged is left alone, a changed article or key becomes a new immutable version (the current
 * one moves; old versions stay for the assignments that pinned them), and so does a changed
 * pack-owned outlet profile (DD012). Runs without a signed-in user (start-up); views never use it.
 */
@Service
@Trusted
public class LibraryImport {

    private static final Logger log = LoggerFactory.getLogger(LibraryImport.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    LibraryImport(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What an import changed; all zero when the pack was already loaded as it is.
     * {@code outletsUpdated} counts outlets whose current profile version moved (DD012).
     */
    public record Report(
            String pack,
            int outletsAdded,
            int outletsUpdated,
            int articlesAdded,
            int articleVersionsAdded,
            int keyVersionsAdded,
            int comparisonVersionsAdded) {
        public boolean changedNothing() {
            return outletsAdded
                            + outletsUpdated
                            + articlesAdded
                            + articleVersionsAdded
                            + keyVersionsAdded
                            + comparisonVersionsAdded
                    == 0;
        }
    }

    /** A key version the key editor published, and whether publishing added it (DD021). */
    public record PublishedKey(UUID versionId, boolean added) {}

    /**
     * Makes a key written in the key editor (DD021) the key's current version, stored exactly as a
     * pack's key version is (same rows, same content hash), so grading, feedback and the offer of
     * a newer version to existing assignments treat both alike. A key identical to one of its
     * versions adds nothing and makes that version current again.
     */
    @Transactional
    public PublishedKey publishKey(SeedPack.Key key, UUID articleVersionId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = keyHash(key, articleVersionId);
        Optional<UUID> existing = versionId("answer_key_version", "key_id", key.id(), hash);
        UUID versionId = existing.orElseGet(() -> insertKeyVersion(key, articleVersionId, hash, now));
        makeCurrent("answer_key", key.id(), versionId, now);
        return new PublishedKey(versionId, existing.isEmpty());
    }

    /** A comparison key version the comparison key editor published, and whether publishing added it. */
    public record PublishedComparison(UUID versionId, boolean added) {}

    /**
     * Makes a comparison key written in the comparison key editor (DD021, "Comparison keys") the
     * key's current version, stored exactly as a pack's comparison is (same rows, same content
     * hash), so the compare step pins, scores and explains both alike. {@code articleVersions}
     * maps each entry's article name to the article version it describes. A comparison identical
     * to one of the key's versions adds nothing and makes that version current again.
     */
    @Transactional
    public PublishedComparison publishComparison(SeedPack.Comparison comparison, Map<String, UUID> articleVersions) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = comparisonHash(comparison, articleVersions);
        Optional<UUID> existing = versionId("comparison_key_version", "comparison_key_id", comparison.id(), hash);
        UUID versionId = existing.orElseGet(() -> insertComparisonVersion(comparison, articleVersions, hash, now));
        makeCurrent("comparison_key", comparison.id(), versionId, now);
        return new PublishedComparison(versionId, existing.isEmpty());
    }

    /** The content hash a comparison key version of {@code comparison} has (see {@link #publishComparison}). */
    public static String comparisonContentHash(SeedPack.Comparison comparison, Map<String, UUID> articleVersions) {
        return comparisonHash(comparison, articleVersions);
    }

    @Transactional
    public Report importPack(SeedPack pack, UUID schoolId) {
        // One import at a time per school, so two instances starting together cannot both insert.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('lateral-pack-import'), hashtext(:school))")
                .param("school", schoolId.toString())
                .query(Object.class)
                .single();
        pack = localise(pack, schoolId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int[] outletChanges = {0, 0};
        Map<String, UUID> outletIds = new HashMap<>();
        for (SeedPack.Outlet outlet : pack.outlets()) {
            outletIds.put(outlet.slug(), outlet.id());
            switch (ensureOutlet(outlet, schoolId, now)) {
                case ADDED -> outletChanges[0]++;
                case UPDATED -> outletChanges[1]++;
                case UNCHANGED -> {}
            }
        }
        SeedPack.Manifest set = pack.manifest();
        ensureStorySet(set, pack.name(), schoolId, now);
        storeCitedOutlets(set.id(), pack.citedOutlets());

        int articlesAdded = 0;
        int articleVersionsAdded = 0;
        int keyVersionsAdded = 0;
        Map<String, UUID> currentVersionBySlug = new HashMap<>();
        for (SeedPack.Article article : pack.articles()) {
            int position = set.articleOrder().indexOf(article.slug());
            if (ensureArticle(article, outletIds.get(article.outletSlug()), set.id(), position, schoolId, now)) {
                articlesAdded++;
            }
            String hash = articleHash(article);
            Optional<UUID> existing = versionId("article_version", "article_id", article.id(), hash);
            UUID versionId = existing.orElseGet(() -> insertArticleVersion(article, hash, now));
            if (existing.isEmpty()) {
                articleVersionsAdded++;
            }
            makeCurrent("article", article.id(), versionId, now);
            currentVersionBySlug.put(article.slug(), versionId);
        }
        for (SeedPack.Key key : pack.keys()) {
            UUID articleId = pack.articles().stream()
                    .filter(a -> a.slug().equals(key.articleSlug()))
                    .findFirst()
                    .orElseThrow()
                    .id();
            UUID articleVersionId = currentVersionBySlug.get(key.articleSlug());
            ensureKey(key.id(), articleId, schoolId, now);
            String hash = keyHash(key, articleVersionId);
            Optional<UUID> existing = versionId("answer_key_version", "key_id", key.id(), hash);
            UUID versionId = existing.orElseGet(() -> insertKeyVersion(key, articleVersionId, hash, now));
            if (existing.isEmpty()) {
                keyVersionsAdded++;
            }
            makeCurrent("answer_key", key.id(), versionId, now);
        }
        int comparisonVersionsAdded = 0;
        if (pack.comparison() != null) {
            SeedPack.Comparison comparison = pack.comparison();
            ensureComparisonKey(comparison.id(), set.id(), schoolId, now);
            String hash = comparisonHash(comparison, currentVersionBySlug);
            Optional<UUID> existing = versionId("comparison_key_version", "comparison_key_id", comparison.id(), hash);
            UUID versionId =
                    existing.orElseGet(() -> insertComparisonVersion(comparison, currentVersionBySlug, hash, now));
            if (existing.isEmpty()) {
                comparisonVersionsAdded++;
            }
            makeCurrent("comparison_key", comparison.id(), versionId, now);
        }
        Report report = new Report(
                pack.name(),
                outletChanges[0],
                outletChanges[1],
                articlesAdded,
                articleVersionsAdded,
                keyVersionsAdded,
                comparisonVersionsAdded);
        if (report.changedNothing()) {
            log.info("Exercise pack '{}' is loaded and unchanged", pack.name());
        } else {
            log.info("Exercise pack '{}' loaded: {}", pack.name(), report);
        }
        return report;
    }

    /**
     * The pack with each item's id replaced by the id of the school's own row for it (DD020):
     * the row this school already holds for the item; else the pack's id itself when no other
     * school's row has it (so the first school to load a pack, and every row loaded before
     * V0017, keep row id = pack id); else an id derived from the school and the pack id. The
     * choice is remembered in {@code pack_item}, so every later load finds the same rows.
     */
    private SeedPack localise(SeedPack pack, UUID schoolId) {
        SeedPack.Manifest m = pack.manifest();
        SeedPack.Manifest manifest = new SeedPack.Manifest(
                localId("story_set", m.id(), schoolId),
                m.title(),
                m.description(),
                m.maturity(),
                m.ageBand(),
                m.analysisNote(),
                m.supportNote(),
                m.articleOrder());
        List<SeedPack.Outlet> outlets = pack.outlets().stream()
                .map(o -> new SeedPack.Outlet(
                        localId("outlet", o.id(), schoolId),
                        o.slug(),
                        o.name(),
                        o.kind(),
                        o.country(),
                        o.ownership(),
                        o.ownershipSource(),
                        o.publisher(),
                        o.publisherSource(),
                        o.description(),
                        o.homeUrl(),
                        o.facts()))
                .toList();
        List<SeedPack.Article> articles = pack.articles().stream()
                .map(a -> new SeedPack.Article(
                        a.slug(),
                        localId("article", a.id(), schoolId),
                        a.outletSlug(),
                        a.byline(),
                        a.published(),
                        a.originalUrl(),
                        a.originalUrlSource(),
                        a.contentNote(),
                        a.language(),
                        a.sourceFile(),
                        a.removed(),
                        a.canonicalText()))
                .toList();
        List<SeedPack.Key> keys = pack.keys().stream()
                .map(k -> new SeedPack.Key(
                        k.articleSlug(),
                        localId("answer_key", k.id(), schoolId),
                        k.status(),
                        k.changes(),
                        k.notes(),
                        k.claims(),
                        k.sources()))
                .toList();
        SeedPack.Comparison c = pack.comparison();
        SeedPack.Comparison comparison = c == null
                ? null
                : new SeedPack.Comparison(
                        localId("comparison_key", c.id(), schoolId), c.entries(), c.coreClaims(), c.rubric());
        return new SeedPack(pack.name(), manifest, outlets, pack.citedOutlets(), articles, keys, comparison);
    }

    private static final Set<String> ITEM_TABLES =
            Set.of("story_set", "outlet", "article", "answer_key", "comparison_key");

    private UUID localId(String table, UUID packId, UUID schoolId) {
        if (!ITEM_TABLES.contains(table)) {
            throw new IllegalArgumentException(table);
        }
        Optional<UUID> known = jdbc.sql("SELECT local_id FROM pack_item WHERE school_id = :school AND pack_id = :pack")
                .param("school", schoolId)
                .param("pack", packId)
                .query(UUID.class)
                .optional();
        if (known.isPresent()) {
            return known.get();
        }
        boolean takenElsewhere = jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM " + table + " WHERE id = :id AND school_id <> :school)")
                .param("id", packId)
                .param("school", schoolId)
                .query(Boolean.class)
                .single();
        UUID local = takenElsewhere ? derivedId(schoolId, packId) : packId;
        jdbc.sql("""
                INSERT INTO pack_item (school_id, pack_id, local_id) VALUES (:school, :pack, :local)
                ON CONFLICT DO NOTHING
                """)
                .param("school", schoolId)
                .param("pack", packId)
                .param("local", local)
                .update();
        return local;
    }

    /** A school's own id for a pack item: the same every time, and never another school's. */
    static UUID derivedId(UUID schoolId, UUID packId) {
        return UUID.nameUUIDFromBytes(
                ("lateral-pack-item/" + schoolId + "/" + packId).getBytes(StandardCharsets.UTF_8));
    }

    private void storeCitedOutlets(UUID storySetId, List<SeedPack.CitedOutlet> cited) {
        List<Map<String, Object>> rows = cited.stream()
                .map(c -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("name", c.name());
                    row.put("aliases", c.aliases());
                    row.put("url", c.url());
                    return row;
                })
                .toList();
        jdbc.sql("UPDATE story_set SET cited_outlets = CAST(:cited AS jsonb) WHERE id = :id"
                        + " AND cited_outlets IS DISTINCT FROM CAST(:cited AS jsonb)")
                .param("id", storySetId)
                .param("cited", JSON.writeValueAsString(rows))
                .update();
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private enum Change {
        ADDED,
        UPDATED,
        UNCHANGED
    }

    /**
     * Outlet profiles are versioned like articles (DD012): a changed profile becomes a new
     * immutable {@code outlet_version} and the outlet's current pointer moves to it; the outlet
     * row's profile columns are a copy of the current version, so lists need no extra join.
     */
    private Change ensureOutlet(SeedPack.Outlet o, UUID schoolId, Instant now) {
        record Row(
                String slug,
                @Nullable UUID ownerId,
                @Nullable UUID currentVersionId) {}
        Optional<Row> row = jdbc.sql(
                        "SELECT slug, owner_id, current_version_id FROM outlet WHERE id = :id AND school_id = :school")
                .param("id", o.id())
                .param("school", schoolId)
                .query((rs, n) -> new Row(
                        rs.getString("slug"),
                        rs.getObject("owner_id", UUID.class),
                        rs.getObject("current_version_id", UUID.class)))
                .optional();
        if (row.isPresent() && row.get().ownerId() != null) {
            // A teacher's own copy is theirs: a pack never overwrites it.
            return Change.UNCHANGED;
        }
        Map<String, Object> params = outletParams(o, schoolId, now);
        if (row.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO outlet (id, school_id, slug, name, kind, country, ownership, ownership_source,
                                        publisher, publisher_source, description, home_url, created_at, updated_at)
                    VALUES (:id, :school, :slug, :name, :kind, :country, :ownership, :source, :publisher,
                            :publisherSource, :description, :url, :now, :now)
                    """).params(params).update();
        }
        String hash = outletHash(o);
        Optional<UUID> existing = versionId("outlet_version", "outlet_id", o.id(), hash);
        if (row.isPresent()
                && existing.isPresent()
                && existing.get().equals(row.get().currentVersionId())
                && row.get().slug().equals(o.slug())) {
            return Change.UNCHANGED;
        }
        makeProfileCurrent(o, schoolId, hash, existing, now);
        return row.isEmpty() ? Change.ADDED : Change.UPDATED;
    }

    /**
     * A teacher's correction of their own outlet's profile (DD012, "Editing"), stored exactly as a
     * pack's changed profile is: same hash formula, a new immutable version (or the earlier one with
     * the same content, when a correction is reverted), and the outlet row's copy columns and
     * {@code version} moved in the caller's transaction. The caller checks ownership, the form's
     * version (with the row locked) and the fields; the slug is the caller's to keep. A pack's
     * outlet is never revised here.
     *
     * @return the version now current, or empty when the profile is the current one already
     */
    @Transactional
    public Optional<UUID> reviseOwnOutlet(SeedPack.Outlet profile, UUID schoolId) {
        String hash = outletHash(profile);
        record Row(@Nullable UUID ownerId, @Nullable String currentHash) {}
        Row row = jdbc.sql("""
                        SELECT o.owner_id, v.content_hash
                          FROM outlet o LEFT JOIN outlet_version v ON v.id = o.current_version_id
                         WHERE o.id = :id AND o.school_id = :school
                        """)
                .param("id", profile.id())
                .param("school", schoolId)
                .query((rs, n) -> new Row(rs.getObject("owner_id", UUID.class), rs.getString("content_hash")))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("No outlet " + profile.id() + " in this school"));
        if (row.ownerId() == null) {
            // A pack's profile changes only with its pack; the caller should have refused.
            throw new IllegalStateException("Outlet " + profile.id() + " belongs to a pack");
        }
        if (hash.equals(row.currentHash())) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Optional.of(makeProfileCurrent(
                profile, schoolId, hash, versionId("outlet_version", "outlet_id", profile.id(), hash), now));
    }

    /** A new profile, or a return to an earlier one (its version is reused, never rewritten). */
    private UUID makeProfileCurrent(
            SeedPack.Outlet o, UUID schoolId, String hash, Optional<UUID> existing, Instant now) {
        Map<String, Object> params = outletParams(o, schoolId, now);
        UUID versionId = existing.orElseGet(() -> insertOutletVersion(o, hash, now));
        params.put("version", versionId);
        jdbc.sql("""
                UPDATE outlet SET slug = :slug, name = :name, kind = :kind, country = :country, ownership = :ownership,
                       ownership_source = :source, publisher = :publisher, publisher_source = :publisherSource,
                       description = :description, home_url = :url, current_version_id = :version,
                       version = version + 1, updated_at = :now
                 WHERE id = :id AND school_id = :school
                """).params(params).update();
        return versionId;
    }

    /** The content hash an outlet profile version of {@code o} has (DD012), for imports that create one. */
    public static String outletContentHash(SeedPack.Outlet o) {
        return outletHash(o);
    }

    static String outletHash(SeedPack.Outlet o) {
        // The migration V0008 computes this formula in SQL for outlets stored before versions
        // existed (no publisher, no facts); keep the two in step (OutletVersionsIT checks them).
        ContentHash hash = ContentHash.start("outlet-version/1")
                .text(o.name())
                .text(o.kind().code())
                .text(o.country())
                .text(o.ownership())
                .text(o.ownershipSource())
                .text(o.publisher())
                .text(o.publisherSource())
                .text(o.description())
                .text(o.homeUrl())
                .number(o.facts().size());
        for (SeedPack.OutletFact f : o.facts()) {
            hash.text(f.fact()).text(f.source()).text(f.response()).text(f.responseSource());
        }
        return hash.hex();
    }

    private UUID insertOutletVersion(SeedPack.Outlet o, String hash, Instant now) {
        UUID id = UUID.randomUUID();
        Map<String, Object> params = outletParams(o, null, now);
        params.put("versionId", id);
        params.put("hash", hash);
        params.put(
                "facts",
                OutletFacts.toJson(o.facts().stream()
                        .map(f -> new OutletProfile.Fact(f.fact(), f.source(), f.response(), f.responseSource()))
                        .toList()));
        jdbc.sql("""
                INSERT INTO outlet_version (id, outlet_id, content_hash, name, kind, country, ownership, ownership_source,
                                            publisher, publisher_source, description, home_url, facts, created_at)
                VALUES (:versionId, :id, :hash, :name, :kind, :country, :ownership, :source, :publisher,
                        :publisherSource, :description, :url, CAST(:facts AS jsonb), :now)
                """).params(params).update();
        return id;
    }

    private static Map<String, Object> outletParams(SeedPack.Outlet o, @Nullable UUID schoolId, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", o.id());
        p.put("school", schoolId);
        p.put("slug", o.slug());
        p.put("name", o.name());
        p.put("kind", o.kind().code());
        p.put("country", o.country());
        p.put("ownership", o.ownership());
        p.put("source", o.ownershipSource());
        p.put("publisher", o.publisher());
        p.put("publisherSource", o.publisherSource());
        p.put("description", o.description());
        p.put("url", o.homeUrl());
        p.put("now", Timestamp.from(now));
        return p;
    }

    private void ensureStorySet(SeedPack.Manifest set, String pack, UUID schoolId, Instant now) {
        int updated = jdbc.sql("""
                UPDATE story_set SET title = :title, description = :description, maturity_note = :maturity,
                       age_band = :ageBand, analysis_note = :analysisNote, support_note = :supportNote,
                       version = version + 1, updated_at = :now
                 WHERE id = :id AND school_id = :school AND owner_id IS NULL
                   AND (title, coalesce(description, ''), coalesce(maturity_note, ''), age_band, analysis_note,
                        support_note)
                       IS DISTINCT FROM (:title, :description, :maturity, :ageBand, :analysisNote, :supportNote)
                """)
                .param("id", set.id())
                .param("school", schoolId)
                .param("title", set.title())
                .param("description", set.description())
                .param("maturity", set.maturity())
                .param("ageBand", set.ageBand())
                .param("analysisNote", set.analysisNote())
                .param("supportNote", set.supportNote())
                .param("now", Timestamp.from(now))
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO story_set (id, school_id, title, description, maturity_note, age_band, analysis_note,
                                           support_note, pack, created_at, updated_at)
                    VALUES (:id, :school, :title, :description, :maturity, :ageBand, :analysisNote, :supportNote, :pack,
                            :now, :now)
                    ON CONFLICT (id) DO NOTHING
                    """)
                    .param("id", set.id())
                    .param("school", schoolId)
                    .param("title", set.title())
                    .param("description", set.description())
                    .param("maturity", set.maturity())
                    .param("ageBand", set.ageBand())
                    .param("analysisNote", set.analysisNote())
                    .param("supportNote", set.supportNote())
                    .param("pack", pack)
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    /** @return true when the article row was created */
    private boolean ensureArticle(
            SeedPack.Article a, UUID outletId, UUID storySetId, int position, UUID schoolId, Instant now) {
        int inserted = jdbc.sql("""
                INSERT INTO article (id, school_id, outlet_id, story_set_id, story_position, created_at, updated_at)
                VALUES (:id, :school, :outlet, :set, :position, :now, :now)
                ON CONFLICT (id) DO NOTHING
                """)
                .param("id", a.id())
                .param("school", schoolId)
                .param("outlet", outletId)
                .param("set", storySetId)
                .param("position", position)
                .param("now", Timestamp.from(now))
                .update();
        if (inserted == 0) {
            jdbc.sql("""
                    UPDATE article SET outlet_id = :outlet, story_set_id = :set, story_position = :position,
                           version = version + 1, updated_at = :now
                     WHERE id = :id AND school_id = :school AND owner_id IS NULL
                       AND (outlet_id, story_set_id, story_position) IS DISTINCT FROM (:outlet, :set, :position)
                    """)
                    .param("id", a.id())
                    .param("school", schoolId)
                    .param("outlet", outletId)
                    .param("set", storySetId)
                    .param("position", position)
                    .param("now", Timestamp.from(now))
                    .update();
        }
        jdbc.sql("UPDATE article SET pack_slug = :slug WHERE id = :id AND pack_slug IS DISTINCT FROM :slug")
                .param("id", a.id())
                .param("slug", a.slug())
                .update();
        return inserted == 1;
    }

    private Optional<UUID> versionId(String table, String ownerColumn, UUID ownerId, String hash) {
        return jdbc.sql("SELECT id FROM " + table + " WHERE " + ownerColumn + " = :owner AND content_hash = :hash")
                .param("owner", ownerId)
                .param("hash", hash)
                .query(UUID.class)
                .optional();
    }

    private void makeCurrent(String table, UUID id, UUID versionId, Instant now) {
        jdbc.sql("UPDATE " + table + " SET current_version_id = :version, version = version + 1, updated_at = :now"
                        + " WHERE id = :id AND current_version_id IS DISTINCT FROM :version")
                .param("id", id)
                .param("version", versionId)
                .param("now", Timestamp.from(now))
                .update();
    }

    static String articleHash(SeedPack.Article a) {
        ContentHash hash = ContentHash.start("article-version/1")
                .text(CanonicalTitle.of(a.canonicalText()))
                .text(a.byline())
                .text(a.published().date().toString())
                .text(a.published().precision().code())
                .text(a.published().note())
                .text(a.originalUrl())
                .text(a.language())
                .text(a.canonicalText())
                .texts(a.removed())
                .text(a.sourceFile());
        // Fields added later go in only when set, each after its name, so that every version
        // stored before they existed keeps its hash and an unchanged pack adds no versions.
        if (a.originalUrlSource() != null) {
            hash.text("original_url_source").text(a.originalUrlSource());
        }
        if (a.contentNote() != null) {
            hash.text("content_note").text(a.contentNote());
        }
        return hash.hex();
    }

    private UUID insertArticleVersion(SeedPack.Article a, String hash, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO article_version (id, article_id, content_hash, title, byline, published_on, published_precision,
                                             published_note, original_url, original_url_source, content_note, language,
                                             canonical_text, removed_chrome, source_file, created_at)
                VALUES (:id, :article, :hash, :title, :byline, :published, :precision, :note, :url, :urlSource,
                        :contentNote, :language, :text, :removed, :sourceFile, :now)
                """)
                .param("id", id)
                .param("article", a.id())
                .param("hash", hash)
                .param("title", CanonicalTitle.of(a.canonicalText()))
                .param("byline", a.byline())
                .param("published", a.published().date())
                .param("precision", a.published().precision().code())
                .param("note", a.published().note())
                .param("url", a.originalUrl())
                .param("urlSource", a.originalUrlSource())
                .param("contentNote", a.contentNote())
                .param("language", a.language())
                .param("text", a.canonicalText())
                .param("removed", textArray(a.removed()))
                .param("sourceFile", a.sourceFile())
                .param("now", Timestamp.from(now))
                .update();
        return id;
    }

    private void ensureKey(UUID keyId, UUID articleId, UUID schoolId, Instant now) {
        jdbc.sql("""
                INSERT INTO answer_key (id, school_id, article_id, created_at, updated_at)
                VALUES (:id, :school, :article, :now, :now)
                ON CONFLICT (id) DO NOTHING
                """)
                .param("id", keyId)
                .param("school", schoolId)
                .param("article", articleId)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The content hash a key version of {@code key} has, anchored to that article version. */
    public static String keyContentHash(SeedPack.Key key, UUID articleVersionId) {
        return keyHash(key, articleVersionId);
    }

    static String keyHash(SeedPack.Key key, UUID articleVersionId) {
        ContentHash hash = ContentHash.start("answer-key-version/1")
                .text(articleVersionId.toString())
                .text(key.status().name())
                .text(key.notes());
        // Fields added later enter the hash only when used, so a key that does not use them keeps
        // the hash (and the version) it had before they existed.
        if (!key.changes().isEmpty()) {
            hash.text("changes").text(key.changes());
        }
        hash.number(key.claims().size());
        for (SeedPack.Claim c : key.claims()) {
            hash.text(c.id())
                    .number(c.span().start())
                    .number(c.span().end())
                    .texts(c.types().stream().map(ClaimType::code).sorted().toList())
                    .number(c.worthiness())
                    .text(c.why())
                    .texts(c.cues())
                    .texts(c.sourceIds());
        }
        hash.number(key.sources().size());
        for (SeedPack.Source s : key.sources()) {
            hash.text(s.id())
                    .text(s.name())
                    .texts(s.aliases())
                    .text(s.kind().code())
                    .text(s.origin().name())
                    .text(s.relayedFrom());
            if (!s.alsoAcceptedKinds().isEmpty() || s.kindWhy() != null) {
                hash.text("other-kinds")
                        .texts(s.alsoAcceptedKinds().stream()
                                .map(SourceKind::code)
                                .toList())
                        .text(s.kindWhy());
            }
            hash.number(s.attributions().size());
            for (AnchoredSpan span : s.attributions()) {
                hash.number(span.start()).number(span.end());
            }
        }
        return hash.hex();
    }

    private UUID insertKeyVersion(SeedPack.Key key, UUID articleVersionId, String hash, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO answer_key_version (id, key_id, article_version_id, content_hash, status, changes, notes,
                                                created_at)
                VALUES (:id, :key, :articleVersion, :hash, :status, :changes, :notes, :now)
                """)
                .param("id", id)
                .param("key", key.id())
                .param("articleVersion", articleVersionId)
                .param("hash", hash)
                .param("status", key.status().name().toLowerCase(Locale.ROOT))
                .param("changes", key.changes())
                .param("notes", key.notes())
                .param("now", Timestamp.from(now))
                .update();
        int position = 0;
        for (SeedPack.Source s : key.sources()) {
            jdbc.sql("""
                    INSERT INTO key_source (key_version_id, source_id, position, name, aliases, kind, also_accepted_kinds,
                                            kind_why, origin, relayed_from)
                    VALUES (:version, :source, :position, :name, :aliases, :kind, :otherKinds, :kindWhy, :origin,
                            :relayedFrom)
                    """)
                    .param("version", id)
                    .param("source", s.id())
                    .param("position", position++)
                    .param("name", s.name())
                    .param("aliases", textArray(s.aliases()))
                    .param("kind", s.kind().code())
                    .param(
                            "otherKinds",
                            textArray(s.alsoAcceptedKinds().stream()
                                    .map(SourceKind::code)
                                    .toList()))
                    .param("kindWhy", s.kindWhy())
                    .param("origin", s.origin().name().toLowerCase(Locale.ROOT))
                    .param("relayedFrom", s.relayedFrom())
                    .update();
            for (AnchoredSpan span : s.attributions()) {
                jdbc.sql("""
                        INSERT INTO key_source_attribution (key_version_id, source_id, start_offset, end_offset, exact, prefix, suffix)
                        VALUES (:version, :source, :start, :end, :exact, :prefix, :suffix)
                        ON CONFLICT DO NOTHING
                        """)
                        .param("version", id)
                        .param("source", s.id())
                        .param("start", span.start())
                        .param("end", span.end())
                        .param("exact", span.exact())
                        .param("prefix", span.prefix())
                        .param("suffix", span.suffix())
                        .update();
            }
        }
        position = 0;
        for (SeedPack.Claim c : key.claims()) {
            jdbc.sql("""
                    INSERT INTO key_claim (key_version_id, claim_id, position, start_offset, end_offset, exact, prefix, suffix,
                                           types, worthiness, why, cues)
                    VALUES (:version, :claim, :position, :start, :end, :exact, :prefix, :suffix, :types, :worthiness, :why, :cues)
                    """)
                    .param("version", id)
                    .param("claim", c.id())
                    .param("position", position++)
                    .param("start", c.span().start())
                    .param("end", c.span().end())
                    .param("exact", c.span().exact())
                    .param("prefix", c.span().prefix())
                    .param("suffix", c.span().suffix())
                    .param(
                            "types",
                            textArray(c.types().stream()
                                    .map(ClaimType::code)
                                    .sorted()
                                    .toList()))
                    .param("worthiness", c.worthiness())
                    .param("why", c.why())
                    .param("cues", textArray(c.cues()))
                    .update();
            for (String sourceId : c.sourceIds()) {
                jdbc.sql(
                                "INSERT INTO key_claim_source (key_version_id, claim_id, source_id) VALUES (:version, :claim, :source)"
                                        + " ON CONFLICT DO NOTHING")
                        .param("version", id)
                        .param("claim", c.id())
                        .param("source", sourceId)
                        .update();
            }
        }
        return id;
    }

    private void ensureComparisonKey(UUID id, UUID storySetId, UUID schoolId, Instant now) {
        jdbc.sql("""
                INSERT INTO comparison_key (id, school_id, story_set_id, created_at, updated_at)
                VALUES (:id, :school, :set, :now, :now)
                ON CONFLICT (id) DO NOTHING
                """)
                .param("id", id)
                .param("school", schoolId)
                .param("set", storySetId)
                .param("now", Timestamp.from(now))
                .update();
    }

    static String comparisonHash(SeedPack.Comparison comparison, Map<String, UUID> articleVersions) {
        // Version 3 of the formula: version 2 (source counts may be ranges, relayed_from a list of
        // outlets) plus what the compare step is scored against: framing categories, outlet notes,
        // core claims with their carriage, the rubric (V0013). A key stored under version 2 gets one
        // new version on the first import after the upgrade, which is right: it lacked all that.
        ContentHash hash = ContentHash.start("comparison-key-version/3")
                .number(comparison.entries().size());
        for (SeedPack.ComparisonEntry e : comparison.entries()) {
            hash.text(articleVersions.get(e.articleSlug()).toString())
                    .text(e.headlineFraming())
                    .number(e.namedSources().min())
                    .number(
                            e.namedSources().max() == null
                                    ? -1
                                    : e.namedSources().max())
                    .number(e.anonymousSources().min())
                    .number(
                            e.anonymousSources().max() == null
                                    ? -1
                                    : e.anonymousSources().max())
                    .texts(e.hedges())
                    .texts(e.loadedWords())
                    .text(e.reporting().name())
                    .texts(e.relayedFrom())
                    .text(e.omissions())
                    .text(e.notes())
                    .text(e.framing() == null ? "" : e.framing().code())
                    .texts(e.framingAlsoAccepted().stream()
                            .map(SeedPack.Framing::code)
                            .toList())
                    .text(e.framingWhy() == null ? "" : e.framingWhy())
                    .text(e.outletKindNote() == null ? "" : e.outletKindNote());
        }
        hash.number(comparison.coreClaims().size());
        for (SeedPack.CoreClaim c : comparison.coreClaims()) {
            hash.text(c.id()).text(c.claim()).number(c.carriedBy().size());
            for (SeedPack.CarriedBy cell : c.carriedBy()) {
                hash.text(articleVersions.get(cell.articleSlug()).toString())
                        .text(cell.how().code())
                        .texts(cell.alsoAccepted().stream()
                                .map(SeedPack.Carrying::code)
                                .toList())
                        .text(cell.why() == null ? "" : cell.why())
                        .number(cell.quote() == null ? -1 : cell.quote().start())
                        .number(cell.quote() == null ? -1 : cell.quote().end());
            }
        }
        hash.number(comparison.rubric().size());
        for (SeedPack.RubricLevel r : comparison.rubric()) {
            hash.number(r.level()).text(r.name()).text(r.descriptor());
        }
        return hash.hex();
    }

    private UUID insertComparisonVersion(
            SeedPack.Comparison comparison, Map<String, UUID> articleVersions, String hash, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO comparison_key_version (id, comparison_key_id, content_hash, created_at)
                VALUES (:id, :key, :hash, :now)
                """)
                .param("id", id)
                .param("key", comparison.id())
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .update();
        int position = 0;
        for (SeedPack.ComparisonEntry e : comparison.entries()) {
            jdbc.sql("""
                    INSERT INTO comparison_key_entry (version_id, article_version_id, position, headline_framing,
                                                      named_sources, named_sources_max, anonymous_sources,
                                                      anonymous_sources_max, hedges, loaded_words, reporting,
                                                      relayed_from_outlets, omissions, notes, framing,
                                                      framing_also_accepted, framing_why, outlet_kind_note)
                    VALUES (:version, :articleVersion, :position, :framing, :named, :namedMax, :anonymous, :anonymousMax,
                            :hedges, :loaded, :reporting, :relayedFrom, :omissions, :notes, :category,
                            :categoryAlso, :categoryWhy, :outletKind)
                    """)
                    .param("version", id)
                    .param("articleVersion", articleVersions.get(e.articleSlug()))
                    .param("position", position++)
                    .param("framing", e.headlineFraming())
                    .param("named", e.namedSources().min())
                    .param("namedMax", e.namedSources().max())
                    .param("anonymous", e.anonymousSources().min())
                    .param("anonymousMax", e.anonymousSources().max())
                    .param("hedges", textArray(e.hedges()))
                    .param("loaded", textArray(e.loadedWords()))
                    .param("reporting", e.reporting().name().toLowerCase(Locale.ROOT))
                    .param("relayedFrom", textArray(e.relayedFrom()))
                    .param("omissions", e.omissions())
                    .param("notes", e.notes())
                    .param("category", e.framing() == null ? null : e.framing().code())
                    .param(
                            "categoryAlso",
                            textArray(e.framingAlsoAccepted().stream()
                                    .map(SeedPack.Framing::code)
                                    .toList()))
                    .param("categoryWhy", e.framingWhy())
                    .param("outletKind", e.outletKindNote())
                    .update();
        }
        insertCoreClaims(id, comparison, articleVersions);
        for (SeedPack.RubricLevel r : comparison.rubric()) {
            jdbc.sql("""
                    INSERT INTO comparison_rubric_level (version_id, level, name, descriptor)
                    VALUES (:version, :level, :name, :descriptor)
                    """)
                    .param("version", id)
                    .param("level", r.level())
                    .param("name", r.name())
                    .param("descriptor", r.descriptor())
                    .update();
        }
        return id;
    }

    /** The story's core claims and, per article, how it carries each (the compare step's matrix). */
    private void insertCoreClaims(UUID versionId, SeedPack.Comparison comparison, Map<String, UUID> articleVersions) {
        int position = 0;
        for (SeedPack.CoreClaim c : comparison.coreClaims()) {
            jdbc.sql("""
                    INSERT INTO comparison_core_claim (version_id, claim_id, position, claim)
                    VALUES (:version, :claim, :position, :text)
                    """)
                    .param("version", versionId)
                    .param("claim", c.id())
                    .param("position", position++)
                    .param("text", c.claim())
                    .update();
            for (SeedPack.CarriedBy cell : c.carriedBy()) {
                jdbc.sql("""
                        INSERT INTO comparison_claim_carriage (version_id, claim_id, article_version_id, how,
                                                               also_accepted, why, start_offset, end_offset, exact)
                        VALUES (:version, :claim, :articleVersion, :how, :also, :why, :start, :end, :exact)
                        """)
                        .param("version", versionId)
                        .param("claim", c.id())
                        .param("articleVersion", articleVersions.get(cell.articleSlug()))
                        .param("how", cell.how().code())
                        .param(
                                "also",
                                textArray(cell.alsoAccepted().stream()
                                        .map(SeedPack.Carrying::code)
                                        .toList()))
                        .param("why", cell.why())
                        .param(
                                "start",
                                cell.quote() == null ? null : cell.quote().start())
                        .param("end", cell.quote() == null ? null : cell.quote().end())
                        .param(
                                "exact",
                                cell.quote() == null ? null : cell.quote().exact())
                        .update();
            }
        }
    }

    private static String[] textArray(List<String> values) {
        return values.toArray(String[]::new);
    }

    /** The headline is paragraph 0 of the canonical text; it is the article's title too. */
    static final class CanonicalTitle {
        private CanonicalTitle() {}

        static String of(String canonicalText) {
            return CanonicalText.headline(canonicalText);
        }
    }
}
