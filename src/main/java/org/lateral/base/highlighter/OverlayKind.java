package org.lateral.base.highlighter;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an {@link ClaimHighlighter.Overlay} is; the browser draws each kind differently (overlays.js,
 * {@code OVERLAY_KINDS}) and ignores kinds it does not know.
 */
public enum OverlayKind {
    /** A claim with its type: {@code <mark class="ch-mark" data-claim-type=…>}. */
    CLAIM("claim"),
    /** Who is cited: underlined, {@code data-source-id}. */
    SOURCE("source"),
    /** A cue word that signals a hedge or speculation ("reportedly", "If true"). */
    CUE("cue");

    private final String code;

    OverlayKind(String code) {
        this.code = code;
    }

    /** The word on the wire ({@code data-kind}). */
    @JsonValue
    public String code() {
        return code;
    }
}
