package org.lateral.dashboard.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.lateral.audit.ui.AuditNavigation;
import org.lateral.base.ui.EmptyState;
import org.lateral.base.ui.NamedRoute;
import org.lateral.base.ui.RouteName;
import org.lateral.base.ui.ScrollRegions;
import org.lateral.library.PackService;
import org.lateral.library.ui.PackPanel;
import org.lateral.submission.SchoolOverview;
import org.lateral.submission.SchoolOverviewService;

/**
 * The school view for a school admin (DD016, "School view"): each class's completion and, per
 * exercise kind, the average score and revision gain, with the whole school's figures first. Only
 * counts and averages, never a student's name: the admin looks after the school, the teacher
 * after the class. A plain table carries every number; the bars repeat the completion, each
 * with its figure written beside it. Below, the school's exercise packs (DD020).
 */
@Route("dashboards/school")
@NamedRoute(RouteName.SCHOOL_VIEW)
@RolesAllowed("ADMIN")
class SchoolView extends Div implements HasDynamicTitle {

    SchoolView(SchoolOverviewService schools, PackService packs) {
        addClassNames("page", "dashboard-print", "report-print", "school-view-page");
        SchoolOverview o = schools.overview();
        H2 heading = new H2(getTranslation("dashboard.school.heading", o.schoolName()));
        heading.setTestId("school-view-name");
        add(heading);
        var audit = AuditNavigation.audit().anchor(getTranslation("dashboard.school.auditLink"));
        audit.setTestId("audit-link");
        add(new Paragraph(audit));
        if (o.classes().isEmpty()) {
            add(new EmptyState(
                    "school-view-empty",
                    getTranslation("dashboard.school.empty.title"),
                    getTranslation("dashboard.school.empty.text")));
        } else {
            figures(o);
        }
        // The library's packs are school-wide: an admin who does not teach looks after them here (DD020).
        PackPanel panel = new PackPanel(packs);
        panel.addClassName("no-print");
        add(panel);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", getTranslation("dashboard.school.title"));
    }

    private void figures(SchoolOverview o) {
        Integer completion = o.completionPercent();
        Paragraph summary = new Paragraph(
                getTranslation("dashboard.school.summary.classes", o.classes().size())
                        + " · "
                        + (completion == null
                                ? getTranslation("dashboard.school.summary.noAssignment")
                                : getTranslation(
                                        "dashboard.school.summary.lessons",
                                        o.submittedLessons(),
                                        o.givenLessons(),
                                        DashboardText.percent(completion, getLocale()))));
        summary.setTestId("school-view-summary");
        summary.addClassName("school-summary");
        Paragraph about = new Paragraph(getTranslation("dashboard.school.about"));
        about.addClassName("reader-note");
        add(
                summary,
                about,
                new H3(getTranslation("dashboard.school.wholeSchool")),
                exercises(o.exercises()),
                new H3(getTranslation("dashboard.school.classesHeading")),
                classes(o));
    }

    private Div exercises(List<SchoolOverview.ExerciseFigures> figures) {
        NativeTable table = new NativeTable();
        table.addClassName("overview-table");
        table.setTestId("school-exercises");
        table.setCaptionText(getTranslation("dashboard.school.exercises.caption"));
        NativeTableRow head = new NativeTableRow();
        head.add(
                col(getTranslation("dashboard.school.exercises.exercise")),
                col(getTranslation("dashboard.school.exercises.scored")),
                col(getTranslation("dashboard.school.exercises.averageScore")),
                col(getTranslation("dashboard.school.exercises.revised")),
                col(getTranslation("dashboard.school.exercises.averageGain")));
        table.getHead().addRows(head);
        for (SchoolOverview.ExerciseFigures f : figures) {
            NativeTableRow row = new NativeTableRow();
            row.getElement().setAttribute("data-testid", "school-exercise-row");
            row.getElement().setAttribute("data-exercise", f.exercise());
            NativeTableHeaderCell name = new NativeTableHeaderCell(DashboardText.exercise(this, f.exercise()));
            name.getElement().setAttribute("scope", "row");
            row.add(
                    name,
                    number(DashboardText.count(f.scored(), getLocale()), "school-exercise-scored"),
                    number(DashboardText.score(f.meanScore(), getLocale()), "school-exercise-score"),
                    number(DashboardText.count(f.revised(), getLocale()), "school-exercise-revised"),
                    number(DashboardText.gain(f.meanGain(), getLocale()), "school-exercise-gain"));
            table.getBody().addRows(row);
        }
        return ScrollRegions.wideTable(table, table.getCaption().getText());
    }

    private Div classes(SchoolOverview o) {
        NativeTable table = new NativeTable();
        table.addClassName("overview-table");
        table.setTestId("school-classes");
        table.setCaptionText(getTranslation("dashboard.school.classes.caption"));
        NativeTableRow head = new NativeTableRow();
        head.add(
                col(getTranslation("dashboard.school.classes.class")),
                col(getTranslation("dashboard.school.classes.teacher")),
                col(getTranslation("dashboard.school.classes.students")),
                col(getTranslation("dashboard.school.classes.assignmentsOpen")),
                col(getTranslation("dashboard.school.classes.submitted")));
        for (String exercise : o.exercises().stream()
                .map(SchoolOverview.ExerciseFigures::exercise)
                .toList()) {
            String name = DashboardText.shortExercise(this, exercise);
            head.add(col(getTranslation("dashboard.school.classes.averageScore", name)));
            head.add(col(getTranslation("dashboard.school.classes.averageGain", name)));
        }
        table.getHead().addRows(head);
        for (SchoolOverview.ClassRow c : o.classes()) {
            NativeTableRow row = new NativeTableRow();
            row.getElement().setAttribute("data-testid", "school-class-row");
            row.getElement().setAttribute("data-class-id", c.classId().toString());
            NativeTableHeaderCell name = new NativeTableHeaderCell(c.name());
            name.getElement().setAttribute("scope", "row");
            row.add(
                    name,
                    new NativeTableCell(c.teacherName()),
                    number(DashboardText.count(c.students(), getLocale()), "school-class-students"),
                    number(
                            c.later() == 0
                                    ? DashboardText.count(c.assignments(), getLocale())
                                    : getTranslation(
                                            "dashboard.school.classes.openingLater", c.assignments(), c.later()),
                            "school-class-assignments"),
                    completion(c));
            for (SchoolOverview.ExerciseFigures f : c.exercises()) {
                row.add(number(
                        f.scored() == 0
                                ? "\u2013"
                                : DashboardText.score(f.meanScore(), getLocale()) + " ("
                                        + DashboardText.count(f.scored(), getLocale()) + ")",
                        "school-class-score-" + f.exercise()));
                row.add(number(
                        f.revised() == 0
                                ? "\u2013"
                                : DashboardText.gain(f.meanGain(), getLocale()) + " ("
                                        + DashboardText.count(f.revised(), getLocale()) + ")",
                        "school-class-gain-" + f.exercise()));
            }
            table.getBody().addRows(row);
        }
        return ScrollRegions.wideTable(table, table.getCaption().getText());
    }

    /** The class's completion as words and a bar that repeats them (the bar is hidden from readers). */
    private NativeTableCell completion(SchoolOverview.ClassRow c) {
        NativeTableCell cell = new NativeTableCell();
        cell.getElement().setAttribute("data-testid", "school-class-completion");
        Integer percent = c.completionPercent();
        if (percent == null) {
            cell.setText(getTranslation(
                    c.assignments() == 0
                            ? "dashboard.school.completion.noAssignment"
                            : "dashboard.school.completion.noStudents"));
            return cell;
        }
        Span words = new Span(getTranslation(
                "dashboard.school.completion.figure",
                c.submitted(),
                c.given(),
                DashboardText.percent(percent, getLocale())));
        Span bar = new Span();
        bar.addClassName("completion-bar");
        bar.getElement().setAttribute("aria-hidden", "true");
        Span fill = new Span();
        fill.addClassName("completion-bar-fill");
        fill.getStyle().set("width", percent + "%");
        bar.add(fill);
        cell.add(words, bar);
        cell.addClassName("overview-number");
        return cell;
    }

    private static NativeTableCell number(String text, String testId) {
        NativeTableCell cell = new NativeTableCell(text);
        cell.getElement().setAttribute("data-testid", testId);
        cell.addClassName("overview-number");
        return cell;
    }

    private static NativeTableHeaderCell col(String text) {
        NativeTableHeaderCell th = new NativeTableHeaderCell(text);
        th.getElement().setAttribute("scope", "col");
        return th;
    }
}
