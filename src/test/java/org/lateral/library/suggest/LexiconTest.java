package org.lateral.library.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How cue phrases are found: whole words, any case, either apostrophe, longest phrase first. */
class LexiconTest {

    private static final Lexicon CUES = Lexicon.of("test", List.of("could", "could have", "doesn't appear", "may"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "He could have left. | could have",
                "It doesn’t appear so. | doesn't appear",
                "IT DOESN'T APPEAR SO. | doesn't appear",
                "They may  be late. | may",
                "Mayors met. | ''",
                "A dismay. | ''",
            })
    void findsWholePhrases(String text, String expected) {
        String folded = Lexicon.fold(text);
        List<Lexicon.Hit> hits = CUES.find(folded, 0, folded.length());
        if (expected.isEmpty()) {
            assertThat(hits).isEmpty();
        } else {
            assertThat(hits).extracting(Lexicon.Hit::phrase).containsExactly(expected);
        }
    }

    @Test
    void foldingKeepsEveryOffset() {
        String text = "“It’s ÉTÉ” 😀 ‘ok’";
        String folded = Lexicon.fold(text);
        assertThat(folded).hasSameSizeAs(text).isEqualTo("\"it's été\" 😀 'ok'");
    }

    @Test
    void everyShippedListIsLowerCaseWithStraightApostrophesAndLoads() throws Exception {
        List<String> files = List.of(
                "hedges.txt",
                "report-hedges.txt",
                "speculation.txt",
                "attribution-verbs.txt",
                "vague-subjects.txt",
                "anonymous-sources.txt",
                "anonymous-words.txt",
                "pseudonym-cues.txt",
                "outlet-words.txt",
                "official-words.txt",
                "expert-words.txt",
                "document-words.txt",
                "event-verbs.txt",
                "loaded.txt");
        for (String file : files) {
            try (var in = Lexicon.class.getResourceAsStream(file)) {
                assertThat(in).as(file).isNotNull();
                List<String> phrases = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .toList();
                assertThat(phrases).as(file).isNotEmpty().doesNotHaveDuplicates();
                assertThat(phrases).as(file).allSatisfy(p -> assertThat(p).isEqualTo(Lexicon.fold(p)));
            }
            assertThat(Lexicon.load(file).phrases()).as(file).isNotEmpty();
        }
    }
}
