package org.lateral.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** Shown on every page in demo mode, so nobody mistakes the demo for a school's real install. */
public class DemoBanner extends Div {

    public DemoBanner() {
        addClassName("demo-banner");
        setTestId("demo-banner");
        getElement().setAttribute("role", "note");
        add(new Span(getTranslation("base.demoBanner")));
    }
}
