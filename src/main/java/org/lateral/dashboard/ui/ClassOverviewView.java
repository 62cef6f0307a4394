package org.lateral.dashboard.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.SubmissionStatus;
import org.lateral.base.ui.EmptyState;
import org.lateral.base.ui.ExerciseNames;
import org.lateral.base.ui.RouteIds;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.RosterEntry;
import org.lateral.submission.ClassOverview;
import org.lateral.submission.ClassOverviewService;
import org.lateral.submission.ScoreStatistics;
import org.lateral.submission.ui.SubmissionNavigation;

/**
 * One class's assignments side by side (DD016, "Class overview"): how many students are where,
 * how the step scores spread, what revising gained, and which assignment went notably worse than
 * the class's usual. A plain table carries every number (screen readers, print); the small
 * drawings only repeat them, each with its sentence.
 */
@Route("dashboards/class")
@RolesAllowed("TEACHER")
class ClassOverviewView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final ClassOverviewService overviews;
    private final ClassroomService classroom;
    private String title = "Class overview · Lateral";

    ClassOverviewView(ClassOverviewService overviews, ClassroomService classroom) {
        this.overviews = overviews;
        this.classroom = classroom;
        addClassNames("page", "dashboard-print", "report-print", "class-overview-page");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        UUID classId = RouteIds.parse(parameter);
        ClassOverview overview = overviews.overview(classId).orElseThrow(NotFoundException::new);
        render(overview);
        classroom.classDetail(classId).ifPresent(c -> add(students(c)));
    }

    /** Each student of the class, linking to their drill-down (DD016, "Student drill-down"). */
    private static Div students(ClassDetail c) {
        Div box = new Div();
        box.setTestId("overview-students");
        box.add(new H3("Students"));
        if (c.roster().isEmpty()) {
            box.add(new Paragraph("This class has no students yet."));
            return box;
        }
        // A grid that draws only the rows on screen (issue 18): a class of a thousand does not put a
        // thousand links into the page.
        List<RosterEntry> roster = c.roster().stream()
                .sorted(Comparator.comparing(RosterEntry::displayName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(RosterEntry::username))
                .toList();
        Grid<RosterEntry> list = new Grid<>();
        list.addClassName("overview-student-list");
        list.setTestId("overview-students");
        list.setSelectionMode(Grid.SelectionMode.NONE);
        list.addComponentColumn(r -> {
                    Anchor link = DashboardNavigation.student(c.id(), r.studentId())
                            .anchor(r.displayName() + " (" + r.username() + ")");
                    link.getElement().setAttribute("router-link", true);
                    link.setTestId("overview-student-link");
                    link.getElement()
                            .setAttribute("data-student-id", r.studentId().toString());
                    return link;
                })
                .setHeader("Student")
                .setKey("student");
        list.setItems(q -> roster.stream().skip(q.getOffset()).limit(q.getLimit()), q -> roster.size());
        if (roster.size() <= 50) {
            list.setAllRowsVisible(true);
        } else {
            list.setHeight("30rem");
        }
        box.add(new Paragraph("Open a student to see their work on every assignment of the class."), list);
        return box;
    }

    private void render(ClassOverview o) {
        title = o.className() + " overview · Lateral";
        removeAll();
        Anchor back = DashboardNavigation.dashboards().anchor("\u2190 Dashboards");
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");
        H2 heading = new H2(o.className() + ": class overview");
        heading.setTestId("class-overview-name");
        add(back, heading);
        if (o.assignments().isEmpty()) {
            add(new EmptyState(
                    "class-overview-empty",
                    "This class has no assignment yet.",
                    "Give it an assignment from its class page; its completion and scores then show here."));
            return;
        }
        Paragraph about = new Paragraph("Scores are the ones that count for each step (a revision replaces the first "
                + "attempt's). \u201cMiddle half\u201d is where the middle half of the scored students lie. An "
                + "assignment is marked \u201cnotably lower\u201d when its median lesson score is at least "
                + fmt(ScoreStatistics.NOTABLY_LOWER_POINTS)
                + " points below the median of the class's other scored assignments.");
        about.addClassName("reader-note");
        about.setTestId("class-overview-about");
        add(about, table(o));
    }

    private static NativeTable table(ClassOverview o) {
        NativeTable table = new NativeTable();
        table.addClassName("overview-table");
        table.setTestId("class-overview");
        table.setCaptionText(o.className() + ": " + o.students()
                + (o.students() == 1 ? " student, " : " students, ")
                + o.assignments().size()
                + (o.assignments().size() == 1 ? " assignment" : " assignments"));
        NativeTableRow headRow = new NativeTableRow();
        headRow.add(col("Assignment"), col("Due"));
        for (SubmissionStatus status : SubmissionStatus.values()) {
            headRow.add(col(status.label()));
        }
        headRow.add(
                col("Lesson score (median)"), col("Steps: scores and revision gains"), col("Compared with the class"));
        table.getHead().addRows(headRow);
        NativeTableBody body = table.getBody();
        for (ClassOverview.AssignmentOverview a : o.assignments()) {
            body.addRows(row(o, a));
        }
        return table;
    }

    private static NativeTableRow row(ClassOverview o, ClassOverview.AssignmentOverview a) {
        NativeTableRow row = new NativeTableRow();
        row.getElement().setAttribute("data-testid", "overview-row");
        row.getElement().setAttribute("data-assignment-id", a.assignmentId().toString());
        NativeTableHeaderCell name = new NativeTableHeaderCell();
        name.getElement().setAttribute("scope", "row");
        Anchor results = SubmissionNavigation.results(a.assignmentId()).anchor(a.title());
        results.getElement().setAttribute("router-link", true);
        results.setTestId("overview-results-link");
        Anchor dashboard = DashboardNavigation.assignment(a.assignmentId()).anchor("Dashboard");
        dashboard.getElement().setAttribute("router-link", true);
        dashboard.setTestId("overview-dashboard-link");
        dashboard.addClassName("overview-dashboard-link");
        name.add(results, new com.vaadin.flow.component.html.Span(" \u00b7 "), dashboard);
        row.add(name);
        row.add(cell(DAY.format(a.dueAt().atZone(o.timeZone())) + (a.open() ? "" : " (not open yet)")));
        for (SubmissionStatus status : SubmissionStatus.values()) {
            NativeTableCell count = cell(String.valueOf(a.count(status)));
            count.getElement()
                    .setAttribute(
                            "data-testid", "overview-count-" + status.name().toLowerCase(Locale.ROOT));
            count.addClassName("overview-number");
            row.add(count);
        }
        Double lesson = a.lessonMedian();
        NativeTableCell lessonCell = cell(lesson == null ? "No scores yet" : fmt(lesson));
        lessonCell.getElement().setAttribute("data-testid", "overview-lesson-median");
        lessonCell.addClassName("overview-number");
        row.add(lessonCell);
        NativeTableCell steps = new NativeTableCell();
        UnorderedList list = new UnorderedList();
        list.addClassName("overview-steps");
        for (ClassOverview.StepOverview step : a.steps()) {
            list.add(step(step));
        }
        steps.add(list);
        row.add(steps);
        NativeTableCell compared = new NativeTableCell();
        if (a.notablyLower()) {
            row.addClassName("overview-flagged");
            Span flag = new Span("\u26a0 Notably lower: median " + fmt(a.lessonMedian()) + " against the usual "
                    + fmt(a.usualMedian()));
            flag.addClassName("overview-flag");
            flag.getElement().setAttribute("data-testid", "overview-flag");
            compared.add(flag);
        } else if (a.usualMedian() != null && lesson != null) {
            compared.add(new Span("In line (usual median " + fmt(a.usualMedian()) + ")"));
        } else {
            compared.add(new Span("Nothing to compare with yet"));
        }
        row.add(compared);
        return row;
    }

    private static ListItem step(ClassOverview.StepOverview step) {
        String name = ExerciseNames.shortName(step.exercise());
        ListItem item = new ListItem();
        item.addClassName("overview-step");
        ScoreStatistics.Spread s = step.scores();
        Span label = new Span(name + ": ");
        label.addClassName("overview-step-name");
        item.add(label);
        Span median = new Span(s == null ? "no scores yet" : "median " + fmt(s.median()));
        median.getElement().setAttribute("data-testid", "overview-median-" + step.exercise());
        item.add(median);
        if (s != null) {
            String sentence = sentence(name, s);
            Span spread = new Span(", lowest " + fmt(s.min()) + ", middle half " + fmt(s.q1()) + "\u2013" + fmt(s.q3())
                    + ", highest " + fmt(s.max()) + " (" + s.count() + " scored)");
            spread.getElement().setAttribute("data-testid", "overview-spread-" + step.exercise());
            item.add(spread);
            Div drawing = new Div();
            drawing.addClassName("overview-boxplot");
            // The drawing is the sentence's picture: the browser reads its label, not its shapes.
            drawing.getElement().setAttribute("role", "img");
            drawing.getElement().setAttribute("aria-label", sentence);
            drawing.getElement().setAttribute("data-testid", "overview-boxplot-" + step.exercise());
            drawing.getElement().setProperty("innerHTML", svg(s));
            item.add(drawing);
        }
        Span gain = new Span(
                step.medianGain() == null
                        ? "No revisions scored yet."
                        : "Revision gain: median " + signed(step.medianGain()) + " points (" + step.revised()
                                + (step.revised() == 1 ? " student revised)." : " students revised)."));
        gain.addClassName("overview-gain");
        gain.getElement().setAttribute("data-testid", "overview-gain-" + step.exercise());
        item.add(gain);
        return item;
    }

    static String sentence(String step, ScoreStatistics.Spread s) {
        return step + " scores of " + s.count() + (s.count() == 1 ? " student" : " students") + ": lowest "
                + fmt(s.min()) + ", middle half from " + fmt(s.q1()) + " to " + fmt(s.q3()) + ", median "
                + fmt(s.median()) + ", highest " + fmt(s.max()) + " (out of 100).";
    }

    static final int WIDTH = 200;
    static final int HEIGHT = 28;

    /**
     * A box plot on a 0 to 100 scale: a whisker from lowest to highest, a box over the middle half
     * and a thick bar at the median. Shapes, not colours, tell the parts apart, so it prints and
     * reads the same in greyscale. Only numbers go into the markup, never text from users.
     */
    static String svg(ScoreStatistics.Spread s) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\">");
        // The scale: a faint axis with ticks at 0, 50 and 100.
        svg.append("<line x1=\"")
                .append(x(0))
                .append("\" y1=\"24\" x2=\"")
                .append(x(100))
                .append("\" y2=\"24\" stroke=\"currentColor\" stroke-opacity=\"0.3\"/>");
        for (int tick : new int[] {0, 50, 100}) {
            svg.append("<line x1=\"")
                    .append(x(tick))
                    .append("\" y1=\"22\" x2=\"")
                    .append(x(tick))
                    .append("\" y2=\"26\" stroke=\"currentColor\" stroke-opacity=\"0.3\"/>");
        }
        svg.append("<line class=\"whisker\" x1=\"")
                .append(x(s.min()))
                .append("\" y1=\"11\" x2=\"")
                .append(x(s.max()))
                .append("\" y2=\"11\" stroke=\"currentColor\"/>");
        for (double end : new double[] {s.min(), s.max()}) {
            svg.append("<line x1=\"")
                    .append(x(end))
                    .append("\" y1=\"6\" x2=\"")
                    .append(x(end))
                    .append("\" y2=\"16\" stroke=\"currentColor\"/>");
        }
        svg.append("<rect class=\"iqr\" x=\"")
                .append(x(s.q1()))
                .append("\" y=\"4\" width=\"")
                .append(Math.max(1, x(s.q3()) - x(s.q1())))
                .append("\" height=\"14\" fill=\"currentColor\" fill-opacity=\"0.15\" stroke=\"currentColor\"/>");
        svg.append("<line class=\"median\" x1=\"")
                .append(x(s.median()))
                .append("\" y1=\"2\" x2=\"")
                .append(x(s.median()))
                .append("\" y2=\"20\" stroke=\"currentColor\" stroke-width=\"3\"/>");
        return svg.append("</svg>").toString();
    }

    /** Scores 0 to 100 across the drawing, 4 pixels kept free at each side. */
    private static int x(double score) {
        return 4 + (int) Math.round(Math.max(0, Math.min(100, score)) * (WIDTH - 8) / 100);
    }

    private static NativeTableHeaderCell col(String text) {
        NativeTableHeaderCell th = new NativeTableHeaderCell(text);
        th.getElement().setAttribute("scope", "col");
        return th;
    }

    private static NativeTableCell cell(String text) {
        return new NativeTableCell(text);
    }

    /** A score as the results page shows it: one decimal, none when whole. */
    static String fmt(@Nullable Double value) {
        if (value == null) {
            return "\u2013";
        }
        double v = ScoreStatistics.round(value);
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String signed(double value) {
        return (value > 0 ? "+" : value < 0 ? "\u2212" : "\u00b1") + fmt(Math.abs(value));
    }
}
