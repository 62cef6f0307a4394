package org.lateral.library.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.lateral.base.ui.EmptyState;

/** The school's article library. Articles, outlets and answer keys arrive with the library feature. */
@Route("library")
@PageTitle("Library · Lateral")
@Menu(title = "Library", order = 2, icon = "vaadin:book")
@RolesAllowed("TEACHER")
class LibraryView extends VerticalLayout {

    LibraryView() {
        addClassName("page");
        add(new H2("Library"));
        add(new EmptyState("library-empty", "Your school's library has no articles yet.",
                "Articles you add, with their outlets and answer keys, are listed here."));
    }
}
