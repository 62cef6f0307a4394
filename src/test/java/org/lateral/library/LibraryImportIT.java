package org.lateral.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralServerTest;
import org.lateral.library.pack.PackFiles;
import org.lateral.library.pack.SeedPack;
import org.lateral.library.pack.SeedPackReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loading packs through the library service: idempotent, versioned, never rewriting history. Each
 * test loads a copy of the shipped pack under fresh ids into a school of its own, so the tests
 * neither see nor disturb the library that start-up loaded.
 */
@LateralServerTest
class LibraryImportIT {

    @Autowired
    org.lateral.Fixtures fixtures;

    @Autowired
    LibraryImport libraryImport;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    Path pack;
    UUID school;

    @BeforeEach
    void aSchoolAndAPrivateCopyOfTheDefectorsPack() throws IOException {
        school = fixtures.school("Import test school");
        pack = TestPacks.defectorsWithFreshIds(temp.resolve("defectors"));
    }

    private LibraryImport.Report load() {
        SeedPack read = SeedPackReader.read(PackFiles.directory(pack));
        return libraryImport.importPack(read, school);
    }

    @Test
    void loading_a_pack_creates_its_outlets_articles_keys_and_comparison() {
        LibraryImport.Report report = load();
        assertThat(report.outletsAdded()).isEqualTo(5);
        assertThat(report.articlesAdded()).isEqualTo(5);
        assertThat(report.articleVersionsAdded()).isEqualTo(5);
        assertThat(report.keyVersionsAdded()).isEqualTo(5);
        assertThat(report.comparisonVersionsAdded()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM article WHERE school_id = :s AND current_version_id IS NOT NULL"))
                .isEqualTo(5);
        assertThat(count("""
                SELECT count(*) FROM key_claim c JOIN answer_key_version v ON v.id = c.key_version_id
                  JOIN answer_key k ON k.id = v.key_id WHERE k.school_id = :s""")).isGreaterThanOrEqualTo(5 * 12);
    }

    @Test
    void loading_the_same_pack_again_changes_nothing() {
        load();
        Map<String, Long> before = rowCounts();
        LibraryImport.Report second = load();
        assertThat(second.changedNothing()).as(second.toString()).isTrue();
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void a_changed_article_becomes_a_new_version_and_the_old_version_stays_for_whoever_pinned_it() throws IOException {
        load();
        UUID articleId = jdbc.sql("""
                SELECT a.id FROM article a JOIN outlet o ON o.id = a.outlet_id WHERE a.school_id = :s AND o.slug = 'sputnik'""").param("s", school).query(UUID.class).single();
        UUID oldVersion = currentVersion(articleId);
        String oldKeyVersion = currentKeyVersion(articleId);

        Path file = pack.resolve("articles/001-sputnik.txt");
        Files.writeString(file, Files.readString(file) + "\nCorrection: an earlier version misspelt a name.\n");
        LibraryImport.Report report = load();

        assertThat(report.articleVersionsAdded()).isEqualTo(1);
        assertThat(report.keyVersionsAdded())
                .as("the key re-anchored to the new text")
                .isEqualTo(1);
        assertThat(currentVersion(articleId)).isNotEqualTo(oldVersion);
        assertThat(count("SELECT count(*) FROM article_version WHERE article_id = '" + articleId + "'"))
                .isEqualTo(2);
        String oldText = jdbc.sql("SELECT canonical_text FROM article_version WHERE id = :v")
                .param("v", oldVersion)
                .query(String.class)
                .single();
        assertThat(oldText).doesNotContain("Correction:");
        assertThat(jdbc.sql("SELECT canonical_text FROM article_version WHERE id = :v")
                        .param("v", currentVersion(articleId))
                        .query(String.class)
                        .single())
                .endsWith("\n\nCorrection: an earlier version misspelt a name.");
        assertThat(count("SELECT count(*) FROM key_claim WHERE key_version_id = '" + oldKeyVersion + "'"))
                .as("the old key version keeps its claims")
                .isPositive();
        assertThat(currentKeyVersion(articleId)).isNotEqualTo(oldKeyVersion);
    }

    @Test
    void a_changed_outlet_profile_from_a_pack_becomes_its_current_version_and_the_old_version_stays()
            throws IOException {
        load();
        Path outlets = pack.resolve("outlets.yaml");
        Files.writeString(outlets, Files.readString(outlets).replace("name: Isegoria", "name: Isegoria (blog)"));
        LibraryImport.Report report = load();
        assertThat(report.outletsUpdated()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT name FROM outlet WHERE school_id = :s AND slug = 'isegoria'")
                        .param("s", school)
                        .query(String.class)
                        .single())
                .isEqualTo("Isegoria (blog)");
        assertThat(jdbc.sql("""
                SELECT v.name FROM outlet o JOIN outlet_version v ON v.outlet_id = o.id
                 WHERE o.school_id = :s AND o.slug = 'isegoria' ORDER BY v.created_at, v.name""").param("s", school).query(String.class).list())
                .containsExactlyInAnyOrder("Isegoria", "Isegoria (blog)");
    }

    @Test
    void stored_versions_cannot_be_changed_in_place() {
        load();
        assertThatThrownBy(() -> jdbc.sql("UPDATE article_version SET title = 'Changed' WHERE article_id IN "
                                + "(SELECT id FROM article WHERE school_id = :s)")
                        .param("s", school)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql(
                                "UPDATE key_claim SET why = 'Changed' WHERE key_version_id IN "
                                        + "(SELECT v.id FROM answer_key_version v JOIN answer_key k ON k.id = v.key_id WHERE k.school_id = :s)")
                        .param("s", school)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("immutable");
    }

    private UUID currentVersion(UUID articleId) {
        return jdbc.sql("SELECT current_version_id FROM article WHERE id = :a")
                .param("a", articleId)
                .query(UUID.class)
                .single();
    }

    private String currentKeyVersion(UUID articleId) {
        return jdbc.sql("SELECT current_version_id::text FROM answer_key WHERE article_id = :a")
                .param("a", articleId)
                .query(String.class)
                .single();
    }

    private long count(String sql) {
        var spec = jdbc.sql(sql);
        if (sql.contains(":s")) {
            spec = spec.param("s", school);
        }
        return spec.query(Long.class).single();
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : new String[] {
            "outlet",
            "outlet_version",
            "story_set",
            "article",
            "article_version",
            "answer_key",
            "answer_key_version",
            "key_claim",
            "key_source",
            "key_source_attribution",
            "key_claim_source",
            "comparison_key",
            "comparison_key_version",
            "comparison_key_entry"
        }) {
            counts.put(
                    table,
                    jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        counts.put(
                "outlet versions",
                jdbc.sql("SELECT coalesce(sum(version), 0) FROM outlet")
                        .query(Long.class)
                        .single());
        counts.put(
                "article versions",
                jdbc.sql("SELECT coalesce(sum(version), 0) FROM article")
                        .query(Long.class)
                        .single());
        return counts;
    }
}
