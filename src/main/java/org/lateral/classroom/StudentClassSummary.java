package org.lateral.classroom;

import java.time.ZoneId;
import java.util.UUID;

/** A class as its student sees it. */
public record StudentClassSummary(UUID id, String name, String teacherName, ZoneId timeZone) {}
