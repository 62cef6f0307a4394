package org.lateral.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralServerTest;
import org.lateral.library.pack.PackFiles;
import org.lateral.library.pack.SeedPackReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The comparison key of the Defectors set with what the compare step is scored against (V0013):
 * every article's framing category, the core claims with one cell per article whose quote is the
 * article's own words, and the rubric; importing the pack again adds nothing.
 */
@LateralServerTest
class ComparisonKeyImportIT {

    @Autowired
    org.lateral.Fixtures fixtures;

    @Autowired
    LibraryImport libraryImport;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    @Test
    void framings_core_claims_with_their_cells_and_the_rubric_are_stored_once() throws IOException {
        UUID school = fixtures.school("Comparison key school");
        Path pack = TestPacks.defectorsWithFreshIds(temp.resolve("defectors"));
        fixtures.importPack(school, pack);

        List<Map<String, Object>> entries =
                jdbc.sql("""
                SELECT e.framing, e.outlet_kind_note IS NOT NULL AS noted
                  FROM comparison_key k JOIN comparison_key_entry e ON e.version_id = k.current_version_id
                 WHERE k.school_id = :s ORDER BY e.position""").param("s", school).query().listOfRows();
        assertThat(entries)
                .extracting(e -> e.get("framing"))
                .containsExactly("hedged", "sensational", "sensational", "sensational", "question");
        assertThat(entries).allSatisfy(e -> assertThat(e.get("noted")).isEqualTo(true));

        int claims = jdbc.sql("""
                SELECT count(*) FROM comparison_key k JOIN comparison_core_claim c ON c.version_id = k.current_version_id
                 WHERE k.school_id = :s""").param("s", school).query(Integer.class).single();
        assertThat(claims).isEqualTo(8);
        // Every cell quotes its own article's canonical text at the stored offsets.
        List<Map<String, Object>> cells =
                jdbc.sql("""
                SELECT c.how, c.exact, substr(v.canonical_text, c.start_offset + 1, c.end_offset - c.start_offset) AS there
                  FROM comparison_key k
                  JOIN comparison_claim_carriage c ON c.version_id = k.current_version_id
                  JOIN article_version v ON v.id = c.article_version_id
                 WHERE k.school_id = :s""").param("s", school).query().listOfRows();
        assertThat(cells).hasSize(8 * 5);
        assertThat(cells)
                .filteredOn(c -> c.get("exact") != null)
                .allSatisfy(c -> assertThat(c.get("there")).isEqualTo(c.get("exact")));
        assertThat(cells)
                .filteredOn(c -> !"absent".equals(c.get("how")))
                .allSatisfy(c -> assertThat(c.get("exact")).isNotNull());
        assertThat(jdbc.sql("""
                        SELECT string_agg(r.level || ' ' || r.name, ', ' ORDER BY r.level)
                          FROM comparison_key k JOIN comparison_rubric_level r ON r.version_id = k.current_version_id
                         WHERE k.school_id = :s""").param("s", school).query(String.class).single())
                .isEqualTo("0 Not yet, 1 Beginning, 2 Getting there, 3 Secure");

        LibraryImport.Report again = libraryImport.importPack(SeedPackReader.read(PackFiles.directory(pack)), school);
        assertThat(again.comparisonVersionsAdded())
                .as("an unchanged key adds no version")
                .isZero();
    }
}
