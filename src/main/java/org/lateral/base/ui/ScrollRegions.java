package org.lateral.base.ui;

import com.vaadin.flow.component.Component;

/**
 * A box that scrolls on its own, inside a page that scrolls too. Without a mouse it can only be
 * scrolled once it can take the focus (WCAG 2.1.1, axe's {@code scrollable-region-focusable}); it
 * is then a named region, so a screen reader says what the Tab stop is.
 */
public final class ScrollRegions {

    private ScrollRegions() {}

    public static <C extends Component> C keyboardScrollable(C box, String name) {
        box.getElement().setAttribute("tabindex", "0");
        box.getElement().setAttribute("role", "region");
        box.getElement().setAttribute("aria-label", name);
        return box;
    }
}
