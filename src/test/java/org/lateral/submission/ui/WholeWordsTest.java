package org.lateral.submission.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WholeWordsTest {

    static final String TEXT = "The council’s well-known plan: “Families told us Sunday is the only day.”";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            exact words are kept as they are         | Families told us    | “Families told us”
            a cut first word is widened to the word  | amilies told us     | “Families told us”
            a cut last word is widened to the word   | Families told u     | “Families told us”
            both ends inside words                   | ouncil’s well-kn    | “council’s well-known”
            a word with an apostrophe stays whole    | ’s                  | “council’s”
            a hyphenated word stays whole            | known               | “well-known”
            punctuation at the edge is not widened   | plan:               | “plan:”
            """)
    void a_selection_is_described_by_its_whole_words(String why, String selected, String expected) {
        int start = TEXT.indexOf(selected);
        assertThat(start).isNotNegative();
        assertThat(WholeWords.quote(TEXT, start, start + selected.length())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the practice page's phrase starting mid-word | amilies told us Sunday | Families told us Sunday
            one letter in a word                         | ibr                    | library
            """)
    void the_practice_text_never_shows_a_cut_word(String why, String selected, String words) {
        String text = PracticeView.PRACTICE_TEXT;
        int start = text.indexOf(selected);
        String quote = WholeWords.quote(text, start, start + selected.length());
        assertThat(quote).isEqualTo("\u201c" + words + "\u201d").doesNotContain("character");
    }

    @ParameterizedTest(name = "start {0}, end {1}")
    @CsvSource({"-5, 3", "0, 999", "10, 2"})
    void offsets_outside_the_text_are_held_to_it(int start, int end) {
        int[] span = WholeWords.widen(TEXT, start, end);
        assertThat(span[0]).isBetween(0, TEXT.length());
        assertThat(span[1]).isBetween(span[0], TEXT.length());
    }
}
