package org.lateral.assignment;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What scoring an assignment's attempts needs to know about the assignment: the article version
 * and key version its first step pins (DD005, DD013; today's lessons have one step) and its match
 * threshold.
 */
public record GradedAssignment(
        UUID id,
        UUID schoolId,
        UUID articleVersionId,
        @Nullable UUID keyVersionId,
        double threshold) {}
