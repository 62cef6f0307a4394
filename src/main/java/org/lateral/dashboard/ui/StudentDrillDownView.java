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
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.Coded;
import org.lateral.base.i18n.Formats;
import org.lateral.base.i18n.Labelled;
import org.lateral.base.ui.EmptyState;
import org.lateral.base.ui.RouteIds;
import org.lateral.base.ui.ScrollRegions;
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

    private final StudentWorkService work;
    private @Nullable String title;

    StudentDrillDownView(StudentWorkService work) {
        this.work = work;
        addClassNames("page", "dashboard-print", "student-drilldown-page");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", title == null ? getTranslation("dashboard.drilldown.title") : title);
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
        // Where another student of the class has the same name, the username tells which one this is.
        String name = d.nameShared()
                ? getTranslation("dashboard.student.withUsername", d.displayName(), d.username())
                : d.displayName();
        title = getTranslation("dashboard.drilldown.titleOf", name, d.className());
        removeAll();
        Anchor back = DashboardNavigation.classOverview(d.classId())
                .anchor("\u2190 " + getTranslation("dashboard.overview.titleOf", d.className()));
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");
        H2 heading = new H2(getTranslation("dashboard.drilldown.heading", name, d.className()));
        heading.setTestId("drilldown-name");
        add(back, heading);
        if (d.assignments().isEmpty()) {
            add(new EmptyState(
                    "drilldown-empty",
                    getTranslation("dashboard.drilldown.empty.title"),
                    getTranslation("dashboard.drilldown.empty.text")));
            return;
        }
        Paragraph about = new Paragraph(getTranslation("dashboard.drilldown.about"));
        about.addClassName("reader-note");
        add(about, assignments(d));
        add(new H3(getTranslation("dashboard.drilldown.claimTypes.heading")));
        add(
                d.claimTypes().isEmpty()
                        ? new Paragraph(getTranslation("dashboard.drilldown.claimTypes.none"))
                        : tallies(
                                "drilldown-claim-types",
                                getTranslation("dashboard.drilldown.claimTypes.caption"),
                                getTranslation("dashboard.drilldown.claimTypes.category"),
                                getTranslation("dashboard.drilldown.claimTypes.right"),
                                d.claimTypes()));
        add(new H3(getTranslation("dashboard.drilldown.sourceKinds.heading")));
        add(
                d.sourceKinds().isEmpty()
                        ? new Paragraph(getTranslation("dashboard.drilldown.sourceKinds.none"))
                        : tallies(
                                "drilldown-source-kinds",
                                getTranslation("dashboard.drilldown.sourceKinds.caption"),
                                getTranslation("dashboard.drilldown.sourceKinds.category"),
                                getTranslation("dashboard.drilldown.sourceKinds.right"),
                                d.sourceKinds()));
        add(new H3(getTranslation("dashboard.drilldown.notes.heading")));
        add(notes(d));
    }

    private Div assignments(StudentDrillDown d) {
        NativeTable table = new NativeTable();
        table.addClassName("overview-table");
        table.setTestId("drilldown-assignments");
        table.setCaptionText(getTranslation(
                "dashboard.drilldown.caption",
                d.displayName(),
                d.username(),
                d.assignments().size()));
        NativeTableRow head = new NativeTableRow();
        head.add(
                col(getTranslation("dashboard.drilldown.column.assignment")),
                col(getTranslation("dashboard.drilldown.column.due")),
                col(getTranslation("dashboard.drilldown.column.status")),
                col(getTranslation("dashboard.drilldown.column.steps")),
                col(getTranslation("dashboard.drilldown.column.lessonScore")));
        table.getHead().addRows(head);
        for (StudentDrillDown.AssignmentWork a : d.assignments()) {
            NativeTableRow row = new NativeTableRow();
            row.getElement().setAttribute("data-testid", "drilldown-row");
            row.getElement().setAttribute("data-assignment-id", a.assignmentId().toString());
            NativeTableHeaderCell name = new NativeTableHeaderCell(a.title());
            name.getElement().setAttribute("scope", "row");
            row.add(
                    name,
                    new NativeTableCell(
                            Formats.day(a.dueAt().atZone(d.timeZone()).toLocalDate(), getLocale())));
            NativeTableCell status = new NativeTableCell(
                    a.open()
                            ? DashboardText.status(this, a.status())
                            : getTranslation("dashboard.drilldown.notOpenYet"));
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
            String lessonScore = DashboardText.score(a.lessonScore(), getLocale());
            NativeTableCell lesson = new NativeTableCell(
                    a.lessonScore() != null && a.lessonProvisional()
                            ? getTranslation("dashboard.drilldown.provisional", lessonScore)
                            : lessonScore);
            lesson.getElement().setAttribute("data-testid", "drilldown-lesson-score");
            lesson.addClassName("overview-number");
            row.add(lesson);
            table.getBody().addRows(row);
        }
        return ScrollRegions.wideTable(table, table.getCaption().getText());
    }

    private ListItem step(StudentDrillDown.StepWork step, ZoneId zone) {
        ListItem item = new ListItem();
        item.addClassName("overview-step");
        item.getElement().setAttribute("data-testid", "drilldown-step-" + step.exercise());
        Span name = new Span(DashboardText.shortExercise(this, step.exercise()) + ": ");
        name.addClassName("overview-step-name");
        item.add(name);
        if (step.attempts().isEmpty()) {
            item.add(new Span(getTranslation("dashboard.drilldown.step.notStarted")));
            return item;
        }
        boolean firstAttempt = true;
        for (StudentDrillDown.AttemptWork a : step.attempts()) {
            if (!firstAttempt) {
                item.add(new Span("; "));
            }
            firstAttempt = false;
            Anchor link = SubmissionNavigation.review(a.attemptId())
                    .anchor(getTranslation("dashboard.drilldown.step.attempt", a.number()));
            link.getElement().setAttribute("router-link", true);
            link.setTestId("drilldown-attempt-link");
            item.add(link);
            Span about = new Span(" " + attempt(a, zone));
            about.getElement().setAttribute("data-testid", "drilldown-attempt");
            item.add(about);
        }
        if (step.gain() != null) {
            Span gain = new Span(
                    getTranslation("dashboard.drilldown.step.gain", DashboardText.signed(step.gain(), getLocale())));
            gain.getElement().setAttribute("data-testid", "drilldown-gain");
            item.add(gain);
        }
        item.add(new Span("."));
        return item;
    }

    /** "score 70 (set by the teacher), found 2 of 26 (1 right), submitted Dec 3, 2026, 10:00 AM (UTC)". */
    private String attempt(StudentDrillDown.AttemptWork a, ZoneId zone) {
        StringBuilder text = new StringBuilder();
        if (a.submittedAt() == null) {
            return getTranslation("dashboard.drilldown.attempt.inProgress");
        }
        ScoreEntry score = a.score();
        if (score == null) {
            text.append(getTranslation("dashboard.drilldown.attempt.notScored"));
        } else {
            String figure = DashboardText.score(score.score(), getLocale());
            text.append(
                    score.overridden()
                            ? getTranslation("dashboard.drilldown.attempt.overridden", figure)
                            : getTranslation("dashboard.drilldown.attempt.score", figure));
        }
        if (a.found() != null) {
            text.append(getTranslation(
                    "dashboard.drilldown.attempt.found",
                    a.found().found(),
                    a.found().total(),
                    a.found().right()));
        }
        text.append(getTranslation(
                "dashboard.drilldown.attempt.submitted",
                Formats.dateTime(a.submittedAt().atZone(zone), getLocale())));
        if (a.late()) {
            text.append(getTranslation("dashboard.drilldown.attempt.late"));
        }
        return text.toString();
    }

    private <E extends Enum<E> & Coded & Labelled> Div tallies(
            String testId, String caption, String category, String rightHeading, List<WorkTallies.Tally<E>> tallies) {
        NativeTable table = new NativeTable();
        table.addClassName("overview-table");
        table.setTestId(testId);
        table.setCaptionText(caption);
        NativeTableRow head = new NativeTableRow();
        head.add(
                col(category),
                col(getTranslation("dashboard.drilldown.tallies.inKeys")),
                col(getTranslation("dashboard.drilldown.tallies.found")),
                col(rightHeading));
        table.getHead().addRows(head);
        for (WorkTallies.Tally<E> t : tallies) {
            NativeTableRow row = new NativeTableRow();
            row.getElement().setAttribute("data-testid", testId + "-row");
            row.getElement().setAttribute("data-category", t.category().code());
            NativeTableHeaderCell name = new NativeTableHeaderCell(DashboardText.label(this, t.category()));
            name.getElement().setAttribute("scope", "row");
            row.add(name, number(t.total()), number(t.found()), number(t.right()));
            table.getBody().addRows(row);
        }
        return ScrollRegions.wideTable(table, table.getCaption().getText());
    }

    private Div notes(StudentDrillDown d) {
        Locale locale = getLocale();
        Div notes = new Div();
        notes.setTestId("drilldown-notes");
        UnorderedList list = new UnorderedList();
        for (StudentDrillDown.AssignmentWork a : d.assignments()) {
            for (StudentDrillDown.StepWork step : a.steps()) {
                for (StudentDrillDown.AttemptWork attempt : step.attempts()) {
                    String stepName = DashboardText.shortExercise(this, step.exercise());
                    for (AttemptReview.Comment c : attempt.comments()) {
                        ListItem item = new ListItem(getTranslation(
                                "dashboard.drilldown.note.comment",
                                a.title(),
                                stepName,
                                attempt.number(),
                                c.author(),
                                c.body(),
                                Formats.dateTime(c.at().atZone(d.timeZone()), locale)));
                        item.getElement().setAttribute("data-testid", "drilldown-comment");
                        list.add(item);
                    }
                    for (ScoreEntry o : attempt.overrides()) {
                        String who = o.causedBy() == null
                                ? getTranslation("dashboard.drilldown.note.theTeacher")
                                : o.causedBy();
                        String why = o.comment() == null || o.comment().isBlank()
                                ? ""
                                : getTranslation("dashboard.drilldown.note.why", o.comment());
                        String when = Formats.dateTime(o.at().atZone(d.timeZone()), locale);
                        ListItem item = new ListItem(
                                o.overridden()
                                        ? getTranslation(
                                                "dashboard.drilldown.note.override",
                                                a.title(),
                                                stepName,
                                                attempt.number(),
                                                who,
                                                DashboardText.score(o.score(), locale),
                                                DashboardText.score(o.computed(), locale),
                                                why,
                                                when)
                                        : getTranslation(
                                                "dashboard.drilldown.note.overrideRemoved",
                                                a.title(),
                                                stepName,
                                                attempt.number(),
                                                who,
                                                DashboardText.score(o.score(), locale),
                                                why,
                                                when));
                        item.getElement().setAttribute("data-testid", "drilldown-override");
                        list.add(item);
                    }
                }
            }
        }
        if (list.getChildren().findAny().isEmpty()) {
            notes.add(new Paragraph(getTranslation("dashboard.drilldown.notes.none")));
        } else {
            notes.add(list);
        }
        return notes;
    }

    private NativeTableCell number(int n) {
        NativeTableCell cell = new NativeTableCell(DashboardText.count(n, getLocale()));
        cell.addClassName("overview-number");
        return cell;
    }

    private static NativeTableHeaderCell col(String text) {
        NativeTableHeaderCell th = new NativeTableHeaderCell(text);
        th.getElement().setAttribute("scope", "col");
        return th;
    }
}
