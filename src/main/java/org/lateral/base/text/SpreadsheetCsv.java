package org.lateral.base.text;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The house rule for CSV files people open in spreadsheet apps (DD016, "Exports"), shared by every
 * feature that writes one: UTF-8 behind a byte order mark, so a spreadsheet app does not guess a
 * legacy encoding and garble accented names; records end with CRLF (RFC 4180, FastCSV's default);
 * and every cell is neutralised against formula injection before FastCSV quotes it.
 */
public final class SpreadsheetCsv {

    /** The UTF-8 byte order mark the file starts with. */
    public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private SpreadsheetCsv() {}

    /**
     * A cell a spreadsheet app shows as text, never runs: a value starting with {@code = + - @}, a
     * tab or a carriage return could be read as a formula (students write the names and words that
     * end up in these cells), so it gets a leading single quote, as OWASP's CSV injection advice
     * says. The quote shows in the cell; that is the price of a file that is safe to open.
     */
    public static String safe(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }

    /** The file: the BOM, then the header and the rows, every cell neutralised. */
    public static byte[] write(List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord(neutralised(header));
            for (List<String> row : rows) {
                csv.writeRecord(neutralised(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<String> neutralised(List<String> cells) {
        List<String> safe = new ArrayList<>(cells.size());
        cells.forEach(c -> safe.add(safe(c)));
        return safe;
    }
}
