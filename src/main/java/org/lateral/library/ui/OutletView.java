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
import java.util.UUID;
import org.lateral.base.i18n.Formats;
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
    private String title = "";

    OutletView(LibraryService library, OutletEditService edits) {
        this.library = library;
        this.edits = edits;
        addClassName("page");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", title.isEmpty() ? getTranslation("library.outlet.title") : title);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        UUID id = RouteIds.parse(parameter);
        OutletProfile outlet = library.outlet(id).orElseThrow(NotFoundException::new);
        title = outlet.name();
        removeAll();
        Anchor back = LibraryNavigation.library().anchor("\u2190 " + getTranslation("library.title"));
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");
        add(back, new H2(outlet.name()));
        // Only the teacher whose import created the outlet may correct it; packs' and colleagues' are read-only.
        if (edits.mayEdit(outlet.id())) {
            Button edit = new Button(
                    getTranslation("library.outlet.edit"),
                    e -> getUI().ifPresent(ui ->
                            LibraryNavigation.editOutlet(outlet.id()).navigate(ui)));
            edit.setTestId("outlet-edit");
            add(edit);
        }

        Div profile = new Div();
        profile.addClassNames("card", "outlet-profile");
        profile.setTestId("outlet-profile");
        profile.add(line(
                getTranslation("library.outlet.kind"),
                getTranslation(outlet.kind().labelKey())));
        profile.add(line(
                getTranslation("library.outlet.country"),
                outlet.country() == null ? getTranslation("library.outlet.notKnown") : outlet.country()));
        if (outlet.publisher() != null) {
            profile.add(line(getTranslation("library.outlet.publisher"), outlet.publisher()));
            if (outlet.publisherSource() != null) {
                profile.add(line(getTranslation("library.outlet.whereFrom"), outlet.publisherSource()));
            }
        }
        profile.add(line(
                getTranslation("library.outlet.ownership"),
                outlet.ownership() == null ? getTranslation("library.outlet.notKnown") : outlet.ownership()));
        if (outlet.ownershipSource() != null) {
            profile.add(line(getTranslation("library.outlet.whereFrom"), outlet.ownershipSource()));
        }
        if (outlet.description() != null) {
            profile.add(line(getTranslation("library.outlet.about"), outlet.description()));
        }
        profile.add(line(
                getTranslation("library.outlet.website"),
                outlet.homeUrl() == null ? getTranslation("library.outlet.notKnown") : outlet.homeUrl()));
        if (!outlet.facts().isEmpty()) {
            UnorderedList facts = new UnorderedList();
            facts.setTestId("outlet-facts");
            for (OutletProfile.Fact f : outlet.facts()) {
                facts.add(fact(f));
            }
            Span label = new Span(getTranslation("library.outlet.facts"));
            label.addClassName("profile-label");
            profile.add(new Div(label, facts));
        }
        if (outlet.fromPack()) {
            Paragraph pack = new Paragraph(getTranslation("library.outlet.fromPack"));
            pack.addClassName("reader-note");
            profile.add(pack);
        }
        profile.add(history(outlet));
        add(profile);

        add(new H3(getTranslation("library.outlet.articles")));
        UnorderedList articles = new UnorderedList();
        articles.setTestId("outlet-articles");
        for (LibraryEntry e : library.articlesOf(outlet.id())) {
            Anchor link = LibraryNavigation.reader(e.articleId()).anchor(e.title());
            link.getElement().setAttribute("router-link", true);
            articles.add(new ListItem(link));
        }
        add(articles);
    }

    private ListItem fact(OutletProfile.Fact f) {
        ListItem item = new ListItem();
        item.addClassName("outlet-fact");
        item.setTestId("outlet-fact");
        Paragraph source = new Paragraph(getTranslation("library.outlet.source", f.source()));
        source.addClassName("reader-note");
        item.add(new Paragraph(f.fact()), source);
        if (f.response() != null) {
            item.add(new Paragraph(getTranslation("library.outlet.response", f.response())));
            Paragraph responseSource = new Paragraph(getTranslation("library.outlet.source", f.responseSource()));
            responseSource.addClassName("reader-note");
            item.add(responseSource);
        }
        return item;
    }

    /**
     * Profiles are versioned (DD012): say whether this one was corrected, so a teacher who read it
     * before can tell, and show what the earlier versions said.
     */
    private Div history(OutletProfile outlet) {
        Div history = new Div();
        history.setTestId("outlet-history");
        int earlier = outlet.earlierVersions().size();
        String summaryText;
        if (outlet.currentSince() == null) {
            summaryText = earlier == 0
                    ? getTranslation("library.outlet.history.unchanged")
                    : getTranslation("library.outlet.history.corrected", earlier);
        } else {
            String since = day(outlet.currentSince());
            summaryText = earlier == 0
                    ? getTranslation("library.outlet.history.unchangedSince", since)
                    : getTranslation("library.outlet.history.correctedOn", since, earlier);
        }
        Paragraph summary = new Paragraph(summaryText);
        summary.addClassName("reader-note");
        history.add(summary);
        if (earlier > 0) {
            UnorderedList versions = new UnorderedList();
            for (OutletProfile.EarlierVersion v : outlet.earlierVersions()) {
                ListItem item = new ListItem(
                        new Span(getTranslation("library.outlet.history.storedOn", day(v.storedAt()), v.name())));
                item.setTestId("outlet-earlier-version");
                if (v.publisher() != null) {
                    item.add(new Paragraph(getTranslation("library.outlet.history.publisher", v.publisher())));
                }
                item.add(new Paragraph(getTranslation(
                        "library.outlet.history.ownership",
                        v.ownership() == null ? getTranslation("library.outlet.notKnown") : v.ownership())));
                if (v.description() != null) {
                    item.add(new Paragraph(getTranslation("library.outlet.history.about", v.description())));
                }
                v.facts()
                        .forEach(f -> item.add(new Paragraph(getTranslation("library.outlet.history.fact", f.fact()))));
                versions.add(item);
            }
            Details details = new Details(getTranslation("library.outlet.history.earlier"), versions);
            details.setTestId("outlet-earlier-versions");
            history.add(details);
        }
        return history;
    }

    private String day(Instant instant) {
        // The library has no time zone of its own; the day of a correction is close enough in UTC.
        return Formats.day(instant.atZone(ZoneOffset.UTC).toLocalDate(), getLocale());
    }

    private static Div line(String label, String value) {
        Span name = new Span(label);
        name.addClassName("profile-label");
        Div row = new Div(name, new Paragraph(value));
        row.addClassName("profile-line");
        return row;
    }
}
