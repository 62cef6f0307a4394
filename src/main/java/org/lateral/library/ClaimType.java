package org.lateral.library;

import java.util.Optional;
import org.lateral.base.Coded;

/** The news-claim taxonomy students label spans with (DD000, "Scoring"; the README explains each type). */
public enum ClaimType implements Coded {
    FACTUAL("factual", "Checkable statement presented as fact"),
    ATTRIBUTED("attributed", "Reported as someone else's statement"),
    HEDGED("hedged", "Carries uncertainty cues such as \"reportedly\" or \"is believed to\""),
    SPECULATION("speculation", "A prediction or a conditional: \"If true, … would\""),
    OPINION("opinion", "The writer's own judgement"),
    UNSUPPORTED("unsupported", "Asserted as fact with no source where one is needed");

    private final String code;
    private final String description;

    ClaimType(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The name used in packs, in the browser and in test ids ({@code claim-type-hedged}). */
    @Override
    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public static Optional<ClaimType> fromCode(String code) {
        return Coded.fromCode(ClaimType.class, code);
    }
}
