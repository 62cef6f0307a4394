package org.lateral.library.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lateral.base.i18n.KeyedText;
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

    /** The findings in English, as an English page and the log word them. */
    private static List<String> english(List<KeyedText> problems) {
        return problems.stream().map(KeyedText::english).toList();
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
                        e -> assertThat(english(e.problems()))
                                .containsExactlyInAnyOrder(
                                        "keys/one.yaml: claim ‘c1’: quote \"Mayor certainly resigns\" is not in the article text",
                                        "keys/one.yaml: claim ‘c2’: links to source ‘s9’, which the key does not list",
                                        "keys/one.yaml: claim ‘c3’: type ‘fact’ is not one of factual, attributed, hedged, speculation, opinion, unsupported",
                                        "keys/one.yaml: claim ‘c3’: quote \"The mayor resigned\" occurs 2 times; add a prefix to say which one"))
                .hasMessageContaining("'tiny' has 4 problem(s)");
    }

    @Test
    void a_cue_word_outside_its_claim_is_refused() {
        files.put("keys/one.yaml", files.get("keys/one.yaml").replace("cues: [reportedly]", "cues: [allegedly]"));
        assertThatThrownBy(() -> SeedPackReader.read(pack()))
                .hasMessageContaining("cue ‘allegedly’ is not inside the claim’s quote");
    }

    @Test
    void an_article_of_an_unknown_outlet_or_with_a_bad_date_is_refused() {
        files.put(
                "articles/one.txt",
                files.get("articles/one.txt")
                        .replace("outlet: daily", "outlet: weekly")
                        .replace("published: \"2017-01\"", "published: \"last spring\""));
        assertThatThrownBy(() -> SeedPackReader.read(pack()))
                .hasMessageContaining("articles/one.txt: outlet ‘weekly’ is not in outlets.yaml")
                .hasMessageContaining("\"last spring\" is not a date");
    }

    @Test
    void an_unknown_date_precision_is_refused_with_the_precisions_there_are() {
        files.put(
                "articles/one.txt",
                files.get("articles/one.txt")
                        .replace("published_precision: approximate", "published_precision: weekly"));
        assertThatThrownBy(() -> SeedPackReader.read(pack()))
                .isInstanceOfSatisfying(
                        PackFormatException.class,
                        e -> assertThat(english(e.problems()))
                                .containsExactly(
                                        "articles/one.txt: published_precision ‘weekly’ is not one of day, month, approximate"));
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

    /** The fixture with every optional field of the format set, and a comparison key. */
    private void everyOptionalField() {
        files.put("pack.yaml", files.get("pack.yaml").replace("maturity: None\n", """
                                maturity: None
                                age_band: "14+ (grades 9–12)"
                                analysis_note: State-linked texts are here for analysis, not endorsement.
                                support_note: Some students may have lived through these events.
                                """));
        files.put("outlets.yaml", files.get("outlets.yaml") + """
                            publisher: Example Media Group
                            publisher_source: The outlet's imprint page
                            facts:
                              - fact: Named in a government report on disinformation.
                                source: The report, August 2020
                                response: The outlet disputes the report.
                                response_source: The outlet's statement of 5 August 2020
                              - fact: Founded in 1990.
                                source: Company register
                        cited_outlets:
                          - name: The Daily Mail
                            aliases: [Daily Mail, the Mail]
                            url: https://www.dailymail.co.uk
                          - name: The Daily Beast
                        """);
        files.put(
                "articles/one.txt",
                files.get("articles/one.txt")
                        .replace(
                                "original_url: null\n",
                                "original_url: https://daily.example/mayor\n"
                                        + "original_url_source: \"Internet Archive capture of 2 March 2017\"\n"
                                        + "content_note: \"This text stereotypes mayors.\"\n"));
        files.put("comparison.yaml", COMPARISON_BEFORE_THE_COMPARE_EXERCISE + """
                    framing: hedged
                    framing_also_accepted: [sensational]
                    framing_why: "'reportedly' hedges it; 'resigns' makes news of it."
                    outlet_kind_note: A newspaper made up for tests.
                core_claims:
                  - id: k01
                    claim: The mayor resigned.
                    carried_by:
                      one:
                        how: attributed
                        also_accepted: [hedged]
                        why: A source said it, and the headline hedges it.
                        quote: "The mayor resigned, a source said."
                  - id: k02
                    claim: The mayor was sacked.
                    carried_by:
                      one:
                        how: absent
                rubric:
                  - level: 0
                    name: Not yet
                    descriptor: No reason.
                  - level: 1
                    name: Beginning
                    descriptor: A general impression.
                  - level: 2
                    name: Getting there
                    descriptor: One reason from the grid.
                  - level: 3
                    name: Secure
                    descriptor: Trusts each article for something, with evidence.
                """);
    }

    private static final String COMPARISON_BEFORE_THE_COMPARE_EXERCISE = """
            id: 6a5b2f0e-1111-4c5e-9a33-000000000005
            articles:
              - article: one
                headline_framing: Hedged
                named_sources: 1
                anonymous_sources: {min: 1, max: 2}
                hedges: [reportedly]
                loaded_words: []
                reporting: relay
                relayed_from: ["The Daily Mail", "the Mail", "The Daily Example"]
                omissions: None
                notes: None
            """;

    @Test
    void the_care_notes_content_note_sourced_address_outlet_facts_cited_outlets_and_ranges_are_read() {
        everyOptionalField();
        SeedPack pack = SeedPackReader.read(pack());

        assertThat(pack.manifest().ageBand()).isEqualTo("14+ (grades 9–12)");
        assertThat(pack.manifest().analysisNote())
                .isEqualTo("State-linked texts are here for analysis, not endorsement.");
        assertThat(pack.manifest().supportNote()).isEqualTo("Some students may have lived through these events.");

        SeedPack.Article article = pack.articles().getFirst();
        assertThat(article.originalUrl()).isEqualTo("https://daily.example/mayor");
        assertThat(article.originalUrlSource()).isEqualTo("Internet Archive capture of 2 March 2017");
        assertThat(article.contentNote()).isEqualTo("This text stereotypes mayors.");

        SeedPack.Outlet outlet = pack.outlets().getFirst();
        assertThat(outlet.publisher()).isEqualTo("Example Media Group");
        assertThat(outlet.publisherSource()).isEqualTo("The outlet's imprint page");
        assertThat(outlet.facts())
                .containsExactly(
                        new SeedPack.OutletFact(
                                "Named in a government report on disinformation.",
                                "The report, August 2020",
                                "The outlet disputes the report.",
                                "The outlet's statement of 5 August 2020"),
                        new SeedPack.OutletFact("Founded in 1990.", "Company register", null, null));
        assertThat(pack.citedOutlets())
                .containsExactly(
                        new SeedPack.CitedOutlet(
                                "The Daily Mail",
                                java.util.List.of("Daily Mail", "the Mail"),
                                "https://www.dailymail.co.uk"),
                        new SeedPack.CitedOutlet("The Daily Beast", java.util.List.of(), null));

        SeedPack.ComparisonEntry entry = pack.comparison().entries().getFirst();
        assertThat(entry.namedSources()).isEqualTo(SeedPack.SourceCount.exactly(1));
        assertThat(entry.anonymousSources()).isEqualTo(new SeedPack.SourceCount(1, 2));
        assertThat(entry.relayedFrom()).containsExactly("The Daily Mail", "the Mail", "The Daily Example");
    }

    @Test
    void the_optional_fields_are_null_or_empty_when_a_pack_leaves_them_out() {
        SeedPack pack = SeedPackReader.read(pack());
        assertThat(pack.manifest().ageBand()).isNull();
        assertThat(pack.manifest().analysisNote()).isNull();
        assertThat(pack.manifest().supportNote()).isNull();
        assertThat(pack.articles().getFirst().contentNote()).isNull();
        assertThat(pack.articles().getFirst().originalUrlSource()).isNull();
        assertThat(pack.outlets().getFirst().publisher()).isNull();
        assertThat(pack.outlets().getFirst().facts()).isEmpty();
        assertThat(pack.citedOutlets()).isEmpty();
    }

    @Test
    void an_original_url_without_where_it_was_found_is_refused() {
        files.put(
                "articles/one.txt",
                files.get("articles/one.txt")
                        .replace("original_url: null", "original_url: https://daily.example/mayor"));
        assertThatThrownBy(() -> SeedPackReader.read(pack()))
                .isInstanceOfSatisfying(
                        PackFormatException.class,
                        e -> assertThat(english(e.problems()))
                                .containsExactly(
                                        "articles/one.txt: original_url needs original_url_source: where the address was found (e.g. an archive capture)"));
    }

    @Test
    void a_key_source_relayed_from_something_that_is_not_an_outlet_of_the_pack_is_refused() {
        everyOptionalField();
        files.put(
                "keys/one.yaml",
                files.get("keys/one.yaml")
                        .replace("origin: primary", "origin: secondary\n    relayed_from: \"The Daily Planet\""));
        assertThatThrownBy(() -> SeedPackReader.read(pack()))
                .isInstanceOfSatisfying(
                        PackFormatException.class,
                        e -> assertThat(english(e.problems()))
                                .containsExactly(
                                        "keys/one.yaml: source ‘s1’: relayed_from ‘The Daily Planet’ is not the name or alias of an outlet in outlets.yaml (add it to cited_outlets if the pack does not profile it)"));
    }

    @Test
    void a_key_source_may_be_relayed_from_a_cited_outlet_by_an_alias() {
        everyOptionalField();
        files.put(
                "keys/one.yaml",
                files.get("keys/one.yaml")
                        .replace("origin: primary", "origin: secondary\n    relayed_from: \"Daily Mail\""));
        assertThat(SeedPackReader.read(pack())
                        .keys()
                        .getFirst()
                        .sources()
                        .getFirst()
                        .relayedFrom())
                .isEqualTo("Daily Mail");
    }

    @Test
    void a_comparison_entry_relayed_from_something_that_is_not_an_outlet_is_refused() {
        everyOptionalField();
        files.put(
                "comparison.yaml",
                files.get("comparison.yaml").replace("\"The Daily Example\"]", "\"The Daily Planet\"]"));
        assertThatThrownBy(() -> SeedPackReader.read(pack()))
                .isInstanceOfSatisfying(
                        PackFormatException.class,
                        e -> assertThat(english(e.problems()))
                                .containsExactly(
                                        "comparison.yaml: article ‘one’: relayed_from ‘The Daily Planet’ is not the name or alias of an outlet in outlets.yaml (add it to cited_outlets if the pack does not profile it)"));
    }

    @Test
    void the_old_single_string_relayed_from_of_a_comparison_entry_is_refused_with_the_new_form_in_the_message() {
        everyOptionalField();
        files.put(
                "comparison.yaml",
                files.get("comparison.yaml")
                        .replace(
                                "relayed_from: [\"The Daily Mail\", \"the Mail\", \"The Daily Example\"]",
                                "relayed_from: \"The Daily Mail\""));
        assertThatThrownBy(() -> SeedPackReader.read(pack()))
                .hasMessageContaining(
                        "comparison.yaml: article ‘one’: relayed_from must be a list of outlet names, e.g. [\"The Daily Mail\"]");
    }

    @Test
    void a_source_count_range_with_min_above_max_or_a_negative_or_unknown_bound_is_refused() {
        everyOptionalField();
        String comparison = files.get("comparison.yaml");
        for (String bad : new String[] {"{min: 3, max: 2}", "{min: -1, max: 2}", "{min: 1, most: 2}", "-1", "two"}) {
            files.put("comparison.yaml", comparison.replace("{min: 1, max: 2}", bad));
            assertThatThrownBy(() -> SeedPackReader.read(pack()))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            PackFormatException.class,
                            e -> assertThat(english(e.problems()))
                                    .singleElement()
                                    .asString()
                                    .startsWith(
                                            "comparison.yaml: article ‘one’: anonymous_sources must be a count (0 or more) or a range {min: 1, max: 2} with 0 <= min <= max"));
        }
    }

    @Test
    void a_range_whose_bounds_are_equal_is_the_exact_count() {
        everyOptionalField();
        files.put("comparison.yaml", files.get("comparison.yaml").replace("{min: 1, max: 2}", "{min: 2, max: 2}"));
        assertThat(SeedPackReader.read(pack()).comparison().entries().getFirst().anonymousSources())
                .isEqualTo(SeedPack.SourceCount.exactly(2));
    }

    @Test
    void an_outlet_fact_needs_its_source_and_a_response_needs_its_source() {
        everyOptionalField();
        files.put(
                "outlets.yaml",
                files.get("outlets.yaml")
                        .replace("\n        response_source: The outlet's statement of 5 August 2020", "")
                        .replace("\n        source: Company register", ""));
        assertThatThrownBy(() -> SeedPackReader.read(pack()))
                .isInstanceOfSatisfying(
                        PackFormatException.class,
                        e -> assertThat(english(e.problems()))
                                .containsExactlyInAnyOrder(
                                        "outlets.yaml: outlet ‘daily’: fact 1: has a ‘response’ but no ‘response_source’ (where the outlet says so)",
                                        "outlets.yaml: outlet ‘daily’: fact 2: needs a ‘fact’ and its ‘source’"));
    }

    // --- The compare exercise's fields (issue 14) -----------------------------------------------

    @Test
    void the_framing_outlet_note_core_claims_and_rubric_are_read_with_quotes_resolved() {
        everyOptionalField();
        SeedPack.Comparison comparison = SeedPackReader.read(pack()).comparison();

        SeedPack.ComparisonEntry entry = comparison.entries().getFirst();
        assertThat(entry.framing()).isEqualTo(SeedPack.Framing.HEDGED);
        assertThat(entry.framingAlsoAccepted()).containsExactly(SeedPack.Framing.SENSATIONAL);
        assertThat(entry.framingWhy()).isEqualTo("'reportedly' hedges it; 'resigns' makes news of it.");
        assertThat(entry.outletKindNote()).isEqualTo("A newspaper made up for tests.");

        assertThat(comparison.coreClaims()).extracting(SeedPack.CoreClaim::id).containsExactly("k01", "k02");
        SeedPack.CarriedBy resigned = comparison.coreClaims().get(0).in("one").orElseThrow();
        assertThat(resigned.how()).isEqualTo(SeedPack.Carrying.ATTRIBUTED);
        assertThat(resigned.alsoAccepted()).containsExactly(SeedPack.Carrying.HEDGED);
        assertThat(resigned.why()).isEqualTo("A source said it, and the headline hedges it.");
        assertThat(resigned.quote().exact()).isEqualTo("The mayor resigned, a source said.");
        assertThat(resigned.quote().start()).isEqualTo("Mayor reportedly resigns\n\n".length());
        SeedPack.CarriedBy sacked = comparison.coreClaims().get(1).in("one").orElseThrow();
        assertThat(sacked.how()).isEqualTo(SeedPack.Carrying.ABSENT);
        assertThat(sacked.quote()).isNull();
        assertThat(sacked.alsoAccepted()).isEmpty();

        assertThat(comparison.rubric()).extracting(SeedPack.RubricLevel::level).containsExactly(0, 1, 2, 3);
        assertThat(comparison.rubric().get(3).name()).isEqualTo("Secure");
    }

    @Test
    void the_first_release_of_the_defectors_pack_written_before_the_compare_exercise_still_reads() {
        SeedPack.Comparison comparison = SeedPackReader.read(
                        PackFiles.directory(java.nio.file.Path.of("src/test/resources/packs/defectors-first-release")))
                .comparison();
        assertThat(comparison.entries())
                .hasSize(5)
                .allSatisfy(e -> assertThat(e.framing()).isNull());
        assertThat(comparison.coreClaims()).isEmpty();
        assertThat(comparison.rubric()).isEmpty();
    }

    @Test
    void a_comparison_key_written_before_the_compare_exercise_still_reads_with_the_new_fields_empty() {
        everyOptionalField();
        files.put("comparison.yaml", COMPARISON_BEFORE_THE_COMPARE_EXERCISE);
        SeedPack.Comparison comparison = SeedPackReader.read(pack()).comparison();
        SeedPack.ComparisonEntry entry = comparison.entries().getFirst();
        assertThat(entry.framing()).isNull();
        assertThat(entry.framingAlsoAccepted()).isEmpty();
        assertThat(entry.framingWhy()).isNull();
        assertThat(entry.outletKindNote()).isNull();
        assertThat(comparison.coreClaims()).isEmpty();
        assertThat(comparison.rubric()).isEmpty();
    }

    @Test
    void each_bad_value_of_the_compare_exercise_is_refused_with_a_message_naming_the_item() {
        String entry = "comparison.yaml: article ‘one’: ";
        String k01 = "comparison.yaml: core claim ‘k01’: ";
        String k01InOne = k01 + "article ‘one’: ";
        String k02InOne = "comparison.yaml: core claim ‘k02’: article ‘one’: ";
        String[][] cases = {
            // what is replaced, by what, and the one problem the reader must report
            {
                "framing: hedged",
                "framing: shocking",
                entry + "framing ‘shocking’ is not one of neutral, hedged, sensational, question"
            },
            {
                "framing_also_accepted: [sensational]",
                "framing_also_accepted: [lurid]",
                entry + "framing_also_accepted: ‘lurid’ is not one of neutral, hedged, sensational, question"
            },
            {
                "framing_also_accepted: [sensational]",
                "framing_also_accepted: [hedged]",
                entry + "framing_also_accepted repeats ‘hedged’"
            },
            {
                "    framing_why: \"'reportedly' hedges it; 'resigns' makes news of it.\"\n",
                "",
                entry + "framing_also_accepted needs framing_why: why the other categories are right too"
            },
            {"    framing: hedged\n", "", entry + "framing_also_accepted needs a framing: the key’s own answer"},
            {
                "how: attributed",
                "how: rumoured",
                k01InOne + "how ‘rumoured’ is not one of fact, attributed, hedged, absent"
            },
            {
                "also_accepted: [hedged]",
                "also_accepted: [guessed]",
                k01InOne + "also_accepted: ‘guessed’ is not one of fact, attributed, hedged, absent"
            },
            {
                "        why: A source said it, and the headline hedges it.\n",
                "",
                k01InOne + "also_accepted needs why: why the other answers are right too"
            },
            {
                "quote: \"The mayor resigned, a source said.\"",
                "quote: \"The mayor quit, a source said.\"",
                k01InOne + "quote \"The mayor quit, a source said.\" is not in the article text"
            },
            {
                "quote: \"The mayor resigned, a source said.\"",
                "quote: \"The mayor resigned\"",
                k01InOne + "quote \"The mayor resigned\" occurs 2 times; add a prefix to say which one"
            },
            {
                "        quote: \"The mayor resigned, a source said.\"\n",
                "",
                k01InOne + "needs a quote: the article’s words that carry the claim"
            },
            {
                "        how: absent\n",
                "        how: absent\n        also_accepted: [hedged]\n        why: Perhaps.\n",
                k02InOne + "needs a quote: the article’s words that carry the claim"
            },
            {
                "    carried_by:\n      one:\n        how: absent\n",
                "    carried_by: {}\n",
                "comparison.yaml: core claim ‘k02’: carried_by has no entry for article ‘one’"
                        + " (write how: absent if it does not carry the claim)"
            },
            {"    claim: The mayor resigned.\n", "", k01 + "needs a ‘claim’: the claim in neutral words"},
            {"id: k02", "id: k01", k01 + "the id is used twice"},
            {
                "  - level: 3",
                "  - level: 4",
                "comparison.yaml: rubric needs the levels 0, 1, 2 and 3, each once and in that order"
            },
            {"    descriptor: No reason.\n", "", "comparison.yaml: rubric level 0: needs a name and a descriptor"},
        };
        everyOptionalField();
        String comparison = files.get("comparison.yaml");
        for (String[] c : cases) {
            assertThat(comparison).as(c[0]).contains(c[0]);
            files.put(
                    "comparison.yaml",
                    comparison.replaceFirst(
                            java.util.regex.Pattern.quote(c[0]), java.util.regex.Matcher.quoteReplacement(c[1])));
            assertThatThrownBy(() -> SeedPackReader.read(pack()))
                    .as(c[0] + " -> " + c[1])
                    .isInstanceOfSatisfying(
                            PackFormatException.class,
                            e -> assertThat(english(e.problems())).containsExactly(c[2]));
        }
    }

    @Test
    void a_claim_that_names_an_article_outside_the_pack_is_refused() {
        everyOptionalField();
        files.put(
                "comparison.yaml",
                files.get("comparison.yaml")
                        .replace("      one:\n        how: absent", "      two:\n        how: absent"));
        assertThatThrownBy(() -> SeedPackReader.read(pack()))
                .isInstanceOfSatisfying(
                        PackFormatException.class,
                        e -> assertThat(english(e.problems()))
                                .containsExactlyInAnyOrder(
                                        "comparison.yaml: core claim ‘k02’: carried_by names ‘two’, which is not an article of this pack",
                                        "comparison.yaml: core claim ‘k02’: carried_by has no entry for article ‘one’ (write how: absent if it does not carry the claim)"));
    }
}
