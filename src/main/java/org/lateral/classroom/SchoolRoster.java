package org.lateral.classroom;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A school's classes as its admin sees them: every class not archived, with its teacher and the
 * students on its roster now.
 */
public record SchoolRoster(UUID schoolId, String schoolName, List<SchoolClassRow> classes) {

    public SchoolRoster {
        classes = List.copyOf(classes);
    }

    /** One class of the school; {@code studentIds} are the students enrolled now. */
    public record SchoolClassRow(UUID id, String name, String teacherName, ZoneId timeZone, List<UUID> studentIds) {

        public SchoolClassRow {
            studentIds = List.copyOf(studentIds);
        }
    }
}
