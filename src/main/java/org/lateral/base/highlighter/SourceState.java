package org.lateral.base.highlighter;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A student source's full state as the browser sends it on every change (DD013, "Source work"):
 * the browser's own source id, its change counter, the name as the student wrote it, its kind and
 * origin (null while not chosen), the outlet it was relayed from (only when relayed), and whether
 * it was deleted. Nothing in it is trusted until the server has checked it.
 *
 * @param kind a source kind's code ("named-person", …) or null
 * @param origin "first-hand", "relayed" or null
 */
public record SourceState(
        @Nullable UUID sourceId,
        int seq,
        @Nullable String name,
        @Nullable String kind,
        @Nullable String origin,
        @Nullable String relayedFrom,
        boolean deleted) {}
