package org.lateral.library.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The school's article library. Articles, outlets and answer keys arrive with the library feature. */
@Route("library")
@PageTitle("Library · Lateral")
@Menu(title = "Library", order = 2, icon = "vaadin:book")
@RolesAllowed("TEACHER")
class LibraryView extends VerticalLayout {

    LibraryView() {
        addClassName("page");
        add(new H2("Library"));
        Div empty = new Div(new Paragraph("Your school's library has no articles yet."),
                new Paragraph("Articles you add, with their outlets and answer keys, are listed here."));
        empty.addClassName("empty-state");
        empty.setTestId("library-empty");
        add(empty);
    }
}
