package org.lateral.classroom;

import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One row of a teacher's class list. */
public record ClassSummary(
        UUID id,
        String name,
        @Nullable String subject,
        @Nullable String schoolYear,
        ZoneId timeZone,
        int studentCount) {}
