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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.SubmissionStatus;
import org.lateral.base.i18n.Formats;
import org.lateral.base.ui.EmptyState;
import org.lateral.base.ui.RouteIds;
import org.lateral.base.ui.ScrollRegions;
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

    private final ClassOverviewService overviews;
    private final ClassroomService classroom;
    private @Nullable String className;

    ClassOverviewView(ClassOverviewService overviews, ClassroomService classroom) {
        this.overviews = overviews;
        this.classroom = classroom;
        addClassNames("page", "dashboard-print", "report-print", "class-overview-page");
    }

    @Override
    public String getPageTitle() {
        return getTranslation(
                "base.pageTitle",
                className == null
                        ? getTranslation("dashboard.overview.title")
                        : getTranslation("dashboard.overview.titleOf", className));
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        UUID classId = RouteIds.parse(parameter);
        ClassOverview overview = overviews.overview(classId).orElseThrow(NotFoundException::new);
        render(overview);
        classroom.classDetail(classId).ifPresent(c -> add(students(c)));
    }

    /** Each student of the class, linking to their drill-down (DD016, "Student drill-down"). */
    private Div students(ClassDetail c) {
        Div box = new Div();
        box.setTestId("overview-students");
        box.add(new H3(getTranslation("dashboard.overview.students.heading")));
        if (c.roster().isEmpty()) {
            box.add(new Paragraph(getTranslation("dashboard.overview.students.none")));
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
                            .anchor(getTranslation("dashboard.student.withUsername", r.displayName(), r.username()));
                    link.getElement().setAttribute("router-link", true);
                    link.setTestId("overview-student-link");
                    link.getElement()
                            .setAttribute("data-student-id", r.studentId().toString());
                    return link;
                })
                .setHeader(getTranslation("dashboard.overview.students.column"))
                .setKey("student");
        list.setItems(q -> roster.stream().skip(q.getOffset()).limit(q.getLimit()), q -> roster.size());
        if (roster.size() <= 50) {
            list.setAllRowsVisible(true);
        } else {
            list.setHeight("30rem");
        }
        box.add(new Paragraph(getTranslation("dashboard.overview.students.intro")), list);
        return box;
    }

    private void render(ClassOverview o) {
        className = o.className();
        removeAll();
        Anchor back = DashboardNavigation.dashboards().anchor("\u2190 " + getTranslation("dashboard.dashboards.title"));
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");
        H2 heading = new H2(getTranslation("dashboard.overview.heading", o.className()));
        heading.setTestId("class-overview-name");
        add(back, heading);
        if (o.assignments().isEmpty()) {
            add(new EmptyState(
                    "class-overview-empty",
                    getTranslation("dashboard.overview.empty.title"),
                    getTranslation("dashboard.overview.empty.text")));
            return;
        }
        Paragraph about = new Paragraph(getTranslation(
                "dashboard.overview.about", DashboardText.score(ScoreStatistics.NOTABLY_LOWER_POINTS, getLocale())));
        about.addClassName("reader-note");
        about.setTestId("class-overview-about");
        add(about, table(o));
    }

    private Div table(ClassOverview o) {
        NativeTable table = new NativeTable();
        table.addClassName("overview-table");
        table.setTestId("class-overview");
        table.setCaptionText(getTranslation(
                "dashboard.overview.caption",
                o.className(),
                o.students(),
                o.assignments().size()));
        NativeTableRow headRow = new NativeTableRow();
        headRow.add(
                col(getTranslation("dashboard.overview.column.assignment")),
                col(getTranslation("dashboard.overview.column.due")));
        for (SubmissionStatus status : SubmissionStatus.values()) {
            headRow.add(col(DashboardText.status(this, status)));
        }
        headRow.add(
                col(getTranslation("dashboard.overview.column.lessonScore")),
                col(getTranslation("dashboard.overview.column.steps")),
                col(getTranslation("dashboard.overview.column.compared")));
        table.getHead().addRows(headRow);
        NativeTableBody body = table.getBody();
        for (ClassOverview.AssignmentOverview a : o.assignments()) {
            body.addRows(row(o, a));
        }
        return ScrollRegions.wideTable(table, table.getCaption().getText());
    }

    private NativeTableRow row(ClassOverview o, ClassOverview.AssignmentOverview a) {
        NativeTableRow row = new NativeTableRow();
        row.getElement().setAttribute("data-testid", "overview-row");
        row.getElement().setAttribute("data-assignment-id", a.assignmentId().toString());
        NativeTableHeaderCell name = new NativeTableHeaderCell();
        name.getElement().setAttribute("scope", "row");
        Anchor results = SubmissionNavigation.results(a.assignmentId()).anchor(a.title());
        results.getElement().setAttribute("router-link", true);
        results.setTestId("overview-results-link");
        Anchor dashboard = DashboardNavigation.assignment(a.assignmentId())
                .anchor(getTranslation("dashboard.overview.dashboardLink"));
        dashboard.getElement().setAttribute("router-link", true);
        dashboard.setTestId("overview-dashboard-link");
        dashboard.addClassName("overview-dashboard-link");
        name.add(results, new com.vaadin.flow.component.html.Span(" \u00b7 "), dashboard);
        row.add(name);
        String due = Formats.day(a.dueAt().atZone(o.timeZone()).toLocalDate(), getLocale());
        row.add(cell(a.open() ? due : getTranslation("dashboard.overview.notOpenYet", due)));
        for (SubmissionStatus status : SubmissionStatus.values()) {
            NativeTableCell count = cell(DashboardText.count(a.count(status), getLocale()));
            count.getElement()
                    .setAttribute(
                            "data-testid", "overview-count-" + status.name().toLowerCase(Locale.ROOT));
            count.addClassName("overview-number");
            row.add(count);
        }
        Double lesson = a.lessonMedian();
        NativeTableCell lessonCell = cell(
                lesson == null
                        ? getTranslation("dashboard.overview.noScores")
                        : DashboardText.score(lesson, getLocale()));
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
            Span flag = new Span(getTranslation(
                    "dashboard.overview.flag",
                    DashboardText.score(a.lessonMedian(), getLocale()),
                    DashboardText.score(a.usualMedian(), getLocale())));
            flag.addClassName("overview-flag");
            flag.getElement().setAttribute("data-testid", "overview-flag");
            compared.add(flag);
        } else if (a.usualMedian() != null && lesson != null) {
            compared.add(new Span(
                    getTranslation("dashboard.overview.inLine", DashboardText.score(a.usualMedian(), getLocale()))));
        } else {
            compared.add(new Span(getTranslation("dashboard.overview.nothingToCompare")));
        }
        row.add(compared);
        return row;
    }

    private ListItem step(ClassOverview.StepOverview step) {
        String name = DashboardText.shortExercise(this, step.exercise());
        Locale locale = getLocale();
        ListItem item = new ListItem();
        item.addClassName("overview-step");
        ScoreStatistics.Spread s = step.scores();
        Span label = new Span(name + ": ");
        label.addClassName("overview-step-name");
        item.add(label);
        Span median = new Span(
                s == null
                        ? getTranslation("dashboard.overview.step.noScores")
                        : getTranslation("dashboard.overview.step.median", DashboardText.score(s.median(), locale)));
        median.getElement().setAttribute("data-testid", "overview-median-" + step.exercise());
        item.add(median);
        if (s != null) {
            String sentence = sentence(name, s);
            Span spread = new Span(getTranslation(
                    "dashboard.overview.step.spread",
                    DashboardText.score(s.min(), locale),
                    DashboardText.score(s.q1(), locale),
                    DashboardText.score(s.q3(), locale),
                    DashboardText.score(s.max(), locale),
                    s.count()));
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
                        ? getTranslation("dashboard.overview.step.noRevisions")
                        : getTranslation(
                                "dashboard.overview.step.gain",
                                DashboardText.signed(step.medianGain(), locale),
                                step.revised()));
        gain.addClassName("overview-gain");
        gain.getElement().setAttribute("data-testid", "overview-gain-" + step.exercise());
        item.add(gain);
        return item;
    }

    private String sentence(String step, ScoreStatistics.Spread s) {
        Locale locale = getLocale();
        return getTranslation(
                "dashboard.overview.step.sentence",
                step,
                s.count(),
                DashboardText.score(s.min(), locale),
                DashboardText.score(s.q1(), locale),
                DashboardText.score(s.q3(), locale),
                DashboardText.score(s.median(), locale),
                DashboardText.score(s.max(), locale));
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
}
