package org.lateral.library.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.lateral.base.ui.RouteIds;
import org.lateral.library.LibraryEntry;
import org.lateral.library.LibraryService;
import org.lateral.library.OutletProfile;
import org.lateral.library.importing.OutletEditService;

/** An outlet's profile: what kind of outlet it is, who owns or funds it, and its articles here. */
@Route("library/outlet")
@RolesAllowed("TEACHER")
class OutletView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final LibraryService library;
    private final OutletEditService edits;
    private String title = "Outlet · Lateral";

    OutletView(LibraryService library, OutletEditService edits) {
        this.library = library;
        this.edits = edits;
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
        // Only the teacher whose import created the outlet may correct it; packs' and colleagues' are read-only.
        if (edits.mayEdit(outlet.id())) {
            Button edit = new Button(
                    "Edit this profile",
                    e -> getUI().ifPresent(ui ->
                            LibraryNavigation.editOutlet(outlet.id()).navigate(ui)));
            edit.setTestId("outlet-edit");
            add(edit);
        }

        Div profile = new Div();
        profile.addClassNames("card", "outlet-profile");
        profile.setTestId("outlet-profile");
        profile.add(line("Kind of outlet", outlet.kind().label()));
        profile.add(line("Country", outlet.country() == null ? "Not known" : outlet.country()));
        if (outlet.publisher() != null) {
            profile.add(line("Publisher", outlet.publisher()));
            if (outlet.publisherSource() != null) {
                profile.add(line("Where this comes from", outlet.publisherSource()));
            }
        }
        profile.add(line("Ownership and funding", outlet.ownership() == null ? "Not known" : outlet.ownership()));
        if (outlet.ownershipSource() != null) {
            profile.add(line("Where this comes from", outlet.ownershipSource()));
        }
        if (outlet.description() != null) {
            profile.add(line("About", outlet.description()));
        }
        profile.add(line("Web site", outlet.homeUrl() == null ? "Not known" : outlet.homeUrl()));
        if (!outlet.facts().isEmpty()) {
            UnorderedList facts = new UnorderedList();
            facts.setTestId("outlet-facts");
            for (OutletProfile.Fact f : outlet.facts()) {
                facts.add(fact(f));
            }
            Span label = new Span("Facts about this outlet");
            label.addClassName("profile-label");
            profile.add(new Div(label, facts));
        }
        if (outlet.fromPack()) {
            Paragraph pack = new Paragraph("This profile came with an exercise pack.");
            pack.addClassName("reader-note");
            profile.add(pack);
        }
        profile.add(history(outlet));
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

    private static ListItem fact(OutletProfile.Fact f) {
        ListItem item = new ListItem();
        item.addClassName("outlet-fact");
        item.setTestId("outlet-fact");
        Paragraph source = new Paragraph("Source: " + f.source());
        source.addClassName("reader-note");
        item.add(new Paragraph(f.fact()), source);
        if (f.response() != null) {
            item.add(new Paragraph("The outlet's response: " + f.response()));
            Paragraph responseSource = new Paragraph("Source: " + f.responseSource());
            responseSource.addClassName("reader-note");
            item.add(responseSource);
        }
        return item;
    }

    /**
     * Profiles are versioned (DD012): say whether this one was corrected, so a teacher who read it
     * before can tell, and show what the earlier versions said.
     */
    private static Div history(OutletProfile outlet) {
        Div history = new Div();
        history.setTestId("outlet-history");
        String since = outlet.currentSince() == null ? "" : " on " + day(outlet.currentSince());
        int earlier = outlet.earlierVersions().size();
        Paragraph summary = new Paragraph(
                earlier == 0
                        ? "Profile history: unchanged since it was added" + since + "."
                        : "Profile history: corrected" + since + "; earlier versions: " + earlier + ".");
        summary.addClassName("reader-note");
        history.add(summary);
        if (earlier > 0) {
            UnorderedList versions = new UnorderedList();
            for (OutletProfile.EarlierVersion v : outlet.earlierVersions()) {
                ListItem item = new ListItem(new Span("Stored on " + day(v.storedAt()) + ": " + v.name()));
                item.setTestId("outlet-earlier-version");
                if (v.publisher() != null) {
                    item.add(new Paragraph("Publisher: " + v.publisher()));
                }
                item.add(new Paragraph(
                        "Ownership and funding: " + (v.ownership() == null ? "Not known" : v.ownership())));
                if (v.description() != null) {
                    item.add(new Paragraph("About: " + v.description()));
                }
                v.facts().forEach(f -> item.add(new Paragraph("Fact: " + f.fact())));
                versions.add(item);
            }
            Details details = new Details("Earlier versions of this profile", versions);
            details.setTestId("outlet-earlier-versions");
            history.add(details);
        }
        return history;
    }

    private static String day(Instant instant) {
        // The library has no time zone of its own; the day of a correction is close enough in UTC.
        return DAY.format(instant.atZone(ZoneOffset.UTC));
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private static Div line(String label, String value) {
        Span name = new Span(label);
        name.addClassName("profile-label");
        Div row = new Div(name, new Paragraph(value));
        row.addClassName("profile-line");
        return row;
    }
}
