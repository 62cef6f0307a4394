package org.lateral.library.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lateral.library.ClaimType;
import org.lateral.library.text.CanonicalText;

/**
 * Every pack in seeds/ reads without a single problem: every key quote resolves to exactly one
 * place, every reference exists. This is the test that fails when a key is edited carelessly.
 */
class ShippedPacksTest {

    private static final Path SEEDS = Path.of("seeds");

    private static Stream<Path> packFolders() throws IOException {
        return Files.list(SEEDS)
                .filter(p -> Files.isRegularFile(p.resolve("pack.yaml")))
                .sorted();
    }

    @Test
    void every_shipped_pack_reads_without_problems_and_every_article_has_a_complete_key() throws IOException {
        try (Stream<Path> packs = packFolders()) {
            assertThat(packs.toList()).isNotEmpty().allSatisfy(folder -> {
                SeedPack pack = SeedPackReader.read(PackFiles.directory(folder));
                assertThat(pack.articles()).hasSameSizeAs(pack.manifest().articleOrder());
                assertThat(pack.keys())
                        .extracting(SeedPack.Key::articleSlug)
                        .containsExactlyInAnyOrderElementsOf(pack.manifest().articleOrder());
                assertThat(pack.keys()).allSatisfy(k -> assertThat(k.status()).isEqualTo(SeedPack.KeyStatus.COMPLETE));
                assertThat(pack.comparison()).isNotNull();
                assertThat(pack.comparison().entries()).hasSameSizeAs(pack.articles());
            });
        }
    }

    @Test
    void the_defectors_pack_has_five_articles_with_careful_keys() {
        SeedPack pack = SeedPackReader.read(PackFiles.directory(SEEDS.resolve("defectors")));
        assertThat(pack.manifest().title()).isEqualTo("Defectors: one story, five outlets");
        assertThat(pack.manifest().maturity()).contains("Violent extremism");
        assertThat(pack.articles())
                .extracting(SeedPack.Article::outletSlug)
                .containsExactly("the-frisky", "sputnik", "isegoria", "war-in-context", "new-eastern-outlook");
        for (SeedPack.Key key : pack.keys()) {
            assertThat(key.claims()).as(key.articleSlug() + " claims").hasSizeGreaterThanOrEqualTo(12);
            assertThat(key.sources()).as(key.articleSlug() + " sources").isNotEmpty();
            assertThat(key.notes()).as(key.articleSlug() + " teaching notes").isNotBlank();
        }
        Set<ClaimType> typesUsed = new HashSet<>();
        pack.keys().forEach(k -> k.claims().forEach(c -> typesUsed.addAll(c.types())));
        assertThat(typesUsed).as("the pack exercises every claim type").containsExactlyInAnyOrder(ClaimType.values());
    }

    @Test
    void seed_articles_follow_the_canonical_text_rules() {
        SeedPack pack = SeedPackReader.read(PackFiles.directory(SEEDS.resolve("defectors")));
        for (SeedPack.Article a : pack.articles()) {
            assertThat(a.canonicalText())
                    .doesNotContain("\r", "\u00a0", "\n\n\n")
                    .isEqualTo(CanonicalText.normalise(a.canonicalText()));
        }
        SeedPack.Article warInContext = pack.articles().get(3);
        assertThat(CanonicalText.paragraphs(warInContext.canonicalText()).get(1).text())
                .startsWith("Michael Weiss writes:");
        SeedPack.Article sputnik = pack.articles().get(1);
        assertThat(CanonicalText.headline(sputnik.canonicalText()))
                .isEqualTo("'Daesh Defectors May be Undercover Operatives' Trying to Attack Europe");
        assertThat(sputnik.canonicalText()).doesNotContain("Subscribe", "Newsfeed", "log in or register");
        assertThat(sputnik.removed()).anySatisfy(r -> assertThat(r).contains("Subscribe"));
        assertThat(sputnik.originalUrl()).isNull();
    }

    @Test
    void the_notice_gives_the_provenance_of_every_shipped_article() throws IOException {
        String notice = Files.readString(SEEDS.resolve("NOTICE"));
        SeedPack pack = SeedPackReader.read(PackFiles.directory(SEEDS.resolve("defectors")));
        for (SeedPack.Article a : pack.articles()) {
            assertThat(notice).as("NOTICE mentions " + a.slug()).contains(a.slug() + ".txt");
        }
    }
}
