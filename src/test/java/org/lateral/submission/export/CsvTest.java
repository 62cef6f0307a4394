package org.lateral.submission.export;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lateral.base.text.Tokens;
import org.lateral.submission.CompareReview;
import org.lateral.submission.scoring.CompareScoring;
import org.lateral.submission.scoring.Scoring.Span;
import org.lateral.submission.scoring.SourceScoring;

class CsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+1+2", "-1+2", "@SUM(A1)", "\t=cmd", "\r=cmd"})
    void aCellStartingWithAFormulaCharacterGetsALeadingQuote(String value) {
        assertThat(Csv.safe(value)).isEqualTo("'" + value);
    }

    @Test
    void aNormalValueAndANumberStayAsTheyAre() {
        assertThat(Csv.safe("Ana María")).isEqualTo("Ana María");
        assertThat(Csv.safe("a=b")).isEqualTo("a=b");
        assertThat(Csv.safe("87.5")).isEqualTo("87.5");
        assertThat(Csv.safe(null)).isEmpty();
    }

    @Test
    void theFileStartsWithTheUtf8ByteOrderMark() {
        byte[] file = Csv.write(List.of("A"), List.of(List.of("é")));
        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(file, 3, file.length - 3, StandardCharsets.UTF_8)).isEqualTo("A\r\né\r\n");
    }

    @Test
    void anInjectedCellIsReadBackAsQuotedTextInItsOwnColumn() {
        byte[] file = Csv.write(List.of("Name", "Score"), List.of(List.of("=HYPERLINK(\"x\",\"y\"),2", "40")));
        List<CsvRecord> records = read(file);
        assertThat(records.get(1).getFields()).containsExactly("'=HYPERLINK(\"x\",\"y\"),2", "40");
    }

    @Test
    void itemsHaveTheHeaderAndOneRowPerItemOfAFixedDataSet() {
        ItemsCsv.Who ana = new ItemsCsv.Who("Student One", "s1", 0, "mark-claims", 1);
        ItemsCsv.Who ben = new ItemsCsv.Who("-Student Two", "s2", 1, "identify-sources", 2);
        byte[] file = ItemsCsv.build(List.of(
                new ItemsCsv.Row(ana, "claim", "Prices rose 4%", "factual", "factual", "found", true),
                new ItemsCsv.Row(ana, "claim", "might fall", "hedged or speculation", "factual", "mislabelled", false),
                new ItemsCsv.Row(ben, "source", "=The Agency", "document", "", "missed", false)));
        List<CsvRecord> records = read(file);
        assertThat(records).hasSize(4);
        assertThat(records.get(0).getFields()).isEqualTo(ItemsCsv.HEADER);
        assertThat(records.get(1).getFields())
                .containsExactly(
                        "Student One",
                        "s1",
                        "1",
                        "mark-claims",
                        "1",
                        "claim",
                        "Prices rose 4%",
                        "factual",
                        "factual",
                        "found",
                        "yes");
        assertThat(records.get(2).getFields())
                .containsExactly(
                        "Student One",
                        "s1",
                        "1",
                        "mark-claims",
                        "1",
                        "claim",
                        "might fall",
                        "hedged or speculation",
                        "factual",
                        "mislabelled",
                        "no");
        assertThat(records.get(3).getFields())
                .containsExactly(
                        "'-Student Two",
                        "s2",
                        "2",
                        "identify-sources",
                        "2",
                        "source",
                        "'=The Agency",
                        "document",
                        "",
                        "missed",
                        "no");
    }

    static final String TEXT = "Reportedly the chief fled. He may have gone north.";

    static Span words(String w) {
        int at = TEXT.indexOf(w);
        return new Span(at, at + w.length());
    }

    /**
     * A comparison of one article: the key has two hedges and relays the Daily Mail; the student
     * picked "Reportedly the" (a match by overlap, not the key's words) and gave no reporting
     * category, so relayed-from counts as 0 and must still have a row.
     */
    @Test
    void compareRowsGiveTheKeysOwnPhrasesAndARelayRowEvenWithoutReporting() {
        UUID articleId = UUID.randomUUID();
        CompareScoring.Key key = new CompareScoring.Key(
                List.of(new CompareScoring.KeyArticle(
                        "a1",
                        CompareScoring.Framing.HEDGED,
                        Set.of(),
                        CompareScoring.Count.exactly(1),
                        CompareScoring.Count.between(1, 2),
                        List.of(
                                CompareScoring.KeySpan.of(words("Reportedly")),
                                CompareScoring.KeySpan.of(words("may have"))),
                        List.of(),
                        CompareScoring.Reporting.RELAY,
                        Set.of(),
                        List.of(new SourceScoring.Outlet("The Daily Mail", List.of())))),
                List.of(),
                3);
        CompareScoring.Answer answer = new CompareScoring.Answer(
                List.of(new CompareScoring.StudentArticle(
                        "a1",
                        CompareScoring.Framing.HEDGED,
                        1,
                        null,
                        List.of(words("Reportedly the")),
                        List.of(),
                        null,
                        List.of())),
                List.of(),
                null);
        CompareScoring.Result result =
                CompareScoring.score(Map.of("a1", Tokens.words(TEXT)), key, List.of("a1"), answer, 0.5);
        CompareReview review = CompareReview.of(
                key,
                answer,
                result,
                List.of(new CompareReview.Column(articleId, "a1", UUID.randomUUID(), "The Blog", "Chief flees", TEXT)),
                Map.of());
        ItemsCsv.Who who = new ItemsCsv.Who("Student One", "s1", 1, "compare-outlets", 1);

        List<ItemsCsv.Row> rows = ItemsCsv.compare(who, review);

        // Loaded words measure nothing here (none in key or answer) and are left out.
        assertThat(rows)
                .extracting(ItemsCsv.Row::item)
                .containsExactly(
                        "framing", "named sources", "anonymous sources", "reporting", "relayed from", "hedges");
        assertThat(rows.get(4))
                .isEqualTo(new ItemsCsv.Row(who, "relayed from", "The Blog", "The Daily Mail", "", "not given", false));
        // F1 = 2 × 1 ÷ (1 pick + 2 key hedges) = 0.67; the key's words, in key order.
        assertThat(rows.get(5))
                .isEqualTo(new ItemsCsv.Row(
                        who, "hedges", "The Blog", "Reportedly; may have", "Reportedly the", "overlap 0.67", false));
        assertThat(rows.get(2))
                .isEqualTo(new ItemsCsv.Row(who, "anonymous sources", "The Blog", "1\u20132", "", "not given", false));
    }

    static List<CsvRecord> read(byte[] file) {
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        return CsvReader.builder().ofCsvRecord(text).stream().toList();
    }
}
