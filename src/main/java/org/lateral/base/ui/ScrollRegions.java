package org.lateral.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;

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

    /**
     * A table wider than a phone (a row per student, a column per claim) in a box of its own that
     * scrolls sideways, so the page around it reflows at 320 CSS px (WCAG 1.4.10, which exempts
     * such two-dimensional content) and the table keeps its table semantics.
     */
    public static Div wideTable(Element table, String name) {
        Div box = new Div();
        box.addClassName("wide-table");
        box.getElement().appendChild(table);
        return keyboardScrollable(box, name);
    }

    /** The same for a table built as a component. */
    public static Div wideTable(Component table, String name) {
        return wideTable(table.getElement(), name);
    }
}
