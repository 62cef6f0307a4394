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
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.lateral.base.ui.EmptyState;
import org.lateral.base.ui.ExerciseNames;
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
@PageTitle("My progress · Lateral")
@Menu(title = "base.menu.myProgress", order = 2, icon = "vaadin:line-chart")
@RolesAllowed("STUDENT")
class ProgressView extends Div implements BeforeEnterObserver {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final StudentWorkService work;

    ProgressView(StudentWorkService work) {
        this.work = work;
        addClassNames("page", "dashboard-print", "progress-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        render(work.progress());
    }

    private void render(StudentProgress p) {
        removeAll();
        H2 heading = new H2("My progress");
        heading.setTestId("progress-heading");
        add(heading);
        if (p.empty()) {
            add(new EmptyState(
                    "progress-empty",
                    "Nothing to show yet.",
                    "Once you have submitted work and your teacher releases feedback, you can see here what you "
                            + "got better at: which kinds of claims and sources you find, and how your revisions "
                            + "helped."));
            return;
        }
        Paragraph about = new Paragraph("Counted: " + p.lessons().size()
                + (p.lessons().size() == 1 ? " assignment" : " assignments")
                + " whose feedback you can read. \u201cFound\u201d means the key's claims or sources you marked; "
                + "\u201cright\u201d means you also gave them a type or kind the key accepts. Only your own work is "
                + "counted here.");
        about.addClassName("reader-note");
        about.setTestId("progress-about");
        add(about);
        add(new H3("What you got better at"));
        add(better(p));
        add(new H3("Claims by type"));
        if (p.claimTypes().isEmpty()) {
            add(new Paragraph("None of these assignments had claims to mark."));
        } else {
            add(chart(p.claimTypes()));
            add(changes(
                    "progress-claim-types",
                    "Claim type",
                    "type",
                    p.claimTypes(),
                    ProgressView::typeName,
                    ClaimType::code));
        }
        if (!p.sourceKinds().isEmpty()) {
            add(new H3("Sources by kind"));
            add(changes(
                    "progress-source-kinds",
                    "Source kind",
                    "kind",
                    p.sourceKinds(),
                    SourceKind::label,
                    SourceKind::code));
        }
        add(new H3("Your assignments"));
        add(lessons(p));
    }

    private static Div better(StudentProgress p) {
        Div box = new Div();
        box.setTestId("progress-better");
        UnorderedList list = new UnorderedList();
        for (WorkTallies.Change<ClaimType> c : p.claimTypes()) {
            if (c.improved()) {
                list.add(item(typeName(c.category()) + " claims: " + improvement(c)));
            }
        }
        for (WorkTallies.Change<SourceKind> c : p.sourceKinds()) {
            if (c.improved()) {
                list.add(item(c.category().label() + " sources: " + improvement(c)));
            }
        }
        if (list.getChildren().findAny().isEmpty()) {
            box.add(new Paragraph("No clear change yet. After a few more assignments, or a revision, this shows where "
                    + "you improved."));
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

    private static String improvement(WorkTallies.Change<?> c) {
        StringBuilder text = new StringBuilder();
        if (c.latest() != null) {
            text.append("from ")
                    .append(tally(c.first()))
                    .append(" in your first assignment to ")
                    .append(tally(c.latest()))
                    .append(" in your latest");
        }
        if (c.beforeRevision() != null && c.afterRevision() != null) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append("revising took you from ")
                    .append(tally(c.beforeRevision()))
                    .append(" to ")
                    .append(tally(c.afterRevision()));
        }
        return text.append('.').toString();
    }

    /** "2 of 7 found, 1 right". */
    static String tally(WorkTallies.@Nullable Tally<?> t) {
        if (t == null) {
            return "\u2013";
        }
        return t.found() + " of " + t.total() + " found, " + t.right() + " right";
    }

    private static <E extends Enum<E>> NativeTable changes(
            String testId,
            String category,
            String noun,
            List<WorkTallies.Change<E>> changes,
            Function<E, String> label,
            Function<E, String> code) {
        NativeTable table = new NativeTable();
        table.addClassName("overview-table");
        table.setTestId(testId);
        table.setCaptionText("Found and right by " + noun + ": your first assignment, your latest, and before and "
                + "after revising");
        NativeTableRow head = new NativeTableRow();
        head.add(
                col(category),
                col("First assignment"),
                col("Latest assignment"),
                col("Before revising"),
                col("After revising"));
        table.getHead().addRows(head);
        for (WorkTallies.Change<E> c : changes) {
            NativeTableRow row = new NativeTableRow();
            row.getElement().setAttribute("data-testid", testId + "-row");
            row.getElement().setAttribute("data-category", code.apply(c.category()));
            NativeTableHeaderCell name = new NativeTableHeaderCell(label.apply(c.category()));
            name.getElement().setAttribute("scope", "row");
            row.add(
                    name,
                    cell(tally(c.first()) + " (" + c.firstTitle() + ")", "progress-first"),
                    cell(
                            c.latest() == null
                                    ? "Only one assignment so far"
                                    : tally(c.latest()) + " (" + c.latestTitle() + ")",
                            "progress-latest"),
                    cell(c.beforeRevision() == null ? "Not revised" : tally(c.beforeRevision()), "progress-before"),
                    cell(c.afterRevision() == null ? "Not revised" : tally(c.afterRevision()), "progress-after"));
            table.getBody().addRows(row);
        }
        return table;
    }

    private static NativeTable lessons(StudentProgress p) {
        NativeTable table = new NativeTable();
        table.addClassName("overview-table");
        table.setTestId("progress-lessons");
        table.setCaptionText("Your scores, oldest due first");
        NativeTableRow head = new NativeTableRow();
        head.add(col("Assignment"), col("Due"), col("Steps: attempt 1 \u2192 attempt 2"), col("Lesson score"));
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
            row.add(name, new NativeTableCell(DAY.format(l.dueAt().atZone(l.timeZone()))));
            UnorderedList steps = new UnorderedList();
            steps.addClassName("overview-steps");
            for (StudentProgress.Step s : l.steps()) {
                String text = ExerciseNames.shortName(s.exercise()) + ": " + score(s.firstScore());
                if (s.revisedScore() != null && s.gain() != null) {
                    text += " \u2192 " + score(s.revisedScore()) + " (" + StudentDrillDownView.signed(s.gain()) + ")";
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

    private static String score(@Nullable Double score) {
        return score == null ? "not scored" : ClassOverviewView.fmt(score);
    }

    static final int WIDTH = 360;
    static final int ROW = 34;
    static final int LABEL = 100;

    /**
     * Share of each type's key claims found, first assignment (outlined bar) against latest
     * (filled bar): two shapes, not two colours, with the numbers written beside each bar. The
     * wrapper's label says the same in words, and the table below holds every number.
     */
    static Div chart(List<WorkTallies.Change<ClaimType>> changes) {
        StringBuilder sentence = new StringBuilder("Share of the key's claims you found, by type. ");
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
            String name = typeName(c.category());
            sentence.append(name).append(": first ").append(percent(c.first()));
            svg.append("<text x=\"0\" y=\"")
                    .append(y + 18)
                    .append("\" font-size=\"12\" fill=\"currentColor\">")
                    .append(name)
                    .append("</text>");
            bar(svg, y + 2, c.first(), false);
            if (c.latest() != null) {
                sentence.append(", latest ").append(percent(c.latest()));
                bar(svg, y + 17, c.latest(), true);
            }
            sentence.append(". ");
            y += ROW;
        }
        svg.append("</svg>");
        Div drawing = new Div();
        drawing.addClassName("progress-chart");
        drawing.getElement().setAttribute("role", "img");
        drawing.getElement().setAttribute("aria-label", sentence.toString().strip());
        drawing.getElement().setAttribute("data-testid", "progress-chart");
        drawing.getElement().setProperty("innerHTML", svg.toString());
        Paragraph legend = new Paragraph("Outlined bar: your first assignment. Filled bar: your latest.");
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

    private static String percent(WorkTallies.Tally<?> t) {
        return t.found() + " of " + t.total() + " (" + Math.round(100 * t.foundShare()) + "%)";
    }

    /** "Attributed": a claim type's name as a heading. */
    static String typeName(ClaimType type) {
        String code = type.code();
        return Character.toUpperCase(code.charAt(0)) + code.substring(1);
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
