package org.lateral.base.highlighter;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A source mention's full state as the browser sends it on every change (DD013, "Source work"):
 * the browser's own mention id, its change counter, the student source it belongs to, the span by
 * offsets and by quote, and whether it was deleted. Nothing in it is trusted until the server has
 * checked it.
 */
public record MentionState(
        @Nullable UUID mentionId,
        int seq,
        @Nullable UUID sourceId,
        int start,
        int end,
        @Nullable String exact,
        @Nullable String prefix,
        @Nullable String suffix,
        boolean deleted) {}
