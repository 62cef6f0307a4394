package org.lateral.base.highlighter;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A claim link's full state as the browser sends it on every change (DD013, "Source work"): the
 * browser's own link id, its change counter, the claim (a mark id of the lesson's mark-claims step
 * or a key claim id), the student source it rests on or null for "no source given", and whether it
 * was deleted. Nothing in it is trusted until the server has checked it.
 */
public record LinkState(
        @Nullable UUID linkId,
        int seq,
        @Nullable String claimRef,
        @Nullable UUID sourceId,
        boolean deleted) {}
