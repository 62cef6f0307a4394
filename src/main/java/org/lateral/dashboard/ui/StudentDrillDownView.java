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
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.WildcardParameter;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.lateral.base.ui.EmptyState;
import org.lateral.base.ui.ExerciseNames;
import org.lateral.base.ui.RouteIds;
import org.lateral.library.ClaimType;
import org.lateral.library.SourceKind;
import org.lateral.submission.AttemptReview;
import org.lateral.submission.ScoreEntry;
import org.lateral.submission.StudentDrillDown;
import org.lateral.submission.StudentWorkService;
import org.lateral.submission.WorkTallies;
import org.lateral.submission.ui.SubmissionNavigation;

/**
 * One student of a class across its assignments, for the teacher (DD016, "Student drill-down"):
 * status and scores per assignment and step with revision gains, what they found by claim type and
 * source kind, the teacher's comments and score overrides, and a link to every attempt. Tables
 * carry every number; nothing is told by colour.
 *
 * <p>The address is {@code dashboards/student/<classId>/<studentId>}: two ids after one route, as
 * one wildcard parameter, so the typed {@link org.lateral.base.ui.Destination} still builds it.
 */
@Route("dashboards/student")
@RolesAllowed("TEACHER")
class StudentDrillDownView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final StudentWorkService work;
    private String title = "Student · Lateral";

    StudentDrillDownView(StudentWorkService work) {
        this.work = work;
        addClassNames("page", "dashboard-print", "student-drilldown-page");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void setParameter(BeforeEvent event, @WildcardParameter String parameter) {
        String[] ids = parameter.split("/");
        if (ids.length != 2) {
            throw new NotFoundException();
        }
        UUID classId = RouteIds.parse(ids[0]);
        UUID studentId = RouteIds.parse(ids[1]);
        render(work.drillDown(classId, studentId).orElseThrow(NotFoundException::new));
    }

    private void render(StudentDrillDown d) {
        title = d.displayName() + " · " + d.className() + " · Lateral";
        removeAll();
        Anchor back = DashboardNavigation.classOverview(d.classId()).anchor("\u2190 " + d.className() + " overview");
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");
        H2 heading = new H2(d.displayName() + " in " + d.className());
        heading.setTestId("drilldown-name");
        add(back, heading);
        if (d.assignments().isEmpty()) {
            add(new EmptyState(
                    "drilldown-empty",
                    "This class has no assignment yet.",
                    "Once it has one, this student's work on it shows here."));
            return;
        }
        Paragraph about = new Paragraph("Scores are per attempt; the one that counts for a step is its latest scored "
                + "attempt. \u201cFound\u201d counts the key's items the scoring matched to the student's work in the "
                + "latest submitted attempt of each assignment; \u201cright\u201d counts those given a type or kind "
                + "the key accepts. A key claim that accepts several types is counted under the first of them.");
        about.addClassName("reader-note");
        add(about, assignments(d));
        add(new H3("By claim type"));
        add(
                d.claimTypes().isEmpty()
                        ? new Paragraph("No submitted claims work with an answer key yet.")
                        : tallies(
                                "drilldown-claim-types",
                                "Key claims by type, over every assignment",
                                "Claim type",
                                "Type right",
                                d.claimTypes(),
                                ProgressView::typeName,
                                ClaimType::code));
        add(new H3("By source kind"));
        add(
                d.sourceKinds().isEmpty()
                        ? new Paragraph("No submitted \u201cWho says so?\u201d work with an answer key yet.")
                        : tallies(
                                "drilldown-source-kinds",
                                "Key sources by kind, over every assignment",
                                "Source kind",
                                "Kind right",
                                d.sourceKinds(),
                                SourceKind::label,
                                SourceKind::code));
        add(new H3("Comments and score changes"));
        add(notes(d));
    }

    private static NativeTable assignments(StudentDrillDown d) {
        NativeTable table = new NativeTable();
        table.addClassName("overview-table");
        table.setTestId("drilldown-assignments");
        table.setCaptionText(d.displayName() + " (" + d.username() + "): "
                + d.assignments().size() + (d.assignments().size() == 1 ? " assignment" : " assignments"));
        NativeTableRow head = new NativeTableRow();
        head.add(
                col("Assignment"),
                col("Due"),
                col("Status"),
                col("Steps: attempts, scores and gains"),
                col("Lesson score"));
        table.getHead().addRows(head);
        for (StudentDrillDown.AssignmentWork a : d.assignments()) {
            NativeTableRow row = new NativeTableRow();
            row.getElement().setAttribute("data-testid", "drilldown-row");
            row.getElement().setAttribute("data-assignment-id", a.assignmentId().toString());
            NativeTableHeaderCell name = new NativeTableHeaderCell(a.title());
            name.getElement().setAttribute("scope", "row");
            row.add(name, new NativeTableCell(DAY.format(a.dueAt().atZone(d.timeZone()))));
            NativeTableCell status = new NativeTableCell(a.open() ? a.status().label() : "Not open yet");
            status.getElement().setAttribute("data-testid", "drilldown-status");
            row.add(status);
            NativeTableCell steps = new NativeTableCell();
            UnorderedList list = new UnorderedList();
            list.addClassName("overview-steps");
            for (StudentDrillDown.StepWork step : a.steps()) {
                list.add(step(step, d.timeZone()));
            }
            steps.add(list);
            row.add(steps);
            NativeTableCell lesson = new NativeTableCell(
                    a.lessonScore() == null
                            ? "\u2013"
                            : ClassOverviewView.fmt(a.lessonScore()) + (a.lessonProvisional() ? " (provisional)" : ""));
            lesson.getElement().setAttribute("data-testid", "drilldown-lesson-score");
            lesson.addClassName("overview-number");
            row.add(lesson);
            table.getBody().addRows(row);
        }
        return table;
    }

    private static ListItem step(StudentDrillDown.StepWork step, ZoneId zone) {
        ListItem item = new ListItem();
        item.addClassName("overview-step");
        item.getElement().setAttribute("data-testid", "drilldown-step-" + step.exercise());
        Span name = new Span(ExerciseNames.shortName(step.exercise()) + ": ");
        name.addClassName("overview-step-name");
        item.add(name);
        if (step.attempts().isEmpty()) {
            item.add(new Span("not started."));
            return item;
        }
        boolean firstAttempt = true;
        for (StudentDrillDown.AttemptWork a : step.attempts()) {
            if (!firstAttempt) {
                item.add(new Span("; "));
            }
            firstAttempt = false;
            Anchor link = SubmissionNavigation.review(a.attemptId()).anchor("attempt " + a.number());
            link.getElement().setAttribute("router-link", true);
            link.setTestId("drilldown-attempt-link");
            item.add(link);
            Span about = new Span(" " + attempt(a, zone));
            about.getElement().setAttribute("data-testid", "drilldown-attempt");
            item.add(about);
        }
        if (step.gain() != null) {
            Span gain = new Span(". Revision gain " + signed(step.gain()) + " points");
            gain.getElement().setAttribute("data-testid", "drilldown-gain");
            item.add(gain);
        }
        item.add(new Span("."));
        return item;
    }

    /** "score 70 (found 2 of 26, 1 with the type right), submitted 3 Dec 2026, 10:00". */
    static String attempt(StudentDrillDown.AttemptWork a, ZoneId zone) {
        StringBuilder text = new StringBuilder();
        if (a.submittedAt() == null) {
            return "in progress";
        }
        ScoreEntry score = a.score();
        text.append(score == null ? "not scored" : "score " + ClassOverviewView.fmt(score.score()));
        if (score != null && score.overridden()) {
            text.append(" (set by the teacher)");
        }
        if (a.found() != null) {
            text.append(", found ")
                    .append(a.found().found())
                    .append(" of ")
                    .append(a.found().total())
                    .append(" (")
                    .append(a.found().right())
                    .append(" right)");
        }
        text.append(", submitted ").append(WHEN.format(a.submittedAt().atZone(zone)));
        if (a.late()) {
            text.append(", late");
        }
        return text.toString();
    }

    static <E extends Enum<E>> NativeTable tallies(
            String testId,
            String caption,
            String category,
            String rightHeading,
            List<WorkTallies.Tally<E>> tallies,
            Function<E, String> label,
            Function<E, String> code) {
        NativeTable table = new NativeTable();
        table.addClassName("overview-table");
        table.setTestId(testId);
        table.setCaptionText(caption);
        NativeTableRow head = new NativeTableRow();
        head.add(col(category), col("In the keys"), col("Found"), col(rightHeading));
        table.getHead().addRows(head);
        for (WorkTallies.Tally<E> t : tallies) {
            NativeTableRow row = new NativeTableRow();
            row.getElement().setAttribute("data-testid", testId + "-row");
            row.getElement().setAttribute("data-category", code.apply(t.category()));
            NativeTableHeaderCell name = new NativeTableHeaderCell(label.apply(t.category()));
            name.getElement().setAttribute("scope", "row");
            row.add(name, number(t.total()), number(t.found()), number(t.right()));
            table.getBody().addRows(row);
        }
        return table;
    }

    private static Div notes(StudentDrillDown d) {
        Div notes = new Div();
        notes.setTestId("drilldown-notes");
        UnorderedList list = new UnorderedList();
        for (StudentDrillDown.AssignmentWork a : d.assignments()) {
            for (StudentDrillDown.StepWork step : a.steps()) {
                for (StudentDrillDown.AttemptWork attempt : step.attempts()) {
                    String where = a.title() + ", " + ExerciseNames.shortName(step.exercise()) + ", attempt "
                            + attempt.number() + ": ";
                    for (AttemptReview.Comment c : attempt.comments()) {
                        ListItem item = new ListItem(where + c.author() + " commented \u201c" + c.body() + "\u201d ("
                                + WHEN.format(c.at().atZone(d.timeZone())) + ").");
                        item.getElement().setAttribute("data-testid", "drilldown-comment");
                        list.add(item);
                    }
                    for (ScoreEntry o : attempt.overrides()) {
                        String who = o.causedBy() == null ? "The teacher" : o.causedBy();
                        String what = o.overridden()
                                ? who + " set the score to " + ClassOverviewView.fmt(o.score()) + " (the rules gave "
                                        + ClassOverviewView.fmt(o.computed()) + ")"
                                : who + " removed their score; the rules' " + ClassOverviewView.fmt(o.score())
                                        + " counts again";
                        String why =
                                o.comment() == null || o.comment().isBlank() ? "" : ": \u201c" + o.comment() + "\u201d";
                        ListItem item = new ListItem(
                                where + what + why + " (" + WHEN.format(o.at().atZone(d.timeZone())) + ").");
                        item.getElement().setAttribute("data-testid", "drilldown-override");
                        list.add(item);
                    }
                }
            }
        }
        if (list.getChildren().findAny().isEmpty()) {
            notes.add(new Paragraph("No comments or score changes by a teacher yet."));
        } else {
            notes.add(list);
        }
        return notes;
    }

    private static NativeTableCell number(int n) {
        NativeTableCell cell = new NativeTableCell(String.valueOf(n));
        cell.addClassName("overview-number");
        return cell;
    }

    private static NativeTableHeaderCell col(String text) {
        NativeTableHeaderCell th = new NativeTableHeaderCell(text);
        th.getElement().setAttribute("scope", "col");
        return th;
    }

    static String signed(double value) {
        return (value > 0 ? "+" : value < 0 ? "\u2212" : "\u00b1") + ClassOverviewView.fmt(Math.abs(value));
    }
}
