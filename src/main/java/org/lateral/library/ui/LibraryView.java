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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
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
@Menu(title = "base.menu.library", order = 2, icon = "vaadin:book")
@RolesAllowed("TEACHER")
class LibraryView extends VerticalLayout implements HasDynamicTitle {

    private final LibraryService library;
    private final Div results = new Div();

    LibraryView(LibraryService library, PackService packs) {
        this.library = library;
        addClassName("page");
        add(new H2(getTranslation("library.title")));
        add(new Paragraph(getTranslation("library.list.intro")));

        TextField search = new TextField();
        search.setPlaceholder(getTranslation("library.list.search.placeholder"));
        search.setAriaLabel(getTranslation("library.list.search.label"));
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(200);
        search.setWidth("24rem");
        search.setTestId("library-search");
        search.addValueChangeListener(e -> show(e.getValue()));
        results.setWidthFull();
        results.setTestId("library-results");
        Anchor addArticle = LibraryNavigation.importArticle().anchor(getTranslation("library.list.addArticle"));
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
                                    getTranslation("library.list.empty.title"),
                                    getTranslation("library.list.empty.text"))
                            : new EmptyState("library-no-match", getTranslation("library.list.noMatch", term.strip())));
            return;
        }
        Map<String, List<LibraryEntry>> bySet = new LinkedHashMap<>();
        for (LibraryEntry e : entries) {
            bySet.computeIfAbsent(
                            Objects.requireNonNullElse(e.storySetTitle(), getTranslation("library.list.otherArticles")),
                            k -> new ArrayList<>())
                    .add(e);
        }
        bySet.forEach((title, list) -> results.add(storySet(title, list)));
    }

    private Div storySet(String title, List<LibraryEntry> entries) {
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
    private Span exercises(LibraryEntry e) {
        String claims = ExerciseNames.name("mark-claims");
        String sources = ExerciseNames.name("identify-sources");
        // Its story set's comparison key covers it: it can be a column of a compare step.
        String compare = e.comparable()
                ? " \u00b7 " + getTranslation("library.list.exercises.compare", ExerciseNames.name("compare-outlets"))
                : "";
        String text;
        if (e.keyStatus() == LibraryEntry.KeyStatus.NONE) {
            // It can still be assigned; students' marks are saved but nothing is scored.
            text = getTranslation("library.list.exercises.noKey", claims, compare);
        } else if (e.keyNamesSources()) {
            text = getTranslation("library.list.exercises.all", claims, sources, compare);
        } else if (compare.isEmpty()) {
            text = getTranslation("library.list.exercises.claimsOnly", claims, sources);
        } else {
            text = getTranslation("library.list.exercises.noSources", claims, compare, sources);
        }
        Span marker = new Span(text);
        marker.addClassName("library-exercises");
        marker.setTestId("library-exercises");
        return marker;
    }

    private Div articleRow(LibraryEntry e) {
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
                new Span(" · " + getTranslation(e.outletKind().labelKey()) + " · "
                        + e.published().display(getLocale())));
        meta.addClassName("article-meta");
        Span status = new Span(getTranslation(e.keyStatus().labelKey()));
        status.addClassNames("status-pill", "key-" + e.keyStatus().name().toLowerCase(Locale.ROOT));
        status.setTestId("key-status");
        row.add(headline, meta, status, exercises(e));
        if (e.maturityNote() != null) {
            Span flag = new Span(getTranslation("library.list.maturityFlag"));
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

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", getTranslation("library.title"));
    }
}
