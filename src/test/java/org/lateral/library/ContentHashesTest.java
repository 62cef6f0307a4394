package org.lateral.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lateral.base.ContentHash;
import org.lateral.library.pack.SeedPack;

/**
 * The content hashes of versions (DD000, Versions): fields added to the format must not make the
 * versions stored before them look changed, and a changed field must make a new version.
 */
class ContentHashesTest {

    private static SeedPack.Article article(String originalUrlSource, String contentNote) {
        return new SeedPack.Article(
                "one",
                UUID.fromString("6a5b2f0e-1111-4c5e-9a33-000000000003"),
                "daily",
                null,
                PublicationDate.parse("2017-01", PublicationDate.Precision.APPROXIMATE, "From the text"),
                originalUrlSource == null ? null : "https://daily.example/mayor",
                originalUrlSource,
                contentNote,
                "en",
                "one.txt",
                List.of("Subscribe button"),
                "Mayor reportedly resigns\n\nThe mayor resigned.");
    }

    /** The formula as it was before original_url_source and content_note existed. */
    private static String hashBeforeTheNewFields(SeedPack.Article a) {
        return ContentHash.start("article-version/1")
                .text(LibraryImport.CanonicalTitle.of(a.canonicalText()))
                .text(a.byline())
                .text(a.published().date().toString())
                .text(a.published().precision().code())
                .text(a.published().note())
                .text(a.originalUrl())
                .text(a.language())
                .text(a.canonicalText())
                .texts(a.removed())
                .text(a.sourceFile())
                .hex();
    }

    @Test
    void an_article_without_the_new_fields_keeps_the_hash_of_the_formula_before_them() {
        SeedPack.Article plain = article(null, null);
        assertThat(LibraryImport.articleHash(plain)).isEqualTo(hashBeforeTheNewFields(plain));
        // Pinned as well, so that a change to ContentHash itself cannot slip through unnoticed.
        assertThat(LibraryImport.articleHash(plain))
                .isEqualTo("132c515186dfe190b9ca102d4c2faaf32594abac7da09dc275747d736349677d");
    }

    @Test
    void a_content_note_or_an_address_source_makes_a_different_article_version() {
        String plain = LibraryImport.articleHash(article(null, null));
        String noted = LibraryImport.articleHash(article(null, "Stereotypes mayors."));
        String sourced = LibraryImport.articleHash(article("Archive capture", null));
        assertThat(noted).isNotEqualTo(plain);
        assertThat(sourced).isNotEqualTo(plain).isNotEqualTo(noted);
        assertThat(LibraryImport.articleHash(article(null, "Stereotypes mayors, and more.")))
                .isNotEqualTo(noted);
    }

    private static SeedPack.Outlet outlet(String publisher, List<SeedPack.OutletFact> facts) {
        return new SeedPack.Outlet(
                UUID.randomUUID(),
                "daily",
                "The Daily Example",
                OutletKind.NEWSPAPER,
                null,
                "Owned by Example Holdings",
                "Company register",
                publisher,
                null,
                "A newspaper",
                "https://daily.example",
                facts);
    }

    @Test
    void an_outlet_profile_hash_covers_publisher_and_every_part_of_every_fact() {
        SeedPack.OutletFact fact = new SeedPack.OutletFact("Fact", "Source", null, null);
        String plain = LibraryImport.outletHash(outlet(null, List.of()));
        assertThat(LibraryImport.outletHash(outlet(null, List.of()))).isEqualTo(plain);
        assertThat(LibraryImport.outletHash(outlet("Example Media", List.of()))).isNotEqualTo(plain);
        String withFact = LibraryImport.outletHash(outlet(null, List.of(fact)));
        assertThat(withFact).isNotEqualTo(plain);
        assertThat(LibraryImport.outletHash(
                        outlet(null, List.of(new SeedPack.OutletFact("Fact", "Source", "Disputed", "Statement")))))
                .isNotEqualTo(withFact);
    }

    private static SeedPack.Comparison comparison(SeedPack.SourceCount anonymous, List<String> relayedFrom) {
        return new SeedPack.Comparison(
                UUID.fromString("6a5b2f0e-1111-4c5e-9a33-000000000005"),
                List.of(new SeedPack.ComparisonEntry(
                        "one",
                        "Hedged",
                        SeedPack.SourceCount.exactly(1),
                        anonymous,
                        List.of("reportedly"),
                        List.of(),
                        SeedPack.Reporting.RELAY,
                        relayedFrom,
                        "None",
                        "None")));
    }

    @Test
    void a_comparison_hash_covers_the_source_count_range_and_the_relayed_outlets() {
        Map<String, UUID> versions = Map.of("one", UUID.fromString("6a5b2f0e-1111-4c5e-9a33-000000000006"));
        String exact = LibraryImport.comparisonHash(
                comparison(SeedPack.SourceCount.exactly(1), List.of("The Daily Mail")), versions);
        assertThat(LibraryImport.comparisonHash(
                        comparison(new SeedPack.SourceCount(1, 2), List.of("The Daily Mail")), versions))
                .isNotEqualTo(exact);
        assertThat(LibraryImport.comparisonHash(comparison(SeedPack.SourceCount.exactly(1), List.of()), versions))
                .isNotEqualTo(exact);
        assertThat(LibraryImport.comparisonHash(
                        comparison(SeedPack.SourceCount.exactly(1), List.of("The Daily Mail", "Die Welt")), versions))
                .isNotEqualTo(exact);
    }
}
