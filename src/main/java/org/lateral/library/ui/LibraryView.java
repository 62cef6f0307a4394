package org.lateral.library.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.lateral.base.ui.EmptyState;
import org.lateral.base.ui.ExerciseNames;
import org.lateral.library.LibraryEntry;
import org.lateral.library.LibraryService;
import org.lateral.library.PackService;

/** The school's article library, grouped by story set and searchable by title or outlet. */
@Route("library")
@PageTitle("Library · Lateral")
@Menu(title = "Library", order = 2, icon = "vaadin:book")
@RolesAllowed("TEACHER")
class LibraryView extends VerticalLayout {

    private final LibraryService library;
    private final Div results = new Div();

    LibraryView(LibraryService library, PackService packs) {
        this.library = library;
        addClassName("page");
        add(new H2("Library"));
        add(new Paragraph("Articles your students can work on, grouped by the story they tell. "
                + "Open one to read it as students will and to check its answer key."));

        TextField search = new TextField();
        search.setPlaceholder("Search by headline or outlet");
        search.setAriaLabel("Search the library");
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(200);
        search.setWidth("24rem");
        search.setTestId("library-search");
        search.addValueChangeListener(e -> show(e.getValue()));
        results.setWidthFull();
        results.setTestId("library-results");
        Anchor addArticle = LibraryNavigation.importArticle().anchor("Add an article");
        addArticle.getElement().setAttribute("router-link", true);
        addArticle.addClassName("import-link");
        addArticle.setTestId("import-paste");
        add(addArticle, search, results, new PackPanel(packs));
        show("");
    }

    private void show(String term) {
        results.removeAll();
        List<LibraryEntry> entries = library.articles(term);
        if (entries.isEmpty()) {
            results.add(
                    term.isBlank()
                            ? new EmptyState(
                                    "library-empty",
                                    "Your school's library has no articles yet.",
                                    "Articles you add, with their outlets and answer keys, are listed here.")
                            : new EmptyState(
                                    "library-no-match",
                                    "No article's headline or outlet contains \u201c" + term.strip() + "\u201d."));
            return;
        }
        Map<String, List<LibraryEntry>> bySet = new LinkedHashMap<>();
        for (LibraryEntry e : entries) {
            bySet.computeIfAbsent(
                            Objects.requireNonNullElse(e.storySetTitle(), "Other articles"), k -> new ArrayList<>())
                    .add(e);
        }
        bySet.forEach((title, list) -> results.add(storySet(title, list)));
    }

    private static Div storySet(String title, List<LibraryEntry> entries) {
        Div group = new Div();
        group.addClassName("story-set");
        group.setTestId("story-set");
        H3 heading = new H3(title);
        group.add(heading);
        LibraryEntry first = entries.getFirst();
        group.add(CareNotes.forStorySet(
                first.maturityNote(), first.ageBand(), first.analysisNote(), first.supportNote()));
        Div list = new Div();
        list.addClassName("article-list");
        for (LibraryEntry e : entries) {
            list.add(articleRow(e));
        }
        group.add(list);
        return group;
    }

    /**
     * Which lesson steps the article can be assigned for: "Mark the claims" needs a key, "Who says
     * so?" a key that names the article's sources, because that step is scored against them.
     */
    private static Span exercises(LibraryEntry e) {
        String claims = ExerciseNames.name("mark-claims");
        String sources = ExerciseNames.name("identify-sources") + " (identify sources)";
        // Its story set's comparison key covers it: it can be a column of a compare step.
        String compare =
                e.comparable() ? " \u00b7 " + ExerciseNames.name("compare-outlets") + " (with its story set)" : "";
        String text;
        if (e.keyStatus() == LibraryEntry.KeyStatus.NONE) {
            // It can still be assigned; students' marks are saved but nothing is scored.
            text = "Exercises: " + claims + ", not scored until it has a key" + compare;
        } else if (e.keyNamesSources()) {
            text = "Exercises: " + claims + " \u00b7 " + sources + compare;
        } else {
            text = "Exercises: " + claims + (compare.isEmpty() ? " only" : compare) + ". Its key names no sources, so "
                    + "it cannot be used for \u201c" + ExerciseNames.name("identify-sources") + "\u201d.";
        }
        Span marker = new Span(text);
        marker.addClassName("library-exercises");
        marker.setTestId("library-exercises");
        return marker;
    }

    private static Div articleRow(LibraryEntry e) {
        Div row = new Div();
        row.addClassName("article-row");
        row.setTestId("library-article");
        Anchor headline = LibraryNavigation.reader(e.articleId()).anchor(e.title());
        headline.addClassName("article-headline");
        headline.setTestId("article-link");
        headline.getElement().setAttribute("router-link", true);
        Anchor outlet = LibraryNavigation.outlet(e.outletId()).anchor(e.outletName());
        outlet.setTestId("outlet-link");
        outlet.getElement().setAttribute("router-link", true);
        Span meta = new Span(
                new Span(outlet),
                new Span(" · " + e.outletKind().label() + " · " + e.published().display()));
        meta.addClassName("article-meta");
        Span status = new Span(e.keyStatus().label());
        status.addClassNames("status-pill", "key-" + e.keyStatus().name().toLowerCase(Locale.ROOT));
        status.setTestId("key-status");
        row.add(headline, meta, status, exercises(e));
        if (e.maturityNote() != null) {
            Span flag = new Span("Maturity note");
            flag.addClassNames("status-pill", "maturity-flag");
            flag.getElement().setAttribute("title", e.maturityNote());
            row.add(flag);
        }
        if (e.contentNote() != null) {
            Div note = CareNotes.forArticle(e.contentNote());
            note.addClassName("article-content-note");
            row.add(note);
        }
        return row;
    }
}
