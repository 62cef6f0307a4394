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
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lateral.audit.ui.AuditNavigation;
import org.lateral.base.ui.EmptyState;
import org.lateral.base.ui.ExerciseNames;
import org.lateral.base.ui.NamedRoute;
import org.lateral.base.ui.RouteName;
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
@PageTitle("School view · Lateral")
@RolesAllowed("ADMIN")
class SchoolView extends Div {

    SchoolView(SchoolOverviewService schools, PackService packs) {
        addClassNames("page", "dashboard-print", "report-print", "school-view-page");
        SchoolOverview o = schools.overview();
        H2 heading = new H2(o.schoolName() + ": school view");
        heading.setTestId("school-view-name");
        add(heading);
        var audit = AuditNavigation.audit().anchor("Audit trail: sign-ins, refusals and changes");
        audit.setTestId("audit-link");
        add(new Paragraph(audit));
        if (o.classes().isEmpty()) {
            add(new EmptyState(
                    "school-view-empty",
                    "Your school has no class yet.",
                    "When teachers create classes and give them assignments, each class's completion and "
                            + "average gains show here."));
        } else {
            figures(o);
        }
        // The library's packs are school-wide: an admin who does not teach looks after them here (DD020).
        PackPanel panel = new PackPanel(packs);
        panel.addClassName("no-print");
        add(panel);
    }

    private void figures(SchoolOverview o) {
        Integer completion = o.completionPercent();
        Paragraph summary = new Paragraph(o.classes().size()
                + (o.classes().size() == 1 ? " class" : " classes")
                + " · "
                + (completion == null
                        ? "no assignment given yet"
                        : o.submittedLessons() + " of " + o.givenLessons() + " lessons submitted (" + completion
                                + "%)"));
        summary.setTestId("school-view-summary");
        summary.addClassName("school-summary");
        Paragraph about = new Paragraph("A lesson is one assignment open now, given to one student on a class's "
                + "roster now; "
                + "it counts as submitted when every step of it is, on time or late. A step's score is the one "
                + "that counts (a revision replaces the first attempt's). The gain is the second attempt's score "
                + "minus the first's, averaged over the steps a student revised. No student is named here.");
        about.addClassName("reader-note");
        add(summary, about, new H3("The whole school"), exercises(o.exercises()), new H3("Classes"), classes(o));
    }

    private static NativeTable exercises(List<SchoolOverview.ExerciseFigures> figures) {
        NativeTable table = new NativeTable();
        table.addClassName("overview-table");
        table.setTestId("school-exercises");
        table.setCaptionText("Average score and revision gain per exercise, across the school");
        NativeTableRow head = new NativeTableRow();
        head.add(col("Exercise"), col("Steps scored"), col("Average score"), col("Steps revised"), col("Average gain"));
        table.getHead().addRows(head);
        for (SchoolOverview.ExerciseFigures f : figures) {
            NativeTableRow row = new NativeTableRow();
            row.getElement().setAttribute("data-testid", "school-exercise-row");
            row.getElement().setAttribute("data-exercise", f.exercise());
            NativeTableHeaderCell name = new NativeTableHeaderCell(ExerciseNames.name(f.exercise()));
            name.getElement().setAttribute("scope", "row");
            row.add(
                    name,
                    number(String.valueOf(f.scored()), "school-exercise-scored"),
                    number(ClassOverviewView.fmt(f.meanScore()), "school-exercise-score"),
                    number(String.valueOf(f.revised()), "school-exercise-revised"),
                    number(gain(f.meanGain()), "school-exercise-gain"));
            table.getBody().addRows(row);
        }
        return table;
    }

    private static NativeTable classes(SchoolOverview o) {
        NativeTable table = new NativeTable();
        table.addClassName("overview-table");
        table.setTestId("school-classes");
        table.setCaptionText("Each class: completion, then average score and gain per exercise (steps counted)");
        NativeTableRow head = new NativeTableRow();
        head.add(col("Class"), col("Teacher"), col("Students"), col("Assignments open"), col("Submitted"));
        for (String exercise : o.exercises().stream()
                .map(SchoolOverview.ExerciseFigures::exercise)
                .toList()) {
            head.add(col(ExerciseNames.shortName(exercise) + ": average score"));
            head.add(col(ExerciseNames.shortName(exercise) + ": average gain"));
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
                    number(String.valueOf(c.students()), "school-class-students"),
                    number(
                            c.assignments() + (c.later() == 0 ? "" : " (and " + c.later() + " opening later)"),
                            "school-class-assignments"),
                    completion(c));
            for (SchoolOverview.ExerciseFigures f : c.exercises()) {
                row.add(number(
                        f.scored() == 0 ? "\u2013" : ClassOverviewView.fmt(f.meanScore()) + " (" + f.scored() + ")",
                        "school-class-score-" + f.exercise()));
                row.add(number(
                        f.revised() == 0 ? "\u2013" : gain(f.meanGain()) + " (" + f.revised() + ")",
                        "school-class-gain-" + f.exercise()));
            }
            table.getBody().addRows(row);
        }
        return table;
    }

    /** The class's completion as words and a bar that repeats them (the bar is hidden from readers). */
    private static NativeTableCell completion(SchoolOverview.ClassRow c) {
        NativeTableCell cell = new NativeTableCell();
        cell.getElement().setAttribute("data-testid", "school-class-completion");
        Integer percent = c.completionPercent();
        if (percent == null) {
            cell.setText(c.assignments() == 0 ? "No assignment open yet" : "No students yet");
            return cell;
        }
        Span words = new Span(c.submitted() + " of " + c.given() + " (" + percent + "%)");
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

    private static String gain(@Nullable Double gain) {
        if (gain == null) {
            return "\u2013";
        }
        return (gain > 0 ? "+" : gain < 0 ? "\u2212" : "") + ClassOverviewView.fmt(Math.abs(gain));
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
