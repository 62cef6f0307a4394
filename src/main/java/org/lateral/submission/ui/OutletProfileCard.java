package org.lateral.submission.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.lateral.library.OutletProfile;

/**
 * An outlet's profile as a student comparing its article reads it (DD015): what kind of outlet it
 * is, who publishes, owns and funds it, and the sourced facts with the outlet's responses. The
 * teacher's outlet page shows more (its history, the library's articles); a student needs what
 * helps judge the article. The home address is text, never a link the app sends them to.
 */
final class OutletProfileCard {

    private OutletProfileCard() {}

    static Div of(OutletProfile outlet) {
        Div card = new Div();
        card.addClassNames("card", "outlet-profile");
        card.setTestId("outlet-profile");
        card.add(line("Kind of outlet", outlet.kind().label()));
        card.add(line("Country", outlet.country() == null ? "Not known" : outlet.country()));
        if (outlet.publisher() != null) {
            card.add(line("Publisher", outlet.publisher()));
            if (outlet.publisherSource() != null) {
                card.add(source(outlet.publisherSource()));
            }
        }
        card.add(line("Ownership and funding", outlet.ownership() == null ? "Not known" : outlet.ownership()));
        if (outlet.ownershipSource() != null) {
            card.add(source(outlet.ownershipSource()));
        }
        if (outlet.description() != null) {
            card.add(line("About", outlet.description()));
        }
        if (outlet.homeUrl() != null) {
            card.add(line("Web site", outlet.homeUrl()));
        }
        if (!outlet.facts().isEmpty()) {
            UnorderedList facts = new UnorderedList();
            facts.setTestId("outlet-facts");
            for (OutletProfile.Fact f : outlet.facts()) {
                ListItem item = new ListItem(new Paragraph(f.fact()), source(f.source()));
                item.addClassName("outlet-fact");
                if (f.response() != null) {
                    item.add(new Paragraph("What the outlet says: " + f.response()));
                    if (f.responseSource() != null) {
                        item.add(source(f.responseSource()));
                    }
                }
                facts.add(item);
            }
            Span label = new Span("Facts about this outlet");
            label.addClassName("profile-label");
            card.add(new Div(label, facts));
        }
        return card;
    }

    private static Paragraph source(String source) {
        Paragraph p = new Paragraph("Source: " + source);
        p.addClassName("reader-note");
        return p;
    }

    private static Div line(String label, String value) {
        Span name = new Span(label);
        name.addClassName("profile-label");
        Div row = new Div(name, new Paragraph(value));
        row.addClassName("profile-line");
        return row;
    }
}
