package org.lateral.library.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lateral.library.ClaimType;
import org.lateral.library.PublicationDate;

/** The pack format, on small packs made in memory. */
class SeedPackReaderTest {

    private final Map<String, String> files = new HashMap<>();

    private PackFiles pack() {
        return new PackFiles() {
            @Override
            public String name() {
                return "tiny";
            }

            @Override
            public Optional<String> read(String path) {
                return Optional.ofNullable(files.get(path));
            }
        };
    }

    SeedPackReaderTest() {
        files.put("pack.yaml", """
                id: 6a5b2f0e-1111-4c5e-9a33-000000000001
                title: Tiny
                description: A test pack
                maturity: None
                articles: [one]
                """);
        files.put("outlets.yaml", """
                outlets:
                  - slug: daily
                    id: 6a5b2f0e-1111-4c5e-9a33-000000000002
                    name: The Daily Example
                    kind: newspaper
                    country: null
                    ownership: null
                    ownership_source: null
                    description: A newspaper made up for tests
                    url: https://daily.example
                """);
        files.put(
                "articles/one.txt",
                "---\nid: 6a5b2f0e-1111-4c5e-9a33-000000000003\noutlet: daily\nbyline: null\n"
                        + "published: \"2017-01\"\npublished_precision: approximate\npublished_note: From the text\n"
                        + "original_url: null\nlanguage: en\nsource_file: one.txt\nremoved: [\"Subscribe button\"]\n---\n"
                        + "Mayor reportedly resigns\r\n\r\n\r\nThe mayor\u00a0resigned, a source said. “It was time,” she said. The mayor resigned.\n");
        files.put("keys/one.yaml", """
                id: 6a5b2f0e-1111-4c5e-9a33-000000000004
                status: complete
                notes: Test notes
                claims:
                  - id: c1
                    quote: "Mayor reportedly resigns"
                    types: [hedged]
                    worthiness: 3
                    why: It is hedged.
                    cues: [reportedly]
                    sources: []
                  - id: c2
                    quote: "\\"It was time,\\" she said"
                    types: [attributed, opinion]
                    worthiness: 1
                    why: Her view.
                    cues: []
                    sources: [s1]
                  - id: c3
                    quote: "The mayor resigned."
                    prefix: "she said. "
                    types: [factual]
                    worthiness: 2
                    why: Stated as fact.
                    cues: []
                    sources: []
                sources:
                  - id: s1
                    name: The mayor
                    aliases: [she]
                    kind: named-person
                    origin: primary
                    attributions:
                      - quote: "she said"
                        prefix: "time,” "
                """);
    }

    @Test
    void a_valid_pack_reads_with_normalised_text_and_resolved_spans() {
        SeedPack pack = SeedPackReader.read(pack());
        SeedPack.Article article = pack.articles().getFirst();
        assertThat(article.canonicalText())
                .isEqualTo(
                        "Mayor reportedly resigns\n\nThe mayor resigned, a source said. “It was time,” she said. The mayor resigned.");
        assertThat(article.published())
                .isEqualTo(PublicationDate.parse("2017-01", PublicationDate.Precision.APPROXIMATE, "From the text"));
        SeedPack.Key key = pack.keys().getFirst();
        assertThat(key.claims().get(0).span().start()).isZero();
        assertThat(key.claims().get(1).span().exact()).isEqualTo("“It was time,” she said");
        assertThat(key.claims().get(1).types()).containsExactlyInAnyOrder(ClaimType.ATTRIBUTED, ClaimType.OPINION);
        assertThat(key.claims().get(2).span().start())
                .isEqualTo(article.canonicalText().lastIndexOf("The mayor resigned."));
        assertThat(key.sources().getFirst().attributions())
                .singleElement()
                .satisfies(a -> assertThat(a.exact()).isEqualTo("she said"));
    }

    @Test
    void every_problem_is_reported_with_its_file_and_item_and_nothing_is_returned() {
        files.put(
                "keys/one.yaml",
                files.get("keys/one.yaml")
                        .replace("quote: \"Mayor reportedly resigns\"", "quote: \"Mayor certainly resigns\"")
                        .replace("    prefix: \"she said. \"\n", "")
                        .replace("quote: \"The mayor resigned.\"", "quote: \"The mayor resigned\"")
                        .replace("types: [factual]", "types: [fact]")
                        .replace("cues: [reportedly]", "cues: [reportedly, allegedly]")
                        .replace("sources: [s1]", "sources: [s9]"));
        assertThatThrownBy(() -> SeedPackReader.read(pack()))
                .isInstanceOfSatisfying(
                        PackFormatException.class,
                        e -> assertThat(e.problems())
                                .containsExactlyInAnyOrder(
                                        "keys/one.yaml: claim 'c1': quote \"Mayor certainly resigns\" is not in the article text",
                                        "keys/one.yaml: claim 'c2': links to source 's9', which the key does not list",
                                        "keys/one.yaml: claim 'c3': type 'fact' is not one of factual, attributed, hedged, speculation, opinion, unsupported",
                                        "keys/one.yaml: claim 'c3': quote \"The mayor resigned\" occurs 2 times; add a prefix to say which one"))
                .hasMessageContaining("'tiny' has 4 problem(s)");
    }

    @Test
    void a_cue_word_outside_its_claim_is_refused() {
        files.put("keys/one.yaml", files.get("keys/one.yaml").replace("cues: [reportedly]", "cues: [allegedly]"));
        assertThatThrownBy(() -> SeedPackReader.read(pack()))
                .hasMessageContaining("cue 'allegedly' is not inside the claim's quote");
    }

    @Test
    void an_article_of_an_unknown_outlet_or_with_a_bad_date_is_refused() {
        files.put(
                "articles/one.txt",
                files.get("articles/one.txt")
                        .replace("outlet: daily", "outlet: weekly")
                        .replace("published: \"2017-01\"", "published: \"last spring\""));
        assertThatThrownBy(() -> SeedPackReader.read(pack()))
                .hasMessageContaining("articles/one.txt: outlet 'weekly' is not in outlets.yaml")
                .hasMessageContaining("\"last spring\" is not a date");
    }

    @Test
    void a_misspelt_field_is_refused_rather_than_silently_ignored() {
        files.put("outlets.yaml", files.get("outlets.yaml").replace("ownership_source:", "ownership_sauce:"));
        assertThatThrownBy(() -> SeedPackReader.read(pack()))
                .hasMessageContaining("outlets.yaml")
                .hasMessageContaining("ownership_sauce");
    }

    @Test
    void a_missing_key_file_is_allowed_but_a_missing_article_is_not() {
        files.remove("keys/one.yaml");
        assertThat(SeedPackReader.read(pack()).keys()).isEmpty();
        files.remove("articles/one.txt");
        assertThatThrownBy(() -> SeedPackReader.read(pack()))
                .hasMessageContaining("articles/one.txt: the file is missing");
    }

    @Test
    void a_secondary_source_must_say_where_it_was_relayed_from() {
        files.put("keys/one.yaml", files.get("keys/one.yaml").replace("origin: primary", "origin: secondary"));
        assertThatThrownBy(() -> SeedPackReader.read(pack()))
                .hasMessageContaining("a secondary source needs relayed_from");
    }
}
