package org.lateral.submission.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.LessonStep;
import org.lateral.assignment.TeacherAssignment;
import org.lateral.assignment.ui.AssignmentNavigation;
import org.lateral.assignment.ui.Dates;
import org.lateral.base.UserFacingException;
import org.lateral.base.ui.EmptyState;
import org.lateral.base.ui.ExerciseNames;
import org.lateral.base.ui.NamedRoute;
import org.lateral.base.ui.RouteIds;
import org.lateral.base.ui.RouteName;
import org.lateral.submission.GradingActions;
import org.lateral.submission.KeyAmendment;
import org.lateral.submission.KeyAmendments;
import org.lateral.submission.KeyPreview;
import org.lateral.submission.Results;
import org.lateral.submission.ResultsService;

/**
 * The teacher's results of one assignment: every student's status and score (both attempts and
 * the gain), the way into each attempt, releasing feedback, what many students marked that the
 * key does not have (one click accepts it and re-scores), and the notice of a newer key version.
 */
@Route("results")
@NamedRoute(RouteName.RESULTS)
@RolesAllowed("TEACHER")
class ResultsView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final ResultsService results;
    private final GradingActions actions;
    private final KeyAmendments keys;
    private final AssignmentService assignments;
    private final org.lateral.submission.ExportService exports;
    private UUID assignmentId;
    private @Nullable String assignmentTitle;

    ResultsView(
            ResultsService results,
            GradingActions actions,
            KeyAmendments keys,
            AssignmentService assignments,
            org.lateral.submission.ExportService exports) {
        this.exports = exports;
        this.results = results;
        this.actions = actions;
        this.keys = keys;
        this.assignments = assignments;
        addClassNames("page", "results-page", "report-print");
    }

    @Override
    public String getPageTitle() {
        return getTranslation(
                "base.pageTitle",
                assignmentTitle == null
                        ? getTranslation("submission.results.title")
                        : getTranslation("submission.results.heading", assignmentTitle));
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        assignmentId = RouteIds.parse(parameter);
        render(results.results(assignmentId).orElseThrow(NotFoundException::new));
    }

    private void reload() {
        results.results(assignmentId).ifPresent(this::render);
    }

    private void render(Results r) {
        TeacherAssignment a = r.assignment();
        assignmentTitle = a.title();
        removeAll();
        Anchor back = AssignmentNavigation.classPage(a.classId()).anchor("\u2190 " + a.className());
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");
        add(back, new H2(getTranslation("submission.results.heading", a.title())));
        // The class is named in words, not only in the back link: a printed report has no links.
        Paragraph meta = new Paragraph(getTranslation(
                a.revisionAllowed() ? "submission.results.metaRevision" : "submission.results.meta",
                a.className(),
                Dates.due(a.dueAt(), a.timeZone(), getLocale()),
                getTranslation(a.feedbackPolicy().labelKey()).toLowerCase(getLocale())));
        meta.addClassName("reader-meta");
        add(meta, new ExportLinks(exports, a.id()));
        if (!r.hasKey()) {
            add(new EmptyState(
                    "results-no-key",
                    getTranslation("submission.results.noKey"),
                    getTranslation("submission.results.noKeyMarks")));
        }
        if (r.newKeyVersion() != null) {
            add(keyNotice(r));
        }
        add(feedbackRelease(r));
        add(studentTable(r));
        if (r.hasKey()) {
            add(alternatives(r));
        }
        if (a.steps().stream().anyMatch(LessonStep::compares)) {
            add(new RubricEditor(assignments.judgementRubric(assignmentId), levels -> {
                try {
                    assignments.editJudgementRubric(assignmentId, levels);
                    Notification.show(
                                    getTranslation("submission.results.rubricSaved"),
                                    4000,
                                    Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.SUCCESS);
                    reload();
                } catch (UserFacingException e) {
                    error(e);
                }
            }));
        }
    }

    private Component keyNotice(Results r) {
        Div notice = new Div();
        notice.addClassNames("maturity-note", "key-version-notice");
        notice.setTestId("key-version-notice");
        Paragraph text = new Paragraph(getTranslation(
                "submission.results.newKey",
                ReviewParts.when(
                        r.newKeyVersion().createdAt().atZone(r.assignment().timeZone()))));
        notice.add(text);
        if (!r.newKeyVersion().changes().isBlank()) {
            notice.add(whatChanged(r.newKeyVersion().changes()));
        }
        if (!r.newKeyVersion().correctedDetails().isEmpty()) {
            notice.add(correctedDetails(r.newKeyVersion().correctedDetails()));
        }
        Button preview = new Button(getTranslation("submission.results.preview"), e -> previewDialog());
        preview.setTestId("preview-key-version");
        notice.add(preview);
        return notice;
    }

    /** The pack's own account of the correction, so a teacher need not compare two keys. */
    static Paragraph whatChanged(String changes) {
        Paragraph p = new Paragraph(Texts.getTranslation("submission.results.whatChanged", changes));
        p.setTestId("key-version-changes");
        return p;
    }

    /** "The article’s details were corrected too: publication date, original address." */
    static Paragraph correctedDetails(List<String> details) {
        Paragraph p = new Paragraph(Texts.getTranslation(
                "submission.results.correctedDetails",
                details.stream().map(ResultsView::detail).collect(Collectors.joining(", "))));
        p.setTestId("key-version-corrected-details");
        return p;
    }

    private void previewDialog() {
        KeyPreview preview;
        try {
            preview = keys.previewKeyVersion(assignmentId);
        } catch (UserFacingException e) {
            error(e);
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("submission.results.move.title"));
        dialog.setWidth("min(40rem, 95vw)");
        Div body = new Div();
        body.setTestId("key-preview");
        if (!preview.whatChanged().isBlank()) {
            body.add(whatChanged(preview.whatChanged()));
        } else if (!preview.notes().isBlank()) {
            // Without an account of the change, the new version's teaching notes are the best guide.
            Paragraph notes = new Paragraph(getTranslation("submission.results.move.notes", preview.notes()));
            notes.addClassName("reader-note");
            body.add(notes);
        }
        if (!preview.correctedDetails().isEmpty()) {
            body.add(correctedDetails(preview.correctedDetails()));
        }
        if (preview.changes().isEmpty()) {
            body.add(new Paragraph(
                    preview.attempts() == 1
                            ? getTranslation("submission.results.move.oneUnchanged")
                            : getTranslation("submission.results.move.noneChanged", preview.attempts())));
        } else {
            body.add(new Paragraph(getTranslation(
                    "submission.results.move.changed", preview.changes().size(), preview.attempts())));
            Div table = new Div();
            table.addClassName("article-list");
            for (KeyPreview.Change c : preview.changes()) {
                Div row = new Div(
                        new Span(Texts.student(c.student())
                                + (c.step().isEmpty() ? "" : " · " + ExerciseNames.name(c.step(), getLocale()))
                                + " · " + getTranslation("submission.results.move.attempt", c.attempt())),
                        new Span(ReviewParts.score(c.before()) + " \u2192 " + ReviewParts.score(c.after()) + " ("
                                + ReviewParts.signed(c.delta()) + ")"
                                + (c.overridden()
                                        ? " · " + getTranslation("submission.results.move.overrideStays")
                                        : "")));
                row.addClassName("article-row");
                row.getElement().setAttribute("data-testid", "key-preview-change");
                table.add(row);
            }
            body.add(table);
        }
        dialog.add(body);
        Button accept = new Button(getTranslation("submission.results.move.accept"), e -> {
            act(
                    () -> keys.acceptKeyVersion(assignmentId, preview.currentVersionId(), preview.newVersionId()),
                    n -> getTranslation("submission.results.move.moved", n));
            dialog.close();
        });
        accept.addThemeVariants(ButtonVariant.PRIMARY);
        accept.setTestId("accept-key-version");
        Button ignore = new Button(getTranslation("submission.results.move.keep"), e -> {
            act(
                    () -> {
                        keys.ignoreKeyVersion(assignmentId, preview.currentVersionId(), preview.newVersionId());
                        return 0;
                    },
                    n -> getTranslation("submission.results.move.kept"));
            dialog.close();
        });
        ignore.setTestId("ignore-key-version");
        Button cancel = new Button(getTranslation("submission.results.move.later"), e -> dialog.close());
        cancel.addThemeVariants(ButtonVariant.TERTIARY);
        dialog.getFooter().add(cancel, ignore, accept);
        dialog.open();
    }

    private Component feedbackRelease(Results r) {
        TeacherAssignment a = r.assignment();
        Div box = new Div();
        box.addClassName("marking-actions");
        if (a.feedbackPolicy() != FeedbackPolicy.WHEN_RELEASED) {
            return box;
        }
        if (a.feedbackReleasedAt() != null) {
            Paragraph released = new Paragraph(getTranslation(
                    "submission.results.released",
                    ReviewParts.when(a.feedbackReleasedAt().atZone(a.timeZone()))));
            released.setTestId("feedback-released");
            box.add(released);
        } else {
            Button release = new Button(getTranslation("submission.results.release"), e -> {
                ConfirmDialog confirm = new ConfirmDialog(
                        getTranslation("submission.results.release.title"),
                        getTranslation("submission.results.release.text"),
                        getTranslation("submission.results.release.confirm"),
                        x -> act(
                                () -> {
                                    actions.releaseFeedback(assignmentId);
                                    return 0;
                                },
                                n -> getTranslation("submission.results.release.done")));
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("submission.common.cancel"));
                confirm.setConfirmButtonTheme("primary");
                confirm.open();
            });
            release.setTestId("release-feedback");
            release.addThemeVariants(ButtonVariant.PRIMARY);
            box.add(new Paragraph(getTranslation("submission.results.release.notYet")), release);
        }
        return box;
    }

    private Component studentTable(Results r) {
        Div section = new Div();
        section.add(new H3(getTranslation("submission.results.students")));
        long submitted =
                r.students().stream().filter(s -> s.status().submitted()).count();
        // A comparison has its own column even alone: its score may be provisional (DD014).
        boolean lesson = r.assignment().steps().size() > 1
                || r.assignment().steps().stream().anyMatch(LessonStep::compares);
        // A lesson of several steps is summed up by its lesson score, not by one step's first try.
        OptionalDouble average = lesson
                ? r.students().stream()
                        .filter(s -> s.lessonScore() != null)
                        .mapToDouble(Results.StudentResult::lessonScore)
                        .average()
                : r.students().stream()
                        .map(s -> s.attempt(1))
                        .filter(x -> x != null && x.score() != null)
                        .mapToDouble(x -> x.score().score())
                        .average();
        Paragraph summary = new Paragraph(
                average.isEmpty()
                        ? getTranslation(
                                "submission.results.summary",
                                submitted,
                                r.students().size())
                        : getTranslation(
                                lesson ? "submission.results.summaryLesson" : "submission.results.summaryAttempt",
                                submitted,
                                r.students().size(),
                                ReviewParts.score(average.getAsDouble())));
        summary.setTestId("results-summary");
        section.add(summary);
        if (r.students().isEmpty()) {
            section.add(new EmptyState(
                    "results-empty",
                    getTranslation("submission.results.empty"),
                    getTranslation("submission.results.emptyHow")));
            return section;
        }
        if (lesson) {
            section.add(lessonWeighting(r.assignment()), studentGrid(r, true));
            if (r.students().stream().anyMatch(Results.StudentResult::lessonProvisional)) {
                Paragraph provisional = new Paragraph(getTranslation("submission.results.provisionalNote"));
                provisional.addClassName("reader-note");
                provisional.setTestId("provisional-note");
                section.add(provisional);
            }
            return section;
        }
        section.add(studentGrid(r, false));
        return section;
    }

    /**
     * The students' rows as a grid that asks the service for the rows it shows, a page at a time
     * (issue 18): a class of a thousand no longer puts a thousand rows of components into the page.
     * Sorted by the student's name, either way, as the roster is; each cell carries the student's
     * username, so a row's cells can be found together.
     */
    private Grid<Results.StudentResult> studentGrid(Results r, boolean lesson) {
        Grid<Results.StudentResult> grid = new Grid<>();
        grid.addClassName("results-grid");
        grid.setTestId("results-table");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        Grid.Column<Results.StudentResult> student = grid.addComponentColumn(
                        s -> tagged(new Span(s.displayName()), s, "result-student"))
                .setHeader(getTranslation("submission.results.column.student"))
                .setKey(STUDENT)
                .setSortable(true)
                .setFlexGrow(2)
                // The name stays in view while the score columns scroll beside it (a phone).
                .setFrozen(true);
        grid.addComponentColumn(s -> tagged(status(s), s, null))
                .setHeader(getTranslation("submission.results.column.status"))
                .setKey("status")
                // As wide as its pill ("Not started"), which a narrow column cut off on a phone.
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(s -> tagged(new Span(number(s.marks())), s, null))
                .setHeader(getTranslation("submission.results.column.marks"))
                .setKey("marks");
        if (lesson) {
            for (LessonStep step : r.assignment().steps()) {
                grid.addComponentColumn(s -> tagged(stepCell(s, step, stepOf(s, step)), s, null))
                        .setHeader(ExerciseNames.shortName(step.exercise(), getLocale()))
                        .setKey("step-" + step.position());
            }
            grid.addComponentColumn(s -> tagged(lessonScoreCell(s), s, null))
                    .setHeader(getTranslation("submission.results.column.lessonScore"))
                    .setKey("lesson-score");
        } else {
            grid.addComponentColumn(s -> tagged(attemptCell(s, 1), s, null))
                    .setHeader(getTranslation("submission.results.column.attempt", 1))
                    .setKey("attempt-1");
            grid.addComponentColumn(s -> tagged(attemptCell(s, 2), s, null))
                    .setHeader(getTranslation("submission.results.column.attempt", 2))
                    .setKey("attempt-2");
            grid.addComponentColumn(s ->
                            tagged(new Span(s.gain() == null ? "" : ReviewParts.signed(s.gain())), s, "result-gain"))
                    .setHeader(getTranslation("submission.results.column.gain"))
                    .setKey("gain");
        }
        fitToWindow(grid);
        int count = r.students().size();
        grid.setItems(
                query -> results
                        .resultPage(
                                assignmentId,
                                query.getOffset(),
                                query.getLimit(),
                                query.getSortOrders().stream()
                                        .anyMatch(o -> o.getSorted().equals(STUDENT)
                                                && o.getDirection() == SortDirection.DESCENDING))
                        .stream(),
                query -> count);
        grid.sort(GridSortOrder.asc(student).build());
        // A class of usual size is shown (and printed) whole; a larger one scrolls inside the grid,
        // which fetches the rows as they come into view.
        if (count <= ALL_ROWS_SHOWN) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("40rem");
        }
        return grid;
    }

    private static final String STUDENT = "student";

    /** Below this window width (a phone) the grid drops the columns a teacher can do without. */
    static final int PHONE_WIDTH = 600;

    /**
     * The columns left out on a phone: the live mark count and the gain (it is the difference of two
     * columns still shown), and in a lesson the status, which the step cells say in their words.
     */
    static boolean shownOnPhone(String columnKey, boolean lesson) {
        return switch (columnKey) {
            case "marks", "gain" -> false;
            case "status" -> !lesson;
            default -> true;
        };
    }

    /** Narrows the grid to the phone's columns under {@link #PHONE_WIDTH}, and back when the window widens. */
    private static void fitToWindow(Grid<Results.StudentResult> grid) {
        boolean lesson = grid.getColumnByKey("lesson-score") != null;
        java.util.function.IntConsumer fit = width -> grid.getColumns().stream()
                .filter(c -> c.getKey() != null && !shownOnPhone(c.getKey(), lesson))
                .forEach(c -> c.setVisible(width <= 0 || width >= PHONE_WIDTH));
        grid.addAttachListener(attach -> {
            var page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> fit.accept(details.getWindowInnerWidth()));
            var resize = page.addBrowserWindowResizeListener(e -> fit.accept(e.getWidth()));
            grid.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }

    /** Up to this many students the grid is as tall as its rows. */
    static final int ALL_ROWS_SHOWN = 50;

    private Span status(Results.StudentResult s) {
        Span status = new Span(getTranslation(s.status().labelKey()));
        status.addClassNames(
                "status-pill",
                "status-" + s.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return status;
    }

    /**
     * A cell's content, marked with its row's student (and a test id when given), so a test or a
     * screen reader's user can tie the cells of one row together.
     */
    private static <C extends Component> C tagged(C content, Results.StudentResult s, @Nullable String testId) {
        content.getElement().setAttribute("data-username", s.username());
        if (testId != null && content.getElement().getAttribute("data-testid") == null) {
            content.getElement().setAttribute("data-testid", testId);
        }
        return content;
    }

    private static Results.@Nullable StepResult stepOf(Results.StudentResult s, LessonStep step) {
        return s.steps().stream()
                .filter(x -> x.position() == step.position())
                .findFirst()
                .orElse(null);
    }

    private Component lessonScoreCell(Results.StudentResult s) {
        Span lesson = new Span(s.lessonScore() == null ? "" : ReviewParts.score(s.lessonScore()));
        lesson.getElement().setAttribute("data-testid", "lesson-score");
        if (!s.lessonProvisional()) {
            return lesson;
        }
        Span mark = new Span(" " + getTranslation("submission.results.provisionalMark"));
        mark.getElement().setAttribute("data-testid", "lesson-score-provisional");
        mark.getElement().setAttribute("title", getTranslation("submission.results.provisional"));
        return new Span(lesson, mark);
    }

    /**
     * "Lesson score: the weighted mean of the steps' counted scores (each step's latest scored
     * attempt); Claims counts ×1, Sources ×3." The weights are the teacher's own choice, so the
     * line says them rather than leaving the lesson score to be worked out.
     */
    private Paragraph lessonWeighting(TeacherAssignment a) {
        NumberFormat weight = NumberFormat.getNumberInstance(getLocale());
        weight.setGroupingUsed(false);
        String weights = a.steps().stream()
                .map(step -> ExerciseNames.shortName(step.exercise(), getLocale()) + " \u00d7"
                        + weight.format(step.weight()))
                .collect(Collectors.joining(", "));
        Paragraph p = new Paragraph(getTranslation("submission.results.weighting", weights));
        p.addClassName("reader-note");
        p.setTestId("lesson-weighting");
        return p;
    }

    /**
     * The step's counted score, opening the attempt it comes from; before any score, the latest
     * attempt's state ("in progress", "not scored"), opening that attempt.
     */
    private Component stepCell(Results.StudentResult s, LessonStep step, Results.@Nullable StepResult done) {
        if (done == null || done.attempts().isEmpty()) {
            return new Span("");
        }
        Results.AttemptResult a = done.countedAttempt();
        if (a == null) {
            a = done.attempts().getLast();
        }
        String label = attemptLabel(a);
        boolean provisional = a.score() != null && a.score().provisional();
        Anchor open = SubmissionNavigation.review(a.attemptId())
                .anchor(label
                        + (a.number() > 1 ? " " + getTranslation("submission.results.attemptMark", a.number()) : "")
                        + late(a));
        open.getElement().setAttribute("router-link", true);
        open.getElement().setAttribute("data-testid", "step-score-" + step.exercise());
        open.getElement().setAttribute("data-provisional", String.valueOf(provisional));
        open.getElement()
                .setAttribute(
                        "title",
                        getTranslation(
                                        "submission.results.openStep",
                                        s.displayName(),
                                        ExerciseNames.name(step.exercise(), getLocale()),
                                        a.number())
                                + (provisional ? ". " + getTranslation("submission.results.provisional") : ""));
        if (provisional) {
            Span mark = new Span(" " + getTranslation("submission.results.provisionalMark"));
            mark.getElement().setAttribute("data-testid", "step-score-provisional");
            mark.getElement().setAttribute("title", getTranslation("submission.results.provisional"));
            return new Span(open, mark);
        }
        return open;
    }

    private Component attemptCell(Results.StudentResult s, int number) {
        Results.AttemptResult a = s.attempt(number);
        if (a == null) {
            return new Span("");
        }
        Anchor open = SubmissionNavigation.review(a.attemptId()).anchor(attemptLabel(a) + late(a));
        open.getElement().setAttribute("router-link", true);
        open.getElement().setAttribute("data-testid", "open-attempt-" + number);
        open.getElement()
                .setAttribute("title", getTranslation("submission.results.openAttempt", s.displayName(), number));
        return open;
    }

    /** An attempt's score ("64.5", "64.5*" when the teacher set it), or where it stands before one. */
    private String attemptLabel(Results.AttemptResult a) {
        if (a.submittedAt() == null) {
            return getTranslation("submission.results.inProgress");
        }
        return a.score() == null
                ? getTranslation("submission.results.notScored")
                : ReviewParts.score(a.score().score()) + (a.score().overridden() ? "*" : "");
    }

    private String late(Results.AttemptResult a) {
        return a.late() ? " " + getTranslation("submission.results.late") : "";
    }

    private String number(long n) {
        return NumberFormat.getIntegerInstance(getLocale()).format(n);
    }

    /**
     * An article detail a corrected key version changed, as the library names it in English ("publication
     * date"), in the page's language; a detail this page does not know, as the library wrote it.
     */
    static String detail(String libraryWords) {
        return switch (libraryWords) {
            case "title" -> Texts.getTranslation("submission.results.detail.title");
            case "byline" -> Texts.getTranslation("submission.results.detail.byline");
            case "publication date" -> Texts.getTranslation("submission.results.detail.published");
            case "note on how the date was worked out" ->
                Texts.getTranslation("submission.results.detail.publishedNote");
            case "original address" -> Texts.getTranslation("submission.results.detail.originalUrl");
            default -> libraryWords;
        };
    }

    private Component alternatives(Results r) {
        Div section = new Div();
        section.setTestId("popular-spans");
        section.add(new H3(getTranslation("submission.results.popular.heading")));
        // The spans come from submitted claims work only: before any, there is nothing to sum up, and
        // "every mark matches the key" would claim something about work that does not exist.
        boolean anySubmitted =
                r.students().stream().flatMap(s -> s.attempts().stream()).anyMatch(a -> a.submittedAt() != null);
        if (!anySubmitted) {
            section.add(new EmptyState(
                    "popular-spans-empty",
                    getTranslation("submission.results.popular.nothingSubmitted"),
                    getTranslation("submission.results.popular.nothingSubmittedHow")));
        } else if (r.popularSpans().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("submission.results.popular.none"));
            none.addClassName("reader-note");
            section.add(none);
        } else {
            Paragraph how = new Paragraph(getTranslation("submission.results.popular.how"));
            how.addClassName("reader-note");
            section.add(how);
        }
        Div list = new Div();
        list.addClassName("article-list");
        for (Results.PopularSpan p : r.popularSpans()) {
            Div row = new Div();
            row.addClassName("article-row");
            row.getElement().setAttribute("data-testid", "popular-span");
            Span quote = new Span("\u201c" + p.exact() + "\u201d");
            quote.addClassName("article-headline");
            String students = getTranslation("submission.results.popular.students", p.students());
            Span meta = new Span(
                    p.claimId() == null
                            ? getTranslation("submission.results.popular.overlapsNone", students, Texts.type(p.type()))
                            : getTranslation(
                                    "submission.results.popular.overlaps",
                                    students,
                                    Texts.type(p.type()),
                                    p.claimExact()));
            meta.addClassName("article-meta");
            Button accept = new Button(
                    getTranslation(
                            p.claimId() == null
                                    ? "submission.results.popular.addToKey"
                                    : "submission.results.popular.acceptAlternative"),
                    e -> act(
                            () -> keys.acceptSpan(assignmentId, p.start(), p.end(), p.claimId(), p.type()),
                            n -> getTranslation("submission.results.keyChanged", n)));
            accept.getElement().setAttribute("data-testid", "accept-span");
            row.add(quote, meta, accept);
            list.add(row);
        }
        section.add(list);
        if (!r.popularTypes().isEmpty()) {
            section.add(new H3(getTranslation("submission.results.types.heading")));
            Div types = new Div();
            types.addClassName("article-list");
            for (Results.PopularType p : r.popularTypes()) {
                Div row = new Div();
                row.addClassName("article-row");
                row.getElement().setAttribute("data-testid", "popular-type");
                Span quote = new Span("\u201c" + p.claimExact() + "\u201d");
                quote.addClassName("article-headline");
                Span meta = new Span(getTranslation(
                        "submission.results.types.chose",
                        getTranslation("submission.results.popular.students", p.students()),
                        Texts.type(p.type())));
                meta.addClassName("article-meta");
                Button accept = new Button(
                        getTranslation("submission.results.types.accept", Texts.type(p.type())),
                        e -> act(
                                () -> keys.acceptType(assignmentId, p.claimId(), p.type()),
                                n -> getTranslation("submission.results.keyChanged", n)));
                accept.getElement().setAttribute("data-testid", "accept-type");
                row.add(quote, meta, accept);
                types.add(row);
            }
            section.add(types);
        }
        if (!r.amendments().isEmpty()) {
            section.add(new H3(getTranslation("submission.results.changes.heading")));
            Div changes = new Div();
            changes.addClassName("article-list");
            for (KeyAmendment m : r.amendments()) {
                String what = switch (m.kind()) {
                    case ALTERNATIVE_SPAN -> getTranslation("submission.results.change.span", m.claimId(), m.exact());
                    case ALTERNATIVE_TYPE ->
                        getTranslation("submission.results.change.type", Texts.type(m.type()), m.claimId());
                    case ADDED_CLAIM ->
                        getTranslation("submission.results.change.added", Texts.type(m.type()), m.exact());
                    case SOURCE_KIND ->
                        getTranslation(
                                "submission.results.change.sourceKind",
                                getTranslation(m.sourceKind().labelKey()),
                                m.claimId());
                    case SOURCE_ALIAS ->
                        getTranslation("submission.results.change.sourceAlias", m.claimId(), m.alias());
                    case SOURCE_SPAN -> getTranslation("submission.results.change.sourceSpan", m.claimId(), m.exact());
                    case COMPARE_FRAMING ->
                        getTranslation(
                                "submission.results.change.framing",
                                CompareParts.category(m.category()),
                                r.articleName(m.articleId()));
                    case COMPARE_REPORTING ->
                        getTranslation(
                                "submission.results.change.reporting",
                                CompareParts.category(m.category()),
                                r.articleName(m.articleId()));
                    case COMPARE_CARRIAGE ->
                        getTranslation(
                                "submission.results.change.carriage",
                                CompareParts.carriage(m.category()),
                                r.articleName(m.articleId()),
                                r.claimName(m.claimId()));
                };
                Div row = new Div(
                        new Span(what),
                        new Span(m.createdBy() + " · "
                                + ReviewParts.when(
                                        m.createdAt().atZone(r.assignment().timeZone()))));
                row.addClassName("article-row");
                row.getElement().setAttribute("data-testid", "key-amendment");
                Button withdraw = new Button(
                        getTranslation("submission.results.withdraw"),
                        e -> act(
                                () -> keys.withdrawAmendment(assignmentId, m.id()),
                                n -> getTranslation("submission.results.withdrawn", n)));
                withdraw.addThemeVariants(ButtonVariant.TERTIARY);
                withdraw.getElement().setAttribute("data-testid", "withdraw-amendment");
                row.add(withdraw);
                changes.add(row);
            }
            section.add(changes);
        }
        return section;
    }

    private void act(Supplier<Integer> action, IntFunction<String> done) {
        try {
            int n = action.get();
            Notification.show(done.apply(n), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.SUCCESS);
        } catch (UserFacingException e) {
            error(e);
        }
        reload();
    }

    private static void error(UserFacingException e) {
        Notification.show(e.getLocalizedMessage(), 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.ERROR);
    }
}
