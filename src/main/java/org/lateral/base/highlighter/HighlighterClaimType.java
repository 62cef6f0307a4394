package org.lateral.base.highlighter;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * The claim types the highlighter offers and draws, in palette order (claim-highlighter's
 * {@code CLAIM_TYPES}: keys 1–6, {@code data-claim-type}, {@code claim-type-<code>} test ids).
 *
 * <p>The taxonomy itself is {@code org.lateral.library.ClaimType}; {@code base} may not depend on a
 * feature, so the highlighter has this mirror with the same codes, and the views convert with
 * {@link #of(String)}. ClaimHighlighterTest checks that both lists and the JavaScript agree.
 */
public enum HighlighterClaimType {
    FACTUAL("factual"),
    ATTRIBUTED("attributed"),
    HEDGED("hedged"),
    SPECULATION("speculation"),
    OPINION("opinion"),
    UNSUPPORTED("unsupported");

    private final String code;

    HighlighterClaimType(String code) {
        this.code = code;
    }

    /** The word on the wire ({@code data-claim-type}). */
    @JsonValue
    public String code() {
        return code;
    }

    /**
     * The type with this code.
     *
     * @throws IllegalArgumentException for a code the highlighter does not know: a view passing
     *     one is a programming error, not something to draw without a colour
     */
    public static HighlighterClaimType of(String code) {
        return Arrays.stream(values())
                .filter(t -> t.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a claim type the highlighter knows: " + code));
    }
}
