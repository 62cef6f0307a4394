package org.lateral.library.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lateral.library.ClaimType;
import org.lateral.library.SourceKind;
import org.lateral.library.text.CanonicalText;
import org.lateral.library.text.QuoteMatcher;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

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
        assertThat(sputnik.originalUrl()).startsWith("https://");
    }

    @Test
    void the_notice_gives_the_provenance_of_every_shipped_article() throws IOException {
        String notice = Files.readString(SEEDS.resolve("NOTICE"));
        SeedPack pack = SeedPackReader.read(PackFiles.directory(SEEDS.resolve("defectors")));
        for (SeedPack.Article a : pack.articles()) {
            assertThat(notice).as("NOTICE mentions " + a.slug()).contains(a.slug() + ".txt");
        }
    }

    // --- The conventions of seeds/README.md, "Conventions every key follows" -------------------

    private static List<SeedPack> shippedPacks() throws IOException {
        try (Stream<Path> packs = packFolders()) {
            return packs.map(f -> SeedPackReader.read(PackFiles.directory(f))).toList();
        }
    }

    private static final Set<SourceKind> ANONYMOUS = EnumSet.of(SourceKind.ANONYMOUS, SourceKind.PSEUDONYMOUS);

    private static String folded(String text) {
        return QuoteMatcher.fold(text).strip().toLowerCase(Locale.ROOT);
    }

    /** seeds/cues.yaml: claim type code to the cue phrases of that type, folded. */
    private static Map<String, Set<String>> cueLexicon() throws IOException {
        Map<String, List<String>> raw = new YAMLMapper()
                .readValue(
                        Files.readString(SEEDS.resolve("cues.yaml")),
                        new TypeReference<Map<String, List<String>>>() {});
        Map<String, Set<String>> lexicon = new java.util.HashMap<>();
        raw.forEach((type, cues) -> lexicon.put(
                type, new HashSet<>(cues.stream().map(ShippedPacksTest::folded).toList())));
        return lexicon;
    }

    @Test
    void the_cue_lexicon_covers_exactly_the_types_that_have_cues() throws IOException {
        assertThat(cueLexicon().keySet())
                .containsExactlyInAnyOrder(ClaimType.HEDGED.code(), ClaimType.SPECULATION.code());
    }

    @Test
    void every_cue_is_a_lexicon_phrase_of_an_accepted_type_or_is_explained_in_the_why() throws IOException {
        Map<String, Set<String>> lexicon = cueLexicon();
        List<String> problems = new ArrayList<>();
        for (SeedPack pack : shippedPacks()) {
            for (SeedPack.Key key : pack.keys()) {
                for (SeedPack.Claim c : key.claims()) {
                    if (!c.cues().isEmpty()
                            && !c.types().contains(ClaimType.HEDGED)
                            && !c.types().contains(ClaimType.SPECULATION)) {
                        problems.add(
                                key.articleSlug() + " " + c.id() + " lists cues but is neither hedged nor speculation");
                    }
                    for (String cue : c.cues()) {
                        boolean inLexicon = c.types().stream()
                                .anyMatch(t ->
                                        lexicon.getOrDefault(t.code(), Set.of()).contains(folded(cue)));
                        boolean explained = folded(c.why()).contains(folded(cue));
                        if (!inLexicon && !explained) {
                            problems.add(key.articleSlug() + " " + c.id() + " cue '" + cue + "'");
                        }
                        if (!folded(c.span().exact()).contains(folded(cue))) {
                            problems.add(
                                    key.articleSlug() + " " + c.id() + " cue '" + cue + "' is not inside the claim");
                        }
                    }
                }
            }
        }
        assertThat(problems)
                .as("cues that are not in seeds/cues.yaml nor explained")
                .isEmpty();
    }

    @Test
    void a_claim_that_accepts_attributed_links_a_source_and_one_that_is_only_unsupported_links_none()
            throws IOException {
        List<String> problems = new ArrayList<>();
        for (SeedPack pack : shippedPacks()) {
            for (SeedPack.Key key : pack.keys()) {
                for (SeedPack.Claim c : key.claims()) {
                    String where = key.articleSlug() + " " + c.id();
                    if (c.types().contains(ClaimType.ATTRIBUTED)
                            && c.sourceIds().isEmpty()) {
                        problems.add(where + " accepts attributed but links no source");
                    }
                    if (c.types().contains(ClaimType.UNSUPPORTED)
                            && !c.types().contains(ClaimType.ATTRIBUTED)
                            && !c.sourceIds().isEmpty()) {
                        problems.add(where + " accepts unsupported (not attributed) but links a source");
                    }
                    if (c.types().size() > 3) {
                        problems.add(where + " accepts more than three types");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void reportedly_both_hedges_and_attributes_in_every_key() throws IOException {
        List<String> problems = new ArrayList<>();
        for (SeedPack pack : shippedPacks()) {
            for (SeedPack.Key key : pack.keys()) {
                for (SeedPack.Claim c : key.claims()) {
                    String text = folded(c.span().exact());
                    boolean reports = text.contains("reportedly")
                            || text.contains("there were reports")
                            || text.contains("there's been reports");
                    if (reports && !c.types().containsAll(Set.of(ClaimType.HEDGED, ClaimType.ATTRIBUTED))) {
                        problems.add(key.articleSlug() + " " + c.id() + " " + c.types());
                    }
                }
            }
        }
        assertThat(problems)
                .as("claims on reports that do not accept both hedged and attributed")
                .isEmpty();
    }

    @Test
    void relayed_from_always_names_an_outlet_and_only_secondary_sources_have_one() throws IOException {
        List<String> problems = new ArrayList<>();
        for (SeedPack pack : shippedPacks()) {
            Set<String> outlets = new HashSet<>();
            pack.outlets().forEach(o -> outlets.add(o.name()));
            pack.citedOutlets().forEach(o -> {
                outlets.add(o.name());
                outlets.addAll(o.aliases());
            });
            for (SeedPack.Key key : pack.keys()) {
                for (SeedPack.Source s : key.sources()) {
                    String where = key.articleSlug() + " " + s.id();
                    if (s.origin() == SeedPack.Origin.SECONDARY && !outlets.contains(s.relayedFrom())) {
                        problems.add(where + " relayed_from '" + s.relayedFrom() + "' is not an outlet");
                    }
                    if (s.origin() == SeedPack.Origin.PRIMARY && s.relayedFrom() != null) {
                        problems.add(where + " is primary but names relayed_from");
                    }
                    if (!s.alsoAcceptedKinds().isEmpty() && s.kindWhy() == null) {
                        problems.add(where + " accepts other kinds without saying why");
                    }
                }
            }
            for (SeedPack.ComparisonEntry e : pack.comparison().entries()) {
                e.relayedFrom().stream()
                        .filter(name -> !outlets.contains(name))
                        .forEach(
                                name -> problems.add("comparison " + e.articleSlug() + " relayed_from '" + name + "'"));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_comparison_counts_hold_every_count_the_keys_accept() throws IOException {
        List<String> problems = new ArrayList<>();
        for (SeedPack pack : shippedPacks()) {
            for (SeedPack.ComparisonEntry e : pack.comparison().entries()) {
                SeedPack.Key key = pack.keys().stream()
                        .filter(k -> k.articleSlug().equals(e.articleSlug()))
                        .findFirst()
                        .orElseThrow();
                int anonymousMin = 0, anonymousMax = 0, namedMin = 0, namedMax = 0;
                for (SeedPack.Source s : key.sources()) {
                    Set<SourceKind> kinds = EnumSet.of(s.kind());
                    kinds.addAll(s.alsoAcceptedKinds());
                    boolean canBeAnonymous = kinds.stream().anyMatch(ANONYMOUS::contains);
                    boolean canBeNamed = kinds.stream().anyMatch(k -> !ANONYMOUS.contains(k));
                    anonymousMax += canBeAnonymous ? 1 : 0;
                    anonymousMin += canBeNamed ? 0 : 1;
                    namedMax += canBeNamed ? 1 : 0;
                    namedMin += canBeAnonymous ? 0 : 1;
                }
                check(problems, e.articleSlug() + " named", e.namedSources(), namedMin, namedMax);
                check(problems, e.articleSlug() + " anonymous", e.anonymousSources(), anonymousMin, anonymousMax);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void check(List<String> problems, String what, SeedPack.SourceCount count, int min, int max) {
        int high = count.max() == null ? count.min() : count.max();
        if (count.min() > min || high < max) {
            problems.add(
                    what + ": comparison says " + count.min() + ".." + high + ", the key accepts " + min + ".." + max);
        }
    }

    @Test
    void the_corrected_facts_of_the_defectors_pack_hold() {
        SeedPack pack = SeedPackReader.read(PackFiles.directory(SEEDS.resolve("defectors")));
        Map<String, SeedPack.Article> bySlug = new java.util.HashMap<>();
        pack.articles().forEach(a -> bySlug.put(a.slug(), a));
        assertThat(bySlug.get("001-sputnik").published().date()).isEqualTo(LocalDate.of(2017, 4, 29));
        assertThat(bySlug.get("001-sputnik").published().note()).contains("20170429", "26 April 2017");
        for (String slug : List.of("000-the-frisky", "001-sputnik", "002-isegoria", "003-war-in-context")) {
            assertThat(bySlug.get(slug).originalUrl()).as(slug).startsWith("http");
            assertThat(bySlug.get(slug).originalUrlSource()).as(slug).isNotBlank();
        }
        assertThat(bySlug.get("004-new-eastern-outlook").originalUrl())
                .as("not known, so not invented")
                .isNull();
        assertThat(bySlug.get("003-war-in-context").byline())
                .as("Weiss wrote the excerpt, not the post")
                .isNull();
        assertThat(bySlug.get("004-new-eastern-outlook").contentNote()).contains("stereotypes", "migrants", "Muslims");
        SeedPack.Outlet neo = pack.outlets().stream()
                .filter(o -> o.slug().equals("new-eastern-outlook"))
                .findFirst()
                .orElseThrow();
        assertThat(neo.country()).isEqualTo("Russia");
        assertThat(neo.publisher()).contains("Institute of Oriental Studies");
        assertThat(neo.ownership()).as("a designation is not an owner").isNull();
        assertThat(neo.facts()).anySatisfy(f -> {
            assertThat(f.source()).contains("Global Engagement Center", "August 2020");
            assertThat(f.response()).isNotBlank();
            assertThat(f.responseSource()).isNotBlank();
        });
        assertThat(pack.manifest().ageBand()).contains("14+");
        assertThat(pack.manifest().analysisNote()).contains("analysed, not endorsed");
        assertThat(pack.manifest().supportNote()).isNotBlank();
        assertThat(pack.keys())
                .allSatisfy(k -> assertThat(k.changes()).as(k.articleSlug()).isNotBlank());
    }

    // --- The compare exercise's fields of comparison.yaml (issue 14) ----------------------------

    @Test
    void every_core_claim_is_carried_by_at_least_two_articles_and_absent_from_at_least_one() throws IOException {
        List<String> problems = new ArrayList<>();
        for (SeedPack pack : shippedPacks()) {
            assertThat(pack.comparison().coreClaims())
                    .as(pack.name() + " core claims")
                    .hasSizeBetween(5, 8);
            for (SeedPack.CoreClaim claim : pack.comparison().coreClaims()) {
                String where = pack.name() + " " + claim.id();
                assertThat(claim.carriedBy())
                        .as(where + " has a cell for every article, in order")
                        .extracting(SeedPack.CarriedBy::articleSlug)
                        .containsExactlyElementsOf(pack.manifest().articleOrder());
                long carrying = claim.carriedBy().stream()
                        .filter(c -> c.how() != SeedPack.Carrying.ABSENT)
                        .count();
                if (carrying < 2) {
                    problems.add(where + " is carried by " + carrying + " article(s)");
                }
                if (carrying == claim.carriedBy().size()) {
                    problems.add(where + " is carried by every article");
                }
                for (SeedPack.CarriedBy c : claim.carriedBy()) {
                    if (!c.alsoAccepted().isEmpty() && c.why() == null) {
                        problems.add(where + " " + c.articleSlug() + " accepts other answers without saying why");
                    }
                    if (c.how() != SeedPack.Carrying.ABSENT && c.quote() == null) {
                        problems.add(where + " " + c.articleSlug() + " carries the claim but quotes nothing");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * The reader matches quotes with curly and straight quotes folded together; the shipped files
     * go further and quote the article exactly, so a teacher can search the text for the words.
     */
    @Test
    void every_core_claim_quote_is_the_articles_exact_words() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> folders = packFolders()) {
            for (Path folder : folders.toList()) {
                SeedPack pack = SeedPackReader.read(PackFiles.directory(folder));
                Map<String, String> texts = new java.util.HashMap<>();
                pack.articles().forEach(a -> texts.put(a.slug(), a.canonicalText()));
                Map<String, Object> raw = new YAMLMapper()
                        .readValue(
                                Files.readString(folder.resolve("comparison.yaml")),
                                new TypeReference<Map<String, Object>>() {});
                for (Object claim : (List<?>) raw.get("core_claims")) {
                    Map<?, ?> c = (Map<?, ?>) claim;
                    ((Map<?, ?>) c.get("carried_by")).forEach((slug, cell) -> {
                        Object quote = ((Map<?, ?>) cell).get("quote");
                        if (quote != null && !texts.get(slug).contains((String) quote)) {
                            problems.add(c.get("id") + " " + slug + ": \"" + quote + "\"");
                        }
                    });
                }
            }
        }
        assertThat(problems).as("quotes that are not the article's exact words").isEmpty();
    }

    @Test
    void every_article_has_a_framing_category_and_an_outlet_note_and_the_rubric_has_four_levels() throws IOException {
        for (SeedPack pack : shippedPacks()) {
            assertThat(pack.comparison().entries()).allSatisfy(e -> {
                assertThat(e.framing()).as(e.articleSlug() + " framing").isNotNull();
                assertThat(e.framingAlsoAccepted()).as(e.articleSlug()).doesNotContain(e.framing());
                if (!e.framingAlsoAccepted().isEmpty()) {
                    assertThat(e.framingWhy())
                            .as(e.articleSlug() + " framing_why")
                            .isNotBlank();
                }
                assertThat(e.headlineFraming())
                        .as(e.articleSlug() + " explains the framing")
                        .isNotBlank();
                assertThat(e.outletKindNote())
                        .as(e.articleSlug() + " outlet_kind_note")
                        .isNotBlank();
            });
            assertThat(pack.comparison().rubric())
                    .extracting(SeedPack.RubricLevel::level)
                    .containsExactly(0, 1, 2, 3);
            assertThat(pack.comparison().rubric()).allSatisfy(l -> {
                assertThat(l.name()).isNotBlank();
                assertThat(l.descriptor()).isNotBlank();
            });
        }
    }

    @Test
    void the_defectors_headlines_are_framed_as_the_comparison_explains() {
        SeedPack pack = SeedPackReader.read(PackFiles.directory(SEEDS.resolve("defectors")));
        assertThat(pack.comparison().entries())
                .extracting(SeedPack.ComparisonEntry::framing)
                .containsExactly(
                        SeedPack.Framing.HEDGED,
                        SeedPack.Framing.SENSATIONAL,
                        SeedPack.Framing.SENSATIONAL,
                        SeedPack.Framing.SENSATIONAL,
                        SeedPack.Framing.QUESTION);
    }
}
