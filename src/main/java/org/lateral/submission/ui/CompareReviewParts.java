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
import java.text.NumberFormat;
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
        Paragraph score = new Paragraph(Texts.getTranslation("submission.compareReview.gridScore", percent(a.score())));
        score.addClassName("reader-meta");
        card.add(score);
        UnorderedList items = new UnorderedList();
        ListItem framing = item(Texts.getTranslation("submission.compareReview.framing"), a.framing());
        if (submitted && a.framing().verdict() == Verdict.WRONG && a.framing().given() != null) {
            CompareScoring.Framing given =
                    CompareScoring.Framing.valueOf(a.framing().given().toUpperCase(Locale.ROOT));
            Button accept = new Button(
                    Texts.getTranslation(
                            "submission.compareReview.acceptForArticle",
                            CompareParts.category(a.framing().given())),
                    e -> actions.acceptFraming(a.column().articleId(), given));
            accept.addThemeVariants(ButtonVariant.TERTIARY);
            accept.setTestId("accept-compare-framing");
            framing.add(accept);
        }
        items.add(framing);
        items.add(count(Texts.getTranslation("submission.compareReview.named"), a.named()));
        items.add(count(Texts.getTranslation("submission.compareReview.anonymous"), a.anonymous()));
        ListItem reporting = item(Texts.getTranslation("submission.compareReview.reporting"), a.reporting());
        if (submitted
                && a.reporting().verdict() == Verdict.WRONG
                && a.reporting().given() != null) {
            CompareScoring.Reporting given =
                    CompareScoring.Reporting.valueOf(a.reporting().given().toUpperCase(Locale.ROOT));
            Button accept = new Button(
                    Texts.getTranslation(
                            "submission.compareReview.acceptForArticle",
                            CompareParts.category(a.reporting().given())),
                    e -> actions.acceptReporting(a.column().articleId(), given));
            accept.addThemeVariants(ButtonVariant.TERTIARY);
            accept.setTestId("accept-compare-reporting");
            reporting.add(accept);
        }
        items.add(reporting);
        items.add(relays(a.relayedFrom()));
        card.add(items);
        card.add(
                spans(Texts.getTranslation("submission.compareReview.hedges"), "hedges", a.hedges()),
                spans(Texts.getTranslation("submission.compareReview.loaded"), "loaded", a.loadedWords()));
        CompareWork.Grid grid = work.grids().get(a.column().articleId());
        if (grid != null) {
            card.add(
                    freeText(
                            Texts.getTranslation("submission.compareReview.includes"),
                            grid.grid().includes()),
                    freeText(
                            Texts.getTranslation("submission.compareReview.outletKind"),
                            grid.grid().outletKind()));
        }
        return card;
    }

    private static ListItem item(String label, CompareReview.Choice choice) {
        ListItem item = new ListItem(
                verdict(choice.verdict()),
                new Span(" "
                        + beside(
                                label,
                                CompareParts.category(choice.given()),
                                CompareParts.category(choice.key()),
                                choice.alsoAccepted().stream()
                                        .map(CompareParts::category)
                                        .toList())));
        item.getElement().setAttribute("data-testid", "compare-item");
        item.getElement().setAttribute("data-verdict", choice.verdict().name().toLowerCase(Locale.ROOT));
        return item;
    }

    private static ListItem count(String label, CompareReview.CountItem count) {
        String key = count.min() == count.max()
                ? number(count.min())
                : Texts.getTranslation("submission.compareReview.range", count.min(), count.max());
        ListItem item = new ListItem(
                verdict(count.verdict()),
                new Span(" "
                        + Texts.getTranslation(
                                "submission.compareReview.count",
                                label,
                                count.given() == null
                                        ? Texts.getTranslation("submission.compareReview.notAnswered")
                                        : number(count.given()),
                                key,
                                CompareScoring.COUNT_TOLERANCE)));
        item.getElement().setAttribute("data-testid", "compare-item");
        item.getElement().setAttribute("data-verdict", count.verdict().name().toLowerCase(Locale.ROOT));
        return item;
    }

    private static ListItem relays(CompareReview.Relays r) {
        String text = " "
                + Texts.getTranslation(
                        "submission.compareReview.relays",
                        !r.scored()
                                ? Texts.getTranslation("submission.compareReview.relaysNotScored")
                                : Texts.getTranslation(
                                        "submission.compareReview.relaysFound",
                                        list(r.found()),
                                        list(r.missed()),
                                        list(r.extra())));
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
        box.add(new H4(
                s.scored()
                        ? label + " \u00b7 " + percent(s.f1())
                        : Texts.getTranslation("submission.compareReview.spansNotScored", label)));
        UnorderedList picks = new UnorderedList();
        for (CompareReview.Pick p : s.picks()) {
            ListItem item = new ListItem(Texts.getTranslation(
                    p.matched() ? "submission.compareReview.pickMatched" : "submission.compareReview.pickNotInKey",
                    p.exact()));
            item.getElement().setAttribute("data-testid", "compare-pick");
            item.getElement().setAttribute("data-matched", String.valueOf(p.matched()));
            picks.add(item);
        }
        if (s.picks().isEmpty()) {
            picks.add(new ListItem(Texts.getTranslation("submission.compareReview.nonePicked")));
        }
        box.add(picks);
        if (!s.missed().isEmpty()) {
            Paragraph missed = new Paragraph(Texts.getTranslation(
                    "submission.compareReview.missed",
                    s.missed().stream().map(w -> "\u201c" + w + "\u201d").collect(Collectors.joining(", "))));
            missed.addClassName("reader-note");
            box.add(missed);
        }
        return box;
    }

    private static Component freeText(String label, @Nullable String text) {
        Paragraph p = new Paragraph(label + ": "
                + (text == null || text.isBlank()
                        ? Texts.getTranslation("submission.compareReview.notWritten")
                        : text));
        p.addClassName("reader-note");
        return p;
    }

    private static Component matrix(CompareReview review, boolean submitted, Actions actions) {
        Div section = new Div();
        section.addClassName("card");
        section.setTestId("compare-matrix");
        section.add(new H3(Texts.getTranslation("submission.compareReview.matrix")));
        if (review.matrix().isEmpty()) {
            section.add(new Paragraph(Texts.getTranslation("submission.compareReview.noMatrix")));
            return section;
        }
        for (CompareReview.ClaimRow row : review.matrix()) {
            Div claim = new Div(new H4("\u201c" + row.claim() + "\u201d"));
            UnorderedList cells = new UnorderedList();
            for (CompareReview.Cell cell : row.cells()) {
                CompareReview.Choice c = cell.carriage();
                ListItem item = new ListItem(
                        verdict(c.verdict()),
                        new Span(" "
                                + beside(
                                        cell.column().outlet(),
                                        CompareParts.carriage(c.given()),
                                        CompareParts.carriage(c.key()),
                                        c.alsoAccepted().stream()
                                                .map(CompareParts::carriage)
                                                .toList())));
                item.getElement().setAttribute("data-testid", "compare-cell");
                item.getElement()
                        .setAttribute("data-verdict", c.verdict().name().toLowerCase(Locale.ROOT));
                if (submitted && c.verdict() == Verdict.WRONG && c.given() != null) {
                    CompareScoring.Carriage given =
                            CompareScoring.Carriage.valueOf(c.given().toUpperCase(Locale.ROOT));
                    Button accept = new Button(
                            Texts.getTranslation(
                                    "submission.compareReview.acceptHere", CompareParts.carriage(c.given())),
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
        section.add(new H3(Texts.getTranslation("submission.compareReview.notes")));
        if (compare.work().notes().isEmpty()) {
            section.add(new Paragraph(Texts.getTranslation("submission.compareReview.noNotes")));
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
                item.add(new Paragraph(
                        new Span(Texts.getTranslation("submission.compareReview.foundAt") + " "), address));
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
        section.add(new H3(Texts.getTranslation("submission.compareReview.judgement")));
        String text = work.judgement() == null ? null : work.judgement().text();
        section.add(new Paragraph(
                text == null || text.isBlank() ? Texts.getTranslation("submission.compareReview.notWritten") : text));
        return section;
    }

    /** The rubric as radio buttons with each level's name and descriptor, and "Save grade". */
    static Component gradingPanel(TeacherReview.Compare compare, boolean submitted, ZoneId zone, IntConsumer grade) {
        Div panel = new Div();
        panel.addClassName("card");
        panel.setTestId("grade-judgement");
        panel.add(new H3(Texts.getTranslation("submission.compareReview.grade")));
        TeacherReview.JudgementGrade current = compare.grade();
        Paragraph state = new Paragraph(
                current == null
                        ? Texts.getTranslation("submission.compareReview.notGraded")
                        : Texts.getTranslation(
                                current.counts()
                                        ? "submission.compareReview.graded"
                                        : "submission.compareReview.gradedStale",
                                current.level(),
                                current.maxLevel(),
                                ReviewParts.when(current.gradedAt().atZone(zone))));
        state.setTestId("judgement-grade-state");
        panel.add(state);
        if (!submitted) {
            panel.add(new Paragraph(Texts.getTranslation("submission.compareReview.gradeAfterSubmit")));
            return panel;
        }
        List<LibraryPins.RubricLevel> rubric = compare.rubric();
        RadioButtonGroup<Integer> levels =
                new RadioButtonGroup<>(Texts.getTranslation("submission.compareReview.rubricLevel"));
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
        Button save = new Button(Texts.getTranslation("submission.compareReview.save"), e -> {
            if (levels.getValue() == null) {
                levels.setInvalid(true);
                levels.setErrorMessage(Texts.getTranslation("submission.compareReview.chooseLevel"));
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
        return Texts.getTranslation(
                "submission.compareReview.parts",
                part(parts.grid()),
                parts.matrix() == null
                        ? Texts.getTranslation("submission.compareReview.partNotScored")
                        : part(parts.matrix()),
                parts.judgement() == null
                        ? Texts.getTranslation("submission.compareReview.partNotGraded")
                        : part(parts.judgement()));
    }

    /** "Headline framing: hedged · key: sensational (or neutral)", the words already in the page's language. */
    private static String beside(String label, String given, String key, List<String> alsoAccepted) {
        return alsoAccepted.isEmpty()
                ? Texts.getTranslation("submission.compareReview.item", label, given, key)
                : Texts.getTranslation(
                        "submission.compareReview.itemAlso", label, given, key, String.join(", ", alsoAccepted));
    }

    /** A part's score with two decimals as the page's language writes it: "0.67", "0,67". */
    private static String part(double value) {
        return String.format(Texts.locale(), "%.2f", value);
    }

    /** "80%", "80 %". */
    private static String percent(double value) {
        return NumberFormat.getPercentInstance(Texts.locale()).format(Math.round(value * 100) / 100.0);
    }

    private static String number(int value) {
        return NumberFormat.getIntegerInstance(Texts.locale()).format(value);
    }

    private static String list(List<String> names) {
        return names.isEmpty() ? Texts.getTranslation("submission.compareReview.none") : String.join(", ", names);
    }

    private static Span verdict(Verdict verdict) {
        Span pill = new Span(
                switch (verdict) {
                    case RIGHT -> Texts.getTranslation("submission.compareReview.verdict.right");
                    case WRONG -> Texts.getTranslation("submission.compareReview.verdict.wrong");
                    case NOT_GIVEN -> Texts.getTranslation("submission.compareReview.notAnswered");
                });
        pill.addClassNames("status-pill", "verdict-" + verdict.name().toLowerCase(Locale.ROOT));
        return pill;
    }
}
