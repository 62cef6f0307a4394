package org.lateral.submission.ui;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.lateral.library.LibraryPins;
import org.lateral.library.OutletProfile;
import org.lateral.submission.CompareItems;
import org.lateral.submission.CompareSession;
import org.lateral.submission.CompareWork;
import org.lateral.submission.CompareWorkModel;

/**
 * The student's page of a compare-outlets step (DD015): the articles side by side (tabs on a
 * narrow screen), a grid per article, the claims-by-outlets matrix, a lateral-reading note per
 * outlet and the closing judgement with its rubric.
 *
 * <p>This component only lays the work out: saving belongs to the browser element
 * {@code <lateral-compare-work>} that wraps it, so every field follows DD015's browser protocol
 * ({@code data-item}, {@code data-item-kind}, the ids, {@code data-field}) and its value is the
 * element's {@code value} property. That is why the radio groups, the checkbox group and the cell
 * selects are built as elements rather than as Flow's {@link RadioButtonGroup} and friends, whose
 * client value is an internal key, not the code the server checks ({@code neutral},
 * {@code relay} …). The Flow classes are still named in {@link Uses} so that their web components
 * are in the bundle.
 */
@Uses(RadioButtonGroup.class)
@Uses(CheckboxGroup.class)
class CompareStep extends Div {

    /** How many columns can be pinned side by side; pinning one more unpins the oldest. */
    static final int MAX_PINNED = 2;

    static final Map<String, String> FRAMINGS = ordered(
            "neutral", "submission.compareStep.framing.neutral",
            "hedged", "submission.compareStep.framing.hedged",
            "sensational", "submission.compareStep.framing.sensational",
            "question", "submission.compareStep.framing.question");
    static final Map<String, String> REPORTING = ordered(
            "original", "submission.compareStep.reporting.original",
            "relay", "submission.compareStep.reporting.relay",
            "mixed", "submission.compareStep.reporting.mixed");
    static final Map<String, String> CARRIED = ordered(
            "fact", "submission.compareStep.carried.fact",
            "attributed", "submission.compareStep.carried.attributed",
            "hedged", "submission.compareStep.carried.hedged",
            "absent", "submission.compareStep.carried.absent");
    static final Map<String, String> SPAN_KINDS = ordered(
            "hedge", "submission.compareFeedback.hedges",
            "loaded", "submission.compareFeedback.loaded");

    private final CompareSession compare;
    private final boolean readOnly;
    private final Function<UUID, Optional<OutletProfile>> profiles;
    private final List<Div> columns = new ArrayList<>();
    private final List<Button> pinButtons = new ArrayList<>();
    /** Pinned articles, oldest first. */
    private final List<UUID> pinned = new ArrayList<>();
    /** Outlets whose profile the student may open: at once, or after their note. */
    private final Set<UUID> profileOpen = new LinkedHashSet<>();

    private final Map<UUID, List<Paragraph>> profileHints = new LinkedHashMap<>();

    /**
     * @param compare the step's columns, claims, rubric and saved work
     * @param namedOutlets outlets the articles' texts name, offered as what an article relays
     * @param readOnly a submitted step: everything shown, nothing changes
     * @param profiles an outlet's profile when the student may see it (the service decides)
     */
    CompareStep(
            CompareSession compare,
            List<String> namedOutlets,
            boolean readOnly,
            Function<UUID, Optional<OutletProfile>> profiles) {
        this.compare = compare;
        this.readOnly = readOnly;
        this.profiles = profiles;
        addClassName("compare-step");
        setTestId("compare-step");
        getElement().setAttribute("data-read-only", readOnly);
        for (LibraryPins.ColumnArticle c : compare.columns()) {
            CompareWork.Note note = compare.work().notes().get(c.outletId());
            if (compare.outletProfilesAtOnce() || (note != null && note.written())) {
                profileOpen.add(c.outletId());
            }
        }
        Div message = new Div();
        message.addClassName("compare-message");
        message.getElement().setAttribute("data-compare-message", true);
        message.getElement().setAttribute("role", "alert");
        add(message);
        add(reader(namedOutlets), matrix(), notes(), judgement());
        installTabs();
    }

    /** Lays a compare step out inside a container (the saving element's wrapper, once it exists). */
    static CompareStep into(
            HasComponents container,
            CompareSession compare,
            List<String> namedOutlets,
            boolean readOnly,
            Function<UUID, Optional<OutletProfile>> profiles) {
        CompareStep step = new CompareStep(compare, namedOutlets, readOnly, profiles);
        container.add(step);
        return step;
    }

    /**
     * The saving element reported the note about this outlet saved: its profile may open now. The
     * service still decides when the button is pressed (an emptied note shows nothing).
     */
    void noteSaved(UUID outletId) {
        if (profileOpen.add(outletId)) {
            profileHints.getOrDefault(outletId, List.of()).forEach(h -> h.setText(openHint()));
        }
    }

    /** The pinned articles, oldest first. */
    List<UUID> pinnedArticles() {
        return List.copyOf(pinned);
    }

    // ------------------------------------------------------------------ the reader

    private Div reader(List<String> namedOutlets) {
        Div section = section("compare-reader");
        section.add(new H4(Texts.getTranslation("submission.compareStep.readerHeading")));
        section.add(instruction(Texts.getTranslation(
                readOnly ? "submission.compareStep.readerHowReadOnly" : "submission.compareStep.readerHow")));

        Div tabs = new Div();
        tabs.addClassName("compare-tabs");
        tabs.getElement().setAttribute("role", "tablist");
        tabs.getElement().setAttribute("aria-label", Texts.getTranslation("submission.compareStep.articles"));
        tabs.setTestId("compare-tabs");
        Div row = new Div();
        row.addClassName("compare-columns");
        List<LibraryPins.ColumnArticle> cols = compare.columns();
        for (int i = 0; i < cols.size(); i++) {
            LibraryPins.ColumnArticle article = cols.get(i);
            Element tab = new Element("button");
            tab.setAttribute("type", "button");
            tab.setAttribute("role", "tab");
            tab.setAttribute("id", "compare-tab-" + (i + 1));
            tab.setAttribute("aria-controls", "compare-column-" + (i + 1));
            tab.setAttribute("aria-selected", i == 0 ? "true" : "false");
            tab.setAttribute("tabindex", i == 0 ? "0" : "-1");
            tab.setAttribute("data-column", String.valueOf(i));
            tab.setAttribute("data-testid", "compare-tab");
            tab.setText((i + 1) + ". " + article.outletName());
            tabs.getElement().appendChild(tab);
            row.add(column(i, article, namedOutlets));
        }
        section.add(tabs, row);
        return section;
    }

    private Div column(int index, LibraryPins.ColumnArticle article, List<String> namedOutlets) {
        int n = index + 1;
        String articleId = article.articleId().toString();
        Div column = new Div();
        column.addClassName("compare-column");
        column.setTestId("compare-column");
        column.setId("compare-column-" + n);
        column.getElement().setAttribute("data-article-id", articleId);
        column.getElement().setAttribute("role", "tabpanel");
        column.getElement().setAttribute("aria-labelledby", "compare-tab-" + n);
        // Shown as the only column on a narrow screen; the tab strip moves it in the browser.
        column.getElement().setAttribute("data-shown", index == 0);
        column.getStyle().set("order", String.valueOf(MAX_PINNED + index));
        columns.add(column);

        Div header = new Div();
        header.addClassName("compare-column-header");
        // The name only: what kind of outlet it is belongs to its profile, which opens after the
        // student's own lateral reading (DD015), and is one of the grid's questions.
        Paragraph outlet = new Paragraph(article.outletName());
        outlet.addClassName("compare-outlet");
        outlet.setTestId("column-outlet");
        Paragraph when = new Paragraph(article.published().display(Texts.locale()) + " \u00b7 "
                + (article.byline() == null
                        ? Texts.getTranslation("submission.compareStep.noAuthor")
                        : Texts.getTranslation("submission.compareStep.by", article.byline())));
        when.addClassName("reader-note");
        when.setTestId("column-meta");
        header.add(outlet, when);
        if (article.published().note() != null) {
            // How the date was worked out can be long; it waits behind its summary.
            Paragraph dateNote = new Paragraph(article.published().note());
            dateNote.addClassName("reader-note");
            Details about = new Details(Texts.getTranslation("submission.compareStep.aboutDate"), dateNote);
            about.addClassName("compare-date-note");
            about.setTestId("column-date-note");
            header.add(about);
        }

        Div tools = new Div();
        tools.addClassName("compare-column-tools");
        Button profile =
                new Button(Texts.getTranslation("submission.compareStep.aboutOutlet"), e -> openProfile(article));
        profile.addThemeVariants(ButtonVariant.TERTIARY);
        profile.setTestId("outlet-profile-" + n);
        profile.getElement().setAttribute("data-outlet-id", article.outletId().toString());
        Button pin =
                new Button(Texts.getTranslation("submission.compareStep.pin"), e -> togglePin(article.articleId()));
        pin.addThemeVariants(ButtonVariant.TERTIARY);
        pin.setTestId("pin-column");
        pin.getElement().setAttribute("aria-pressed", "false");
        pin.getElement()
                .setAttribute(
                        "aria-label", Texts.getTranslation("submission.compareStep.pinLabel", article.outletName()));
        pinButtons.add(pin);
        tools.add(profile, pin);
        Paragraph hint = new Paragraph(profileOpen.contains(article.outletId()) ? openHint() : lockedHint(article));
        hint.addClassNames("reader-note", "compare-profile-hint");
        hint.setTestId("outlet-profile-hint");
        profileHints.computeIfAbsent(article.outletId(), k -> new ArrayList<>()).add(hint);
        header.add(tools, hint);
        column.add(header);

        if (!readOnly) {
            column.add(pickToolbar(article));
        }
        column.add(text(article));
        column.add(grid(article, namedOutlets));
        return column;
    }

    private Div pickToolbar(LibraryPins.ColumnArticle article) {
        Div toolbar = new Div();
        toolbar.addClassName("compare-pick-toolbar");
        toolbar.getElement().setAttribute("role", "toolbar");
        toolbar.getElement()
                .setAttribute(
                        "aria-label", Texts.getTranslation("submission.compareStep.pickIn", article.outletName()));
        toolbar.getElement().setAttribute("data-article-id", article.articleId().toString());
        Div pick = new Div();
        pick.addClassName("compare-pick-buttons");
        Div find = new Div();
        find.addClassName("compare-find");
        for (Map.Entry<String, String> kind : SPAN_KINDS.entrySet()) {
            String label = Texts.getTranslation(
                    kind.getKey().equals("hedge")
                            ? "submission.compareStep.pickHedge"
                            : "submission.compareFeedback.loaded");
            Button button = new Button(label);
            button.setTestId("pick-" + kind.getKey());
            button.getElement().setAttribute("data-pick-kind", kind.getKey());
            button.getElement().setAttribute("title", Texts.getTranslation("submission.compareStep.selectFirst"));
            pick.add(button);

            TextField words = new TextField();
            words.setLabel(Texts.getTranslation(
                    kind.getKey().equals("hedge")
                            ? "submission.compareStep.typeHedge"
                            : "submission.compareStep.typeLoaded"));
            words.setMaxLength(200);
            words.setClearButtonVisible(true);
            words.setTestId("find-" + kind.getKey());
            words.getElement().setAttribute("data-find-kind", kind.getKey());
            Button add = new Button(Texts.getTranslation(
                    kind.getKey().equals("hedge")
                            ? "submission.compareStep.findHedge"
                            : "submission.compareStep.findWords"));
            add.setTestId("find-" + kind.getKey() + "-button");
            add.getElement().setAttribute("data-find-button", kind.getKey());
            Div one = new Div(words, add);
            one.addClassName("compare-find-one");
            find.add(one);
        }
        // Typing the words is the way for a keyboard or a phone; it is folded away so the text stays
        // near the top of the column.
        Details typed = new Details(Texts.getTranslation("submission.compareStep.typeInstead"), find);
        typed.addClassName("compare-find-details");
        typed.setTestId("find-words");
        toolbar.add(pick, typed);
        return toolbar;
    }

    /**
     * The article's text as paragraphs, each with the offset of its first character in the
     * canonical text (DD015): split exactly as the highlighter splits (only a blank line separates,
     * a lone newline stays inside its paragraph, empty paragraphs are skipped), so a selection maps
     * to the same offsets the server checks. The first paragraph is the headline.
     */
    static Div text(LibraryPins.ColumnArticle article) {
        Div text = new Div();
        text.addClassName("compare-text");
        text.setTestId("compare-text");
        text.getElement().setAttribute("data-compare-text", true);
        text.getElement().setAttribute("data-article-id", article.articleId().toString());
        text.getElement().setAttribute("tabindex", "0");
        text.getElement()
                .setAttribute(
                        "aria-label", Texts.getTranslation("submission.compareStep.textOf", article.outletName()));
        boolean first = true;
        for (Paragraph p : paragraphs(article.canonicalText())) {
            if (first) {
                p.addClassName("compare-headline");
                p.getElement().setAttribute("role", "heading");
                p.getElement().setAttribute("aria-level", "5");
                first = false;
            }
            text.add(p);
        }
        return text;
    }

    static List<Paragraph> paragraphs(String canonical) {
        List<Paragraph> paragraphs = new ArrayList<>();
        int start = 0;
        while (true) {
            int separator = canonical.indexOf("\n\n", start);
            int end = separator < 0 ? canonical.length() : separator;
            if (end > start) {
                Paragraph p = new Paragraph(canonical.substring(start, end));
                p.getElement().setAttribute("data-start", String.valueOf(start));
                paragraphs.add(p);
            }
            if (separator < 0) {
                return paragraphs;
            }
            start = separator + 2;
        }
    }

    private void togglePin(UUID articleId) {
        if (!pinned.remove(articleId)) {
            pinned.add(articleId);
            if (pinned.size() > MAX_PINNED) {
                pinned.removeFirst();
            }
        }
        List<LibraryPins.ColumnArticle> cols = compare.columns();
        for (int i = 0; i < cols.size(); i++) {
            int at = pinned.indexOf(cols.get(i).articleId());
            Div column = columns.get(i);
            // CSS order, not a DOM move: the browser element keeps its state in the columns.
            column.getStyle().set("order", String.valueOf(at >= 0 ? at : MAX_PINNED + i));
            column.setClassName("compare-column--pinned", at >= 0);
            Button pin = pinButtons.get(i);
            pin.setText(Texts.getTranslation(at >= 0 ? "submission.compareStep.pinned" : "submission.compareStep.pin"));
            pin.getElement().setAttribute("aria-pressed", String.valueOf(at >= 0));
        }
    }

    private void openProfile(LibraryPins.ColumnArticle article) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(article.outletName());
        Optional<OutletProfile> profile = profiles.apply(article.outletId());
        if (profile.isPresent()) {
            profileOpen.add(article.outletId());
            dialog.add(OutletProfileCard.of(profile.get()));
        } else {
            Paragraph locked =
                    new Paragraph(Texts.getTranslation("submission.compareStep.profileLocked", article.outletName()));
            locked.setTestId("outlet-profile-locked");
            dialog.add(locked);
        }
        dialog.getFooter().add(new Button(Texts.getTranslation("submission.compareStep.close"), e -> dialog.close()));
        dialog.setWidth("min(90vw, 40rem)");
        dialog.open();
    }

    private static String lockedHint(LibraryPins.ColumnArticle article) {
        return Texts.getTranslation("submission.compareStep.profileLockedHint");
    }

    private static String openHint() {
        return Texts.getTranslation("submission.compareStep.profileOpenHint");
    }

    // ------------------------------------------------------------------ the grid

    private Div grid(LibraryPins.ColumnArticle article, List<String> namedOutlets) {
        UUID articleId = article.articleId();
        CompareWork.Grid saved = compare.work().grids().get(articleId);
        CompareWorkModel.Grid stored =
                saved == null ? new CompareWorkModel.Grid(null, null, null, null, List.of(), null, null) : saved.grid();
        Div grid = item("grid", CompareItems.gridKey(articleId.toString()));
        grid.addClassName("compare-grid");
        grid.setTestId("compare-grid");
        grid.getElement().setAttribute("data-article-id", articleId.toString());
        grid.add(new H4(Texts.getTranslation("submission.compareStep.yourGrid", article.outletName())));

        grid.getElement()
                .appendChild(radios(
                        "framing",
                        "grid-framing",
                        Texts.getTranslation("submission.compareStep.framingQuestion"),
                        FRAMINGS,
                        stored.framing()));

        IntegerField named = count(
                "namedSources",
                "grid-named",
                Texts.getTranslation("submission.compareFeedback.named"),
                stored.namedSources());
        named.setHelperText(Texts.getTranslation("submission.compareStep.namedHelp"));
        IntegerField anonymous = count(
                "anonymousSources",
                "grid-anonymous",
                Texts.getTranslation("submission.compareFeedback.anonymous"),
                stored.anonymousSources());
        anonymous.setHelperText(Texts.getTranslation("submission.compareStep.anonymousHelp"));
        Div counts = new Div(named, anonymous);
        counts.addClassName("compare-counts");
        grid.add(counts);

        grid.add(spanLists(article));

        Element reporting = radios(
                "reporting",
                "grid-reporting",
                Texts.getTranslation("submission.compareStep.reportingQuestion"),
                REPORTING,
                stored.reporting());
        grid.getElement().appendChild(reporting);

        Element relayed = relayedFrom(article, namedOutlets, stored.relayedFrom());
        Div relayedBox = new Div();
        relayedBox.addClassName("compare-relayed");
        relayedBox.getElement().appendChild(relayed);
        relayedBox.setVisible(relays(stored.reporting()));
        grid.add(relayedBox);
        // The outlets it relays matter only for an article that relays; the value comes to the
        // server with the radio group's value-changed event, so this needs no save of its own.
        reporting.addPropertyChangeListener(
                "value", "value-changed", e -> relayedBox.setVisible(relays(reporting.getProperty("value"))));

        grid.add(textArea(
                "includes",
                "grid-includes",
                Texts.getTranslation("submission.compareStep.includesQuestion"),
                CompareWorkModel.MAX_TEXT,
                stored.includes()));
        grid.add(textArea(
                "outletKind",
                "grid-outlet-kind",
                Texts.getTranslation("submission.compareStep.outletKindQuestion"),
                CompareWorkModel.MAX_TEXT,
                stored.outletKind()));
        return grid;
    }

    private static boolean relays(@Nullable String reporting) {
        return "relay".equals(reporting) || "mixed".equals(reporting);
    }

    /** The hedges and loaded words picked in one article; the browser element keeps the lists. */
    private Div spanLists(LibraryPins.ColumnArticle article) {
        Div lists = new Div();
        lists.addClassName("compare-span-lists");
        for (Map.Entry<String, String> kind : SPAN_KINDS.entrySet()) {
            Div one = new Div();
            one.addClassName("compare-span-list");
            Span label = new Span(Texts.getTranslation(
                    kind.getKey().equals("hedge")
                            ? "submission.compareStep.pickedHedges"
                            : "submission.compareStep.pickedLoaded"));
            label.addClassName("profile-label");
            UnorderedList list = new UnorderedList();
            list.setTestId("span-list-" + kind.getKey());
            list.getElement().setAttribute("data-span-list", true);
            list.getElement()
                    .setAttribute("data-article-id", article.articleId().toString());
            list.getElement().setAttribute("data-kind", kind.getKey());
            list.getElement().setAttribute("aria-live", "polite");
            for (CompareWork.PickedSpan span : compare.work().spans(article.articleId(), kind.getKey())) {
                ListItem item = new ListItem("\u201c" + span.span().exact() + "\u201d");
                item.getElement().setAttribute("data-item", "span:" + span.spanId());
                item.getElement().setAttribute("data-span-id", span.spanId().toString());
                item.getElement()
                        .setAttribute("data-start", String.valueOf(span.span().start()));
                item.getElement()
                        .setAttribute("data-end", String.valueOf(span.span().end()));
                list.add(item);
            }
            // Shown by CSS while the list is empty, so it follows the element's changes.
            Paragraph empty = new Paragraph(Texts.getTranslation(
                    kind.getKey().equals("hedge")
                            ? "submission.compareStep.noHedges"
                            : "submission.compareStep.noLoaded"));
            empty.addClassNames("reader-note", "compare-empty");
            one.add(label, list, empty);
            lists.add(one);
        }
        return lists;
    }

    /**
     * The outlets an article may relay: the other columns' outlets, then the outlets the texts
     * name, then any the student stored that neither lists any more (so a stored answer always
     * shows).
     */
    private Element relayedFrom(LibraryPins.ColumnArticle article, List<String> namedOutlets, List<String> stored) {
        Set<String> names = new LinkedHashSet<>();
        for (LibraryPins.ColumnArticle c : compare.columns()) {
            if (!c.outletId().equals(article.outletId())) {
                names.add(c.outletName());
            }
        }
        for (String name : namedOutlets) {
            if (!name.equalsIgnoreCase(article.outletName())) {
                names.add(name);
            }
        }
        names.addAll(stored);
        Element group = new Element("vaadin-checkbox-group");
        group.setAttribute("data-field", "relayedFrom");
        group.setAttribute("data-testid", "grid-relayed-from");
        group.setProperty("label", Texts.getTranslation("submission.compareStep.relayQuestion"));
        group.setProperty(
                "helperText",
                Texts.getTranslation("submission.compareStep.relayHelp", CompareWorkModel.MAX_RELAYED_FROM));
        group.setAttribute("theme", "vertical");
        for (String name : names) {
            Element box = new Element("vaadin-checkbox");
            box.setAttribute("value", name);
            box.setProperty("label", name);
            if (stored.contains(name)) {
                box.setProperty("checked", true);
            }
            group.appendChild(box);
        }
        group.setPropertyList("value", List.copyOf(stored));
        readOnly(group);
        return group;
    }

    // ------------------------------------------------------------------ the matrix

    private Div matrix() {
        Div section = section("compare-matrix-section");
        section.add(new H4(Texts.getTranslation("submission.compareStep.matrixHeading")));
        section.add(instruction(Texts.getTranslation("submission.compareStep.matrixHow")));
        if (compare.claims().isEmpty()) {
            section.add(instruction(Texts.getTranslation("submission.compareStep.noClaims")));
            return section;
        }
        List<LibraryPins.ColumnArticle> cols = compare.columns();
        Element table = new Element("table");
        table.setAttribute("class", "compare-matrix");
        table.setAttribute("data-testid", "compare-matrix");
        Element caption = new Element("caption");
        caption.setText(Texts.getTranslation("submission.compareStep.matrixCaption"));
        table.appendChild(caption);
        Element head = new Element("thead");
        Element headRow = new Element("tr");
        Element corner = new Element("th");
        corner.setAttribute("scope", "col");
        corner.setText(Texts.getTranslation("submission.compareFeedback.claim"));
        headRow.appendChild(corner);
        for (LibraryPins.ColumnArticle c : cols) {
            Element th = new Element("th");
            th.setAttribute("scope", "col");
            th.setText(c.outletName());
            headRow.appendChild(th);
        }
        head.appendChild(headRow);
        table.appendChild(head);
        Element body = new Element("tbody");
        int number = 0;
        for (CompareSession.CoreClaim claim : compare.claims()) {
            number++;
            Element row = new Element("tr");
            row.setAttribute("data-testid", "matrix-row");
            row.setAttribute("data-claim-id", claim.id());
            Element th = new Element("th");
            th.setAttribute("scope", "row");
            th.setText(number + ". " + claim.claim());
            row.appendChild(th);
            for (int i = 0; i < cols.size(); i++) {
                LibraryPins.ColumnArticle c = cols.get(i);
                row.appendChild(cell(claim, number, c, i + 1));
            }
            body.appendChild(row);
        }
        table.appendChild(body);
        Div wrap = new Div();
        wrap.addClassName("compare-matrix-wrap");
        wrap.getElement().appendChild(table);
        section.add(wrap);
        return section;
    }

    private Element cell(CompareSession.CoreClaim claim, int number, LibraryPins.ColumnArticle article, int n) {
        Element td = new Element("td");
        td.setAttribute(
                "data-item",
                CompareItems.cellKey(claim.id(), article.articleId().toString()));
        td.setAttribute("data-item-kind", "cell");
        td.setAttribute("data-claim-id", claim.id());
        td.setAttribute("data-article-id", article.articleId().toString());
        // On a phone each row is a card; the cell names its outlet there (see the stylesheet).
        td.setAttribute("data-outlet", article.outletName());
        String stored = compare.work()
                .cell(claim.id(), article.articleId())
                .map(CompareWork.Cell::carried)
                .orElse(null);
        Element select = new Element("select");
        select.setAttribute("data-field", "carried");
        select.setAttribute("data-testid", "cell-" + claim.id() + "-" + n);
        select.setAttribute(
                "aria-label", Texts.getTranslation("submission.compareStep.claimIn", number, article.outletName()));
        Element none = new Element("option");
        none.setAttribute("value", "");
        none.setText(Texts.getTranslation("submission.compareStep.notAnswered"));
        select.appendChild(none);
        for (Map.Entry<String, String> choice : CARRIED.entrySet()) {
            Element option = new Element("option");
            option.setAttribute("value", choice.getKey());
            option.setText(Texts.getTranslation(choice.getValue()));
            if (choice.getKey().equals(stored)) {
                option.setAttribute("selected", true);
            }
            select.appendChild(option);
        }
        if (stored == null) {
            none.setAttribute("selected", true);
        }
        if (readOnly) {
            select.setAttribute("disabled", true);
        }
        td.appendChild(select);
        return td;
    }

    // ------------------------------------------------------------------ lateral reading

    private Div notes() {
        Div section = section("compare-notes");
        section.add(new H4(Texts.getTranslation("submission.compareStep.notesHeading")));
        section.add(instruction(Texts.getTranslation("submission.compareStep.notesHow")));
        Set<UUID> seen = new LinkedHashSet<>();
        for (LibraryPins.ColumnArticle c : compare.columns()) {
            if (!seen.add(c.outletId())) {
                continue;
            }
            CompareWork.Note stored = compare.work().notes().get(c.outletId());
            Div note = item("note", CompareItems.noteKey(c.outletId().toString()));
            note.addClassName("compare-note");
            note.setTestId("compare-note");
            note.getElement().setAttribute("data-outlet-id", c.outletId().toString());
            note.add(new H4(c.outletName()));
            TextField address = new TextField(Texts.getTranslation("submission.compareStep.address"));
            address.setPlaceholder("https://\u2026");
            address.setHelperText(Texts.getTranslation("submission.compareStep.addressHelp"));
            address.setMaxLength(CompareWorkModel.MAX_ADDRESS);
            address.setWidthFull();
            address.setTestId("note-address");
            address.getElement().setAttribute("data-field", "address");
            address.setValue(stored == null || stored.address() == null ? "" : stored.address());
            address.setReadOnly(readOnly);
            note.add(address);
            note.add(textArea(
                    "note",
                    "note-text",
                    Texts.getTranslation("submission.compareStep.noteQuestion", c.outletName()),
                    CompareWorkModel.MAX_NOTE,
                    stored == null ? null : stored.note()));
            section.add(note);
        }
        return section;
    }

    // ------------------------------------------------------------------ the judgement

    private Div judgement() {
        Div section = section("compare-judgement-section");
        section.add(new H4(Texts.getTranslation("submission.compareStep.judgement")));
        section.add(instruction(Texts.getTranslation("submission.compareStep.judgementHow")));
        Div item = item("judgement", CompareItems.JUDGEMENT_KEY);
        item.addClassName("compare-judgement");
        CompareWork.Judgement stored = compare.work().judgement();
        item.add(textArea(
                "judgement",
                "judgement",
                Texts.getTranslation("submission.compareStep.judgement"),
                CompareWorkModel.MAX_TEXT,
                stored == null ? null : stored.text()));
        Div rubric = new Div();
        rubric.addClassNames("card", "compare-rubric");
        rubric.setTestId("rubric");
        Span title = new Span(Texts.getTranslation("submission.compareStep.rubric"));
        title.addClassName("profile-label");
        rubric.add(title);
        if (compare.rubric().isEmpty()) {
            rubric.add(new Paragraph(Texts.getTranslation("submission.compareStep.noRubric")));
        } else {
            UnorderedList levels = new UnorderedList();
            for (LibraryPins.RubricLevel level : compare.rubric().stream()
                    .sorted((a, b) -> Integer.compare(b.level(), a.level()))
                    .toList()) {
                Span name = new Span(Texts.getTranslation("submission.compareStep.level", level.level(), level.name()));
                name.addClassName("compare-rubric-level");
                ListItem li = new ListItem(name, new Paragraph(level.descriptor()));
                li.setTestId("rubric-level");
                levels.add(li);
            }
            rubric.add(levels);
        }
        Div beside = new Div(item, rubric);
        beside.addClassName("compare-judgement-layout");
        section.add(beside);
        return section;
    }

    // ------------------------------------------------------------------ parts

    private static Div section(String className) {
        Div section = new Div();
        section.addClassNames("compare-section", className);
        return section;
    }

    private static Paragraph instruction(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("compare-instruction");
        return p;
    }

    private static Div item(String kind, String key) {
        Div item = new Div();
        item.getElement().setAttribute("data-item", key);
        item.getElement().setAttribute("data-item-kind", kind);
        return item;
    }

    private Element radios(
            String field, String testId, String label, Map<String, String> choices, @Nullable String value) {
        Element group = new Element("vaadin-radio-group");
        group.setAttribute("data-field", field);
        group.setAttribute("data-testid", testId);
        group.setProperty("label", label);
        group.setAttribute("theme", "vertical");
        for (Map.Entry<String, String> choice : choices.entrySet()) {
            Element radio = new Element("vaadin-radio-button");
            radio.setAttribute("value", choice.getKey());
            radio.setProperty("label", Texts.getTranslation(choice.getValue()));
            group.appendChild(radio);
        }
        if (value != null) {
            group.setProperty("value", value);
        }
        readOnly(group);
        return group;
    }

    private IntegerField count(String field, String testId, String label, @Nullable Integer value) {
        IntegerField count = new IntegerField(label);
        count.setMin(0);
        count.setMax(CompareWorkModel.MAX_COUNT);
        count.setStepButtonsVisible(!readOnly);
        count.setTestId(testId);
        count.getElement().setAttribute("data-field", field);
        count.setValue(value);
        count.setReadOnly(readOnly);
        return count;
    }

    private TextArea textArea(String field, String testId, String label, int max, @Nullable String value) {
        TextArea area = new TextArea(label);
        area.setMaxLength(max);
        area.setWidthFull();
        area.setTestId(testId);
        area.getElement().setAttribute("data-field", field);
        String text = value == null ? "" : value;
        area.setValue(text);
        area.setHelperText(counter(text.length(), max));
        area.setReadOnly(readOnly);
        if (!readOnly) {
            // The counter follows typing in the browser, without a round trip per key.
            area.getElement()
                    .executeJs(
                            "const f = this, max = $0, pattern = $1;"
                                    + "f.addEventListener('input', () => {"
                                    + " f.helperText = pattern.replace('{0}', (f.value || '').length)"
                                    + ".replace('{1}', max); });",
                            max, Texts.getTranslation("submission.compareStep.counter"));
        }
        return area;
    }

    static String counter(int length, int max) {
        return Texts.getTranslation("submission.compareStep.counter", String.valueOf(length), String.valueOf(max));
    }

    private void readOnly(Element field) {
        if (readOnly) {
            field.setProperty("readonly", true);
            field.setAttribute("readonly", true);
        }
    }

    /**
     * The tab strip of a narrow screen: moving between articles happens in the browser (no round
     * trip), with the arrow keys, Home and End as in any tab list. Wide screens hide the strip and
     * show every column.
     */
    private void installTabs() {
        getElement().executeJs("""
                const root = this;
                const tabs = Array.from(root.querySelectorAll('.compare-tabs [role=tab]'));
                const columns = Array.from(root.querySelectorAll('.compare-columns > .compare-column'));
                const show = (i, focus) => {
                  tabs.forEach((t, j) => {
                    t.setAttribute('aria-selected', String(i === j));
                    t.tabIndex = i === j ? 0 : -1;
                  });
                  columns.forEach((c, j) => c.toggleAttribute('data-shown', i === j));
                  if (focus) tabs[i].focus();
                };
                tabs.forEach((tab, i) => {
                  tab.addEventListener('click', () => show(i, false));
                  tab.addEventListener('keydown', (e) => {
                    const last = tabs.length - 1;
                    const to = e.key === 'ArrowRight' ? (i === last ? 0 : i + 1)
                      : e.key === 'ArrowLeft' ? (i === 0 ? last : i - 1)
                      : e.key === 'Home' ? 0 : e.key === 'End' ? last : -1;
                    if (to >= 0) { e.preventDefault(); show(to, true); }
                  });
                });
                """);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
