package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralServerTest;
import org.lateral.base.text.Tokens;
import org.lateral.library.LibraryPins;
import org.lateral.library.TestPacks;
import org.lateral.submission.scoring.CompareScoring;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stored Defectors comparison key, read back from the database and given to the compare rules
 * (DD014, DD015): the key's own answer scores 100, and another school cannot read it.
 */
@LateralServerTest
class CompareKeysIT {

    @Autowired
    org.lateral.Fixtures fixtures;

    @Autowired
    LibraryPins library;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    @Test
    void the_stored_key_read_back_scores_its_own_answer_100_and_stays_in_its_school() throws IOException {
        UUID school = fixtures.school("Compare keys school");
        fixtures.importPack(school, TestPacks.defectorsWithFreshIds(temp.resolve("defectors")));
        UUID version = jdbc.sql("SELECT current_version_id FROM comparison_key WHERE school_id = :s")
                .param("s", school)
                .query(UUID.class)
                .single();
        LibraryPins.ComparisonKey stored =
                library.comparisonKey(school, version).orElseThrow();
        assertThat(stored.articles()).hasSize(5);
        assertThat(stored.claims()).hasSize(8);
        assertThat(stored.rubricMaxLevel()).isEqualTo(3);

        Map<UUID, String> texts = new HashMap<>();
        Map<String, int[]> tokens = new HashMap<>();
        for (LibraryPins.ComparisonArticle a : stored.articles()) {
            String text = library.canonicalText(school, a.articleVersionId()).orElseThrow();
            texts.put(a.articleVersionId(), text);
            tokens.put(a.articleVersionId().toString(), Tokens.words(text));
        }
        CompareScoring.Key key = CompareKeys.of(stored, texts);
        List<String> articles =
                key.articles().stream().map(CompareScoring.KeyArticle::article).toList();
        List<CompareScoring.StudentArticle> grids = key.articles().stream()
                .map(a -> new CompareScoring.StudentArticle(
                        a.article(),
                        a.framing(),
                        a.named().min(),
                        a.anonymous().min(),
                        a.hedges().stream().map(CompareScoring.KeySpan::span).toList(),
                        a.loadedWords().stream()
                                .map(CompareScoring.KeySpan::span)
                                .toList(),
                        a.reporting(),
                        a.relayedFrom().stream().map(o -> o.name()).toList()))
                .toList();
        List<CompareScoring.StudentCell> cells = new ArrayList<>();
        key.coreClaims()
                .forEach(c -> c.cells()
                        .forEach((article, cell) ->
                                cells.add(new CompareScoring.StudentCell(c.id(), article, cell.carriage()))));
        CompareScoring.Result result = CompareScoring.score(
                tokens, key, articles, new CompareScoring.Answer(grids, cells, key.rubricMaxLevel()), 0.5);
        assertThat(result.score()).isEqualTo(100.0);

        UUID elsewhere = fixtures.school("Another school");
        assertThat(library.comparisonKey(elsewhere, version)).isEmpty();
    }
}
