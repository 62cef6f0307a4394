package org.lateral.classroom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.lateral.base.StudentRows;
import org.lateral.base.text.SpreadsheetCsv;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A student's record as files (DD023): one JSON document keyed by table, or a zip with one CSV
 * per table under the house rule for CSV (formula injection neutralised, UTF-8 with a BOM).
 */
public final class StudentRecordFiles {

    /** The format's name and version, so a reader knows what it holds. */
    public static final String FORMAT = "lateral-student-record";

    public static final int VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StudentRecordFiles() {}

    public static byte[] json(StudentRecord record) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("studentId", record.studentId().toString());
        root.put("exportedAt", record.exportedAt().toString());
        ObjectNode tables = root.putObject("tables");
        record.tables().forEach((table, rows) -> {
            ArrayNode list = tables.putArray(table);
            for (List<@Nullable Object> row : rows.rows()) {
                ObjectNode object = list.addObject();
                for (int i = 0; i < rows.columns().size(); i++) {
                    put(object, rows.columns().get(i), row.get(i));
                }
            }
        });
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private static void put(ObjectNode object, String column, @Nullable Object value) {
        switch (value) {
            case null -> object.putNull(column);
            case Boolean b -> object.put(column, b);
            case Integer i -> object.put(column, i);
            case Long l -> object.put(column, l);
            case Double d -> object.put(column, d);
            case BigDecimal d -> object.put(column, d);
            case List<?> list -> {
                ArrayNode array = object.putArray(column);
                list.forEach(item -> array.add(StudentRows.text(item)));
            }
            default -> object.put(column, value.toString());
        }
    }

    /** A zip of {@code <table>.csv} files, one per table, each with its header even when empty. */
    public static byte[] csvZip(StudentRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, StudentRows> table : record.tables().entrySet()) {
                StudentRows rows = table.getValue();
                List<List<String>> cells = rows.rows().stream()
                        .map(r -> r.stream().map(StudentRows::text).toList())
                        .toList();
                zip.putNextEntry(new ZipEntry(table.getKey() + ".csv"));
                zip.write(SpreadsheetCsv.write(rows.columns(), cells));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
