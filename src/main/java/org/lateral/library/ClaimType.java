package org.lateral.library;

import java.util.Optional;
import org.lateral.base.Coded;
import org.lateral.base.i18n.Labelled;
import org.lateral.base.i18n.Translations;

/** The news-claim taxonomy students label spans with (DD000, "Scoring"; the README explains each type). */
public enum ClaimType implements Coded, Labelled {
    FACTUAL("factual", "claimType.factual.description"),
    ATTRIBUTED("attributed", "claimType.attributed.description"),
    HEDGED("hedged", "claimType.hedged.description"),
    SPECULATION("speculation", "claimType.speculation.description"),
    OPINION("opinion", "claimType.opinion.description"),
    UNSUPPORTED("unsupported", "claimType.unsupported.description");

    private final String code;
    private final String descriptionKey;

    ClaimType(String code, String descriptionKey) {
        this.code = code;
        this.descriptionKey = descriptionKey;
    }

    /** The name used in packs, in the browser and in test ids ({@code claim-type-hedged}). */
    @Override
    public String code() {
        return code;
    }

    /** The type's name ("Hedged"). */
    @Override
    public String labelKey() {
        return "claimType." + code;
    }

    /** What the type means, in a sentence. */
    public String descriptionKey() {
        return descriptionKey;
    }

    /** The English meaning, for pages not yet translated. */
    public String description() {
        return Translations.english(descriptionKey);
    }

    public static Optional<ClaimType> fromCode(String code) {
        return Coded.fromCode(ClaimType.class, code);
    }
}
