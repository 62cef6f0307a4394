package org.lateral.library.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lateral.library.ClaimType;
import org.lateral.library.SourceKind;
import org.lateral.library.suggest.Suggestions.LoadedPhrase;
import org.lateral.library.suggest.Suggestions.Mention;
import org.lateral.library.suggest.Suggestions.ProposedClaim;
import org.lateral.library.suggest.Suggestions.ProposedSource;

/** Each rule of the suggester, table-driven: sentences in, proposals and the cue that fired out (DD019). */
class DraftKeySuggesterRulesTest {

    private static final DraftKeySuggester SUGGESTER = new DraftKeySuggester();

    static Stream<Arguments> attributions() {
        return Stream.of(
                Arguments.of(
                        "The port was closed on Monday, according to Reuters.",
                        "Reuters",
                        SourceKind.MEDIA_OUTLET,
                        "according to",
                        "according to Reuters"),
                Arguments.of(
                        "“We will rebuild the bridge,” the mayor said.",
                        "the mayor",
                        SourceKind.OFFICIAL_BODY,
                        "said",
                        "the mayor said"),
                Arguments.of(
                        "“The talks are over,” said the spokesman.",
                        "the spokesman",
                        SourceKind.OFFICIAL_BODY,
                        "said",
                        "said the spokesman"),
                Arguments.of(
                        "The Harbour Authority said the ferry would sail at noon.",
                        "The Harbour Authority",
                        SourceKind.OFFICIAL_BODY,
                        "said",
                        "The Harbour Authority said"),
                Arguments.of(
                        "A source told The Guardian the deal was off.",
                        "The Guardian",
                        SourceKind.MEDIA_OUTLET,
                        "told <name>",
                        "The Guardian"),
                Arguments.of(
                        "A source told The Guardian the deal was off.",
                        "A source",
                        SourceKind.ANONYMOUS,
                        "told",
                        "A source told"),
                Arguments.of(
                        "Officials who spoke on condition of anonymity said the talks had failed.",
                        "Officials",
                        SourceKind.ANONYMOUS,
                        "who spoke on condition of anonymity",
                        "Officials who spoke on condition of anonymity"),
                Arguments.of(
                        "Blue Heron, a pseudonym used by the informant, told the BBC he had left.",
                        "Blue Heron",
                        SourceKind.PSEUDONYMOUS,
                        "a pseudonym",
                        "Blue Heron, a pseudonym"),
                Arguments.of(
                        "In the end the man we’ll call Red Fox agreed to talk.",
                        "Red Fox",
                        SourceKind.PSEUDONYMOUS,
                        "the man we'll call",
                        "the man we’ll call Red Fox"),
                Arguments.of(
                        "The minister had reportedly resigned before the vote.",
                        "unnamed reports",
                        SourceKind.ANONYMOUS,
                        "reportedly",
                        "reportedly"),
                Arguments.of(
                        "Critics warn that the plan will fail.",
                        "Critics",
                        SourceKind.ANONYMOUS,
                        "warn",
                        "Critics warn"),
                Arguments.of(
                        "The findings appear in a report published by the health ministry last week.",
                        "a report published by the health ministry",
                        SourceKind.DOCUMENT,
                        "report published by",
                        "a report published by the health ministry"),
                Arguments.of(
                        "Our reporter spoke with the Rotterdam Port Authority on the quay.",
                        "the Rotterdam Port Authority",
                        SourceKind.OFFICIAL_BODY,
                        "spoke with",
                        "spoke with the Rotterdam Port Authority"),
                Arguments.of(
                        "The guide told me the river had never flooded.",
                        "The writer (first person)",
                        SourceKind.ANONYMOUS,
                        "told me",
                        "me"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("attributions")
    void attributionsBecomeSources(String sentence, String name, SourceKind kind, String cue, String mention) {
        Suggestions s = SUGGESTER.suggest(sentence);
        assertThat(s.sources()).as(s.sources().toString()).anySatisfy(source -> {
            assertThat(source.name()).isEqualTo(name);
            assertThat(source.kind()).isEqualTo(kind);
            assertThat(source.mentions()).extracting(Mention::exact).contains(mention);
            assertThat(source.mentions()).extracting(Mention::cue).contains(cue);
        });
        assertOffsets(sentence, s);
    }

    static Stream<Arguments> noSource() {
        return Stream.of(
                Arguments.of("Only time will tell whether the bridge holds."),
                Arguments.of("Government officials were forced to raise security levels."),
                Arguments.of("Nobody knows what effects his alleged departure will have."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noSource")
    void phrasesThatAttributeNothingGiveNoSource(String sentence) {
        assertThat(SUGGESTER.suggest(sentence).sources()).isEmpty();
    }

    @Test
    void pronounsAndLaterMentionsJoinTheSourceTheyReferTo() {
        String text = "The Coastguard said the boat sank at dawn. It added that nine people were rescued.\n\n"
                + "Blue Heron, the name a local fisher asked us to use, told reporters she saw the wave. Heron said "
                + "it was taller than a house. "
                + "She said the alarm came late.";
        Suggestions s = SUGGESTER.suggest(text);
        ProposedSource fisher = s.sources().stream()
                .filter(x -> x.name().equals("Blue Heron"))
                .findFirst()
                .orElseThrow();
        assertThat(fisher.kind()).isEqualTo(SourceKind.NAMED_PERSON);
        assertThat(fisher.mentions())
                .extracting(Mention::exact)
                .containsExactly("Blue Heron, the name a local fisher asked us to use, told", "Heron said", "She said");
        assertThat(s.sources()).extracting(ProposedSource::name).containsExactly("The Coastguard", "Blue Heron");
        assertThat(s.sources().getFirst().mentions()).extracting(Mention::exact).containsExactly("The Coastguard said");
        assertOffsets(text, s);
    }

    static Stream<Arguments> claims() {
        return Stream.of(
                Arguments.of(
                        "The minister reportedly resigned after the vote.",
                        Set.of(ClaimType.HEDGED, ClaimType.ATTRIBUTED),
                        "reportedly"),
                Arguments.of(
                        "The suspect is believed to have crossed the border.",
                        Set.of(ClaimType.HEDGED),
                        "is believed to"),
                Arguments.of(
                        "If true, the ruling would change how the port is run.",
                        Set.of(ClaimType.SPECULATION),
                        "If true"),
                Arguments.of(
                        "Prices may rise sharply over the winter.",
                        Set.of(ClaimType.HEDGED, ClaimType.SPECULATION),
                        "may"),
                Arguments.of("The strike will end when the contract is signed.", Set.of(ClaimType.SPECULATION), "will"),
                Arguments.of(
                        "The fire destroyed 40 homes in the valley.",
                        Set.of(ClaimType.FACTUAL, ClaimType.UNSUPPORTED),
                        "40"),
                Arguments.of(
                        "The council met in the town hall on Tuesday.",
                        Set.of(ClaimType.FACTUAL, ClaimType.UNSUPPORTED),
                        "Tuesday"),
                Arguments.of(
                        "The bridge was opened by the Hamburg port office.",
                        Set.of(ClaimType.FACTUAL, ClaimType.UNSUPPORTED),
                        "Hamburg"),
                Arguments.of(
                        "Troops arrested the commander at the checkpoint.",
                        Set.of(ClaimType.FACTUAL, ClaimType.UNSUPPORTED),
                        "arrested"),
                Arguments.of("Police said the road was closed for repairs.", Set.of(ClaimType.ATTRIBUTED), "said"),
                Arguments.of(
                        "“The water is rising faster than last spring.”",
                        Set.of(ClaimType.ATTRIBUTED),
                        "quotation marks"),
                Arguments.of(
                        "It was a devastating blow to the whole region.", Set.of(ClaimType.OPINION), "devastating"));
    }

    @ParameterizedTest(name = "{0} -> {1} [{2}]")
    @MethodSource("claims")
    void sentencesWithACueBecomeClaims(String sentence, Set<ClaimType> types, String cue) {
        Suggestions s = SUGGESTER.suggest("Headline\n\n" + sentence);
        assertThat(s.claims()).hasSize(1);
        ProposedClaim claim = s.claims().getFirst();
        assertThat(claim.exact()).isEqualTo(sentence);
        assertThat(claim.types()).isEqualTo(types);
        assertThat(claim.cue()).isEqualTo(cue);
        assertThat(claim.why()).contains(cue.equals("quotation marks") ? "quotation" : cue);
        assertThat(claim.worthiness()).isBetween(1, 3);
        assertOffsets("Headline\n\n" + sentence, s);
    }

    static Stream<Arguments> notClaims() {
        return Stream.of(
                Arguments.of("It was a quiet and ordinary day."),
                Arguments.of("Is this really the end of the story?"),
                Arguments.of("Nobody quite knows what to think about it."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notClaims")
    void sentencesWithoutACueAreNotProposed(String sentence) {
        assertThat(SUGGESTER.suggest("Headline\n\n" + sentence).claims()).isEmpty();
    }

    static Stream<Arguments> clauses() {
        return Stream.of(
                Arguments.of(
                        "The army captured the town in 2019, but the rebels retook it in March.",
                        List.of("The army captured the town in 2019", "the rebels retook it in March.")),
                Arguments.of(
                        "The river burst its banks on Sunday; 300 people left their homes.",
                        List.of("The river burst its banks on Sunday", "300 people left their homes.")),
                Arguments.of(
                        "The storm reached the coast in 2021, which forced 12 ports to close.",
                        List.of("The storm reached the coast in 2021", "which forced 12 ports to close.")),
                Arguments.of(
                        "Before the storm of 2021 the coast had strong defences, and engineers from Leiden were "
                                + "building new walls.",
                        List.of(
                                "Before the storm of 2021 the coast had strong defences",
                                "engineers from Leiden were building new walls.")),
                Arguments.of(
                        "The mayor opened the bridge in 2020 and the ferry closed soon after.",
                        List.of("The mayor opened the bridge in 2020 and the ferry closed soon after.")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clauses")
    void claimsAreClausesWhereASentenceJoinsTwoStatements(String sentence, List<String> expected) {
        Suggestions s = SUGGESTER.suggest("Headline\n\n" + sentence);
        assertThat(s.claims()).extracting(ProposedClaim::exact).containsExactlyElementsOf(expected);
    }

    @Test
    void aShortSentenceJoinsTheOneBefore() {
        String text = "Headline\n\n“We had 300 volunteers every week. I mean, every week.”";
        assertThat(SUGGESTER.suggest(text).claims())
                .extracting(ProposedClaim::exact)
                .containsExactly("“We had 300 volunteers every week. I mean, every week.”");
    }

    @Test
    void aLeadInNamingTheWriterIsASourceNotAClaim() {
        String text = "Headline\n\nA reporter writes: The ferry sank in 2019 near the harbour.";
        Suggestions s = SUGGESTER.suggest(text);
        assertThat(s.claims())
                .extracting(ProposedClaim::exact)
                .containsExactly("The ferry sank in 2019 near the harbour.");
        assertThat(s.sources()).extracting(ProposedSource::name).containsExactly("A reporter");
    }

    @Test
    void loadedLanguageIsListedWithOffsets() {
        String text = "Headline 😀\n\nThe devastating floods were a shocking tragedy for 200 families.";
        Suggestions s = SUGGESTER.suggest(text);
        assertThat(s.loaded()).extracting(LoadedPhrase::exact).containsExactly("devastating", "shocking", "tragedy");
        for (LoadedPhrase p : s.loaded()) {
            assertThat(text.substring(p.start(), p.end())).isEqualTo(p.exact());
        }
        assertOffsets(text, s);
    }

    @Test
    void theMonthMayIsNotAHedge() {
        Suggestions s = SUGGESTER.suggest("Headline\n\nThe bridge reopened in May after repairs.");
        assertThat(s.claims().getFirst().types()).containsExactlyInAnyOrder(ClaimType.FACTUAL, ClaimType.UNSUPPORTED);
    }

    @Test
    void offsetsAreUtf16UnitsIntoTheText() {
        String text = "Ünïcode 😀 headline\n\n😀 “It is over,” the mayor said in 2024. The council reportedly agreed.";
        Suggestions s = SUGGESTER.suggest(text);
        assertThat(s.claims()).isNotEmpty();
        assertOffsets(text, s);
    }

    @Test
    void theSameTextGivesTheSameProposals() {
        String text = "Headline\n\nThe mayor said 40 homes were lost. Critics warn the dam could fail.";
        assertThat(SUGGESTER.suggest(text)).isEqualTo(SUGGESTER.suggest(text));
    }

    private static void assertOffsets(String text, Suggestions s) {
        for (ProposedClaim c : s.claims()) {
            assertThat(text.substring(c.start(), c.end())).isEqualTo(c.exact());
        }
        for (ProposedSource source : s.sources()) {
            for (Mention m : source.mentions()) {
                assertThat(text.substring(m.start(), m.end())).isEqualTo(m.exact());
            }
        }
    }
}
