package org.lateral.classroom;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.lateral.base.StudentRows;

/**
 * Everything stored about one student (DD023): each table of the student-data inventory marked for
 * export, in the inventory's order, with the student's rows (empty tables included).
 */
public record StudentRecord(UUID studentId, String username, Instant exportedAt, Map<String, StudentRows> tables) {

    public StudentRecord {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    public int rowCount() {
        return tables.values().stream().mapToInt(t -> t.rows().size()).sum();
    }
}
