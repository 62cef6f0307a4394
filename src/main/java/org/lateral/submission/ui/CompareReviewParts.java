package org.lateral.submission.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lateral.library.LibraryPins;
import org.lateral.submission.CompareReview;
import org.lateral.submission.CompareWork;
import org.lateral.submission.TeacherReview;
import org.lateral.submission.scoring.CompareScoring;
import org.lateral.submission.scoring.CompareScoring.Verdict;

/**
 * The teacher's page of a compare-outlets attempt (DD015), read-only: per article the grid's
 * answers beside the key, the picked hedges and loaded words, the matrix cell by cell, the
 * lateral-reading notes (their addresses as plain text, never links: Lateral does not send a
 * teacher to a page a student typed), the judgement and the rubric to grade it by. The actions
 * come in as callbacks, so this stays a drawing of {@link CompareReview}.
 */
final class CompareReviewParts {

    private CompareReviewParts() {}

    /** What the teacher can do from the page; each re-scores and reloads it. */
    interface Actions {
        void acceptFraming(UUID articleId, CompareScoring.Framing framing);

        void acceptReporting(UUID articleId, CompareScoring.Reporting reporting);

        void acceptCarriage(String claimId, UUID articleId, CompareScoring.Carriage carriage);

        void grade(int level);
    }

    static Component work(TeacherReview.Compare compare, boolean submitted, Actions actions) {
        Div all = new Div();
        all.setTestId("compare-review");
        CompareReview review = compare.review();
        for (CompareReview.ArticleReview article : review.articles()) {
            all.add(article(article, compare.work(), submitted, actions));
        }
        all.add(matrix(review, submitted, actions), notes(compare), judgement(compare.work()));
        return all;
    }

    private static Component article(
            CompareReview.ArticleReview a, CompareWork work, boolean submitted, Actions actions) {
        Div card = new Div();
        card.addClassName("card");
        card.getElement().setAttribute("data-testid", "compare-article");
        card.getElement().setAttribute("data-article-id", a.column().articleId().toString());
        card.add(new H3(a.column().outlet() + ": " + a.column().title()));
        Paragraph score = new Paragraph("Grid score for this article: " + percent(a.score()));
        score.addClassName("reader-meta");
        card.add(score);
        UnorderedList items = new UnorderedList();
        ListItem framing = item("Headline framing", a.framing());
        if (submitted && a.framing().verdict() == Verdict.WRONG && a.framing().given() != null) {
            CompareScoring.Framing given =
                    CompareScoring.Framing.valueOf(a.framing().given().toUpperCase(Locale.ROOT));
            Button accept = new Button(
                    "Accept \u201c" + a.framing().given() + "\u201d for this article",
                    e -> actions.acceptFraming(a.column().articleId(), given));
            accept.addThemeVariants(ButtonVariant.TERTIARY);
            accept.setTestId("accept-compare-framing");
            framing.add(accept);
        }
        items.add(framing);
        items.add(count("Named sources", a.named()));
        items.add(count("Anonymous sources", a.anonymous()));
        ListItem reporting = item("Reporting", a.reporting());
        if (submitted
                && a.reporting().verdict() == Verdict.WRONG
                && a.reporting().given() != null) {
            CompareScoring.Reporting given =
                    CompareScoring.Reporting.valueOf(a.reporting().given().toUpperCase(Locale.ROOT));
            Button accept = new Button(
                    "Accept \u201c" + a.reporting().given() + "\u201d for this article",
                    e -> actions.acceptReporting(a.column().articleId(), given));
            accept.addThemeVariants(ButtonVariant.TERTIARY);
            accept.setTestId("accept-compare-reporting");
            reporting.add(accept);
        }
        items.add(reporting);
        items.add(relays(a.relayedFrom()));
        card.add(items);
        card.add(spans("Hedges", "hedges", a.hedges()), spans("Loaded words", "loaded", a.loadedWords()));
        CompareWork.Grid grid = work.grids().get(a.column().articleId());
        if (grid != null) {
            card.add(
                    freeText(
                            "What it includes that the others leave out",
                            grid.grid().includes()),
                    freeText(
                            "What kind of outlet it is, and what that suggests",
                            grid.grid().outletKind()));
        }
        return card;
    }

    private static ListItem item(String label, CompareReview.Choice choice) {
        ListItem item = new ListItem(
                verdict(choice.verdict()),
                new Span(" " + label + ": " + CompareParts.category(choice.given()) + " \u00b7 key: " + choice.key()
                        + (choice.alsoAccepted().isEmpty()
                                ? ""
                                : " (or " + String.join(", ", choice.alsoAccepted()) + ")")));
        item.getElement().setAttribute("data-testid", "compare-item");
        item.getElement().setAttribute("data-verdict", choice.verdict().name().toLowerCase(Locale.ROOT));
        return item;
    }

    private static ListItem count(String label, CompareReview.CountItem count) {
        String key = count.min() == count.max() ? String.valueOf(count.min()) : count.min() + " to " + count.max();
        ListItem item = new ListItem(
                verdict(count.verdict()),
                new Span(" " + label + ": " + (count.given() == null ? "not answered" : count.given()) + " \u00b7 key: "
                        + key + " (\u00b1" + CompareScoring.COUNT_TOLERANCE + " counts)"));
        item.getElement().setAttribute("data-testid", "compare-item");
        item.getElement().setAttribute("data-verdict", count.verdict().name().toLowerCase(Locale.ROOT));
        return item;
    }

    private static ListItem relays(CompareReview.Relays r) {
        String text = " Relays: "
                + (!r.scored()
                        ? "not scored without a reporting category"
                        : "found " + list(r.found()) + " \u00b7 missed " + list(r.missed()) + " \u00b7 not in the key "
                                + list(r.extra()));
        Span pill = new Span(percent(r.f1()));
        pill.addClassName("status-pill");
        ListItem item = new ListItem(pill, new Span(text));
        item.getElement().setAttribute("data-testid", "compare-relays");
        return item;
    }

    private static Component spans(String label, String kind, CompareReview.Spans s) {
        Div box = new Div();
        box.getElement().setAttribute("data-testid", "compare-spans");
        box.getElement().setAttribute("data-kind", kind);
        box.add(new H4(label
                + (s.scored() ? " \u00b7 " + percent(s.f1()) : " \u00b7 not scored (none in the key or picked)")));
        UnorderedList picks = new UnorderedList();
        for (CompareReview.Pick p : s.picks()) {
            ListItem item = new ListItem(
                    "\u201c" + p.exact() + "\u201d \u00b7 " + (p.matched() ? "matches the key" : "not in the key"));
            item.getElement().setAttribute("data-testid", "compare-pick");
            item.getElement().setAttribute("data-matched", String.valueOf(p.matched()));
            picks.add(item);
        }
        if (s.picks().isEmpty()) {
            picks.add(new ListItem("None picked."));
        }
        box.add(picks);
        if (!s.missed().isEmpty()) {
            Paragraph missed = new Paragraph("In the key, not picked: "
                    + s.missed().stream().map(w -> "\u201c" + w + "\u201d").collect(Collectors.joining(", ")));
            missed.addClassName("reader-note");
            box.add(missed);
        }
        return box;
    }

    private static Component freeText(String label, @Nullable String text) {
        Paragraph p = new Paragraph(label + ": " + (text == null || text.isBlank() ? "(not written)" : text));
        p.addClassName("reader-note");
        return p;
    }

    private static Component matrix(CompareReview review, boolean submitted, Actions actions) {
        Div section = new Div();
        section.addClassName("card");
        section.setTestId("compare-matrix");
        section.add(new H3("Claims by outlet"));
        if (review.matrix().isEmpty()) {
            section.add(new Paragraph("The comparison key has no core claims, so there is no matrix to score."));
            return section;
        }
        for (CompareReview.ClaimRow row : review.matrix()) {
            Div claim = new Div(new H4("\u201c" + row.claim() + "\u201d"));
            UnorderedList cells = new UnorderedList();
            for (CompareReview.Cell cell : row.cells()) {
                CompareReview.Choice c = cell.carriage();
                ListItem item = new ListItem(
                        verdict(c.verdict()),
                        new Span(
                                " " + cell.column().outlet() + ": " + CompareParts.carriage(c.given()) + " \u00b7 key: "
                                        + CompareParts.carriage(c.key())
                                        + (c.alsoAccepted().isEmpty()
                                                ? ""
                                                : " (or "
                                                        + c.alsoAccepted().stream()
                                                                .map(CompareParts::carriage)
                                                                .collect(Collectors.joining(", "))
                                                        + ")")));
                item.getElement().setAttribute("data-testid", "compare-cell");
                item.getElement()
                        .setAttribute("data-verdict", c.verdict().name().toLowerCase(Locale.ROOT));
                if (submitted && c.verdict() == Verdict.WRONG && c.given() != null) {
                    CompareScoring.Carriage given =
                            CompareScoring.Carriage.valueOf(c.given().toUpperCase(Locale.ROOT));
                    Button accept = new Button(
                            "Accept \u201c" + CompareParts.carriage(c.given()) + "\u201d here",
                            e -> actions.acceptCarriage(
                                    row.claimId(), cell.column().articleId(), given));
                    accept.addThemeVariants(ButtonVariant.TERTIARY);
                    accept.setTestId("accept-compare-cell");
                    item.add(accept);
                }
                cells.add(item);
            }
            claim.add(cells);
            section.add(claim);
        }
        return section;
    }

    /** The notes with their addresses as text (DD015: shown as text, never as a link target). */
    private static Component notes(TeacherReview.Compare compare) {
        Div section = new Div();
        section.addClassName("card");
        section.setTestId("compare-notes");
        section.add(new H3("Lateral reading"));
        if (compare.work().notes().isEmpty()) {
            section.add(new Paragraph("No notes about the outlets."));
        }
        for (Map.Entry<UUID, String> outlet : compare.outlets().entrySet()) {
            CompareWork.Note note = compare.work().notes().get(outlet.getKey());
            if (note == null || !note.written()) {
                continue;
            }
            Div item = new Div(new H4(outlet.getValue()));
            item.getElement().setAttribute("data-testid", "compare-note");
            if (note.address() != null) {
                Span address = new Span(note.address());
                address.addClassName("note-address");
                address.getElement().setAttribute("data-testid", "compare-note-address");
                item.add(new Paragraph(new Span("Found at: "), address));
            }
            if (note.note() != null) {
                item.add(new Paragraph(note.note()));
            }
            section.add(item);
        }
        return section;
    }

    private static Component judgement(CompareWork work) {
        Div section = new Div();
        section.addClassName("card");
        section.setTestId("compare-judgement");
        section.add(new H3("Judgement"));
        String text = work.judgement() == null ? null : work.judgement().text();
        section.add(new Paragraph(text == null || text.isBlank() ? "(not written)" : text));
        return section;
    }

    /** The rubric as radio buttons with each level's name and descriptor, and "Save grade". */
    static Component gradingPanel(TeacherReview.Compare compare, boolean submitted, ZoneId zone, IntConsumer grade) {
        Div panel = new Div();
        panel.addClassName("card");
        panel.setTestId("grade-judgement");
        panel.add(new H3("Grade the judgement"));
        TeacherReview.JudgementGrade current = compare.grade();
        Paragraph state = new Paragraph(
                current == null
                        ? "Not graded yet: the score is provisional until you grade the judgement."
                        : "Graded level " + current.level() + " of " + current.maxLevel() + " on "
                                + ReviewParts.when(current.gradedAt().atZone(zone))
                                + (current.counts()
                                        ? "."
                                        : ". The student submitted again since, so grade it again to make the score final."));
        state.setTestId("judgement-grade-state");
        panel.add(state);
        if (!submitted) {
            panel.add(new Paragraph("You can grade the judgement once the student submits."));
            return panel;
        }
        List<LibraryPins.RubricLevel> rubric = compare.rubric();
        RadioButtonGroup<Integer> levels = new RadioButtonGroup<>("Rubric level");
        levels.setItems(rubric.stream().map(LibraryPins.RubricLevel::level).toList());
        levels.setRenderer(new ComponentRenderer<>(level -> {
            LibraryPins.RubricLevel r =
                    rubric.stream().filter(x -> x.level() == level).findFirst().orElseThrow();
            Span name = new Span(r.level() + " \u00b7 " + r.name());
            name.addClassName("rubric-name");
            Span descriptor = new Span(r.descriptor());
            descriptor.addClassName("reader-note");
            Div option = new Div(name, descriptor);
            option.setTestId("grade-judgement-" + r.level());
            return option;
        }));
        if (current != null && current.counts()) {
            levels.setValue(current.level());
        }
        Button save = new Button("Save grade", e -> {
            if (levels.getValue() == null) {
                levels.setInvalid(true);
                levels.setErrorMessage("Choose a level first.");
                return;
            }
            grade.accept(levels.getValue());
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setTestId("grade-judgement-save");
        panel.add(levels, save);
        return panel;
    }

    /** "Grid 0.80 · matrix 0.75 · judgement not graded yet". */
    static String parts(org.lateral.submission.ScoreEntry.CompareParts parts) {
        return "Grid " + part(parts.grid()) + " \u00b7 matrix "
                + (parts.matrix() == null ? "not scored" : part(parts.matrix())) + " \u00b7 judgement "
                + (parts.judgement() == null ? "not graded yet" : part(parts.judgement()));
    }

    private static String part(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(double value) {
        return Math.round(value * 100) + "%";
    }

    private static String list(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static Span verdict(Verdict verdict) {
        Span pill = new Span(
                switch (verdict) {
                    case RIGHT -> "right";
                    case WRONG -> "wrong";
                    case NOT_GIVEN -> "not answered";
                });
        pill.addClassNames("status-pill", "verdict-" + verdict.name().toLowerCase(Locale.ROOT));
        return pill;
    }
}
