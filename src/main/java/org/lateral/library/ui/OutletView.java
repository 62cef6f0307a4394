package org.lateral.library.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;
import org.lateral.base.ui.RouteIds;
import org.lateral.library.LibraryEntry;
import org.lateral.library.LibraryService;
import org.lateral.library.OutletProfile;

/** An outlet's profile: what kind of outlet it is, who owns or funds it, and its articles here. */
@Route("library/outlet")
@RolesAllowed("TEACHER")
class OutletView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final LibraryService library;
    private String title = "Outlet · Lateral";

    OutletView(LibraryService library) {
        this.library = library;
        addClassName("page");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        UUID id = RouteIds.parse(parameter);
        OutletProfile outlet = library.outlet(id).orElseThrow(NotFoundException::new);
        title = outlet.name() + " · Lateral";
        removeAll();
        Anchor back = LibraryNavigation.library().anchor("\u2190 Library");
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");
        add(back, new H2(outlet.name()));

        Div profile = new Div();
        profile.addClassNames("card", "outlet-profile");
        profile.setTestId("outlet-profile");
        profile.add(line("Kind of outlet", outlet.kind().label()));
        profile.add(line("Country", outlet.country() == null ? "Not known" : outlet.country()));
        profile.add(line("Ownership and funding", outlet.ownership() == null ? "Not known" : outlet.ownership()));
        if (outlet.ownershipSource() != null) {
            profile.add(line("Where this comes from", outlet.ownershipSource()));
        }
        if (outlet.description() != null) {
            profile.add(line("About", outlet.description()));
        }
        profile.add(line("Web site", outlet.homeUrl() == null ? "Not known" : outlet.homeUrl()));
        if (outlet.fromPack()) {
            Paragraph pack = new Paragraph("This profile came with an exercise pack.");
            pack.addClassName("reader-note");
            profile.add(pack);
        }
        add(profile);

        add(new H3("Articles from this outlet in your library"));
        UnorderedList articles = new UnorderedList();
        articles.setTestId("outlet-articles");
        for (LibraryEntry e : library.articlesOf(outlet.id())) {
            Anchor link = LibraryNavigation.reader(e.articleId()).anchor(e.title());
            link.getElement().setAttribute("router-link", true);
            articles.add(new ListItem(link));
        }
        add(articles);
    }

    private static Div line(String label, String value) {
        Span name = new Span(label);
        name.addClassName("profile-label");
        Div row = new Div(name, new Paragraph(value));
        row.addClassName("profile-line");
        return row;
    }
}
