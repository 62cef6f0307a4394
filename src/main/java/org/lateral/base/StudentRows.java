package org.lateral.base;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ResultSetExtractor;

/**
 * A student's rows of one table, as an export writes them (DD023): the column names in the
 * table's order, and each row's values as plain JSON values (text, number, true/false, a list, or
 * null). Ids and times become text: an id as its usual form, a time as an ISO-8601 instant, bytes
 * as Base64.
 */
public record StudentRows(List<String> columns, List<List<@Nullable Object>> rows) {

    public StudentRows {
        columns = List.copyOf(columns);
        rows = rows.stream()
                .map(r -> Collections.unmodifiableList(new ArrayList<>(r)))
                .toList();
    }

    /** Reads a query's result: columns from its metadata, so an empty result still names them. */
    public static ResultSetExtractor<StudentRows> reader() {
        return rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            List<List<@Nullable Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<@Nullable Object> row = new ArrayList<>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(plain(rs, i));
                }
                rows.add(row);
            }
            return new StudentRows(columns, rows);
        };
    }

    private static @Nullable Object plain(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value instanceof Array array) {
            return Arrays.stream((Object[]) array.getArray())
                    .map(StudentRows::plain)
                    .toList();
        }
        return plain(value);
    }

    private static @Nullable Object plain(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Integer i -> i;
            case Long l -> l;
            case Short s -> s.intValue();
            case BigDecimal d -> d;
            case Double d -> d;
            case Float f -> f.doubleValue();
            case UUID id -> id.toString();
            case Timestamp t -> t.toInstant().toString();
            case OffsetDateTime t -> t.toInstant().toString();
            case Date d -> d.toLocalDate().toString();
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            // jsonb, intervals and other driver objects: their text form.
            default -> value.toString();
        };
    }

    /** A value as a CSV cell shows it: empty for null, a list's items joined with "; ". */
    public static String text(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join("; ", list.stream().map(StudentRows::text).toList());
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }
}
