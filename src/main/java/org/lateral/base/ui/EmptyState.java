package org.lateral.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/** What a page shows instead of an empty list: what is missing, and what to do about it. */
public class EmptyState extends Div {

    public EmptyState(String testId, String... lines) {
        addClassName("empty-state");
        setTestId(testId);
        for (String line : lines) {
            add(new Paragraph(line));
        }
    }
}
