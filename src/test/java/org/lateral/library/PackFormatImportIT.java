package org.lateral.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.Fixtures;
import org.lateral.LateralServerTest;
import org.lateral.library.pack.PackFiles;
import org.lateral.library.pack.SeedPack;
import org.lateral.library.pack.SeedPackReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fields a corrected pack needs, stored by the import on real PostgreSQL, and outlet profiles
 * kept as immutable versions (DD012). Each test loads {@link TestPacks#careful} into a school of
 * its own.
 */
@LateralServerTest
class PackFormatImportIT {

    @Autowired
    Fixtures fixtures;

    @Autowired
    LibraryImport libraryImport;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    Path pack;
    UUID school;

    @BeforeEach
    void aSchoolAndTheCarefulPack() throws IOException {
        school = fixtures.school("Pack format school");
        pack = TestPacks.careful(temp.resolve("careful"));
    }

    private LibraryImport.Report load() {
        return libraryImport.importPack(SeedPackReader.read(PackFiles.directory(pack)), school);
    }

    private void editOutlets(String from, String to) throws IOException {
        Path outlets = pack.resolve("outlets.yaml");
        String yaml = Files.readString(outlets);
        assertThat(yaml).contains(from);
        Files.writeString(outlets, yaml.replace(from, to));
    }

    private UUID outletId() {
        return jdbc.sql("SELECT id FROM outlet WHERE school_id = :s AND slug = 'daily'")
                .param("s", school)
                .query(UUID.class)
                .single();
    }

    private UUID currentOutletVersion() {
        return jdbc.sql("SELECT current_version_id FROM outlet WHERE id = :o")
                .param("o", outletId())
                .query(UUID.class)
                .single();
    }

    private Map<String, Object> outletVersion(UUID versionId) {
        return jdbc.sql("SELECT *, facts::text AS facts_json FROM outlet_version WHERE id = :v")
                .param("v", versionId)
                .query()
                .singleRow();
    }

    private long outletVersions() {
        return jdbc.sql("SELECT count(*) FROM outlet_version WHERE outlet_id = :o")
                .param("o", outletId())
                .query(Long.class)
                .single();
    }

    @Test
    void a_new_outlet_gets_its_first_profile_version_with_publisher_and_facts() {
        load();
        assertThat(outletVersions()).isEqualTo(1);
        Map<String, Object> version = outletVersion(currentOutletVersion());
        assertThat(version.get("publisher")).isEqualTo("Example Media Group");
        assertThat(version.get("publisher_source")).isEqualTo("The outlet's imprint page");
        assertThat(OutletFacts.fromJson((String) version.get("facts_json")))
                .containsExactly(new OutletProfile.Fact(
                        "Named in a government report on disinformation.",
                        "The report, August 2020",
                        "The outlet disputes the report.",
                        "The outlet's statement of 5 August 2020"));
        assertThat(jdbc.sql("SELECT publisher FROM outlet WHERE id = :o")
                        .param("o", outletId())
                        .query(String.class)
                        .single())
                .as("the outlet row copies the current profile")
                .isEqualTo("Example Media Group");
    }

    @Test
    void a_changed_profile_becomes_a_new_version_the_old_one_is_untouched_and_the_pointer_moves() throws IOException {
        load();
        UUID first = currentOutletVersion();
        Map<String, Object> before = outletVersion(first);

        editOutlets(
                "ownership: \"Owned by Example Holdings.\"", "ownership: \"Owned by Example Holdings since 2018.\"");
        LibraryImport.Report report = load();

        assertThat(report.outletsUpdated()).isEqualTo(1);
        assertThat(outletVersions()).isEqualTo(2);
        UUID second = currentOutletVersion();
        assertThat(second).isNotEqualTo(first);
        assertThat(outletVersion(second).get("ownership")).isEqualTo("Owned by Example Holdings since 2018.");
        assertThat(outletVersion(first)).as("the old version, column by column").isEqualTo(before);
        assertThat(jdbc.sql("SELECT ownership FROM outlet WHERE id = :o")
                        .param("o", outletId())
                        .query(String.class)
                        .single())
                .isEqualTo("Owned by Example Holdings since 2018.");
    }

    @Test
    void an_unchanged_profile_adds_no_version() {
        load();
        UUID first = currentOutletVersion();
        LibraryImport.Report again = load();
        assertThat(again.changedNothing()).as(again.toString()).isTrue();
        assertThat(outletVersions()).isEqualTo(1);
        assertThat(currentOutletVersion()).isEqualTo(first);
    }

    @Test
    void a_new_fact_or_response_is_a_new_version_too() throws IOException {
        load();
        editOutlets(
                "    response: \"The outlet disputes the report.\"",
                "    response: \"The outlet disputes the report and has asked for a correction.\"");
        assertThat(load().outletsUpdated()).isEqualTo(1);
        assertThat(outletVersions()).isEqualTo(2);
    }

    @Test
    void a_teachers_own_outlet_copy_is_never_overwritten_and_gets_no_version() throws IOException {
        load();
        String username = fixtures.teacher(school, "owner");
        UUID owner = jdbc.sql("SELECT id FROM account WHERE username = :u")
                .param("u", username)
                .query(UUID.class)
                .single();
        // No service makes copies yet: mark the loaded outlet as the teacher's own.
        jdbc.sql("UPDATE outlet SET owner_id = :owner WHERE id = :o")
                .param("owner", owner)
                .param("o", outletId())
                .update();
        Map<String, Object> row = jdbc.sql("SELECT * FROM outlet WHERE id = :o")
                .param("o", outletId())
                .query()
                .singleRow();

        editOutlets("name: The Daily Example", "name: The Daily Example (renamed by the pack)");
        LibraryImport.Report report = load();

        assertThat(report.outletsUpdated()).isZero();
        assertThat(outletVersions()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT * FROM outlet WHERE id = :o")
                        .param("o", outletId())
                        .query()
                        .singleRow())
                .isEqualTo(row);
    }

    @Test
    void a_stored_outlet_version_cannot_be_changed_in_place() {
        load();
        assertThatThrownBy(() -> jdbc.sql("UPDATE outlet_version SET name = 'Changed' WHERE id = :v")
                        .param("v", currentOutletVersion())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("immutable");
    }

    @Test
    void the_story_sets_care_notes_and_the_articles_content_note_and_address_source_are_stored() {
        load();
        Map<String, Object> set = jdbc.sql(
                        "SELECT maturity_note, age_band, analysis_note, support_note FROM story_set WHERE school_id = :s")
                .param("s", school)
                .query()
                .singleRow();
        assertThat(set)
                .containsEntry("maturity_note", "Violence is discussed.")
                .containsEntry("age_band", "14+ (grades 9–12)")
                .containsEntry("analysis_note", "State-linked texts are here for analysis, not endorsement.")
                .containsEntry("support_note", "Some students may have family in the region: offer another article.");
        Map<String, Object> version = jdbc.sql("""
                SELECT v.original_url, v.original_url_source, v.content_note
                  FROM article a JOIN article_version v ON v.id = a.current_version_id WHERE a.school_id = :s""").param("s", school).query().singleRow();
        assertThat(version)
                .containsEntry("original_url", "https://daily.example/mayor")
                .containsEntry("original_url_source", "Internet Archive capture of 2 March 2017")
                .containsEntry("content_note", "This text stereotypes mayors.");
    }

    @Test
    void a_changed_care_note_updates_the_story_set_and_a_changed_content_note_makes_an_article_version()
            throws IOException {
        load();
        Path manifest = pack.resolve("pack.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("14+ (grades 9–12)", "16+"));
        Path article = pack.resolve("articles/one.txt");
        Files.writeString(
                article,
                Files.readString(article)
                        .replace("stereotypes mayors.", "stereotypes mayors and makes" + " an unsupported claim."));
        LibraryImport.Report report = load();
        assertThat(report.articleVersionsAdded()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT age_band FROM story_set WHERE school_id = :s")
                        .param("s", school)
                        .query(String.class)
                        .single())
                .isEqualTo("16+");
    }

    @Test
    void a_comparison_range_and_relay_list_are_stored() {
        load();
        Map<String, Object> entry = jdbc.sql("""
                SELECT e.named_sources, e.named_sources_max, e.anonymous_sources, e.anonymous_sources_max,
                       e.relayed_from, array_to_string(e.relayed_from_outlets, '|') AS relayed
                  FROM comparison_key k JOIN comparison_key_entry e ON e.version_id = k.current_version_id
                 WHERE k.school_id = :s""").param("s", school).query().singleRow();
        assertThat(entry.get("named_sources")).isEqualTo(0);
        assertThat(entry.get("named_sources_max"))
                .as("an exact count has no maximum")
                .isNull();
        assertThat(entry.get("anonymous_sources")).isEqualTo(1);
        assertThat(entry.get("anonymous_sources_max")).isEqualTo(2);
        assertThat(entry.get("relayed_from")).as("the old free-text column").isNull();
        assertThat(entry.get("relayed")).isEqualTo("The Daily Mail");
    }

    @Test
    void the_migrations_sql_hash_of_an_existing_outlet_is_the_import_hash_so_upgrading_adds_no_version() {
        for (SeedPack.Outlet o : List.of(
                outlet("Café Ünïcode – “quoted”", "Owned by Ö.", "Register", null, "https://cafe.example"),
                outlet("Plain", null, null, "About", null))) {
            String sql = jdbc.sql("SELECT outlet_profile_hash_v1(:name, :kind, :country, :ownership, :source, "
                            + ":description, :url)")
                    .param("name", o.name())
                    .param("kind", o.kind().code())
                    .param("country", o.country())
                    .param("ownership", o.ownership())
                    .param("source", o.ownershipSource())
                    .param("description", o.description())
                    .param("url", o.homeUrl())
                    .query(String.class)
                    .single();
            assertThat(sql).as(o.name()).isEqualTo(LibraryImport.outletHash(o));
        }
    }

    private static SeedPack.Outlet outlet(
            String name, String ownership, String source, String description, String url) {
        return new SeedPack.Outlet(
                UUID.randomUUID(),
                "x",
                name,
                OutletKind.STATE_MEDIA,
                name.startsWith("Café") ? "Россия" : null,
                ownership,
                source,
                null,
                null,
                description,
                url,
                List.of());
    }
}
