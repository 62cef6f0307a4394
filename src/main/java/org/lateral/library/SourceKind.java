package org.lateral.library;

import java.util.Optional;
import org.lateral.base.Coded;
import org.lateral.base.i18n.Labelled;
import org.lateral.base.i18n.Translations;

/** What kind of source an article relies on (DD000, "Primary and secondary sources"). */
public enum SourceKind implements Coded, Labelled {
    NAMED_PERSON("named-person"),
    ANONYMOUS("anonymous"),
    PSEUDONYMOUS("pseudonymous"),
    OFFICIAL_BODY("official-body"),
    EXPERT_OR_ORGANISATION("expert-or-organisation"),
    MEDIA_OUTLET("media-outlet"),
    DOCUMENT("document");

    private final String code;

    SourceKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String labelKey() {
        return "sourceKind." + code;
    }

    /** The English name, for pages not yet translated; a page shows {@code getTranslation(labelKey())}. */
    public String label() {
        return Translations.english(labelKey());
    }

    public static Optional<SourceKind> fromCode(String code) {
        return Coded.fromCode(SourceKind.class, code);
    }
}
