package org.lateral.library;

import java.util.Optional;
import org.lateral.base.Coded;

/** What kind of outlet published an article; shown in outlet profiles and the comparison grid. */
public enum OutletKind implements Coded {
    NEWS_AGENCY("news-agency", "News agency"),
    STATE_MEDIA("state-media", "State-owned or state-linked media"),
    NEWSPAPER("newspaper", "Newspaper"),
    MAGAZINE("magazine", "Magazine"),
    LIFESTYLE_SITE("lifestyle-site", "Lifestyle or entertainment website"),
    BLOG("blog", "Blog"),
    AGGREGATOR("aggregator", "News aggregator"),
    JOURNAL("journal", "Online journal"),
    BROADCASTER("broadcaster", "Broadcaster");

    private final String code;
    private final String label;

    OutletKind(String code, String label) {
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

    public static Optional<OutletKind> fromCode(String code) {
        return Coded.fromCode(OutletKind.class, code);
    }
}
