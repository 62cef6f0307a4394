package org.lateral.library.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lateral.base.highlighter.ClaimHighlighter;
import org.lateral.base.highlighter.HighlighterClaimType;
import org.lateral.base.ui.ExternalLink;
import org.lateral.base.ui.RouteIds;
import org.lateral.base.ui.ScrollRegions;
import org.lateral.library.ArticleReading;
import org.lateral.library.ClaimType;
import org.lateral.library.KeyOverlay;
import org.lateral.library.LibraryService;
import org.lateral.library.importing.ArticleImportService;

/**
 * The teacher's reader: the article exactly as students will see it (the highlighter, read-only),
 * its outlet beside it, and a switch that lays the answer key over the text. Claim types are
 * shown by label and underline style as well as colour.
 */
@Route("library/article")
@RolesAllowed("TEACHER")
class ReaderView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final LibraryService library;
    private final ArticleImportService imports;
    private String title = "";

    ReaderView(LibraryService library, ArticleImportService imports) {
        this.library = library;
        this.imports = imports;
        addClassNames("page", "reader");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", title.isEmpty() ? getTranslation("library.reader.title") : title);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        UUID id = RouteIds.parse(parameter);
        ArticleReading article = library.reading(id).orElseThrow(NotFoundException::new);
        title = article.title();
        removeAll();
        render(article);
    }

    private void render(ArticleReading article) {
        Anchor back = LibraryNavigation.library().anchor(getTranslation("library.reader.back"));
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");

        Div meta = new Div();
        meta.addClassName("reader-meta");
        meta.setTestId("article-meta");
        Anchor outlet = LibraryNavigation.outlet(article.outlet().id())
                .anchor(article.outlet().name());
        outlet.getElement().setAttribute("router-link", true);
        meta.add(
                outlet,
                new Span(" · "
                        + (article.byline() == null
                                ? getTranslation("library.reader.noAuthor")
                                : getTranslation("library.reader.byline", article.byline()))
                        + " · " + article.published().display(getLocale())));
        if (article.published().note() != null) {
            Paragraph note = new Paragraph(getTranslation(
                    "library.reader.dateNote", article.published().note()));
            note.addClassName("reader-note");
            meta.add(note);
        }
        if (article.originalUrl() == null) {
            Paragraph url = new Paragraph(getTranslation("library.reader.address.unknown"));
            url.addClassName("reader-note");
            meta.add(url);
        } else {
            // The address as found (e.g. in an archive capture), with where it was found: the page
            // may have changed or gone since; students read the stored copy either way.
            Anchor link = ExternalLink.to(article.originalUrl(), article.originalUrl());
            link.setTestId("original-url");
            Paragraph url = new Paragraph(new Span(getTranslation("library.reader.address")), link);
            if (article.originalUrlSource() != null) {
                url.add(new Span(getTranslation("library.reader.address.source", article.originalUrlSource())));
            }
            url.addClassName("reader-note");
            url.setTestId("original-address");
            meta.add(url);
        }

        Div column = new Div(meta);
        column.addClassName("reader-text");
        // Only the teacher who imported it may correct it; packs and colleagues' articles are read-only.
        if (imports.mayEdit(article.articleId())) {
            Button edit = new Button(
                    getTranslation("library.reader.edit"),
                    e -> getUI().ifPresent(ui ->
                            LibraryNavigation.editArticle(article.articleId()).navigate(ui)));
            edit.setTestId("article-edit");
            column.add(edit);
        }
        column.add(CareNotes.forStorySet(
                article.maturityNote(), article.ageBand(), article.analysisNote(), article.supportNote()));
        column.add(CareNotes.forArticle(article.contentNote()));

        ClaimHighlighter highlighter = new ClaimHighlighter();
        highlighter.setText(article.canonicalText());
        highlighter.setReadOnly(true);
        highlighter.setOverlayList(true);
        column.add(highlighter);

        if (!article.removedChrome().isEmpty()) {
            UnorderedList removed = new UnorderedList();
            article.removedChrome().forEach(r -> removed.add(new ListItem(r)));
            Details cleaned = new Details(
                    getTranslation(
                            "library.reader.removed", article.removedChrome().size()),
                    removed);
            cleaned.setTestId("removed-chrome");
            column.add(cleaned);
        }

        Div side = new Div(outletCard(article));
        // The key's toggle is a control for the text: before it on a phone, not after the article.
        side.addClassNames("reader-side", "reader-controls-first");
        ScrollRegions.keyboardScrollable(side, getTranslation("library.reader.sideRegion"));
        // Every teacher writes their own key, or copies the pack's or a colleague's (DD021).
        Anchor editKey =
                LibraryNavigation.keyEditor(article.articleId()).anchor(getTranslation("library.reader.editKey"));
        editKey.getElement().setAttribute("router-link", true);
        editKey.addClassName("button-link");
        editKey.setTestId("key-edit");
        side.add(editKey);
        if (article.storySetId() != null) {
            // The story set's comparison key, what the compare-outlets step is scored against.
            Anchor editComparison = LibraryNavigation.comparisonKeyEditor(article.storySetId())
                    .anchor(getTranslation("library.reader.editComparison", article.storySetTitle()));
            editComparison.getElement().setAttribute("router-link", true);
            editComparison.addClassName("button-link");
            editComparison.setTestId("comparison-key-edit");
            side.add(editComparison);
        }
        Div keyPanel = new Div();
        keyPanel.setTestId("key-panel");
        keyPanel.setVisible(false);
        if (article.keyOverlay().isPresent()) {
            KeyOverlay key = article.keyOverlay().get();
            Checkbox toggle = new Checkbox(getTranslation("library.reader.keyToggle"));
            toggle.setTestId("key-toggle");
            keyPanel.add(keyDetails(key));
            toggle.addValueChangeListener(e -> {
                highlighter.setOverlays(e.getValue() ? overlays(key, k -> getTranslation(k)) : List.of());
                keyPanel.setVisible(e.getValue());
            });
            side.add(toggle, keyPanel);
        } else {
            Paragraph none = new Paragraph(getTranslation("library.reader.noKey"));
            none.setTestId("no-key");
            side.add(none);
        }
        Div layout = new Div(column, side);
        layout.addClassName("reader-layout");
        // The way back stays first on a phone too, where the side panel moves above the text.
        add(back, layout);
    }

    private Component outletCard(ArticleReading article) {
        var o = article.outlet();
        Div card = new Div();
        card.addClassNames("card", "outlet-card");
        card.setTestId("outlet-card");
        Anchor name = LibraryNavigation.outlet(o.id()).anchor(o.name());
        name.getElement().setAttribute("router-link", true);
        card.add(
                new H3(name),
                new Paragraph(getTranslation(o.kind().labelKey()) + (o.country() == null ? "" : " · " + o.country())));
        if (o.publisher() != null) {
            card.add(new Paragraph(getTranslation("library.reader.outlet.publisher", o.publisher())));
        }
        if (o.ownership() != null) {
            card.add(new Paragraph(getTranslation("library.reader.outlet.ownership", o.ownership())));
        }
        if (o.ownershipSource() != null) {
            Paragraph source = new Paragraph(getTranslation("library.reader.outlet.source", o.ownershipSource()));
            source.addClassName("reader-note");
            card.add(source);
        }
        if (o.description() != null) {
            card.add(new Paragraph(o.description()));
        }
        return card;
    }

    /** The key drawn over the text, its labels worded by {@code words} (a key's text in the page's language). */
    static List<ClaimHighlighter.Overlay> overlays(KeyOverlay key, Function<String, String> words) {
        List<ClaimHighlighter.Overlay> overlays = new ArrayList<>();
        for (KeyOverlay.Claim c : key.claims()) {
            overlays.add(ClaimHighlighter.Overlay.claim(
                    c.id(),
                    c.start(),
                    c.end(),
                    HighlighterClaimType.of(primaryType(c).code()),
                    c.id() + " · " + typeLabels(c, words)));
        }
        for (KeyOverlay.Source s : key.sources()) {
            int n = 0;
            for (KeyOverlay.Attribution a : s.attributions()) {
                overlays.add(ClaimHighlighter.Overlay.source(
                        s.id() + "-" + n++,
                        a.start(),
                        a.end(),
                        s.id() + " · " + words.apply("library.reader.key.legendSource")));
            }
        }
        return overlays;
    }

    /** The type a mark is drawn in; the label lists every accepted type. */
    static ClaimType primaryType(KeyOverlay.Claim claim) {
        return claim.types().stream().sorted().findFirst().orElseThrow();
    }

    private static String typeLabels(KeyOverlay.Claim claim, Function<String, String> words) {
        return claim.types().stream()
                .sorted()
                .map(t -> words.apply(t.labelKey()))
                .collect(Collectors.joining(" / "));
    }

    private Component keyDetails(KeyOverlay key) {
        Div panel = new Div();
        panel.addClassName("key-details");
        Map<String, KeyOverlay.Source> sources =
                key.sources().stream().collect(Collectors.toMap(KeyOverlay.Source::id, Function.identity()));

        // The legend uses the highlighter's own mark styles: colour and underline pattern per type.
        Div legend = new Div();
        legend.addClassNames("key-legend", "ch-legend");
        legend.setTestId("key-legend");
        for (ClaimType type : ClaimType.values()) {
            Element sample = new Element("mark");
            sample.setText(getTranslation(type.labelKey()));
            sample.setAttribute("class", "ch-mark legend-sample");
            sample.setAttribute("data-claim-type", type.code());
            sample.setAttribute("title", getTranslation(type.descriptionKey()));
            legend.getElement().appendChild(sample);
        }
        Element sourceSample = new Element("mark");
        sourceSample.setText(getTranslation("library.reader.key.legendSource"));
        sourceSample.setAttribute("class", "ch-source legend-sample");
        legend.getElement().appendChild(sourceSample);
        panel.add(
                new H4(getTranslation(
                        "library.reader.key.heading",
                        switch (key.status()) {
                            case "complete" -> getTranslation("library.reader.key.complete");
                            case "draft" -> getTranslation("library.reader.key.draft");
                            default -> key.status();
                        },
                        key.claims().size(),
                        key.sources().size())),
                legend);

        if (!key.notes().isBlank()) {
            Details notes = new Details(getTranslation("library.reader.key.notes"), new Paragraph(key.notes()));
            notes.addClassName("teaching-notes");
            notes.setTestId("teaching-notes");
            panel.add(notes);
        }

        UnorderedList claims = new UnorderedList();
        claims.addClassName("key-claims");
        claims.setTestId("key-claims");
        for (KeyOverlay.Claim c : key.claims()) {
            ListItem item = new ListItem();
            item.setTestId("key-claim");
            item.getElement().setAttribute("data-claim-id", c.id());
            Span head = new Span(getTranslation(
                    "library.reader.key.claimHead", c.id(), typeLabels(c, k -> getTranslation(k)), c.worthiness()));
            head.addClassName("key-claim-head");
            Paragraph quote = new Paragraph("\u201c" + c.exact() + "\u201d");
            quote.addClassName("key-quote");
            item.add(head, quote, new Paragraph(c.why()));
            if (!c.cues().isEmpty()) {
                item.add(new Paragraph(getTranslation("library.reader.key.cues", String.join(", ", c.cues()))));
            }
            String who = c.sourceIds().isEmpty()
                    ? getTranslation("library.reader.key.whoNobody")
                    : getTranslation(
                            "library.reader.key.who",
                            c.sourceIds().stream()
                                    .map(id -> sources.containsKey(id)
                                            ? sources.get(id).name()
                                            : id)
                                    .collect(Collectors.joining("; ")));
            Paragraph links = new Paragraph(who);
            links.addClassName("key-links");
            item.add(links);
            claims.add(item);
        }
        panel.add(new H4(getTranslation("library.reader.key.claims")), claims);

        UnorderedList sourceList = new UnorderedList();
        sourceList.addClassName("key-sources");
        sourceList.setTestId("key-sources");
        for (KeyOverlay.Source s : key.sources()) {
            ListItem item = new ListItem();
            item.setTestId("key-source");
            String origin = s.primary()
                    ? getTranslation("library.reader.key.primary")
                    : getTranslation("library.reader.key.secondary", s.relayedFrom());
            String kinds = getTranslation(s.kind().labelKey())
                    + s.alsoAcceptedKinds().stream()
                            .map(k -> getTranslation("library.reader.key.orKind", getTranslation(k.labelKey())))
                            .collect(Collectors.joining());
            item.add(new Span(s.id() + " · " + s.name()), new Paragraph(kinds + " · " + origin));
            if (s.kindWhy() != null) {
                Paragraph why = new Paragraph(s.kindWhy());
                why.setTestId("key-source-kind-why");
                item.add(why);
            }
            if (!s.aliases().isEmpty()) {
                item.add(new Paragraph(getTranslation("library.reader.key.aliases", String.join(", ", s.aliases()))));
            }
            long backed = key.claims().stream()
                    .filter(c -> c.sourceIds().contains(s.id()))
                    .count();
            item.add(new Paragraph(getTranslation("library.reader.key.backs", backed)));
            sourceList.add(item);
        }
        panel.add(new H4(getTranslation("library.reader.key.sources")), sourceList);
        return panel;
    }
}
