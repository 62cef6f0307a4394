package org.lateral.base.highlighter;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A mark's full state as the browser sends it on every change (DD000, "saveMark"): the
 * browser's own mark id, its change counter, the span by offsets and by quote, its claim type,
 * and whether it was deleted. Nothing in it is trusted until the server has checked it.
 */
public record MarkState(
        @Nullable UUID markId,
        int seq,
        int start,
        int end,
        @Nullable String exact,
        @Nullable String prefix,
        @Nullable String suffix,
        @Nullable String type,
        boolean deleted) {}
