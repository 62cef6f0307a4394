package org.lateral.classroom;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A class a teacher teaches; its time zone decides what "end of the day" means for its due dates. */
public record SchoolClass(
        UUID id,
        UUID schoolId,
        UUID teacherId,
        String name,
        @Nullable String subject,
        @Nullable String schoolYear,
        ZoneId timeZone,
        Instant createdAt) {

    public SchoolClass {
        name = name.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new IllegalArgumentException("A class name has 1 to 100 characters");
        }
    }
}
