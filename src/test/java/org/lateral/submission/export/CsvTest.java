package org.lateral.submission.export;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    static List<CsvRecord> read(byte[] file) {
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        return CsvReader.builder().ofCsvRecord(text).stream().toList();
    }
}
