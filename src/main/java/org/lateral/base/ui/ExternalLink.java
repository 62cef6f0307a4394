package org.lateral.base.ui;

import com.vaadin.flow.component.html.Anchor;

/**
 * A link to another web site: an article's original address. The app's own pages are reached by
 * view class (Destination); this is the one way to link out, so ArchitectureTest can allow it by
 * name. Only absolute http(s) addresses are accepted, opened in a new tab without a referrer.
 */
public final class ExternalLink {

    private ExternalLink() {}

    public static Anchor to(String absoluteUrl, String text) {
        if (!absoluteUrl.matches("https?://\\S+")) {
            throw new IllegalArgumentException("Not an absolute http(s) address: " + absoluteUrl);
        }
        Anchor link = new Anchor(absoluteUrl, text);
        link.setTarget("_blank");
        link.getElement().setAttribute("rel", "noopener noreferrer");
        return link;
    }
}
