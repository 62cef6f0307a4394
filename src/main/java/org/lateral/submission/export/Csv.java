package org.lateral.submission.export;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lateral.base.text.SpreadsheetCsv;

/**
 * Writes rows as CSV for spreadsheet apps (DD016, "Exports"): UTF-8 behind a byte order mark, so a
 * spreadsheet app reading the file does not guess a legacy encoding and garble accented names;
 * records end with CRLF (RFC 4180, FastCSV's default); and every cell is neutralised against
 * formula injection before FastCSV quotes it.
 */
public final class Csv {

    /** The UTF-8 byte order mark the file starts with. */
    static final byte[] BOM = SpreadsheetCsv.BOM;

    private Csv() {}

    /** A cell a spreadsheet app shows as text, never runs: the house rule of {@link SpreadsheetCsv#safe}. */
    public static String safe(@Nullable String value) {
        return SpreadsheetCsv.safe(value);
    }

    /** The file: the BOM, then the header and the rows, every cell neutralised ({@link SpreadsheetCsv}). */
    public static byte[] write(List<String> header, List<List<String>> rows) {
        return SpreadsheetCsv.write(header, rows);
    }

    /** A score as a spreadsheet reads it: one decimal, a dot, no unit; empty when there is none. */
    static String number(@Nullable Double value) {
        return value == null ? "" : String.valueOf(Math.round(value * 10) / 10.0);
    }

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
