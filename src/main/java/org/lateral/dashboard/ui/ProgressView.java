package org.lateral.dashboard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lateral.base.Coded;
import org.lateral.base.i18n.Formats;
import org.lateral.base.i18n.Labelled;
import org.lateral.base.ui.EmptyState;
import org.lateral.library.ClaimType;
import org.lateral.library.SourceKind;
import org.lateral.submission.StudentProgress;
import org.lateral.submission.StudentWorkService;
import org.lateral.submission.WorkTallies;
import org.lateral.submission.ui.SubmissionNavigation;

/**
 * A student's own progress (DD016, "A student's own progress"): what they got better at by claim
 * type and source kind, first lesson against latest and attempt 1 against attempt 2. Only their
 * own work, and only lessons whose feedback they can read in full now, so it shows nothing of a
 * key earlier than the feedback page and nothing about a classmate.
 */
@Route("progress")
@Menu(title = "base.menu.myProgress", order = 2, icon = "vaadin:line-chart")
@RolesAllowed("STUDENT")
class ProgressView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final StudentWorkService work;

    ProgressView(StudentWorkService work) {
        this.work = work;
        addClassNames("page", "dashboard-print", "progress-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        render(work.progress());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", getTranslation("dashboard.progress.title"));
    }

    private void render(StudentProgress p) {
        removeAll();
        H2 heading = new H2(getTranslation("dashboard.progress.title"));
        heading.setTestId("progress-heading");
        add(heading);
        if (p.empty()) {
            add(new EmptyState(
                    "progress-empty",
                    getTranslation("dashboard.progress.empty.title"),
                    getTranslation("dashboard.progress.empty.text")));
            return;
        }
        Paragraph about = new Paragraph(
                getTranslation("dashboard.progress.about", p.lessons().size()));
        about.addClassName("reader-note");
        about.setTestId("progress-about");
        add(about);
        add(new H3(getTranslation("dashboard.progress.better.heading")));
        add(better(p));
        add(new H3(getTranslation("dashboard.progress.claimTypes.heading")));
        if (p.claimTypes().isEmpty()) {
            add(new Paragraph(getTranslation("dashboard.progress.claimTypes.none")));
        } else {
            add(chart(p.claimTypes()));
            add(changes(
                    "progress-claim-types",
                    getTranslation("dashboard.progress.claimTypes.category"),
                    getTranslation("dashboard.progress.claimTypes.caption"),
                    p.claimTypes()));
        }
        if (!p.sourceKinds().isEmpty()) {
            add(new H3(getTranslation("dashboard.progress.sourceKinds.heading")));
            add(changes(
                    "progress-source-kinds",
                    getTranslation("dashboard.progress.sourceKinds.category"),
                    getTranslation("dashboard.progress.sourceKinds.caption"),
                    p.sourceKinds()));
        }
        add(new H3(getTranslation("dashboard.progress.lessons.heading")));
        add(lessons(p));
    }

    private Div better(StudentProgress p) {
        Div box = new Div();
        box.setTestId("progress-better");
        UnorderedList list = new UnorderedList();
        for (WorkTallies.Change<ClaimType> c : p.claimTypes()) {
            if (c.improved()) {
                list.add(item(getTranslation(
                        "dashboard.progress.better.claims", DashboardText.label(this, c.category()), improvement(c))));
            }
        }
        for (WorkTallies.Change<SourceKind> c : p.sourceKinds()) {
            if (c.improved()) {
                list.add(item(getTranslation(
                        "dashboard.progress.better.sources", DashboardText.label(this, c.category()), improvement(c))));
            }
        }
        if (list.getChildren().findAny().isEmpty()) {
            box.add(new Paragraph(getTranslation("dashboard.progress.better.none")));
        } else {
            box.add(list);
        }
        return box;
    }

    private static ListItem item(String text) {
        ListItem item = new ListItem(text);
        item.getElement().setAttribute("data-testid", "progress-better-item");
        return item;
    }

    private String improvement(WorkTallies.Change<?> c) {
        StringBuilder text = new StringBuilder();
        if (c.latest() != null) {
            text.append(getTranslation("dashboard.progress.better.firstToLatest", tally(c.first()), tally(c.latest())));
        }
        if (c.beforeRevision() != null && c.afterRevision() != null) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(getTranslation(
                    "dashboard.progress.better.revising", tally(c.beforeRevision()), tally(c.afterRevision())));
        }
        return text.append('.').toString();
    }

    /** "2 of 7 found, 1 right". */
    private String tally(WorkTallies.@Nullable Tally<?> t) {
        if (t == null) {
            return "\u2013";
        }
        return getTranslation("dashboard.progress.tally", t.found(), t.total(), t.right());
    }

    private <E extends Enum<E> & Coded & Labelled> NativeTable changes(
            String testId, String category, String caption, List<WorkTallies.Change<E>> changes) {
        NativeTable table = new NativeTable();
        table.addClassName("overview-table");
        table.setTestId(testId);
        table.setCaptionText(caption);
        NativeTableRow head = new NativeTableRow();
        head.add(
                col(category),
                col(getTranslation("dashboard.progress.column.first")),
                col(getTranslation("dashboard.progress.column.latest")),
                col(getTranslation("dashboard.progress.column.before")),
                col(getTranslation("dashboard.progress.column.after")));
        table.getHead().addRows(head);
        for (WorkTallies.Change<E> c : changes) {
            NativeTableRow row = new NativeTableRow();
            row.getElement().setAttribute("data-testid", testId + "-row");
            row.getElement().setAttribute("data-category", c.category().code());
            NativeTableHeaderCell name = new NativeTableHeaderCell(DashboardText.label(this, c.category()));
            name.getElement().setAttribute("scope", "row");
            row.add(
                    name,
                    cell(tally(c.first()) + " (" + c.firstTitle() + ")", "progress-first"),
                    cell(
                            c.latest() == null
                                    ? getTranslation("dashboard.progress.onlyOne")
                                    : tally(c.latest()) + " (" + c.latestTitle() + ")",
                            "progress-latest"),
                    cell(
                            c.beforeRevision() == null
                                    ? getTranslation("dashboard.progress.notRevised")
                                    : tally(c.beforeRevision()),
                            "progress-before"),
                    cell(
                            c.afterRevision() == null
                                    ? getTranslation("dashboard.progress.notRevised")
                                    : tally(c.afterRevision()),
                            "progress-after"));
            table.getBody().addRows(row);
        }
        return table;
    }

    private NativeTable lessons(StudentProgress p) {
        NativeTable table = new NativeTable();
        table.addClassName("overview-table");
        table.setTestId("progress-lessons");
        table.setCaptionText(getTranslation("dashboard.progress.lessons.caption"));
        NativeTableRow head = new NativeTableRow();
        head.add(
                col(getTranslation("dashboard.progress.lessons.assignment")),
                col(getTranslation("dashboard.progress.lessons.due")),
                col(getTranslation("dashboard.progress.lessons.steps")),
                col(getTranslation("dashboard.progress.lessons.score")));
        table.getHead().addRows(head);
        for (StudentProgress.Lesson l : p.lessons()) {
            NativeTableRow row = new NativeTableRow();
            row.getElement().setAttribute("data-testid", "progress-lesson");
            NativeTableHeaderCell name = new NativeTableHeaderCell();
            name.getElement().setAttribute("scope", "row");
            Anchor link = SubmissionNavigation.feedback(l.assignmentId()).anchor(l.title());
            link.getElement().setAttribute("router-link", true);
            link.setTestId("progress-feedback-link");
            name.add(link);
            row.add(
                    name,
                    new NativeTableCell(
                            Formats.day(l.dueAt().atZone(l.timeZone()).toLocalDate(), getLocale())));
            UnorderedList steps = new UnorderedList();
            steps.addClassName("overview-steps");
            for (StudentProgress.Step s : l.steps()) {
                String text = DashboardText.shortExercise(this, s.exercise()) + ": " + score(s.firstScore());
                if (s.revisedScore() != null && s.gain() != null) {
                    text += " \u2192 " + score(s.revisedScore()) + " (" + DashboardText.signed(s.gain(), getLocale())
                            + ")";
                }
                steps.add(new ListItem(text));
            }
            NativeTableCell stepCell = new NativeTableCell(steps);
            stepCell.getElement().setAttribute("data-testid", "progress-steps");
            row.add(stepCell, cell(score(l.score()), "progress-lesson-score"));
            table.getBody().addRows(row);
        }
        return table;
    }

    private String score(@Nullable Double score) {
        return score == null ? getTranslation("dashboard.progress.notScored") : DashboardText.score(score, getLocale());
    }

    static final int WIDTH = 360;
    static final int ROW = 34;
    static final int LABEL = 100;

    /**
     * Share of each type's key claims found, first assignment (outlined bar) against latest
     * (filled bar): two shapes, not two colours, with the numbers written beside each bar. The
     * wrapper's label says the same in words, and the table below holds every number.
     */
    private Div chart(List<WorkTallies.Change<ClaimType>> changes) {
        StringBuilder sentence = new StringBuilder(getTranslation("dashboard.progress.chart.intro"));
        StringBuilder svg = new StringBuilder();
        int height = ROW * changes.size() + 4;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\">");
        int y = 2;
        for (WorkTallies.Change<ClaimType> c : changes) {
            String name = DashboardText.label(this, c.category());
            sentence.append(' ').append(getTranslation("dashboard.progress.chart.first", name, percent(c.first())));
            svg.append("<text x=\"0\" y=\"")
                    .append(y + 18)
                    .append("\" font-size=\"12\" fill=\"currentColor\">")
                    .append(escape(name))
                    .append("</text>");
            bar(svg, y + 2, c.first(), false);
            if (c.latest() != null) {
                sentence.append(getTranslation("dashboard.progress.chart.latest", percent(c.latest())));
                bar(svg, y + 17, c.latest(), true);
            }
            sentence.append('.');
            y += ROW;
        }
        svg.append("</svg>");
        Div drawing = new Div();
        drawing.addClassName("progress-chart");
        drawing.getElement().setAttribute("role", "img");
        drawing.getElement().setAttribute("aria-label", sentence.toString());
        drawing.getElement().setAttribute("data-testid", "progress-chart");
        drawing.getElement().setProperty("innerHTML", svg.toString());
        Paragraph legend = new Paragraph(getTranslation("dashboard.progress.chart.legend"));
        legend.addClassName("reader-note");
        Div box = new Div(drawing, legend);
        box.setTestId("progress-chart-box");
        return box;
    }

    private static void bar(StringBuilder svg, int y, WorkTallies.Tally<?> t, boolean filled) {
        int span = WIDTH - LABEL - 60;
        int w = (int) Math.round(t.foundShare() * span);
        svg.append("<rect class=\"")
                .append(filled ? "latest" : "first")
                .append("\" x=\"")
                .append(LABEL)
                .append("\" y=\"")
                .append(y)
                .append("\" width=\"")
                .append(Math.max(1, w))
                .append("\" height=\"12\" stroke=\"currentColor\" fill=\"currentColor\" fill-opacity=\"")
                .append(filled ? "0.6" : "0")
                .append("\"/>");
        svg.append("<text x=\"")
                .append(LABEL + Math.max(1, w) + 4)
                .append("\" y=\"")
                .append(y + 10)
                .append("\" font-size=\"11\" fill=\"currentColor\">")
                .append(t.found())
                .append('/')
                .append(t.total())
                .append("</text>");
    }

    private String percent(WorkTallies.Tally<?> t) {
        return getTranslation(
                "dashboard.progress.chart.share",
                t.found(),
                t.total(),
                DashboardText.percent(t.foundShare(), getLocale()));
    }

    /** A translated name inside the drawing's markup. */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static NativeTableCell cell(String text, String testId) {
        NativeTableCell cell = new NativeTableCell(text);
        cell.getElement().setAttribute("data-testid", testId);
        return cell;
    }

    private static NativeTableHeaderCell col(String text) {
        NativeTableHeaderCell th = new NativeTableHeaderCell(text);
        th.getElement().setAttribute("scope", "col");
        return th;
    }
}
