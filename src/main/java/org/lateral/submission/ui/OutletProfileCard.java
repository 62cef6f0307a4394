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
        String notKnown = Texts.getTranslation("submission.outlet.notKnown");
        card.add(line(
                Texts.getTranslation("submission.outlet.kind"),
                Texts.getTranslation(outlet.kind().labelKey())));
        card.add(line(
                Texts.getTranslation("submission.outlet.country"),
                outlet.country() == null ? notKnown : outlet.country()));
        if (outlet.publisher() != null) {
            card.add(line(Texts.getTranslation("submission.outlet.publisher"), outlet.publisher()));
            if (outlet.publisherSource() != null) {
                card.add(source(outlet.publisherSource()));
            }
        }
        card.add(line(
                Texts.getTranslation("submission.outlet.ownership"),
                outlet.ownership() == null ? notKnown : outlet.ownership()));
        if (outlet.ownershipSource() != null) {
            card.add(source(outlet.ownershipSource()));
        }
        if (outlet.description() != null) {
            card.add(line(Texts.getTranslation("submission.outlet.about"), outlet.description()));
        }
        if (outlet.homeUrl() != null) {
            card.add(line(Texts.getTranslation("submission.outlet.website"), outlet.homeUrl()));
        }
        if (!outlet.facts().isEmpty()) {
            UnorderedList facts = new UnorderedList();
            facts.setTestId("outlet-facts");
            for (OutletProfile.Fact f : outlet.facts()) {
                ListItem item = new ListItem(new Paragraph(f.fact()), source(f.source()));
                item.addClassName("outlet-fact");
                if (f.response() != null) {
                    item.add(new Paragraph(Texts.getTranslation("submission.outlet.response", f.response())));
                    if (f.responseSource() != null) {
                        item.add(source(f.responseSource()));
                    }
                }
                facts.add(item);
            }
            Span label = new Span(Texts.getTranslation("submission.outlet.facts"));
            label.addClassName("profile-label");
            card.add(new Div(label, facts));
        }
        return card;
    }

    private static Paragraph source(String source) {
        Paragraph p = new Paragraph(Texts.getTranslation("submission.outlet.source", source));
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
