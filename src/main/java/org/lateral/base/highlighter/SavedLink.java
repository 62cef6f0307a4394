package org.lateral.base.highlighter;

import org.jspecify.annotations.Nullable;

/**
 * A claim link as stored, with the seq the browser continues from (DD013, "Source work").
 *
 * @param sourceId the student source the claim rests on, or null for "no source given"
 */
public record SavedLink(
        String linkId, int seq, String claimRef, @Nullable String sourceId) {}
