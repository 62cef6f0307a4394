package org.lateral.library;

import java.util.Optional;
import org.lateral.base.Coded;
import org.lateral.base.i18n.Labelled;
import org.lateral.base.i18n.Translations;

/** What kind of outlet published an article; shown in outlet profiles and the comparison grid. */
public enum OutletKind implements Coded, Labelled {
    NEWS_AGENCY("news-agency"),
    STATE_MEDIA("state-media"),
    NEWSPAPER("newspaper"),
    MAGAZINE("magazine"),
    LIFESTYLE_SITE("lifestyle-site"),
    BLOG("blog"),
    AGGREGATOR("aggregator"),
    JOURNAL("journal"),
    BROADCASTER("broadcaster");

    private final String code;

    OutletKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String labelKey() {
        return "outletKind." + code;
    }

    /** The English name, for pages not yet translated; a page shows {@code getTranslation(labelKey())}. */
    public String label() {
        return Translations.english(labelKey());
    }

    public static Optional<OutletKind> fromCode(String code) {
        return Coded.fromCode(OutletKind.class, code);
    }
}
