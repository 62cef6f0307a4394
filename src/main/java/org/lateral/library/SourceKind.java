package org.lateral.library;

import java.util.Optional;
import org.lateral.base.Coded;

/** What kind of source an article relies on (DD000, "Primary and secondary sources"). */
public enum SourceKind implements Coded {
    NAMED_PERSON("named-person", "Named person"),
    ANONYMOUS("anonymous", "Anonymous"),
    PSEUDONYMOUS("pseudonymous", "Pseudonymous"),
    OFFICIAL_BODY("official-body", "Official body"),
    EXPERT_OR_ORGANISATION("expert-or-organisation", "Expert or organisation"),
    MEDIA_OUTLET("media-outlet", "Media outlet"),
    DOCUMENT("document", "Document");

    private final String code;
    private final String label;

    SourceKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<SourceKind> fromCode(String code) {
        return Coded.fromCode(SourceKind.class, code);
    }
}
